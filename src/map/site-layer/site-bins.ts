import { SITE_STATUSES } from '@/core/model'
import { worldSizePx } from './mercator'
import type { PackedSites } from './pack-sites'
import { STYLE_STATUS, STYLE_STRIDE, STYLE_VISIBLE } from './site-codes'

/** Bin side in CSS pixels at the level's own zoom (twice that just before the next level takes over). */
export const BIN_PX = 8
/** Levels with more bins than this are not aggregated (a country-wide plan at a low zoom): points are drawn. */
const MAX_GRID_BINS = 4_000_000
const STATUS_COUNT = SITE_STATUSES.length
/** The spare style byte carries an aggregate's diameter in CSS px; 0 means "a site, sized by its kind". */
export const STYLE_SIZE = 3

/**
 * At county zoom thousands of sites overlap: they are drawn as one dot per bin of a grid BIN_PX wide at the integer
 * zoom `level`, at the bin's centroid, coloured by its most common shown status and sized by how many it shows.
 */
export interface SiteBins {
  level: number
  count: number
  /** The bin of each slot. */
  binOfSlot: Int32Array
  /** Shown sites per bin and status (SITE_STATUSES order). */
  counts: Uint32Array
  /** Centroid per bin relative to the anchor (all its sites, shown or not, so a filter does not move the dot). */
  positions: Float32Array
  /** STYLE_STRIDE bytes per bin, as for sites: status, kind 0 (a round dot), visible, diameter. */
  styles: Uint8Array
}

/** Bins replace points only when there are at least this many sites per bin on average. */
const MIN_SITES_PER_BIN = 4

/**
 * Whether drawing the bins pays: with few sites (the 3,000 of the demo) most bins hold one site, and the sites'
 * own symbols say more; with a county's 200,000 they overlap by the dozen and the bins are both faster and clearer.
 */
export function binsPay(bins: Pick<SiteBins, 'count'>, siteCount: number): boolean {
  return bins.count * MIN_SITES_PER_BIN <= siteCount
}

/** Diameter in CSS px for a bin showing `count` sites: grows with the logarithm, from a site's dot to a bin's width. */
export function binDiameterPx(count: number): number {
  return Math.min(2 * BIN_PX, Math.round(3 + 2.5 * Math.log2(count)))
}

/** Groups the slots into bins of the level's grid; null if the grid would be too large to aggregate. */
export function buildBins(packed: PackedSites, level: number): SiteBins | null {
  const binSize = BIN_PX / worldSizePx(level)
  const { grid } = packed
  const columns = Math.ceil((grid.columns * grid.cellSize) / binSize) + 1
  const rows = Math.ceil((grid.rows * grid.cellSize) / binSize) + 1
  if (columns * rows > MAX_GRID_BINS) return null
  const binOfCell = new Int32Array(columns * rows).fill(-1)
  const binOfSlot = new Int32Array(packed.count)
  const sums: number[] = []
  for (let slot = 0; slot < packed.count; slot++) {
    const x = packed.positions[slot * 2]!
    const y = packed.positions[slot * 2 + 1]!
    // Clamped: a site dragged off the sites' extent still falls in an edge bin.
    const column = Math.min(columns - 1, Math.max(0, Math.floor((x - grid.minX) / binSize)))
    const cell = Math.min(rows - 1, Math.max(0, Math.floor((y - grid.minY) / binSize))) * columns + column
    if (binOfCell[cell]! < 0) binOfCell[cell] = sums.push(0, 0, 0) / 3 - 1
    const bin = binOfCell[cell]!
    binOfSlot[slot] = bin
    sums[bin * 3]! += x
    sums[bin * 3 + 1]! += y
    sums[bin * 3 + 2]!++
  }
  const count = sums.length / 3
  const positions = new Float32Array(count * 2)
  for (let bin = 0; bin < count; bin++) {
    positions[bin * 2] = sums[bin * 3]! / sums[bin * 3 + 2]!
    positions[bin * 2 + 1] = sums[bin * 3 + 1]! / sums[bin * 3 + 2]!
  }
  const bins: SiteBins = { level, count, binOfSlot, positions, counts: new Uint32Array(count * STATUS_COUNT), styles: new Uint8Array(count * STYLE_STRIDE) }
  recountBins(bins, packed)
  return bins
}

/** Writes a bin's style bytes from its counts. */
export function styleBin(bins: SiteBins, bin: number): void {
  let shown = 0
  let top = 0
  for (let status = 0; status < STATUS_COUNT; status++) {
    const n = bins.counts[bin * STATUS_COUNT + status]!
    shown += n
    if (n > bins.counts[bin * STATUS_COUNT + top]!) top = status
  }
  const at = bin * STYLE_STRIDE
  bins.styles[at + STYLE_STATUS] = top
  bins.styles[at + STYLE_VISIBLE] = shown > 0 ? 1 : 0
  bins.styles[at + STYLE_SIZE] = shown > 0 ? binDiameterPx(shown) : 0
}

/** Counts the shown sites of every bin again (after a filter) and restyles all bins. */
export function recountBins(bins: SiteBins, packed: Pick<PackedSites, 'count' | 'styles'>): void {
  bins.counts.fill(0)
  for (let slot = 0; slot < packed.count; slot++) {
    if (packed.styles[slot * STYLE_STRIDE + STYLE_VISIBLE] !== 1) continue
    bins.counts[bins.binOfSlot[slot]! * STATUS_COUNT + packed.styles[slot * STYLE_STRIDE + STYLE_STATUS]!]!++
  }
  for (let bin = 0; bin < bins.count; bin++) styleBin(bins, bin)
}

/** Moves one slot's count from its old (status, shown) to its new one; returns its bin, to upload. */
export function recountSlot(bins: SiteBins, slot: number, before: { status: number, shown: boolean }, after: { status: number, shown: boolean }): number {
  const bin = bins.binOfSlot[slot]!
  if (before.shown) bins.counts[bin * STATUS_COUNT + before.status]!--
  if (after.shown) bins.counts[bin * STATUS_COUNT + after.status]!++
  styleBin(bins, bin)
  return bin
}
