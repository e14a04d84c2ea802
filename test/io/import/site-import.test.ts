import { describe, expect, it } from 'vitest'
import type { Site } from '@/core/model'
import { readSourceTable } from '@/io/import/adapters'
import { planSiteImport, summariseTable, type SiteImportChoices } from '@/io/import/site-import'
import type { ReadOptions } from '@/io/import/source-table'
import { fixture, fixtureTowns, REGISTER } from './fixtures'

async function importFixture(name: string, read: ReadOptions = {}, choose: Partial<SiteImportChoices> = {}, existing: Site[] = []) {
  const table = await readSourceTable(name, fixture(name), read)
  const summary = summariseTable(table)
  const choices = { mapping: summary.mapping, crs: summary.crs, swap: false, idPrefix: 'imp', ...choose }
  return { summary, result: planSiteImport(table, choices, { regions: await fixtureTowns(), sites: existing }) }
}

const position = (site: Site): number[] => site.geometry.coordinates as number[]

function expectRegister(sites: Site[], fields: Array<'id' | 'kind' | 'status' | 'operator' | 'liveDate'>): void {
  expect(sites).toHaveLength(REGISTER.length)
  REGISTER.forEach((expected, i) => {
    const site = sites[i]!
    expect(site.name).toBe(expected.name)
    expect(position(site)[0]).toBeCloseTo(expected.lng, 6)
    expect(position(site)[1]).toBeCloseTo(expected.lat, 6)
    for (const field of fields) expect(site[field]).toBe(expected[field])
  })
}

describe('site import from real-shaped files', () => {
  it('reads a UTF-8 CSV with BOM with every field mapped', async () => {
    const { summary, result } = await importFixture('sites-utf8-bom.csv')
    expect(summary).toMatchObject({ encoding: 'utf-8', rowCount: 5, mapping: { id: '编号', name: '名称', lng: '经度', lat: '纬度', liveDate: '上线日期', operator: '运营机构' } })
    expect(result).toMatchObject({ total: 5, accepted: 5, added: 5, updated: 0, unchanged: 0, rejected: [] })
    expectRegister(result.sites, ['id', 'kind', 'status', 'operator', 'liveDate'])
  })

  it('detects a GBK CSV from Excel, and reads it as UTF-8 only when told to', async () => {
    const { summary, result } = await importFixture('sites-gbk.csv')
    expect(summary.encoding).toBe('gb18030')
    expectRegister(result.sites, ['kind', 'status'])
    expect(result.sites[0]!.address).toBe('平阴县榆山超市路1号')
    const forced = await readSourceTable('sites-gbk.csv', fixture('sites-gbk.csv'), { encoding: 'utf-8' })
    expect(forced.columns[0]).not.toBe('名称')
  })

  it('reads the chosen sheet of a two-sheet XLSX, dates and numbers included', async () => {
    const { summary, result } = await importFixture('sites-two-sheets.xlsx', { sheet: '商户台账' })
    expect(summary.sheets).toEqual(['说明', '商户台账'])
    expect(summary.sheet).toBe('商户台账')
    expectRegister(result.sites, ['id', 'kind', 'status', 'operator', 'liveDate'])
  })

  it('converts a GCJ-02 AMap export, guessing the system from the header', async () => {
    const { summary, result } = await importFixture('amap-gcj02.csv')
    expect(summary.crs).toBe('gcj02')
    expect(result.accepted).toBe(5)
    result.sites.forEach((site, i) => {
      expect(position(site)[0]).toBeCloseTo(116.4975 + i * 0.0004, 6)
      expect(position(site)[1]).toBeCloseTo(36.26 + i * 0.005, 6)
    })
  })

  it('offers the GCJ-02 conversion when the points fall outside as WGS-84', async () => {
    const { result } = await importFixture('amap-gcj02.csv', {}, { crs: 'wgs84' })
    expect(result.counts['outside-regions']).toBe(5)
    expect(result.fix).toMatchObject({ crs: 'gcj02', swap: false, sampled: 5, insideAsGiven: 0, insideWithFix: 5 })
  })

  it('offers a lat/lng swap when the columns are mixed up', async () => {
    const { result } = await importFixture('sites-utf8-bom.csv', {}, { mapping: { name: '名称', lng: '纬度', lat: '经度' } })
    expect(result.accepted).toBe(0)
    expect(result.fix).toMatchObject({ crs: 'wgs84', swap: true, insideWithFix: 5 })
  })

  it('reads KML placemarks with their extended data', async () => {
    const { result } = await importFixture('sites.kml')
    expectRegister(result.sites, ['id', 'kind', 'status'])
  })

  it('reads a zipped Shapefile whose .dbf is GBK without a .cpg', async () => {
    const { summary, result } = await importFixture('sites-shp-gbk.zip')
    expect(summary).toMatchObject({ format: 'shapefile', encoding: 'gb18030', hasGeometry: true })
    expectRegister(result.sites, ['id', 'kind', 'status'])
  })
})

describe('re-import', () => {
  it('matches by id, or by name within 30 m, and reports added, updated and unchanged', async () => {
    const first = (await importFixture('sites-utf8-bom.csv')).result.sites
    const edited = first.map((s) => (s.id === 'm2' ? { ...s, status: 'candidate' as const } : s))
    const again = await importFixture('sites-utf8-bom.csv', {}, {}, edited)
    expect(again.result).toMatchObject({ added: 0, updated: 1, unchanged: 4 })
    expect(again.result.sites.map((s) => [s.id, s.status])).toEqual([['m2', 'retrofitting']])
    // The GBK register has no ids: its rows match the same sites by name and position, keeping the ids.
    const byName = await importFixture('sites-gbk.csv', {}, {}, first)
    expect(byName.result).toMatchObject({ added: 0, updated: 5, unchanged: 0 })
    expect(byName.result.sites.map((s) => s.id)).toEqual(['m1', 'm2', 's1', 'h1', 'p1'])
    expect(byName.result.sites[0]).toMatchObject({ operator: 'icbc', liveDate: '2023-03-01', address: '平阴县榆山超市路1号' })
  })
})
