import { convex, featureCollection, kinks, point, polygon } from '@turf/turf'
import type { Polygon, Position } from 'geojson'

/** How a suggested cluster's outline hugs its merchants. */
export interface HullOptions {
  /**
   * concaveman's concavity: 1 hugs the points closely, larger values approach the convex hull (2, the
   * default, follows a commercial street without swallowing the blocks beside it).
   */
  concavity?: number
  /** Half-width of the small rectangle drawn around points that have no area (one spot, or a straight row). */
  padMeters?: number
}

const METERS_PER_DEGREE = 111_320

/**
 * A valid Polygon around the points (lng/lat): their concave hull (concaveman, through @turf/convex), the
 * convex hull when the concave one is not a simple ring, and a small padded rectangle when the points have
 * no area. The outer ring is counter-clockwise (RFC 7946). The hull passes through its outermost points,
 * which the engine's boundary rule counts as inside, so every point given lies in the polygon.
 */
export function clusterHull(points: Position[], options: HullOptions = {}): Polygon {
  const distinct = distinctPoints(points)
  if (distinct.length >= 3) {
    for (const concavity of [options.concavity ?? 2, Infinity]) {
      const ring = hullRing(distinct, concavity)
      if (ring && isSimpleRing(ring)) return { type: 'Polygon', coordinates: [counterClockwise(ring)] }
    }
  }
  return paddedBox(distinct, options.padMeters ?? 15)
}

/** The points without repeats: sorted by x then y, equal neighbours dropped (numbers, not string keys: fast). */
function distinctPoints(points: Position[]): Position[] {
  const order = points.map((_, i) => i).sort((a, b) => points[a]![0]! - points[b]![0]! || points[a]![1]! - points[b]![1]!)
  const out: Position[] = []
  for (const i of order) {
    const p = points[i]!, last = out[out.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0]!, p[1]!])
  }
  return out
}

function hullRing(points: Position[], concavity: number): Position[] | null {
  const hull = convex(featureCollection(points.map((p) => point(p))), { concavity })
  const ring = hull?.geometry.coordinates[0]
  return ring && ring.length >= 4 && Math.abs(signedArea(ring)) > 0 ? ring : null
}

/** No two edges cross or touch except neighbours at their shared vertex (turf's kinks finds the rest). */
function isSimpleRing(ring: Position[]): boolean {
  return kinks(polygon([ring])).features.length === 0 && new Set(ring.slice(0, -1).map((p) => `${p[0]},${p[1]}`)).size === ring.length - 1
}

/** Twice the signed area (shoelace), positive for a counter-clockwise ring; relative to the first vertex for precision. */
function signedArea(ring: Position[]): number {
  const [ox, oy] = ring[0] as [number, number]
  let sum = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += (ring[i]![0]! - ox) * (ring[i + 1]![1]! - oy) - (ring[i + 1]![0]! - ox) * (ring[i]![1]! - oy)
  }
  return sum
}

function counterClockwise(ring: Position[]): Position[] {
  return signedArea(ring) > 0 ? ring : ring.slice().reverse()
}

/** The points' box grown by `padMeters` on every side: a polygon with area around a spot or a straight row. */
function paddedBox(points: Position[], padMeters: number): Polygon {
  const xs = points.map((p) => p[0]!), ys = points.map((p) => p[1]!)
  const minY = Math.min(...ys), maxY = Math.max(...ys)
  const dy = padMeters / METERS_PER_DEGREE
  const dx = dy / Math.cos(((minY + maxY) / 2) * (Math.PI / 180))
  const [x0, y0, x1, y1] = [Math.min(...xs) - dx, minY - dy, Math.max(...xs) + dx, maxY + dy]
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] }
}
