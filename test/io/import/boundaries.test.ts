import { describe, expect, it } from 'vitest'
import { readSourceTable } from '@/io/import/adapters'
import { analyseBoundaries, guessBoundaryFields } from '@/io/import/analyse-boundaries'
import { fixture } from './fixtures'

const TOWNS = [['370124000000', '370124000000', 'county'], ['370124001000', '榆山街道', 'town'], ['370124002000', '锦水街道', 'town']]

describe('boundary import', () => {
  it('repairs an unclosed ring and a repeated point in GeoJSON', async () => {
    const table = await readSourceTable('towns.geojson', fixture('towns.geojson'))
    const analysis = analyseBoundaries(table, { ...guessBoundaryFields(table.columns), crs: 'wgs84' })
    expect(analysis.rejected).toEqual([])
    expect(analysis.repairedRings).toBe(2)
    expect(analysis.regions.map((r) => [r.code, r.name, r.level])).toEqual(TOWNS)
    expect(analysis.regions[1]!.geometry).toEqual({ type: 'Polygon', coordinates: [[[116.4, 36.25], [116.45, 36.25], [116.45, 36.3], [116.4, 36.3], [116.4, 36.25]]] })
  })

  it('reads towns from KML and from a zipped Shapefile with a GBK .dbf', async () => {
    const kml = await readSourceTable('towns.kml', fixture('towns.kml'))
    expect(analyseBoundaries(kml, { codeField: 'code', nameField: 'name', crs: 'wgs84' }).regions.map((r) => [r.code, r.name, r.level])).toEqual(TOWNS)
    const shp = await readSourceTable('towns-shp-gbk.zip', fixture('towns-shp-gbk.zip'))
    expect(shp.encoding).toBe('gb18030')
    const regions = analyseBoundaries(shp, { codeField: 'CODE', nameField: 'NAME', level: 'town', crs: 'wgs84' }).regions
    expect(regions.map((r) => [r.code, r.name, r.level])).toEqual(TOWNS)
    expect(regions[2]!.geometry?.coordinates[0]).toHaveLength(5)
  })
})

describe('mergeRegions', () => {
  it('swaps the imported level in and keeps the wider regions the plan is rooted at', async () => {
    const { mergeRegions } = await import('@/io/import/merge-regions')
    const table = await readSourceTable('towns.kml', fixture('towns.kml'))
    const imported = analyseBoundaries(table, { codeField: 'code', nameField: 'name', crs: 'wgs84' }).regions
    const county = { code: '370124000000', name: '平阴县', level: 'county' as const, parentCode: null, geometry: null, approximate: false }
    const oldTown = { ...county, code: '370124009000', name: '旧镇', level: 'town' as const, parentCode: county.code }
    expect(mergeRegions([county, oldTown], imported).map((r) => [r.code, r.name])).toEqual([['370124000000', '平阴县'], ['370124001000', '榆山街道'], ['370124002000', '锦水街道']])
  })
})
