import { describe, expect, it } from 'vitest'
import { buildRegionIndex } from '@/core/geometry/region-index'
import { toWgs84 } from '@/io/crs'
import { previewSites } from '@/io/import/preview-sites'
import { planSiteImport } from '@/io/import/site-import'
import type { SourceTable } from '@/io/import/source-table'
import { distinctValues } from '@/io/import/value-mapping'
import { fixtureTowns } from './fixtures'

const MAPPING = { name: '名称', kind: '类型', status: '状态', lng: '经度', lat: '纬度' }

/** A register with the statuses and kinds a street office writes: some known, some its own. */
function register(rows: Array<[string, string, string, number, number]>): SourceTable {
  return Object.freeze({
    file: 'register.csv', format: 'csv', columns: ['名称', '类型', '状态', '经度', '纬度'], geometries: null,
    records: rows.map(([name, kind, status, lng, lat]) => ({ 名称: name, 类型: kind, 状态: status, 经度: String(lng), 纬度: String(lat) })),
    rowNumbers: rows.map((_, i) => i + 2),
  }) as SourceTable
}

const TABLE = register([
  ['甲', '商户', '已开通', 116.41, 36.26], ['乙', '餐饮', '已签约', 116.42, 36.27], ['丙', '药店', '已签约', 116.46, 36.28],
  ['丁', '商户', ' 已受理 ', 116.47, 36.26], ['戊', '', '作废', 116.43, 36.29], ['己', '商户', '已开通', 116.44, 36.27],
])

describe('value mapping', () => {
  it('lists the distinct status and kind values, most frequent first, with what the import reads them as', () => {
    const [status, kind] = distinctValues(TABLE, MAPPING)
    expect(status).toEqual({
      field: 'status', column: '状态', more: 0,
      values: [
        { value: '已开通', count: 2, auto: 'live' }, { value: '已签约', count: 2, auto: null },
        { value: '作废', count: 1, auto: null }, { value: '已受理', count: 1, auto: 'live' },
      ],
    })
    expect(kind!.values).toEqual([{ value: '商户', count: 3, auto: 'merchant' }, { value: '药店', count: 1, auto: null }, { value: '餐饮', count: 1, auto: 'merchant' }])
  })

  it('lists only mapped columns and cuts long lists, counting what it left off', () => {
    expect(distinctValues(TABLE, { name: '名称' })).toEqual([])
    const [status] = distinctValues(TABLE, { status: '状态' }, 2)
    expect(status!.values.map((v) => v.value)).toEqual(['已开通', '已签约'])
    expect(status!.more).toBe(2)
  })

  it('rejects unrecognised values by default, and imports them as the user maps them', async () => {
    const plan = { regions: await fixtureTowns(), sites: [] }
    const choices = { mapping: MAPPING, crs: 'wgs84' as const, swap: false, idPrefix: 'v' }
    const automatic = planSiteImport(TABLE, choices, plan)
    expect(automatic.counts['unknown-value']).toBe(3)
    expect(automatic.accepted).toBe(3)

    const mapped = planSiteImport(TABLE, { ...choices, values: { status: { 已签约: 'contacted', 作废: null }, kind: { 药店: 'merchant', 商户: 'other' } } }, plan)
    expect(mapped.counts['unknown-value']).toBe(0)
    expect(mapped.counts['rejected-value']).toBe(1)
    expect(mapped.rejected[0]).toMatchObject({ row: 6, field: '状态', code: 'rejected-value' })
    expect(mapped.sites.map((s) => [s.name, s.kind, s.status])).toEqual([
      ['甲', 'other', 'live'], ['乙', 'merchant', 'contacted'], ['丙', 'merchant', 'contacted'], ['丁', 'other', 'live'], ['己', 'other', 'live'],
    ])
  })
})

describe('map preview of the first rows', () => {
  it('converts with the chosen system and flags the points outside every region', async () => {
    const index = buildRegionIndex(await fixtureTowns())
    const table = register([['甲', '', '', 116.41, 36.26], ['乙', '', '', 0, 0], ['丙', '', '', 120.5, 30.1], ['丁', '', '', 116.46, 36.28]])
    const preview = previewSites(table, { mapping: MAPPING, crs: 'gcj02', swap: false }, index)
    expect(preview).toMatchObject({ rows: 4, unplaced: 1 })
    expect(preview.points.map((p) => [p.row, p.inside])).toEqual([[2, true], [4, false], [5, true]])
    const [lng, lat] = toWgs84(116.41, 36.26, 'gcj02')
    expect(preview.points[0]).toMatchObject({ lng, lat })
  })

  it('follows a swap and stops at the limit', () => {
    const table = register([['甲', '', '', 36.26, 116.41], ['乙', '', '', 36.27, 116.42], ['丙', '', '', 36.28, 116.43]])
    expect(previewSites(table, { mapping: MAPPING, crs: 'wgs84', swap: false }, null).unplaced).toBe(3)
    const swapped = previewSites(table, { mapping: MAPPING, crs: 'wgs84', swap: true }, null, 2)
    expect(swapped).toMatchObject({ rows: 2, unplaced: 0, points: [{ lng: 116.41, lat: 36.26, inside: true }, { lng: 116.42, lat: 36.27, inside: true }] })
  })
})
