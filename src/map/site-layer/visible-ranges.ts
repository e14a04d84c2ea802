import type { PackedSites } from './pack-sites'

/** An axis-aligned box in mercator units relative to the anchor. */
export interface RelativeBox {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/**
 * The slot ranges of one draw group to draw for a view: for each row of cells the box touches, the contiguous run
 * of its cells (slots are sorted by group, then row-major), with adjacent runs merged. Returns [first, count] pairs; at county zoom that is one
 * range of everything, at town zoom a handful of short ones.
 */
export function visibleRanges(packed: Pick<PackedSites, 'grid' | 'cellStart'>, box: RelativeBox, group = 0): number[] {
  const { grid, cellStart } = packed
  const base = group * grid.columns * grid.rows
  const gridMaxX = grid.minX + grid.columns * grid.cellSize
  const gridMaxY = grid.minY + grid.rows * grid.cellSize
  if (box.maxX < grid.minX || box.minX > gridMaxX || box.maxY < grid.minY || box.minY > gridMaxY) return []
  const column = (x: number) => Math.min(grid.columns - 1, Math.max(0, Math.floor((x - grid.minX) / grid.cellSize)))
  const row = (y: number) => Math.min(grid.rows - 1, Math.max(0, Math.floor((y - grid.minY) / grid.cellSize)))
  const [firstColumn, lastColumn] = [column(box.minX), column(box.maxX)]
  const ranges: number[] = []
  for (let r = row(box.minY); r <= row(box.maxY); r++) {
    const start = cellStart[base + r * grid.columns + firstColumn]!
    const end = cellStart[base + r * grid.columns + lastColumn + 1]!
    if (end === start) continue
    const last = ranges.length - 2
    // The previous run ends where this one starts (whole rows covered): one draw call instead of two.
    if (last >= 0 && ranges[last]! + ranges[last + 1]! === start) ranges[last + 1]! += end - start
    else ranges.push(start, end - start)
  }
  return ranges
}
