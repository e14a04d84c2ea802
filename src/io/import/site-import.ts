import type { Region, Site } from '../../core/model'
import { buildRegionIndex } from '../../core/geometry/region-index'
import type { Crs } from '../crs'
import { analyseSites, type IssueCode, type RejectedRow } from './analyse-sites'
import { guessCrs, guessMapping, type ColumnMapping } from './column-mapping'
import { reconcileSites } from './reconcile-sites'
import { suggestCoordinateFix, type CoordinateFix } from './suggest-fix'
import type { ImportFormat, RawRecord, SourceTable } from './source-table'
import type { ValueMapping } from './value-mapping'

/** What the dialog shows after reading a file: its shape, the first rows and the guessed mapping. */
export interface TableSummary {
  file: string
  format: ImportFormat
  columns: string[]
  rowCount: number
  preview: RawRecord[]
  hasGeometry: boolean
  encoding?: SourceTable['encoding']
  sheets?: string[]
  sheet?: string
  mapping: ColumnMapping
  crs: Crs
}

/** The rows shown in the preview table. */
export const PREVIEW_ROWS = 20

/** Summarises a table read from a file, with the guesses the mapping step starts from. */
export function summariseTable(table: SourceTable): TableSummary {
  const { file, format, columns, encoding, sheets, sheet } = table
  return {
    file, format, columns, encoding, sheets, sheet,
    rowCount: table.records.length,
    preview: table.records.slice(0, PREVIEW_ROWS),
    hasGeometry: table.geometries !== null,
    mapping: guessMapping(columns),
    crs: guessCrs(columns) ?? 'wgs84',
  }
}

/** The user's choices for turning rows into sites. */
export interface SiteImportChoices {
  mapping: ColumnMapping
  crs: Crs
  swap: boolean
  /** The user's reading of status and kind values (see distinctValues); absent: the automatic one. */
  values?: ValueMapping
  /** Prefix of the ids of new rows without one (unique per import, so two imports never collide). */
  idPrefix: string
}

/** The validation report and what an import would store. */
export interface SiteImportPlan {
  total: number
  accepted: number
  counts: Record<IssueCode, number>
  rejected: RejectedRow[]
  /** The sites to put: new ones and updated ones (unchanged ones are left alone). */
  sites: Site[]
  added: number
  updated: number
  unchanged: number
  /** A reading of the coordinates that puts more points inside the plan, when there is one. */
  fix: CoordinateFix | null
}

/** Validates a table against the plan (its regions and sites) and works out what importing it would store. */
export function planSiteImport(table: SourceTable, choices: SiteImportChoices, plan: { regions: Region[], sites: Site[] }, onProgress?: (done: number, total: number) => void): SiteImportPlan {
  const index = buildRegionIndex(plan.regions)
  const analysis = analyseSites(table, { ...choices, index, onProgress })
  const reconciliation = reconcileSites(analysis.accepted, plan.sites, choices.mapping)
  const fix = suggestCoordinateFix(table, choices.mapping, choices, index)
  return { total: analysis.total, accepted: analysis.accepted.length, counts: analysis.counts, rejected: analysis.rejected, ...reconciliation, fix }
}
