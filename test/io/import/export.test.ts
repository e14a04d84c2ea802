import { describe, expect, it } from 'vitest'
import { readSourceTable } from '@/io/import/adapters'
import { planSiteImport, summariseTable } from '@/io/import/site-import'
import { sitesToCsv, sitesToGeoJson, sitesToXlsx } from '@/io/export/export-sites'
import { fixture, fixtureTowns } from './fixtures'

async function registerSites() {
  const table = await readSourceTable('sites-utf8-bom.csv', fixture('sites-utf8-bom.csv'))
  const summary = summariseTable(table)
  return planSiteImport(table, { mapping: summary.mapping, crs: 'wgs84', swap: false, idPrefix: 'x' }, { regions: await fixtureTowns(), sites: [] }).sites
}

describe('site export', () => {
  it('writes CSV with a BOM that imports again to the same sites', async () => {
    const sites = await registerSites()
    const csv = sitesToCsv(sites)
    expect(csv.startsWith('\uFEFF编号,名称,类型,状态,经度,纬度')).toBe(true)
    expect(csv.split('\r\n')[1]).toBe('m1,榆山超市,merchant,live,116.411111,36.261111,icbc,,,2023-03-01,1,')
    const again = await readSourceTable('export.csv', new TextEncoder().encode(csv))
    const result = planSiteImport(again, { mapping: summariseTable(again).mapping, crs: 'wgs84', swap: false, idPrefix: 'x' }, { regions: await fixtureTowns(), sites })
    expect(result).toMatchObject({ added: 0, updated: 0, unchanged: 5 })
  })

  it('writes GeoJSON and XLSX that read back', async () => {
    const sites = await registerSites()
    const geojson = await readSourceTable('export.geojson', new TextEncoder().encode(sitesToGeoJson(sites)))
    expect(geojson.records.map((r) => r.id)).toEqual(['m1', 'm2', 's1', 'h1', 'p1'])
    const xlsx = await readSourceTable('export.xlsx', await sitesToXlsx(sites))
    expect(xlsx.records).toHaveLength(5)
    expect(xlsx.records[2]).toMatchObject({ 编号: 's1', 经度: '116.461234', 状态: 'live' })
  })
})
