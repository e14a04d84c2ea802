import type { Position } from 'geojson'
import { orient2d } from 'robust-predicates'

/** Result of testing one polygon edge against the horizontal ray from a point towards -x. */
export const EDGE_NONE = 0
export const EDGE_CROSSES = 1
export const EDGE_ON = 2

/**
 * Classifies edge (x1,y1)→(x2,y2) against the ray from (px,py) to -∞ along x (hao's orientation test
 * counts crossings left of the point).
 *
 * This mirrors point-in-polygon-hao (what @turf/boolean-point-in-polygon uses) line for line, including its
 * half-open rule for vertices on the ray and its robust orientation predicate, so that our answers are
 * identical to turf's: a point is inside a ring when an odd number of edges return EDGE_CROSSES, and on the
 * boundary when any edge returns EDGE_ON.
 */
export function testEdge(x1: number, y1: number, x2: number, y2: number, px: number, py: number): number {
  const u1 = x1 - px
  const v1 = y1 - py
  const u2 = x2 - px
  const v2 = y2 - py
  if (v1 === 0 && v2 === 0) {
    return (u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0) ? EDGE_ON : EDGE_NONE
  }
  if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
    const f = orient2d(u1, u2, v1, v2, 0, 0)
    if (f === 0) return EDGE_ON
    if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) return EDGE_CROSSES
  }
  return EDGE_NONE
}

/**
 * Boundary-inclusive even-odd test of a point against a polygon's rings (outer ring and holes), with the edge
 * predicate above: the same answer as turf's booleanPointInPolygon, boundary included.
 */
export function inRings(rings: Position[][], x: number, y: number): boolean {
  let inside = false
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const result = testEdge(ring[i]![0]!, ring[i]![1]!, ring[i + 1]![0]!, ring[i + 1]![1]!, x, y)
      if (result === EDGE_ON) return true
      if (result === EDGE_CROSSES) inside = !inside
    }
  }
  return inside
}
