import { booleanPointInPolygon } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import type { Site } from '@/core/model'
import { boxRing, closeRing, combineSelection, keepExistingIds, sitesInRing } from '@/core/workspace/select-sites'
import { seededRandom, starRing } from '../geometry/fixtures'

const point = (id: string, lng: number, lat: number): Site => ({
  id, name: id, kind: 'merchant', geometry: { type: 'Point', coordinates: [lng, lat] }, status: 'candidate', methods: [], operator: null, plannedDate: null, liveDate: null, units: 1,
})

describe('selecting the sites inside a lasso or a box', () => {
  it('picks the point sites inside an open lasso path, boundary included, in plan order', () => {
    // An L-shaped lasso, as a hand draws it: not closed, not convex.
    const lasso = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]]
    const sites = [point('in-foot', 1.5, 0.5), point('notch', 1.5, 1.5), point('in-leg', 0.5, 1.5), point('on-edge', 2, 0.5), point('out', 3, 3)]
    const line: Site = { ...point('line', 0.5, 0.5), kind: 'bus_line', geometry: { type: 'LineString', coordinates: [[0.5, 0.5], [0.6, 0.6]] } }
    expect(sitesInRing([...sites, line], lasso)).toEqual(['in-foot', 'in-leg', 'on-edge'])
  })

  it('answers as turf does for random star-shaped lassos', () => {
    const random = seededRandom(6)
    for (let round = 0; round < 20; round++) {
      const ring = starRing(random, 116.4, 36.2, 0.002, 0.01, 12 + round)
      const sites = Array.from({ length: 200 }, (_, i) => point(`s${i}`, 116.385 + random() * 0.03, 36.185 + random() * 0.03))
      const expected = sites.filter((s) => booleanPointInPolygon(s.geometry.coordinates as [number, number], { type: 'Polygon', coordinates: [ring] })).map((s) => s.id)
      expect(sitesInRing(sites, ring.slice(0, -1))).toEqual(expected)
    }
  })

  it('selects nothing with a path of fewer than three points, and the same with a box as with its ring', () => {
    const sites = [point('a', 0.5, 0.5)]
    expect(sitesInRing(sites, [[0, 0], [1, 1]])).toEqual([])
    expect(sitesInRing(sites, [])).toEqual([])
    expect(sitesInRing(sites, boxRing([[0, 0], [1, 1]]))).toEqual(['a'])
    expect(closeRing([[0, 0], [1, 0], [0, 1]])).toEqual([[0, 0], [1, 0], [0, 1], [0, 0]])
    expect(closeRing(boxRing([[0, 0], [1, 1]]))).toHaveLength(5)
  })
})

describe('keeping a selection to the sites that exist', () => {
  const sites = [point('a', 0, 0), point('b', 1, 1), point('c', 2, 2)]

  it('drops the ids of deleted sites, keeping the order', () => {
    expect(keepExistingIds(['c', 'gone', 'a'], sites)).toEqual(['c', 'a'])
  })

  it('returns the same array when every id still names a site, so nothing downstream reacts', () => {
    const ids = ['b', 'a']
    expect(keepExistingIds(ids, sites)).toBe(ids)
  })
})

describe('combining a new box or lasso with the selection', () => {
  it('replaces, adds without repeats, or subtracts, keeping the order', () => {
    expect(combineSelection(['a', 'b'], ['c', 'c', 'a'], 'replace')).toEqual(['c', 'a'])
    expect(combineSelection(['a', 'b'], ['c', 'a'], 'add')).toEqual(['a', 'b', 'c'])
    expect(combineSelection(['a', 'b', 'c'], ['b', 'x'], 'subtract')).toEqual(['a', 'c'])
    expect(combineSelection([], ['a'], 'subtract')).toEqual([])
  })
})
