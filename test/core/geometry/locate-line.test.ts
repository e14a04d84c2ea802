import { booleanIntersects, booleanWithin, lineString } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { locateLinePositions } from '@/core/geometry/locate-line'
import { buildRegionIndex } from '@/core/geometry/region-index'
import type { Region } from '@/core/model'
import { region, seededRandom, squareRing } from './fixtures'

/** A 5×5 tiling of unit squares with zig-zag shared edges: each edge's zig-zag is the same for both neighbours. */
function zigzagTiling(): Region[] {
  const wobble = (i: number, j: number): number => (((i * 7 + j * 13) % 5) - 2) * 0.06
  const regions: Region[] = []
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      const corner = (a: number, b: number): [number, number] => [a + wobble(a, b), b + wobble(b, a)]
      const ring = [corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1), corner(i, j)]
      regions.push(region(`q${i}${j}`, { type: 'Polygon', coordinates: [ring] }))
    }
  }
  return regions
}

describe('locateLinePositions against turf', () => {
  it.each([1, 2, 3])('gives a random line every region turf says it meets (seed %i)', (seed) => {
    const regions = zigzagTiling()
    const index = buildRegionIndex(regions)
    const random = seededRandom(seed)
    for (let n = 0; n < 300; n++) {
      const coordinates = Array.from({ length: 2 + Math.floor(random() * 4) }, () => [-0.5 + random() * 6, -0.5 + random() * 6])
      const line = lineString(coordinates)
      const expected = regions.filter((r) => booleanIntersects(line, { type: 'Feature', properties: {}, geometry: r.geometry! })).map((r) => r.code).sort()
      const ours = locateLinePositions(index, coordinates).map((p) => index.tree.codes[p]!).sort()
      expect(ours, JSON.stringify(coordinates)).toEqual(expected)
    }
  })

  it('keeps a line inside one region to that region', () => {
    const regions = [region('a', { type: 'Polygon', coordinates: [squareRing(0, 0, 2, 2)] }), region('b', { type: 'Polygon', coordinates: [squareRing(2, 0, 4, 2)] })]
    const coordinates = [[0.5, 0.5], [1.5, 1.5], [0.5, 1.5]]
    expect(booleanWithin(lineString(coordinates), { type: 'Feature', properties: {}, geometry: regions[0]!.geometry! })).toBe(true)
    expect(locateLinePositions(buildRegionIndex(regions), coordinates)).toEqual([0])
  })
})
