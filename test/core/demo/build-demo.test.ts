import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { area, booleanPointInPolygon, featureCollection, intersect, polygon } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DemoData } from '@/core/demo'
import { buildPingyinDemo, serializeDemo } from '../../../scripts/demo-outputs'

const root = resolve(import.meta.dirname, '../../..')
const sources = resolve(root, 'scripts/geo-sources')
let demo: DemoData

beforeAll(() => {
  demo = buildPingyinDemo(sources)
})

const asFeature = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties: {}, geometry })

describe('the Pingyin demo generator', () => {
  it('gives byte-identical files for the same seed, equal to the committed public/geo', () => {
    const again = serializeDemo(buildPingyinDemo(sources))
    const first = serializeDemo(demo)
    expect(again).toEqual(first)
    for (const [name, text] of Object.entries(first)) {
      expect(readFileSync(resolve(root, 'public/geo', name), 'utf8'), `public/geo/${name} (run npm run geo)`).toBe(text)
    }
  })

  it('gives different sites for a different seed', () => {
    const other = buildPingyinDemo(sources, 7)
    expect(other.sites.map((s) => s.geometry)).not.toEqual(demo.sites.map((s) => s.geometry))
  })

  it('has the county and its 8 towns/streets with official codes, towns flagged approximate', () => {
    expect(demo.regions.map((r) => [r.code, r.name, r.level, r.approximate])).toEqual([
      ['370124000000', '平阴县', 'county', false],
      ['370124001000', '榆山街道', 'town', true],
      ['370124002000', '锦水街道', 'town', true],
      ['370124102000', '东阿镇', 'town', true],
      ['370124103000', '孝直镇', 'town', true],
      ['370124104000', '孔村镇', 'town', true],
      ['370124105000', '洪范池镇', 'town', true],
      ['370124106000', '玫瑰镇', 'town', true],
      ['370124107000', '安城镇', 'town', true],
    ])
    expect(demo.regions.slice(1).every((r) => r.parentCode === '370124000000')).toBe(true)
  })

  it('places every site (every vertex of a bus line) inside the county', () => {
    const county = demo.regions[0]?.geometry
    if (!county) throw new Error('no county geometry')
    const outside = demo.sites.filter((site) => {
      const positions = site.geometry.type === 'Point' ? [site.geometry.coordinates] : site.geometry.coordinates
      return positions.some((p) => !booleanPointInPolygon(p, county))
    })
    expect(outside.map((s) => s.id)).toEqual([])
  })

  it('covers the county with the town polygons, without overlaps (area within 0.1%)', () => {
    const [county, ...towns] = demo.regions.map((r) => asFeature(r.geometry!))
    const countyArea = area(county!)
    const townsArea = towns.reduce((sum, town) => sum + area(town), 0)
    expect(Math.abs(townsArea - countyArea) / countyArea).toBeLessThan(0.001)
    let overlap = 0
    towns.forEach((a, i) => towns.slice(i + 1).forEach((b) => {
      const shared = intersect(featureCollection([a, b]))
      if (shared) overlap += area(shared)
    }))
    expect(overlap / countyArea).toBeLessThan(0.0001)
  })

  it('has the site mix of a county of this size', () => {
    const count = (kind: string): number => demo.sites.filter((s) => s.kind === kind).length
    expect(count('merchant')).toBeGreaterThan(2700)
    expect(count('merchant')).toBeLessThan(3300)
    expect(count('school')).toBeGreaterThanOrEqual(50)
    expect(count('hospital')).toBeGreaterThanOrEqual(35)
    expect(count('bus_line')).toBe(12)
    expect(count('postal_outlet')).toBe(15)
    expect(count('parking')).toBe(20)
    expect(count('venue')).toBe(10)
    expect(count('tax_hall')).toBe(2)
    expect(count('payroll_unit')).toBe(20)
    expect(count('utility_point')).toBeGreaterThan(0)
    expect(demo.sites.filter((s) => s.kind === 'bus_line').every((s) => s.geometry.type === 'LineString' && s.units >= 4)).toBe(true)
    expect(new Set(demo.sites.map((s) => s.id)).size).toBe(demo.sites.length)
  })

  it('spreads go-live dates over 2023, with a mix of statuses', () => {
    const live = demo.sites.filter((s) => s.status === 'live')
    expect(live.every((s) => s.liveDate !== null && s.liveDate >= '2023-01-01' && s.liveDate <= '2023-12-31')).toBe(true)
    const months = new Set(live.map((s) => s.liveDate!.slice(0, 7)))
    expect(months.size).toBeGreaterThanOrEqual(10)
    for (const status of ['candidate', 'contacted', 'retrofitting', 'live', 'suspended']) {
      expect(demo.sites.some((s) => s.status === status), status).toBe(true)
    }
  })

  it('has drawn clusters as closed polygons inside the county', () => {
    expect(demo.clusters.length).toBeGreaterThanOrEqual(3)
    for (const cluster of demo.clusters) {
      const ring = cluster.geometry.coordinates[0]!
      expect(ring[0]).toEqual(ring[ring.length - 1])
      expect(booleanPointInPolygon(ring[0]!, demo.regions[0]!.geometry!)).toBe(true)
      expect(() => polygon(cluster.geometry.coordinates)).not.toThrow()
    }
  })
})
