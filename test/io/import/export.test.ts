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

describe('ledger export', () => {
  it('has one row per town (then the county) with live and total per kind', async () => {
    const { ledgerSheet, ledgerToXlsx } = await import('@/io/export/export-ledger')
    const { DEFAULT_CLUSTER_RULE } = await import('@/core/model')
    const plan = { id: 'p', name: 'p', rootRegionCode: '370124000000', templateId: null, settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: false, createdAt: '', updatedAt: '' }
    const data = { plan, regions: await fixtureTowns(), sites: await registerSites(), clusters: [], targets: [], indicators: [] }
    const labels = { code: '代码', name: '镇街', live: '已开通', total: '总数', threshold: '目标', gap: '缺口', statusHeader: '状态', kind: (k: string) => k, status: (s: string | null) => s ?? '' }
    const sheet = ledgerSheet(data, '2023-12-31', 'year', labels)
    expect(sheet.header.slice(0, 7)).toEqual(['代码', '镇街', 'merchant 已开通', 'merchant 总数', 'merchant 目标', 'merchant 缺口', 'merchant 状态'])
    expect(sheet.header).toHaveLength(2 + 4 * 5)
    expect(sheet.rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['370124001000', '榆山街道', 1, 2], ['370124002000', '锦水街道', 0, 0], ['370124000000', '370124000000', 1, 2],
    ])
    const xlsx = await readSourceTable('ledger.xlsx', await ledgerToXlsx(sheet))
    expect(xlsx.records).toHaveLength(3)
  })
})
