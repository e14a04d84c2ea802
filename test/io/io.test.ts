import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeText, levelOfCode, parentOfCode, readRegionsFile, readSitesFile, toWgs84 } from '@/io'

const fixture = (name: string): Uint8Array => readFileSync(resolve(__dirname, '../fixtures/report', name))
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('decodeText', () => {
  it('reads UTF-8 (with or without BOM) and falls back to GB18030 for GBK', () => {
    expect(decodeText(bytes('\uFEFF经度'))).toEqual({ text: '经度', encoding: 'utf-8' })
    expect(decodeText(fixture('sites-gbk.csv'))).toEqual({ text: decodeText(fixture('sites.csv')).text, encoding: 'gb18030' })
  })
})

describe('toWgs84', () => {
  it('moves GCJ-02 and BD-09 positions near Pingyin by a few hundred metres', () => {
    const [lng, lat] = toWgs84(116.45, 36.28, 'gcj02')
    const metres = Math.hypot((lng - 116.45) * 111_320 * Math.cos((36.28 * Math.PI) / 180), (lat - 36.28) * 110_574)
    expect(metres).toBeGreaterThan(300)
    expect(metres).toBeLessThan(800)
    expect(toWgs84(116.45, 36.28, 'wgs84')).toEqual([116.45, 36.28])
    expect(toWgs84(116.45, 36.28, 'bd09')[0]).toBeLessThan(116.45)
  })
})

describe('region codes', () => {
  it('knows the level and parent of 6-, 9- and 12-digit codes', () => {
    expect(['370000', '370100', '370124', '370124002', '370124002000', '370124000000', '370124002001'].map(levelOfCode))
      .toEqual(['province', 'city', 'county', 'town', 'town', 'county', 'village'])
    expect(['370124', '370124002', '370124002000', '370124000000', 'X1'].map(parentOfCode))
      .toEqual(['370100', '370124', '370124000000', '370100000000', null])
  })
})

describe('readRegionsFile', () => {
  it('auto-detects code and name, and adds the county the town codes imply', () => {
    const regions = readRegionsFile('towns.geojson', fixture('towns.geojson'))
    expect(regions.map((r) => [r.code, r.name, r.level, r.parentCode, r.geometry?.type ?? null])).toEqual([
      ['370124000000', '370124000000', 'county', '370100000000', null],
      ['370124001000', '榆山街道', 'town', '370124000000', 'Polygon'],
      ['370124002000', '锦水街道', 'town', '370124000000', 'Polygon'],
    ])
  })

  it('names the feature that has no polygon', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'a' }, geometry: { type: 'Point', coordinates: [0, 0] } }] })
    expect(() => readRegionsFile('r.geojson', bytes(text))).toThrow('r.geojson: row 1, field geometry: expected a Polygon or MultiPolygon, got Point')
  })
})

describe('readSitesFile', () => {
  it('maps Chinese headers and labels to the model', async () => {
    const sites = await readSitesFile('sites.csv', fixture('sites.csv'))
    expect(sites[0]).toMatchObject({ id: 'm1', kind: 'merchant', status: 'live', liveDate: '2023-03-01', operator: 'icbc', methods: ['static_qr', 'nfc'], geometry: { type: 'Point', coordinates: [116.41, 36.26] } })
    expect(sites[2]).toMatchObject({ liveDate: '2023-05-01', operator: 'ccb', methods: ['pos'] })
    expect(sites[5]).toMatchObject({ kind: 'school', operator: 'psbc', methods: ['online'] })
  })

  it.each([
    ['id,lng,lat,kind\na,1,2,spaceship\n', 'x.csv: row 2, field kind: unknown value "spaceship"'],
    ['id,lng,lat\na,1,2\na,3,4\n', 'x.csv: field id: duplicate site id "a"'],
    ['id,lng,lat\na,36.2,116.4\n', 'x.csv: row 2, field lat: 116.4 is not a latitude (are longitude and latitude swapped?)'],
    ['id,lng,lat,live_date\na,1,2,2023-02-30\n', 'x.csv: row 2, field live_date: "2023-02-30" is not a date'],
    ['id,name\na,b\n', 'x.csv: row 1, field 经度/lng: missing'],
  ])('rejects %j', async (text, message) => {
    await expect(readSitesFile('x.csv', bytes(text))).rejects.toThrow(message)
  })

  it('rejects an unknown file type', async () => {
    await expect(readSitesFile('x.xlsx', bytes(''))).rejects.toThrow('x.xlsx: unsupported site file type')
  })
})
