import type { ChangeRecord, PlanChange, PlanPatch } from '@/core/model'
import { BundleError } from './bundle-error'
import { jsonFile, readVersionedJson, type FileInput } from './file-encoding'

/** What the first member of every change set file says. */
export const CHANGE_SET_FORMAT = 'ecny-change-set'
/** The change set format this version writes; it reads this one and every older one. */
export const CHANGE_SET_VERSION = 1

/** Which kind of record a change touched; a plan's fields count one by one, its regions as one record. */
export type RecordEntity = 'sites' | 'clusters' | 'targets' | 'indicators' | 'regions' | 'plan'

/**
 * One record's state: `value` null when the record does not exist. `key` is `${entity}:${id}`, unique across
 * entities (a site and a cluster may share an id): 'sites:m-001-00003', 'plan:name', 'regions:*'.
 */
export interface RecordState {
  key: string
  entity: RecordEntity
  id: string
  value: unknown
}

/**
 * The changes made to a plan on one device since a date, with the state before them of every record they
 * touch (the base): on another device, a record that differs from its base was changed there too.
 */
export interface ChangeSet {
  format: typeof CHANGE_SET_FORMAT
  version: typeof CHANGE_SET_VERSION
  planId: string
  planName: string
  /** ISO timestamp: changes made at or after it are in the set. */
  since: string
  exportedAt: string
  /** Who exported it: the device and its user name. */
  deviceId: string
  userName: string
  /** The applied changes since `since`, oldest first. */
  changes: ChangeRecord[]
  /** The state of every touched record before the first change that touched it. */
  base: RecordState[]
}

/** A record changed both here and in an imported change set: the user keeps mine or takes theirs. */
export interface Conflict extends Omit<RecordState, 'value'> {
  /** The record before either side changed it. */
  base: unknown
  /** As it is on this device (null: deleted here). */
  mine: unknown
  /** As the change set left it (null: deleted there). */
  theirs: unknown
  /** Whose change set it came from. */
  theirUser: string
}

/** The state of every record the changes touch, after applying them in order. */
export function recordStates(changes: readonly PlanChange[]): Map<string, RecordState> {
  const states = new Map<string, RecordState>()
  const set = (entity: RecordEntity, id: string, value: unknown): void => {
    states.set(`${entity}:${id}`, { key: `${entity}:${id}`, entity, id, value })
  }
  for (const change of changes) {
    const [entity, action] = change.type.split('.') as [RecordEntity, string]
    if (change.type === 'regions.replace') set('regions', '*', change.regions)
    else if (change.type === 'plan.update') {
      for (const [field, value] of Object.entries(change.patch)) if (value !== undefined) set('plan', field, value)
    } else if (action === 'delete') for (const id of (change as { ids: string[] }).ids) set(entity, id, null)
    else for (const record of recordsOf(change)) set(entity, record.id, record)
  }
  return states
}

function recordsOf(change: PlanChange): Array<{ id: string }> {
  switch (change.type) {
    case 'sites.put': return change.sites
    case 'clusters.put': return change.clusters
    case 'targets.put': return change.targets
    case 'indicators.put': return change.indicators
    default: return []
  }
}

/** The base of a list of changes: each touched record as it was before the first change that touched it. */
export function baseStates(changes: readonly ChangeRecord[]): RecordState[] {
  const base = new Map<string, RecordState>()
  for (const record of changes) {
    const before = recordStates(record.before)
    for (const state of recordStates(record.after).values()) {
      // A delete of a record that did not exist has no before: it was absent.
      if (!base.has(state.key)) base.set(state.key, before.get(state.key) ?? { ...state, value: null })
    }
  }
  return [...base.values()]
}

/** Changes that set records to the given states (what applying "theirs" writes). */
export function changesFor(states: readonly RecordState[]): PlanChange[] {
  const puts = new Map<RecordEntity, unknown[]>()
  const deletes = new Map<RecordEntity, string[]>()
  const patch: Record<string, unknown> = {}
  const changes: PlanChange[] = []
  for (const { entity, id, value } of states) {
    if (entity === 'regions') changes.push({ type: 'regions.replace', regions: (value ?? []) as never })
    else if (entity === 'plan') patch[id] = value
    else if (value === null) deletes.set(entity, [...(deletes.get(entity) ?? []), id])
    else puts.set(entity, [...(puts.get(entity) ?? []), value])
  }
  for (const [entity, records] of puts) changes.push({ type: `${entity}.put`, [entity]: records } as PlanChange)
  for (const [entity, ids] of deletes) changes.push({ type: `${entity}.delete`, ids } as PlanChange)
  if (Object.keys(patch).length > 0) changes.push({ type: 'plan.update', patch: patch as PlanPatch })
  return changes
}

/** Deep equality of two records as JSON would see them (key order and undefined members do not matter). */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => sameRecord(item, (b as unknown[])[i]))
  const keysOf = (o: object): string[] => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined)
  const [ka, kb] = [keysOf(a), keysOf(b)]
  return ka.length === kb.length && ka.every((k) => sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** Writes a change set as a file (JSON, gzip when asked). */
export async function exportChangeSetFile(set: ChangeSet, options: { compress?: boolean } = {}): Promise<Blob> {
  return jsonFile([JSON.stringify(set)], options.compress ?? false)
}

/** Reads a change set file; refuses a newer format or anything else with a BundleError. */
export async function parseChangeSet(input: FileInput): Promise<ChangeSet> {
  const { json } = await readVersionedJson(input, CHANGE_SET_FORMAT, CHANGE_SET_VERSION, 'changeSet')
  const set = json as ChangeSet
  if (typeof set.planId !== 'string' || !Array.isArray(set.changes) || !Array.isArray(set.base)) {
    throw new BundleError('invalid', 'changeSet', 'This change set is damaged: it lacks its plan, changes or base.')
  }
  return set
}
