import type { Position } from 'geojson'
import type { Site } from '../../core/model'
import { locateLinePositions } from '../../core/geometry/locate-line'
import { locatePosition, type RegionIndex } from '../../core/geometry/region-index'
import { toWgs84, type Crs } from '../crs'
import { ImportError } from '../import-error'
import { siteFields, type RawRecord, type ValueMapping } from '../sites/site-fields'
import type { ColumnMapping } from './column-mapping'
import { insideChina, readRawCoordinates } from './row-coordinates'
import type { SourceGeometry, SourceTable } from './source-table'

/** Why a row was rejected. */
export const ISSUE_CODES = [
  'coordinates-missing', 'coordinates-text', 'coordinates-unparseable', 'outside-china', 'outside-regions',
  'duplicate-id', 'probable-duplicate', 'unknown-value', 'rejected-value', 'invalid-value',
] as const
export type IssueCode = (typeof ISSUE_CODES)[number]

/** A rejected row: where (row as the user sees it, and the field), why, and the record to hand back. */
export interface RejectedRow {
  row: number
  field: string
  code: IssueCode
  message: string
  record: RawRecord
}

/** A row that passed validation: the site (WGS-84) and what it was read from. */
export interface AcceptedRow {
  row: number
  site: Site
  record: RawRecord
}

/** How to turn a table into sites. */
export interface AnalyseOptions {
  mapping: ColumnMapping
  crs: Crs
  /** Read the lng column as latitude and the lat column as longitude (the usual mix-up). */
  swap?: boolean
  /** The user's reading of status and kind values the import does not recognise (or wants read otherwise). */
  values?: ValueMapping
  /** The plan's regions: rows outside every one of them are rejected (skipped when the index has no boundaries). */
  index?: RegionIndex
  /** Prefix of the ids given to rows without one. */
  idPrefix?: string
  onProgress?: (done: number, total: number) => void
}

/** The validation report: accepted and rejected rows, with a count per reason. */
export interface SiteAnalysis {
  total: number
  accepted: AcceptedRow[]
  rejected: RejectedRow[]
  counts: Record<IssueCode, number>
}

/** Probable duplicates: the same name within this distance. */
export const DUPLICATE_METERS = 30

/** Validates every row of a table into sites; nothing throws for a bad row, it is rejected with its reason. */
export function analyseSites(table: SourceTable, options: AnalyseOptions): SiteAnalysis {
  const counts = Object.fromEntries(ISSUE_CODES.map((c) => [c, 0])) as Record<IssueCode, number>
  const analysis: SiteAnalysis = { total: table.records.length, accepted: [], rejected: [], counts }
  const seen = { ids: new Map<string, number>(), names: new Map<string, Array<{ x: number, y: number, row: number }>>() }
  const checkRegions = options.index !== undefined && options.index.levels.length > 0
  table.records.forEach((record, i) => {
    const row = table.rowNumbers[i]!
    const result = analyseRow(record, table.geometries?.[i], row, table.file, options, checkRegions)
    const issue = 'site' in result ? duplicateIssue(result.site, row, options.mapping, seen) : result
    if (issue) {
      counts[issue.code]++
      analysis.rejected.push({ row, ...issue, record })
    } else {
      analysis.accepted.push({ row, site: (result as { site: Site }).site, record })
    }
    if (options.onProgress && (i + 1) % 5000 === 0) options.onProgress(i + 1, table.records.length)
  })
  options.onProgress?.(table.records.length, table.records.length)
  return analysis
}

type Issue = Pick<RejectedRow, 'field' | 'code' | 'message'>

function analyseRow(record: RawRecord, geometry: SourceGeometry | null | undefined, row: number, file: string, options: AnalyseOptions, checkRegions: boolean): { site: Site } | Issue {
  const raw = readRawCoordinates(record, geometry, options.mapping, options.swap ?? false)
  if (!raw.ok) return raw
  if (!raw.positions.every((p) => insideChina(p[0]!, p[1]!))) {
    return { code: 'outside-china', field: options.mapping.lng ?? 'geometry', message: `${raw.positions[0]!.join(', ')} is outside China (are longitude and latitude swapped?)` }
  }
  const positions = raw.positions.map((p) => toWgs84(p[0]!, p[1]!, options.crs) as Position)
  if (checkRegions && !insideRegions(options.index!, raw.type, positions)) {
    return { code: 'outside-regions', field: options.mapping.lng ?? 'geometry', message: 'outside every region of the plan' }
  }
  let fields: Omit<Site, 'geometry'>
  try {
    fields = siteFields(record, options.mapping, file, row, options.values)
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    return { code: issueOfReason(error.reason), field: error.location.field ?? '', message: error.reason }
  }
  if (!options.mapping.id || fields.id === `row-${row}`) fields.id = `${options.idPrefix ?? 'import'}-${row}`
  const point = raw.type === 'Point' ? { type: 'Point' as const, coordinates: positions[0]! } : null
  return { site: { ...fields, geometry: point ?? { type: 'LineString', coordinates: positions } } }
}

function issueOfReason(reason: string): IssueCode {
  if (reason.startsWith('unknown value')) return 'unknown-value'
  return reason.includes('rejected in the value mapping') ? 'rejected-value' : 'invalid-value'
}

function insideRegions(index: RegionIndex, type: 'Point' | 'LineString', positions: Position[]): boolean {
  if (type === 'LineString') return locateLinePositions(index, positions).length > 0
  return locatePosition(index, positions[0]![0]!, positions[0]![1]!) >= 0
}

interface Seen { ids: Map<string, number>, names: Map<string, Array<{ x: number, y: number, row: number }>> }

/** A repeated id, or the same name within DUPLICATE_METERS of an earlier row; remembers the row otherwise. */
function duplicateIssue(site: Site, row: number, mapping: ColumnMapping, seen: Seen): Issue | null {
  const earlier = seen.ids.get(site.id)
  if (earlier !== undefined) return { code: 'duplicate-id', field: mapping.id ?? 'id', message: `id "${site.id}" is also on row ${earlier}` }
  const at = site.geometry.type === 'Point' ? site.geometry.coordinates : site.geometry.coordinates[0]!
  const named = site.name ? seen.names.get(site.name) ?? [] : []
  const twin = named.find((p) => distanceMeters(p.x, p.y, at[0]!, at[1]!) <= DUPLICATE_METERS)
  if (twin) return { code: 'probable-duplicate', field: mapping.name ?? 'name', message: `same name as row ${twin.row}, within ${DUPLICATE_METERS} m` }
  seen.ids.set(site.id, row)
  if (site.name) seen.names.set(site.name, [...named, { x: at[0]!, y: at[1]!, row }])
  return null
}

/** Distance in metres on an equirectangular approximation: exact to well under a metre at 30 m. */
export function distanceMeters(x1: number, y1: number, x2: number, y2: number): number {
  const k = Math.cos(((y1 + y2) / 2) * Math.PI / 180)
  return Math.hypot((x2 - x1) * 111_320 * k, (y2 - y1) * 110_574)
}
