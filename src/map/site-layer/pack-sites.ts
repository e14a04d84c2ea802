import type { Site } from '@/core/model'
import { mercatorX, mercatorY } from './mercator'
import { DRAW_GROUPS, groupOf, KIND_CODES, STATUS_CODES, STYLE_KIND, STYLE_STATUS, STYLE_STRIDE, STYLE_VISIBLE } from './site-codes'

/** Cells per side of the grid over the sites' extent: at town zoom a screen covers a few dozen cells. */
export const GRID_CELLS = 128

/** A regular grid over the sites' extent, in mercator units relative to the anchor. */
export interface SiteGrid {
  minX: number
  minY: number
  cellSize: number
  columns: number
  rows: number
}

/**
 * The drawn sites (Points; bus lines stay on the GeoJSON line layer) as GPU-ready typed arrays. Slots are sorted by
 * draw group and grid cell (row-major), so the sites of one group in one row of cells are one contiguous range and a
 * frame draws only the ranges on screen.
 */
export interface PackedSites {
  /** Number of slots (drawn points). */
  count: number
  /** Mercator (0..1) of the anchor; kept in float64 here and folded into the matrix, never into float32. */
  anchorX: number
  anchorY: number
  /** x, y per slot: mercator minus the anchor, small numbers so float32 keeps sub-metre precision. */
  positions: Float32Array
  /** STYLE_STRIDE bytes per slot: status, kind, visible. */
  styles: Uint8Array
  /** The index in the input array of the site in each slot. */
  siteOfSlot: Uint32Array
  /** The slot of each input site; -1 for a site that is not drawn (a LineString). */
  slotOfSite: Int32Array
  /**
   * First slot of each key (keyOf: draw group, then cell row-major), plus one end entry: key k holds slots
   * cellStart[k] .. cellStart[k+1]-1.
   */
  cellStart: Uint32Array
  grid: SiteGrid
}

interface Projected {
  /** Mercator x, y per input site (NaN for a site that is not a Point). */
  xy: Float64Array
  count: number
  minX: number
  minY: number
  maxX: number
  maxY: number
}

function projectPoints(sites: readonly Site[]): Projected {
  const xy = new Float64Array(sites.length * 2).fill(Number.NaN)
  let count = 0
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (let i = 0; i < sites.length; i++) {
    const geometry = sites[i]!.geometry
    if (geometry.type !== 'Point') continue
    const x = mercatorX(geometry.coordinates[0]!)
    const y = mercatorY(geometry.coordinates[1]!)
    xy[i * 2] = x
    xy[i * 2 + 1] = y
    count++
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  return count ? { xy, count, minX, minY, maxX, maxY } : { xy, count, minX: 0, minY: 0, maxX: 0, maxY: 0 }
}

/** A grid of GRID_CELLS cells on the longer side of the extent (relative to its centre, the anchor). */
export function gridOver(width: number, height: number): SiteGrid {
  // A single site (or all on one spot) still needs a non-zero cell.
  const cellSize = Math.max(width, height, 1e-9) / GRID_CELLS
  return {
    minX: -width / 2,
    minY: -height / 2,
    cellSize,
    columns: Math.min(GRID_CELLS, Math.floor(width / cellSize)) + 1,
    rows: Math.min(GRID_CELLS, Math.floor(height / cellSize)) + 1,
  }
}

/** The cell (row-major) of a point relative to the anchor, clamped into the grid. */
export function cellOf(grid: SiteGrid, x: number, y: number): number {
  const column = Math.min(grid.columns - 1, Math.max(0, Math.floor((x - grid.minX) / grid.cellSize)))
  const row = Math.min(grid.rows - 1, Math.max(0, Math.floor((y - grid.minY) / grid.cellSize)))
  return row * grid.columns + column
}

/**
 * Where a slot sorts: its draw group, then its cell. Merchants (group 0) come before every other kind (group 1):
 * each group is drawn by its own program, so the fragment shader of the many round dots does no icon work, and the
 * symbols lie above the dots, as the GeoJSON symbol layer lies above the circle layer.
 */
export function keyOf(grid: SiteGrid, group: number, x: number, y: number): number {
  return group * grid.columns * grid.rows + cellOf(grid, x, y)
}

/** Key per site (-1 if not drawn) and the first slot of each key (a counting sort, so O(n)). */
function sortIntoCells(sites: readonly Site[], projected: Projected, grid: SiteGrid, anchorX: number, anchorY: number) {
  const keys = new Int32Array(sites.length)
  const cellStart = new Uint32Array(DRAW_GROUPS * grid.columns * grid.rows + 1)
  for (let i = 0; i < sites.length; i++) {
    const x = projected.xy[i * 2]!
    if (Number.isNaN(x)) {
      keys[i] = -1
      continue
    }
    // Sorted by the float32 position the GPU and the picker see, so a point on a cell edge is where it is drawn.
    const key = keyOf(grid, groupOf(sites[i]!.kind), Math.fround(x - anchorX), Math.fround(projected.xy[i * 2 + 1]! - anchorY))
    keys[i] = key
    cellStart[key + 1]!++
  }
  for (let c = 1; c < cellStart.length; c++) cellStart[c]! += cellStart[c - 1]!
  return { keys, cellStart }
}

/** Packs sites into typed arrays, all visible: one projection pass and one counting-sort pass. */
export function packSites(sites: readonly Site[]): PackedSites {
  const projected = projectPoints(sites)
  const anchorX = (projected.minX + projected.maxX) / 2
  const anchorY = (projected.minY + projected.maxY) / 2
  const grid = gridOver(projected.maxX - projected.minX, projected.maxY - projected.minY)
  const { keys, cellStart } = sortIntoCells(sites, projected, grid, anchorX, anchorY)
  const packed: PackedSites = {
    count: projected.count, anchorX, anchorY, grid, cellStart,
    positions: new Float32Array(projected.count * 2),
    styles: new Uint8Array(projected.count * STYLE_STRIDE),
    siteOfSlot: new Uint32Array(projected.count),
    slotOfSite: new Int32Array(sites.length).fill(-1),
  }
  const cursor = cellStart.slice(0, -1)
  for (let i = 0; i < sites.length; i++) {
    const key = keys[i]!
    if (key < 0) continue
    const slot = cursor[key]!++
    packed.siteOfSlot[slot] = i
    packed.slotOfSite[i] = slot
    packed.positions[slot * 2] = projected.xy[i * 2]! - anchorX
    packed.positions[slot * 2 + 1] = projected.xy[i * 2 + 1]! - anchorY
    writeStyle(packed.styles, slot, sites[i]!)
    packed.styles[slot * STYLE_STRIDE + STYLE_VISIBLE] = 1
  }
  return packed
}

/** Writes a site's status and kind bytes into its slot (visibility is the filter's, left as it is). */
export function writeStyle(styles: Uint8Array, slot: number, site: Pick<Site, 'status' | 'kind'>): void {
  styles[slot * STYLE_STRIDE + STYLE_STATUS] = STATUS_CODES[site.status]
  styles[slot * STYLE_STRIDE + STYLE_KIND] = KIND_CODES[site.kind]
}
