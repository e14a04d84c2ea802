import type { Position } from 'geojson'
import type { RawRecord } from '../sites/site-fields'
import type { ColumnMapping } from './column-mapping'
import type { SourceGeometry } from './source-table'

/** Why a row's coordinates cannot be used, or its raw position (in the file's coordinate system). */
export type RawCoordinates
  = | { ok: true, type: 'Point' | 'LineString', positions: Position[] }
    | { ok: false, code: 'coordinates-missing' | 'coordinates-text' | 'coordinates-unparseable', field: string, message: string }

/** Degrees/minutes/seconds written as text: 116°27′, 36度16分, 116°27'30" — a common Excel habit. */
const DMS = /[°′″'"]|度|分|秒/

/** China's extent (with a margin): a point outside it is a typo, a swap or another system's coordinates. */
export const CHINA_BOUNDS = { west: 73.4, east: 135.1, south: 3.8, north: 53.6 }

/** True when a lng/lat lies within CHINA_BOUNDS. */
export function insideChina(lng: number, lat: number): boolean {
  return lng >= CHINA_BOUNDS.west && lng <= CHINA_BOUNDS.east && lat >= CHINA_BOUNDS.south && lat <= CHINA_BOUNDS.north
}

function cell(record: RawRecord, column: string | undefined): string {
  const value = column === undefined ? undefined : record[column]
  return value === undefined || value === null ? '' : String(value).trim()
}

function readNumber(raw: string, field: string): number | RawCoordinates {
  if (raw === '') return { ok: false, code: 'coordinates-missing', field, message: 'is empty' }
  if (DMS.test(raw)) return { ok: false, code: 'coordinates-text', field, message: `"${raw}" is degrees/minutes as text; use decimal degrees (e.g. 116.45)` }
  const value = Number(raw)
  if (!Number.isFinite(value)) return { ok: false, code: 'coordinates-unparseable', field, message: `"${raw}" is not a number` }
  return value
}

/**
 * The raw position(s) of a row: from its geometry (GeoJSON/KML/Shapefile) or its lng/lat columns. `checkRange`
 * off lets a swapped pair through (a latitude of 116), for the search for a better reading.
 */
export function readRawCoordinates(record: RawRecord, geometry: SourceGeometry | null | undefined, mapping: ColumnMapping, swap: boolean, checkRange = true): RawCoordinates {
  if (geometry !== undefined) return geometryCoordinates(geometry, swap)
  const lngField = mapping.lng ?? 'lng', latField = mapping.lat ?? 'lat'
  const lng = readNumber(cell(record, mapping.lng), lngField)
  if (typeof lng !== 'number') return lng
  const lat = readNumber(cell(record, mapping.lat), latField)
  if (typeof lat !== 'number') return lat
  const [x, y] = swap ? [lat, lng] : [lng, lat]
  if (checkRange && (Math.abs(x) > 180 || Math.abs(y) > 90)) return { ok: false, code: 'coordinates-unparseable', field: Math.abs(x) > 180 ? lngField : latField, message: `${x}, ${y} is not a longitude/latitude` }
  return { ok: true, type: 'Point', positions: [[x, y]] }
}

function geometryCoordinates(geometry: SourceGeometry | null, swap: boolean): RawCoordinates {
  if (geometry === null) return { ok: false, code: 'coordinates-missing', field: 'geometry', message: 'has no geometry' }
  if (geometry.type !== 'Point' && geometry.type !== 'LineString') {
    return { ok: false, code: 'coordinates-unparseable', field: 'geometry', message: `a site is a Point or a LineString, not a ${geometry.type}` }
  }
  const positions = geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates
  for (const p of positions) {
    if (typeof p[0] !== 'number' || typeof p[1] !== 'number' || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
      return { ok: false, code: 'coordinates-unparseable', field: 'geometry', message: `${JSON.stringify(p)} is not a longitude/latitude` }
    }
  }
  if (positions.length === 0 || (geometry.type === 'LineString' && positions.length < 2)) return { ok: false, code: 'coordinates-missing', field: 'geometry', message: 'has no positions' }
  return { ok: true, type: geometry.type, positions: swap ? positions.map((p) => [p[1]!, p[0]!]) : positions }
}
