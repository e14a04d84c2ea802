import type { SiteKind, SiteStatus } from '../../core/model'
import { recogniseValue, type MappedField, type ValueMapping } from '../sites/site-fields'
import type { ColumnMapping } from './column-mapping'
import type { SourceTable } from './source-table'

export type { MappedField, ValueMapping }

/** The enum fields whose values the mapping step lists, in its order. */
export const MAPPED_FIELDS: readonly MappedField[] = ['status', 'kind']

/** One value found in a column: how many rows carry it, and what the import reads it as by itself (null: unknown). */
export interface DistinctValue {
  value: string
  count: number
  auto: SiteStatus | SiteKind | null
}

/** The values of one mapped column, most frequent first; `more` counts the values left off past the limit. */
export interface ColumnValues {
  field: MappedField
  column: string
  values: DistinctValue[]
  more: number
}

/** Enough for any real status or kind column; a column with more distinct values is not an enum column. */
export const DISTINCT_LIMIT = 100

/**
 * The distinct (trimmed, non-empty) values of the status and kind columns of a table, with their counts and the
 * automatic reading, so the user can map what the import does not recognise ("已签约" → contacted).
 */
export function distinctValues(table: SourceTable, mapping: ColumnMapping, limit = DISTINCT_LIMIT): ColumnValues[] {
  return MAPPED_FIELDS.flatMap((field) => {
    const column = mapping[field]
    if (column === undefined) return []
    const counts = new Map<string, number>()
    for (const record of table.records) {
      const raw = record[column]
      const value = raw === undefined || raw === null ? '' : String(raw).trim()
      if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1)
    }
    const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    const values = sorted.slice(0, limit).map(([value, count]) => ({ value, count, auto: recogniseValue(field, value) }))
    return [{ field, column, values, more: Math.max(0, sorted.length - limit) }]
  })
}
