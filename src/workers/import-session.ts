import { buildRegionIndex, type RegionIndex } from '@/core/geometry/region-index'
import type { Region, Site } from '@/core/model'
import type { RejectedRow } from '@/io/import/analyse-sites'
import type { Crs } from '@/io/crs'
import { readSourceTable } from '@/io/import/adapters'
import { analyseBoundaries, guessBoundaryFields, type BoundaryAnalysis, type BoundaryOptions } from '@/io/import/analyse-boundaries'
import type { ColumnMapping } from '@/io/import/column-mapping'
import { previewSites, type SitePreview } from '@/io/import/preview-sites'
import { rejectedRowsCsv } from '@/io/import/rejected-csv'
import { planSiteImport, summariseTable, type SiteImportChoices, type SiteImportPlan, type TableSummary } from '@/io/import/site-import'
import type { ImportFormat, ReadOptions, SourceTable } from '@/io/import/source-table'
import { distinctValues, type ColumnValues } from '@/io/import/value-mapping'

/** Rejected rows the report lists; the rest stay in the worker, for the CSV download. */
export const REJECTED_SHOWN = 50

/**
 * A site plan as the page receives it: the figures and the first rejected rows. The sites and the other rejected
 * rows stay in the worker — 100,000 rows cloned at once would stall the page for a second or more — and the
 * sites cross in chunks (`sites`) when the user imports.
 */
export interface SiteImportReport extends Omit<SiteImportPlan, 'sites' | 'rejected'> {
  siteCount: number
  rejected: RejectedRow[]
  rejectedCount: number
}

/** What the dialog asks of an import: read a file, then plan sites or boundaries from it, as often as choices change. */
export interface ImportSession {
  /** Reads the file (again, with other options) and keeps its table for the next calls. */
  read(file: string, bytes: Uint8Array, options: ReadOptions & { format?: ImportFormat }): Promise<TableSummary & { boundaryFields: { codeField?: string, nameField?: string } }>
  /** The plan's regions, for the map preview (kept here: they cross once, not at every change of a choice). */
  setRegions(regions: Region[]): Promise<void>
  /** The first rows as points after the chosen columns, swap and conversion, each inside or outside the regions. */
  preview(reading: { mapping: ColumnMapping, crs: Crs, swap: boolean }, limit?: number): Promise<SitePreview>
  /** The distinct values of the mapped status and kind columns, with counts and their automatic reading. */
  values(mapping: ColumnMapping): Promise<ColumnValues[]>
  planSites(choices: SiteImportChoices, plan: { regions: Region[], sites: Site[] }, onProgress?: (done: number, total: number) => void): Promise<SiteImportReport>
  /** Sites `from`…`from + count` of the last site plan (what importing it stores). */
  sites(from: number, count: number): Promise<Site[]>
  planBoundaries(options: BoundaryOptions): Promise<BoundaryAnalysis>
  /** The rejected rows of the last site plan as CSV (UTF-8 with BOM). */
  rejectedCsv(): Promise<string>
}

/**
 * The import's state and steps, as plain functions over io: the worker exposes this object, and tests (and a
 * browser without module workers) use it directly. The table stays here, so 100,000 rows cross to the page once
 * as a summary, not at every change of the mapping.
 */
export function createImportSession(): ImportSession {
  let table: SourceTable | null = null
  let lastPlan: SiteImportPlan | null = null
  let index: RegionIndex | null = null
  const current = (): SourceTable => {
    if (!table) throw new Error('no file has been read')
    return table
  }
  return {
    async read(file, bytes, options) {
      table = null
      table = await readSourceTable(file, bytes, options)
      return { ...summariseTable(table), boundaryFields: guessBoundaryFields(table.columns) }
    },
    async setRegions(regions) {
      index = buildRegionIndex(regions)
    },
    async preview(reading, limit) {
      return previewSites(current(), reading, index, limit)
    },
    async values(mapping) {
      return distinctValues(current(), mapping)
    },
    async planSites(choices, plan, onProgress) {
      lastPlan = planSiteImport(current(), choices, plan, onProgress)
      const { sites, rejected, ...figures } = lastPlan
      return { ...figures, siteCount: sites.length, rejected: rejected.slice(0, REJECTED_SHOWN), rejectedCount: rejected.length }
    },
    async sites(from, count) {
      return lastPlan?.sites.slice(from, from + count) ?? []
    },
    async planBoundaries(options) {
      return analyseBoundaries(current(), options)
    },
    async rejectedCsv() {
      return rejectedRowsCsv(current().columns, lastPlan?.rejected ?? [])
    },
  }
}
