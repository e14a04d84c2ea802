import { describe, expect, it } from 'vitest'
import { readSourceTable } from '@/io/import/adapters'
import { analyseBoundaries } from '@/io/import/analyse-boundaries'
import { planSiteImport, summariseTable } from '@/io/import/site-import'
import { rejectedRowsCsv } from '@/io/import/rejected-csv'
import { fixture, fixtureTowns } from './fixtures'

const read = (name: string) => readSourceTable(name, fixture(name))

describe('broken files are refused with the row and field, and nothing to store', () => {
  it.each([
    ['broken-empty.csv', 'broken-empty.csv: the file is empty'],
    ['broken-junk.csv', 'broken-junk.csv: not a text file'],
    ['broken-truncated.csv', 'broken-truncated.csv: row 3: Quoted field unterminated (is the file cut off?)'],
    ['broken-delimiter.csv', 'broken-delimiter.csv: row 1: only one column "编号，名称，经度，纬度" in the header'],
    ['broken-zero-rows.xlsx', 'broken-zero-rows.xlsx [商户台账]: row 2: the sheet has a header but no data rows'],
  ])('%s', async (name, message) => {
    await expect(read(name)).rejects.toThrow(message)
  })

  it('rejects degrees/minutes written as text, naming the row and the field', async () => {
    const table = await read('broken-dms.csv')
    const summary = summariseTable(table)
    const result = planSiteImport(table, { mapping: summary.mapping, crs: 'wgs84', swap: false, idPrefix: 'x' }, { regions: await fixtureTowns(), sites: [] })
    expect(result).toMatchObject({ accepted: 0, sites: [], counts: { 'coordinates-text': 2 } })
    expect(result.rejected.map((r) => [r.row, r.field, r.code])).toEqual([[2, '经度', 'coordinates-text'], [3, '经度', 'coordinates-text']])
    expect(result.rejected[0]!.message).toContain('"116°27′" is degrees/minutes as text')
    const csv = rejectedRowsCsv(table.columns, result.rejected)
    expect(csv.startsWith('\uFEFF名称,经度,纬度,行号 row,字段 field,原因 reason\r\n甲店,116°27′,36°16′,2,经度,"coordinates-text: ""116°27′"" is degrees')).toBe(true)
  })

  it('rejects a self-intersecting boundary with the feature and the reason', async () => {
    const analysis = analyseBoundaries(await read('broken-self-intersection.geojson'), { codeField: 'code', nameField: 'name', crs: 'wgs84' })
    expect(analysis.regions).toEqual([])
    expect(analysis.rejected).toEqual([{ row: 1, name: '交叉镇', reason: 'self-intersection at 116.425000, 36.275000' }])
  })
})

describe('row validation', () => {
  it('reports duplicate ids, probable duplicates, unknown values and points outside China or the plan', async () => {
    const text = '\uFEFF编号,名称,状态,经度,纬度\na,甲,已开通,116.41,36.26\na,乙,已开通,116.42,36.26\nb,甲,已开通,116.41001,36.26001\nc,丙,营业中,116.43,36.27\nd,丁,,16.43,36.27\ne,戊,,116.60,36.27\nf,己,,,36.27\n'
    const table = await readSourceTable('rows.csv', new TextEncoder().encode(text))
    const summary = summariseTable(table)
    const result = planSiteImport(table, { mapping: summary.mapping, crs: 'wgs84', swap: false, idPrefix: 'x' }, { regions: await fixtureTowns(), sites: [] })
    expect(result.rejected.map((r) => [r.row, r.code, r.field])).toEqual([
      [3, 'duplicate-id', '编号'], [4, 'probable-duplicate', '名称'], [5, 'unknown-value', '状态'],
      [6, 'outside-china', '经度'], [7, 'outside-regions', '经度'], [8, 'coordinates-missing', '经度'],
    ])
    expect(result.accepted).toBe(1)
  })
})
