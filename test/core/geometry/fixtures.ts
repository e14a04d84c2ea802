import type { MultiPolygon, Polygon, Position } from 'geojson'
import type { Region, RegionLevel } from '@/core/model'

/** Deterministic PRNG (mulberry32) so a failing property case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A closed star-shaped ring around (cx, cy): random radii in [rMin, rMax], counter-clockwise. */
export function starRing(random: () => number, cx: number, cy: number, rMin: number, rMax: number, vertices: number): Position[] {
  const ring: Position[] = []
  for (let i = 0; i < vertices; i++) {
    const angle = (2 * Math.PI * i) / vertices
    const r = rMin + random() * (rMax - rMin)
    ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)])
  }
  ring.push([...ring[0]!])
  return ring
}

/** A region fixture. */
export function region(code: string, geometry: Polygon | MultiPolygon | null, level: RegionLevel = 'town', parentCode: string | null = null): Region {
  return { code, name: code, level, parentCode, geometry, approximate: false }
}

/** A square ring with corners (x0,y0)-(x1,y1). */
export function squareRing(x0: number, y0: number, x1: number, y1: number): Position[] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
}
