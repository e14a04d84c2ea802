import { csvDocument } from '../export/csv-text'
import type { RejectedRow } from './analyse-sites'

/** The rejected rows as a CSV the user can fix and import again: the original columns, then row, field and reason. */
export function rejectedRowsCsv(columns: readonly string[], rejected: readonly RejectedRow[]): string {
  const header = [...columns, '行号 row', '字段 field', '原因 reason']
  return csvDocument(header, rejected.map((r) => [...columns.map((c) => r.record[c]), r.row, r.field, `${r.code}: ${r.message}`]))
}
