import type { ChangeRecord, PlanChange } from '@/core/model'
import type { ChangeRow, StoredChange } from './database'
import { decodeSites, encodeSites } from './site-columns'

/** A change as stored: sites as columns. */
export function toStoredChange(change: PlanChange): StoredChange {
  return change.type === 'sites.put' ? { type: 'sites.put', columns: encodeSites(change.sites) } : change
}

/** A stored change back as a PlanChange. */
export function fromStoredChange(change: StoredChange): PlanChange {
  return change.type === 'sites.put' ? { type: 'sites.put', sites: decodeSites(change.columns) } : change
}

/** A change log entry as stored. */
export function toChangeRow(record: ChangeRecord): ChangeRow {
  return { ...record, after: record.after.map(toStoredChange), before: record.before.map(toStoredChange) }
}

/** A stored change log entry as a ChangeRecord. */
export function fromChangeRow(row: ChangeRow): ChangeRecord {
  const { planId, seq, id, at, user, label } = row
  return { id, planId, seq, at, user, label, after: row.after.map(fromStoredChange), before: row.before.map(fromStoredChange) }
}
