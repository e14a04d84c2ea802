import type { ChangeRecord } from '@/core/model'
import {
  baseStates, changesFor, CHANGE_SET_FORMAT, CHANGE_SET_VERSION, recordStates, sameRecord,
  type ChangeSet, type Conflict, type RecordState,
} from '@/io/bundle/change-set'
import type { ConflictRow, PlannerDatabase } from './database'
import { readDeviceSettings } from './device-settings'
import { afterCommit, commitWithin, openWriteContext, writeTables, type Committed } from './plan-store'
import { readCurrentSites } from './site-store'
import { runWrite, StorageWriteError } from './storage-error'
import { fromChangeRow } from './stored-change'
import { withoutPlanId, type WriteContext } from './write-change'

/** What importing a change set did: the one change it applied (null: nothing new) and what waits for the user. */
export interface ChangeSetImport {
  applied: ChangeRecord | null
  /** Records taken from the set. */
  appliedCount: number
  conflicts: Conflict[]
}

/** The plan's applied changes made at or after `since` (ISO), with the base state of the records they touch. */
export async function exportChangeSet(db: PlannerDatabase, planId: string, since: string): Promise<ChangeSet> {
  return runWrite(`export the changes of plan ${planId}`, () => db.transaction('rw', [db.plans, db.planState, db.changes, db.meta], async () => {
    const plan = await db.plans.get(planId)
    if (!plan) throw new StorageWriteError('missing', `export the changes of plan ${planId}`)
    const head = (await db.planState.get(planId))?.head ?? 0
    const rows = await db.changes.where('[planId+seq]').between([planId, 1], [planId, head], true, true).filter((row) => row.at >= since).toArray()
    const changes = rows.map(fromChangeRow)
    const { deviceId, userName } = await readDeviceSettings(db)
    return {
      format: CHANGE_SET_FORMAT, version: CHANGE_SET_VERSION, planId, planName: plan.name, since,
      exportedAt: new Date().toISOString(), deviceId, userName, changes, base: baseStates(changes),
    }
  }))
}

/**
 * Applies another device's change set to the same plan here, as one undoable change. A record changed here
 * too since the set's base (and not to the same value) is not touched: it is stored and returned as a
 * conflict for the user to resolve (resolveConflicts) — never silently overwritten.
 */
export async function importChangeSet(db: PlannerDatabase, planId: string, set: ChangeSet): Promise<ChangeSetImport> {
  if (set.planId !== planId) throw new StorageWriteError('missing', `import a change set of plan ${set.planId} into plan ${planId}`)
  const label = `Changes from ${set.userName || 'another device'} since ${set.since.slice(0, 10)} (${set.changes.length})`
  const result = await runWrite(`import "${label}" into plan ${planId}`, () => db.transaction('rw', [...writeTables(db), db.conflicts], async () => {
    const context = await openWriteContext(db, planId)
    const base = new Map(set.base.map((state) => [state.key, state.value]))
    const theirs = [...recordStates(set.changes.flatMap((change) => change.after)).values()]
    const mine = await currentStates(context, theirs)
    const take: RecordState[] = []
    const conflicts: Conflict[] = []
    for (const state of theirs) {
      const current = mine.get(state.key) ?? null
      if (sameRecord(current, state.value)) continue
      if (sameRecord(current, base.get(state.key) ?? null)) take.push(state)
      else conflicts.push({ key: state.key, entity: state.entity, id: state.id, base: base.get(state.key) ?? null, mine: current, theirs: state.value, theirUser: set.userName })
    }
    const importedAt = new Date().toISOString()
    await db.conflicts.bulkPut(conflicts.map((conflict): ConflictRow => ({ ...conflict, planId, importedAt })))
    const committed = take.length > 0 ? await commitWithin(context, changesFor(take), label) : null
    return { committed, appliedCount: take.length, conflicts: conflicts.sort((a, b) => (a.key < b.key ? -1 : 1)) }
  }))
  if (result.committed) await afterCommit(db, result.committed)
  return { applied: result.committed?.record ?? null, appliedCount: result.appliedCount, conflicts: result.conflicts }
}

/** Conflicts of a plan still waiting for a choice, by key. */
export async function listConflicts(db: PlannerDatabase, planId: string): Promise<Conflict[]> {
  const rows = await db.conflicts.where('planId').equals(planId).toArray()
  return rows.map(({ planId: _planId, importedAt: _importedAt, ...conflict }) => conflict)
}

/**
 * Settles conflicts by key: 'mine' keeps the record as it is here, 'theirs' takes the change set's version
 * (one undoable change for all of them). Returns that change, or null when every choice was 'mine'.
 */
export async function resolveConflicts(db: PlannerDatabase, planId: string, choices: Record<string, 'mine' | 'theirs'>): Promise<ChangeRecord | null> {
  const keys = Object.keys(choices)
  const committed = await runWrite(`resolve ${keys.length} conflicts of plan ${planId}`, () => db.transaction('rw', [...writeTables(db), db.conflicts], async () => {
    const rows = (await db.conflicts.bulkGet(keys.map((key) => [planId, key]))).filter((row) => row !== undefined)
    const take = rows.filter((row) => choices[row.key] === 'theirs').map(({ key, entity, id, theirs }) => ({ key, entity, id, value: theirs }))
    await db.conflicts.bulkDelete(rows.map((row): [string, string] => [planId, row.key]))
    if (take.length === 0) return null
    const users = [...new Set(rows.map((row) => row.theirUser || 'another device'))].join(', ')
    return commitWithin(await openWriteContext(db, planId), changesFor(take), `Took ${take.length} changes from ${users}`)
  }))
  if (!committed) return null
  await afterCommit(db, committed satisfies Committed)
  return committed.record
}

/** The current value here of each record a change set touches (null: it does not exist). */
async function currentStates(context: WriteContext, states: readonly RecordState[]): Promise<Map<string, unknown>> {
  const { db, plan } = context
  const current = new Map<string, unknown>()
  const idsOf = (entity: RecordState['entity']): string[] => states.filter((s) => s.entity === entity).map((s) => s.id)
  const sites = await readCurrentSites(db, context.state, idsOf('sites'))
  for (const [id, { site }] of sites) current.set(`sites:${id}`, site)
  for (const entity of ['clusters', 'targets', 'indicators'] as const) {
    const ids = idsOf(entity)
    const rows = await db[entity].bulkGet(ids.map((id) => [plan.id, id]))
    ids.forEach((id, i) => current.set(`${entity}:${id}`, rows[i] ? withoutPlanId(rows[i]) : null))
  }
  if (idsOf('regions').length > 0) {
    current.set('regions:*', (await db.regions.where('planId').equals(plan.id).toArray()).map(withoutPlanId))
  }
  for (const field of idsOf('plan')) current.set(`plan:${field}`, plan[field as keyof typeof plan])
  return current
}
