import type { Position } from 'geojson'
import { levelRank, type Region, type RegionLevel } from '../model'
import { locateParts, buildPolygonGrid, type PolygonGrid } from './polygon-grid'
import { buildRegionTree, type RegionTree } from './region-tree'

/** One grid per administrative level that has boundaries; parts map back to region positions. */
export interface LevelIndex {
  readonly level: RegionLevel
  readonly grid: PolygonGrid
  /** Part number → position of its region in the region array. */
  readonly partRegion: Int32Array
}

/**
 * Spatial index over a region set, built once per set. Treat it as opaque; `tree` gives region positions,
 * codes and parents for code that needs them (coverage, line assignment).
 *
 * Boundary rule: a point on a region's boundary belongs to it (as with @turf/boolean-point-in-polygon), and
 * when several regions of one level contain a point — it lies on their shared edge, or the regions overlap —
 * it belongs to the one listed first in the region array. So every point gets at most one region per level.
 */
export interface RegionIndex {
  readonly tree: RegionTree
  /** Narrowest level first. */
  readonly levels: readonly LevelIndex[]
}

/** Builds the index: regions without geometry take part only through the tree (roll-up nodes). */
export function buildRegionIndex(regions: Region[]): RegionIndex {
  const tree = buildRegionTree(regions)
  const byLevel = new Map<RegionLevel, number[]>()
  regions.forEach((region, i) => {
    if (!region.geometry) return
    const list = byLevel.get(region.level) ?? []
    list.push(i)
    byLevel.set(region.level, list)
  })
  const levels = [...byLevel.entries()]
    .sort(([a], [b]) => levelRank(b) - levelRank(a))
    .map(([level, positions]) => buildLevel(level, positions, regions))
  return { tree, levels }
}

function buildLevel(level: RegionLevel, positions: number[], regions: Region[]): LevelIndex {
  const parts: Position[][][] = []
  const partRegion: number[] = []
  for (const position of positions) {
    const geometry = regions[position]!.geometry!
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
    for (const rings of polygons) {
      parts.push(rings)
      partRegion.push(position)
    }
  }
  return { level, grid: buildPolygonGrid(parts), partRegion: Int32Array.from(partRegion) }
}

/**
 * Position (in the region array) of the narrowest region containing the point, or -1 when it is outside
 * every region. The allocation-free core of locatePoint, for loops over many points.
 */
export function locatePosition(index: RegionIndex, lng: number, lat: number): number {
  for (const level of index.levels) {
    const part = locateParts(level.grid, lng, lat)
    if (part >= 0) return level.partRegion[part]!
  }
  return -1
}

/**
 * Code of the narrowest region containing the point (lng/lat WGS-84), or null when it is outside every
 * region. See RegionIndex for the boundary rule. The wider levels follow from the region tree (parentCode).
 */
export function locatePoint(index: RegionIndex, lng: number, lat: number): string | null {
  const position = locatePosition(index, lng, lat)
  return position < 0 ? null : index.tree.codes[position]!
}

/** The region containing the point at each level that has boundaries (at most one per level). */
export function locatePointPerLevel(index: RegionIndex, lng: number, lat: number): Partial<Record<RegionLevel, string>> {
  const result: Partial<Record<RegionLevel, string>> = {}
  for (const level of index.levels) {
    const part = locateParts(level.grid, lng, lat)
    if (part >= 0) result[level.level] = index.tree.codes[level.partRegion[part]!]!
  }
  return result
}

/**
 * Assigns many points at once: result[i] is the region position of (xs[i], ys[i]) or -1.
 * Typed arrays in and out keep a million points fast and cheap to hand to a worker.
 */
export function locatePositions(index: RegionIndex, xs: Float64Array, ys: Float64Array): Int32Array {
  const out = new Int32Array(xs.length)
  for (let i = 0; i < xs.length; i++) out[i] = locatePosition(index, xs[i]!, ys[i]!)
  return out
}
