import { booleanPointInPolygon } from '@turf/turf'
import type { MultiPolygon, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { buildRegionIndex, locatePoint, locatePointPerLevel } from '@/core/geometry/region-index'
import type { Region } from '@/core/model'
import { region, seededRandom, squareRing, starRing } from './fixtures'

/** The reference: the first region (input order) whose polygon turf says contains the point, boundary included. */
function turfFirst(regions: Region[], x: number, y: number): string | null {
  for (const r of regions) {
    if (r.geometry && booleanPointInPolygon([x, y], r.geometry)) return r.code
  }
  return null
}

/** Random star polygons, some with holes, some MultiPolygons, overlapping each other at random. */
function randomRegions(seed: number, count: number): Region[] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, (_, i) => {
    const cx = random() * 10, cy = random() * 10
    const outer = starRing(random, cx, cy, 0.8, 2.5, 5 + Math.floor(random() * 40))
    const withHole = random() < 0.5
    const rings = withHole ? [outer, starRing(random, cx, cy, 0.2, 0.6, 4 + Math.floor(random() * 8)).reverse()] : [outer]
    const geometry: Polygon | MultiPolygon = random() < 0.3
      ? { type: 'MultiPolygon', coordinates: [rings, [starRing(random, cx + 4, cy - 3, 0.3, 1, 12)]] }
      : { type: 'Polygon', coordinates: rings }
    return region(`r${i}`, geometry)
  })
}

describe('locatePoint against @turf/boolean-point-in-polygon', () => {
  it.each([1, 2, 3, 4, 5])('agrees on random points over random polygons with holes and MultiPolygons (seed %i)', (seed) => {
    const regions = randomRegions(seed, 12)
    const index = buildRegionIndex(regions)
    const random = seededRandom(seed * 977)
    for (let i = 0; i < 4000; i++) {
      const x = -3 + random() * 20, y = -5 + random() * 18
      expect(locatePoint(index, x, y), `point ${x},${y}`).toBe(turfFirst(regions, x, y))
    }
  })

  it('agrees on every vertex and edge midpoint (points on boundaries)', () => {
    const regions = randomRegions(11, 8)
    const index = buildRegionIndex(regions)
    for (const r of regions) {
      const polygons = r.geometry!.type === 'Polygon' ? [r.geometry!.coordinates] : r.geometry!.coordinates as number[][][][]
      for (const ring of polygons.flat()) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1, y1] = ring[i] as [number, number], [x2, y2] = ring[i + 1] as [number, number]
          expect(locatePoint(index, x1, y1)).toBe(turfFirst(regions, x1, y1))
          const mx = (x1 + x2) / 2, my = (y1 + y2) / 2
          expect(locatePoint(index, mx, my)).toBe(turfFirst(regions, mx, my))
        }
      }
    }
  })

  it('gives a point on an edge shared by two regions to the one listed first', () => {
    // A 4×4 tiling of unit squares: every grid line is a shared edge, every grid node a shared vertex.
    const regions: Region[] = []
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) regions.push(region(`t${i}${j}`, { type: 'Polygon', coordinates: [squareRing(i, j, i + 1, j + 1)] }))
    const index = buildRegionIndex(regions)
    for (let x = -0.25; x <= 4.25; x += 0.25) {
      for (let y = -0.25; y <= 4.25; y += 0.25) expect(locatePoint(index, x, y), `${x},${y}`).toBe(turfFirst(regions, x, y))
    }
    expect(locatePoint(index, 1, 0.5)).toBe('t00') // on the edge between t00 (listed first) and t10
    expect(locatePoint(index, 2, 2)).toBe('t11')
  })

  it('returns null outside every region and for regions without geometry', () => {
    const index = buildRegionIndex([region('a', { type: 'Polygon', coordinates: [squareRing(0, 0, 1, 1)] }), region('b', null)])
    expect(locatePoint(index, 5, 5)).toBeNull()
    expect(locatePoint(index, -1e-9, 0.5)).toBeNull()
    expect(locatePoint(index, 0.5, 0.5)).toBe('a')
  })

  it('answers the narrowest level and each level separately', () => {
    const county = region('c', { type: 'Polygon', coordinates: [squareRing(0, 0, 10, 10)] }, 'county')
    const town = region('t', { type: 'Polygon', coordinates: [squareRing(0, 0, 5, 5)] }, 'town', 'c')
    const index = buildRegionIndex([county, town])
    expect(locatePoint(index, 1, 1)).toBe('t')
    expect(locatePoint(index, 7, 7)).toBe('c')
    expect(locatePointPerLevel(index, 1, 1)).toEqual({ county: 'c', town: 't' })
    expect(locatePointPerLevel(index, 11, 1)).toEqual({})
  })
})
