import type { ChangeRecord, Plan, PlanBackup, PlanData } from '@/core/model'
import type { PlannerDatabase, PlanStateRow } from './database'
import { announce } from './plan-events'
import { commitChange, scheduleCompaction } from './plan-store'
import { emptyPlanState } from './site-chunks'
import { copyPlanSites, deletePlanSites, readPlanSites, writePlanSites } from './site-store'
import { runWrite, StorageWriteError } from './storage-error'
import { fromChangeRow, toChangeRow } from './stored-change'
import { withoutPlanId } from './write-change'
import { SETTLE_MIN_SITES, settleYoungGeneration } from './young-generation'

/** A plan as a plan list shows it. */
export interface PlanSummary {
  plan: Plan
  siteCount: number
  /** Changes in its history (applied ones). */
  changeCount: number
}

/** Options of importing a backup (a bundle) of a plan. */
export interface RestoreOptions {
  /** 'replace': overwrite the plan of the same id; 'copy': import next to it under a new id and name. */
  mode: 'replace' | 'copy'
  /** For 'copy': the new id (default: a random one) and name (default: the name with " (copy)"). */
  id?: string
  name?: string
}

const ROW_TABLES = ['regions', 'clusters', 'targets', 'indicators'] as const

function planTables(db: PlannerDatabase) {
  return [db.plans, db.planState, db.regions, db.siteChunks, db.siteEdits, db.clusters, db.targets, db.indicators, db.changes, db.conflicts, db.photos]
}

/** Reads one plan with everything it holds; null when the plan does not exist. */
export async function loadPlan(db: PlannerDatabase, planId: string): Promise<PlanData | null> {
  const data = await db.transaction('r', planTables(db), () => readPlanData(db, planId))
  // Edits left behind by a compaction that failed (a full disk) are folded in once the plan is open.
  const state = data && await db.planState.get(planId)
  if (state) scheduleCompaction(db, state)
  if (data && data.sites.length >= SETTLE_MIN_SITES) settleYoungGeneration()
  return data
}

async function readPlanData(db: PlannerDatabase, planId: string): Promise<PlanData | null> {
  const [plan, state] = await Promise.all([db.plans.get(planId), db.planState.get(planId)])
  if (!plan) return null
  const [regions, sites, clusters, targets, indicators] = await Promise.all([
    db.regions.where('planId').equals(planId).toArray(),
    readPlanSites(db, planId, state ?? emptyPlanState(planId)),
    db.clusters.where('planId').equals(planId).toArray(),
    db.targets.where('planId').equals(planId).toArray(),
    db.indicators.where('planId').equals(planId).toArray(),
  ])
  return {
    plan, sites,
    regions: regions.map(withoutPlanId), clusters: clusters.map(withoutPlanId), targets: targets.map(withoutPlanId), indicators: indicators.map(withoutPlanId),
  }
}

/** Every plan on this device, oldest first. */
export async function listPlans(db: PlannerDatabase): Promise<PlanSummary[]> {
  return db.transaction('r', [db.plans, db.planState], async () => {
    const [plans, states] = await Promise.all([db.plans.toArray(), db.planState.toArray()])
    const stateOf = new Map(states.map((state) => [state.planId, state]))
    return plans
      .map((plan) => ({ plan, siteCount: stateOf.get(plan.id)?.siteCount ?? 0, changeCount: stateOf.get(plan.id)?.head ?? 0 }))
      .sort((a, b) => a.plan.createdAt.localeCompare(b.plan.createdAt))
  })
}

/** Stores a new plan (an import, a plan from a template); fails with reason 'exists' when its id is taken. */
export async function createPlan(db: PlannerDatabase, data: PlanData): Promise<void> {
  await runWrite(`create plan ${data.plan.id}`, () => db.transaction('rw', planTables(db), async () => {
    if (await db.plans.get(data.plan.id)) throw new StorageWriteError('exists', `create plan ${data.plan.id}`)
    await writePlanBackup(db, { ...data, history: [], photos: [] })
  }))
  announce(db, { type: 'created', planId: data.plan.id })
}

/**
 * Replaces a plan and everything it holds (creating it when new), with an empty history, in one transaction:
 * if any write fails, the plan stays exactly as it was.
 */
export async function replacePlan(db: PlannerDatabase, data: PlanData): Promise<void> {
  await runWrite(`replace plan ${data.plan.id}`, () => db.transaction('rw', planTables(db), async () => {
    await deletePlanRows(db, data.plan.id)
    await writePlanBackup(db, { ...data, history: [], photos: [] })
  }))
  announce(db, { type: 'replaced', planId: data.plan.id })
}

/** Renames a plan (a change like any other: in the history, undoable). */
export async function renamePlan(db: PlannerDatabase, planId: string, name: string): Promise<ChangeRecord> {
  return commitChange(db, planId, { type: 'plan.update', patch: { name } }, { label: `Rename plan to “${name}”` })
}

/** Copies a plan, with everything it holds but its history, as the start of an alternative scenario. */
export async function duplicatePlan(db: PlannerDatabase, planId: string, options: { id?: string, name: string }): Promise<Plan> {
  const id = options.id ?? crypto.randomUUID()
  const copy = await runWrite(`duplicate plan ${planId} as ${id}`, () => db.transaction('rw', planTables(db), async () => {
    const [plan, state] = await Promise.all([db.plans.get(planId), db.planState.get(planId)])
    if (!plan) throw new StorageWriteError('missing', `duplicate plan ${planId}`)
    if (await db.plans.get(id)) throw new StorageWriteError('exists', `duplicate plan ${planId} as ${id}`)
    const now = new Date().toISOString()
    const copy: Plan = { ...plan, id, name: options.name, isDemo: false, createdAt: now, updatedAt: now }
    await db.plans.add(copy)
    await db.planState.add({ ...(state ?? emptyPlanState(planId)), planId: id, layout: crypto.randomUUID(), head: 0, lastSeq: 0 })
    for (const table of [...ROW_TABLES, 'photos']) {
      const rows = await db.table(table).where('planId').equals(planId).toArray()
      await db.table(table).bulkAdd(rows.map((row: object) => ({ ...row, planId: id })))
    }
    await copyPlanSites(db, planId, id)
    return copy
  }))
  announce(db, { type: 'created', planId: id })
  return copy
}

/**
 * Deletes a plan and everything it holds, in one transaction, and returns what was deleted: hand it to
 * exportBundle to offer the user a backup they can import to restore the plan.
 */
export async function deletePlan(db: PlannerDatabase, planId: string): Promise<PlanBackup> {
  const backup = await runWrite(`delete plan ${planId}`, () => db.transaction('rw', planTables(db), async () => {
    const backup = await readPlanBackupIn(db, planId)
    if (!backup) throw new StorageWriteError('missing', `delete plan ${planId}`)
    await deletePlanRows(db, planId)
    return backup
  }))
  announce(db, { type: 'deleted', planId })
  return backup
}

/** A plan with its applied history and its photos (what a bundle holds); null when there is no such plan. */
export async function readPlanBackup(db: PlannerDatabase, planId: string): Promise<PlanBackup | null> {
  return db.transaction('r', planTables(db), () => readPlanBackupIn(db, planId))
}

async function readPlanBackupIn(db: PlannerDatabase, planId: string): Promise<PlanBackup | null> {
  const data = await readPlanData(db, planId)
  if (!data) return null
  const head = (await db.planState.get(planId))?.head ?? 0
  const [rows, photos] = await Promise.all([
    db.changes.where('[planId+seq]').between([planId, 1], [planId, head], true, true).toArray(),
    db.photos.where('planId').equals(planId).toArray(),
  ])
  return { ...data, history: rows.map(fromChangeRow), photos: photos.map(withoutPlanId) }
}

/** Imports a backup (a parsed bundle): over the plan of the same id, or as a copy under a new id and name. */
export async function restorePlanBackup(db: PlannerDatabase, backup: PlanBackup, options: RestoreOptions): Promise<Plan> {
  const restored = options.mode === 'copy' ? asCopy(backup, options) : backup
  const planId = restored.plan.id
  await runWrite(`import plan ${planId}`, () => db.transaction('rw', planTables(db), async () => {
    if (options.mode === 'copy' && await db.plans.get(planId)) throw new StorageWriteError('exists', `import plan as ${planId}`)
    await deletePlanRows(db, planId)
    await writePlanBackup(db, restored)
  }))
  announce(db, { type: options.mode === 'copy' ? 'created' : 'replaced', planId })
  return restored.plan
}

function asCopy(backup: PlanBackup, options: RestoreOptions): PlanBackup {
  const id = options.id ?? crypto.randomUUID()
  const now = new Date().toISOString()
  const plan = { ...backup.plan, id, name: options.name ?? `${backup.plan.name} (copy)`, isDemo: false, createdAt: now, updatedAt: now }
  return { ...backup, plan, history: backup.history.map((record) => ({ ...record, planId: id })) }
}

/** Writes a whole plan into empty tables: its history becomes the applied changes 1…n. */
async function writePlanBackup(db: PlannerDatabase, backup: PlanBackup): Promise<void> {
  const planId = backup.plan.id
  const own = <T>(record: T): T & { planId: string } => ({ ...record, planId })
  await db.plans.put(backup.plan)
  await db.regions.bulkAdd(backup.regions.map(own))
  await db.clusters.bulkAdd(backup.clusters.map(own))
  await db.targets.bulkAdd(backup.targets.map(own))
  await db.indicators.bulkAdd(backup.indicators.map(own))
  await db.photos.bulkAdd(backup.photos.map(own))
  await db.changes.bulkAdd(backup.history.map((record, i) => toChangeRow({ ...record, planId, seq: i + 1 })))
  const history = backup.history.length
  const state: PlanStateRow = { ...emptyPlanState(planId), head: history, lastSeq: history }
  await db.planState.put(await writePlanSites(db, state, backup.sites))
}

async function deletePlanRows(db: PlannerDatabase, planId: string): Promise<void> {
  await Promise.all([
    db.plans.delete(planId),
    db.planState.delete(planId),
    deletePlanSites(db, planId),
    ...[...ROW_TABLES, 'changes', 'conflicts', 'photos'].map((table) => db.table(table).where('planId').equals(planId).delete()),
  ])
}
