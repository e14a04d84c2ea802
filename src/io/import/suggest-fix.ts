import { locatePosition, type RegionIndex } from '../../core/geometry/region-index'
import { CRS_LIST, toWgs84, type Crs } from '../crs'
import type { ColumnMapping } from './column-mapping'
import { readRawCoordinates } from './row-coordinates'
import type { SourceTable } from './source-table'

/** A reading of the coordinates: their system and whether lng/lat are swapped. */
export interface CoordinateReading {
  crs: Crs
  swap: boolean
}

/** A better reading than the user's: how many of the sampled points each puts inside the plan's regions. */
export interface CoordinateFix extends CoordinateReading {
  sampled: number
  insideAsGiven: number
  insideWithFix: number
}

const SAMPLE = 2000

/**
 * When the points fall outside the plan's regions as given but inside after another conversion or a lat/lng
 * swap, that reading; else null. A sample of rows spread over the file keeps this cheap on 100,000 rows. A fix
 * is only offered when it at least halves the points outside, so noise at a border never suggests one.
 */
export function suggestCoordinateFix(table: SourceTable, mapping: ColumnMapping, current: CoordinateReading, index: RegionIndex): CoordinateFix | null {
  if (index.levels.length === 0) return null
  const step = Math.max(1, Math.floor(table.records.length / SAMPLE))
  const points: Array<[number, number]> = []
  for (let i = 0; i < table.records.length; i += step) {
    const raw = readRawCoordinates(table.records[i]!, table.geometries?.[i], mapping, false, false)
    if (raw.ok) points.push(raw.positions[0] as [number, number])
  }
  if (points.length === 0) return null
  const inside = (r: CoordinateReading): number => points.reduce((n, [x, y]) => {
    const [lng, lat] = r.swap ? [y, x] : [x, y]
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return n
    const [wx, wy] = toWgs84(lng, lat, r.crs)
    return n + (locatePosition(index, wx, wy) >= 0 ? 1 : 0)
  }, 0)
  const asGiven = inside(current)
  if (asGiven === points.length) return null
  const readings = CRS_LIST.flatMap((crs) => [{ crs, swap: false }, { crs, swap: true }])
  const scored = readings.map((r) => ({ ...r, score: inside(r) })).sort((a, b) => b.score - a.score)
  const best = scored[0]!
  const outsideNow = points.length - asGiven, outsideBest = points.length - best.score
  if (outsideBest * 2 > outsideNow || (best.crs === current.crs && best.swap === current.swap)) return null
  return { crs: best.crs, swap: best.swap, sampled: points.length, insideAsGiven: asGiven, insideWithFix: best.score }
}
