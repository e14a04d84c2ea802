import type { Position } from 'geojson'
import { IntList } from './int-list'
import { locateParts, pushSegmentCells, type PolygonGrid } from './polygon-grid'
import type { LevelIndex, RegionIndex } from './region-index'
import { isWithin } from './region-tree'

/** Intersections closer than this (in segment parameter) to the ends still count: extra samples are harmless. */
const T_TOLERANCE = 1e-9

/**
 * Positions of the narrowest regions a line passes through: the regions of its vertices plus every region
 * whose interior it enters. Each segment is cut at every boundary edge it meets; each piece between two
 * cuts lies in one region (or none), found by the point rule at the piece's midpoint. A region of a wider
 * level is kept only where the line is not already in one of its sub-regions.
 */
export function locateLinePositions(index: RegionIndex, coordinates: Position[]): number[] {
  const found: number[] = []
  for (const level of index.levels) {
    for (const position of levelPositions(level, coordinates)) {
      if (!found.some((narrower) => isWithin(index.tree, narrower, position))) found.push(position)
    }
  }
  return found
}

function levelPositions(level: LevelIndex, coordinates: Position[]): Set<number> {
  const positions = new Set<number>()
  const add = (x: number, y: number): void => {
    const part = locateParts(level.grid, x, y)
    if (part >= 0) positions.add(level.partRegion[part]!)
  }
  // In order along the line, so a bus line lists its regions from start to end.
  if (coordinates.length > 0) add(coordinates[0]![0]!, coordinates[0]![1]!)
  for (let i = 0; i + 1 < coordinates.length; i++) {
    const [ax, ay] = coordinates[i] as [number, number]
    const [bx, by] = coordinates[i + 1] as [number, number]
    const cuts = segmentCuts(level.grid, ax, ay, bx, by)
    for (let k = 0; k + 1 < cuts.length; k++) {
      const t = (cuts[k]! + cuts[k + 1]!) / 2
      add(ax + t * (bx - ax), ay + t * (by - ay))
    }
    add(bx, by)
  }
  return positions
}

/** Sorted parameters (0…1) where segment a→b meets an edge registered in the cells it crosses, with 0 and 1. */
function segmentCuts(g: PolygonGrid, ax: number, ay: number, bx: number, by: number): number[] {
  const cells = new IntList(64)
  pushSegmentCells(g, ax, ay, bx, by, cells)
  const s = g.scratch
  const now = ++s.now
  const cuts = [0, 1]
  for (let k = 0; k < cells.length; k++) {
    const v = g.cells[cells.data[k]!]!
    if (v >= -1) continue
    const b = -v - 2
    for (let j = g.boundaryStart[b]!; j < g.boundaryStart[b + 1]!; j++) {
      const edge = g.boundaryEdges[j]!
      if (s.stamp[edge] === now) continue
      s.stamp[edge] = now
      pushIntersections(g.edges, edge, ax, ay, bx, by, cuts)
    }
  }
  return cuts.sort((a, b) => a - b)
}

function pushIntersections(e: Float64Array, edge: number, ax: number, ay: number, bx: number, by: number, out: number[]): void {
  const x1 = e[4 * edge]!, y1 = e[4 * edge + 1]!, x2 = e[4 * edge + 2]!, y2 = e[4 * edge + 3]!
  const dx = bx - ax, dy = by - ay, ex = x2 - x1, ey = y2 - y1
  const denominator = dx * ey - dy * ex
  const wx = x1 - ax, wy = y1 - ay
  if (denominator === 0) {
    // Parallel: only a collinear overlap cuts the segment, at the edge's end points.
    if (wx * dy - wy * dx !== 0) return
    const length2 = dx * dx + dy * dy
    if (length2 === 0) return
    for (const [x, y] of [[x1, y1], [x2, y2]] as const) {
      const t = ((x - ax) * dx + (y - ay) * dy) / length2
      if (t > 0 && t < 1) out.push(t)
    }
    return
  }
  const t = (wx * ey - wy * ex) / denominator
  const u = (wx * dy - wy * dx) / denominator
  if (t >= -T_TOLERANCE && t <= 1 + T_TOLERANCE && u >= -T_TOLERANCE && u <= 1 + T_TOLERANCE) {
    out.push(Math.min(1, Math.max(0, t)))
  }
}
