import { locatePosition, type RegionIndex } from '../../core/geometry/region-index'
import { toWgs84, type Crs } from '../crs'
import type { ColumnMapping } from './column-mapping'
import { insideChina, readRawCoordinates } from './row-coordinates'
import type { SourceTable } from './source-table'

/** The rows the map preview shows: enough to see where a register lands, few enough to redraw at every choice. */
export const PREVIEW_POINTS = 500

/** One previewed row, in WGS-84 after the chosen conversion; `inside`: within a region of the plan. */
export interface PreviewPoint {
  row: number
  lng: number
  lat: number
  inside: boolean
}

/** The first rows as points, plus how many of those rows had no usable position (missing, text, out of range). */
export interface SitePreview {
  points: PreviewPoint[]
  rows: number
  unplaced: number
}

/**
 * The first `limit` rows as they would be stored — columns, swap and coordinate system applied — each flagged
 * inside or outside the plan's regions, so the user sees a wrong choice on the map before validating. A bus
 * line shows as its first position. With no regions (a plan without boundaries) every point counts as inside.
 */
export function previewSites(table: SourceTable, reading: { mapping: ColumnMapping, crs: Crs, swap: boolean }, index: RegionIndex | null, limit = PREVIEW_POINTS): SitePreview {
  const rows = Math.min(limit, table.records.length)
  const points: PreviewPoint[] = []
  for (let i = 0; i < rows; i++) {
    const raw = readRawCoordinates(table.records[i]!, table.geometries?.[i], reading.mapping, reading.swap)
    if (!raw.ok) continue
    const [x, y] = raw.positions[0] as [number, number]
    if (!insideChina(x, y)) continue
    const [lng, lat] = toWgs84(x, y, reading.crs)
    const inside = index === null || index.levels.length === 0 || locatePosition(index, lng, lat) >= 0
    points.push({ row: table.rowNumbers[i]!, lng, lat, inside })
  }
  return { points, rows, unplaced: rows - points.length }
}
