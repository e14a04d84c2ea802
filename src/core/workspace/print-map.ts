import type { Region } from '../model'
import type { TargetStatus } from '../targets/evaluate-target'
import { boxOf, fitProjection, polygonPath } from './svg-map'
import type { TownRow } from './town-view'

/** A4 landscape at 300 dpi (297 × 210 mm), in pixels. */
export const A4_LANDSCAPE_300DPI = { width: 3508, height: 2480 } as const

/** One region to draw: its outline in frame pixels, and the status of the target it is coloured by. */
export interface PrintArea {
  code: string
  level: Region['level']
  path: string
  status: TargetStatus | null
}

/** A town's label: where it goes and the figures it shows (the engine's row for the town). */
export interface PrintLabel {
  x: number
  y: number
  row: TownRow
}

/** The map part of a printed figure, in the pixels of its frame (origin at the frame's top left). */
export interface PrintMapLayout {
  width: number
  height: number
  areas: PrintArea[]
  labels: PrintLabel[]
  /** A scale bar of a round length that fits in `maxBarPx`. */
  scaleBar: { meters: number, px: number }
  /** Towns per status, for the legend. */
  statusCounts: Partial<Record<TargetStatus | 'none', number>>
}

/** The longest round length (1, 2 or 5 × 10ⁿ metres) whose bar fits in `maxPx`. */
export function scaleBarLength(metersPerPixel: number, maxPx: number): { meters: number, px: number } {
  const maxMeters = metersPerPixel * maxPx
  const power = 10 ** Math.floor(Math.log10(maxMeters))
  const meters = [5, 2, 1].map((f) => f * power).find((m) => m <= maxMeters) ?? power
  return { meters, px: meters / metersPerPixel }
}

/**
 * Moves labels apart: in order from the top, a label whose box (width × height around its anchor) overlaps one
 * already placed goes just below it. Small neighbouring towns (two streets of a county seat) stay readable.
 */
export function separateLabels(labels: PrintLabel[], box: { width: number, height: number }): PrintLabel[] {
  const placed: PrintLabel[] = []
  for (const label of labels.toSorted((a, b) => a.y - b.y)) {
    let y = label.y
    for (const other of placed) {
      if (Math.abs(other.x - label.x) < box.width && Math.abs(other.y - y) < box.height) y = other.y + box.height
    }
    placed.push({ ...label, y })
  }
  return labels.map((label) => placed.find((p) => p.row === label.row)!)
}

/**
 * Lays the plan's towns out in a frame of width × height pixels: outlines fitted to the regions with a
 * boundary, each town with the status and figures of its row (the same rows the report's tables show), a label
 * at the centre of its box (moved apart where they would overlap), and a scale bar. Regions without a row are drawn uncoloured (the county outline).
 */
export function layoutPrintMap(regions: readonly Region[], rows: readonly TownRow[], width: number, height: number, labelBox = { width: 380, height: 130 }): PrintMapLayout {
  const drawn = regions.filter((r) => r.geometry && (r.level === 'town' || r.level === 'county' || r.level === 'city'))
  const projection = fitProjection(boxOf(drawn.map((r) => r.geometry)), width, height, Math.round(Math.min(width, height) * 0.03))
  const byCode = new Map(rows.map((row) => [row.code, row]))
  const areas = drawn.map((region) => ({ code: region.code, level: region.level, path: polygonPath(region.geometry!, projection), status: byCode.get(region.code)?.status ?? null }))
  const labels = drawn.flatMap((region) => {
    const row = byCode.get(region.code)
    if (!row || region.level !== 'town') return []
    const [west, south, east, north] = boxOf([region.geometry])
    const [x, y] = projection.project([(west + east) / 2, (south + north) / 2])
    return [{ x, y, row }]
  })
  const statusCounts: PrintMapLayout['statusCounts'] = {}
  for (const row of rows) statusCounts[row.status ?? 'none'] = (statusCounts[row.status ?? 'none'] ?? 0) + 1
  return { width, height, areas, labels: separateLabels(labels, labelBox), scaleBar: scaleBarLength(projection.metersPerPixel, width / 5), statusCounts }
}
