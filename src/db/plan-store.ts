import type { ChangeRecord, PlanChange } from '@/core/model'
import type { ChangeRow, PlannerDatabase, PlanStateRow } from './database'
import { readDeviceSettings } from './device-settings'
import { announce } from './plan-events'
import { emptyPlanState } from './site-chunks'
import { readPlanSites, writePlanSites } from './site-store'
import { runWrite, StorageWriteError } from './storage-error'
import { fromChangeRow, toChangeRow } from './stored-change'
import { writeChanges, type WriteContext } from './write-change'

/** Once a plan has this many site edits, they are folded into its chunks (in the background, after a commit or an open). */
export const COMPACT_EDITS = 2_000

/** Options of a commit. */
export interface CommitOptions {
  /** What the change is, in the user's words; shown in the history and on the undo button. */
  label: string
}

/** Where a plan stands in its history: what undo and redo would do. */
export interface HistorySummary {
  canUndo: boolean
  canRedo: boolean
  /** Label of the change undo would revert / redo would apply again. */
  undoLabel: string | null
  redoLabel: string | null
  /** Changes applied (the undo stack) and undone (the redo stack). */
  applied: number
  undone: number
}

/** One line of a plan's history, without the change itself (getChange reads that). */
export interface HistoryEntry {
  id: string
  seq: number
  at: string
  user: string
  label: string
  /** True for an undone change (on the redo stack). */
  undone: boolean
}

/** Every table a change may touch: a write locks them all, so two writes never interleave. */
export function writeTables(db: PlannerDatabase) {
  return [db.plans, db.planState, db.regions, db.siteChunks, db.siteEdits, db.clusters, db.targets, db.indicators, db.changes, db.meta]
}

/**
 * The one write funnel: applies a change (or several, as one step) to a plan and appends it to the plan's
 * change log with who, when, what, and what restores the state before it — all in one transaction, so a
 * failure (a full disk, a closed database) leaves every table as it was and throws a StorageWriteError.
 * A new change drops the redo stack. Other tabs hear of it (watchPlan).
 */
export async function commitChange(db: PlannerDatabase, planId: string, change: PlanChange | readonly PlanChange[], options: CommitOptions): Promise<ChangeRecord> {
  const after = Array.isArray(change) ? [...change as readonly PlanChange[]] : [change as PlanChange]
  const committed = await runWrite(`save "${options.label}" to plan ${planId}`, () => db.transaction('rw', writeTables(db), async () => {
    return commitWithin(await openWriteContext(db, planId), after, options.label)
  }))
  await afterCommit(db, committed)
  return committed.record
}

/** A commit as stored, for what follows it once its transaction is done. */
export interface Committed {
  record: ChangeRecord
  row: ChangeRow
  state: PlanStateRow
}

/** The commit itself, inside a transaction the caller opened over writeTables (a merge adds its own rows). */
export async function commitWithin(context: WriteContext, after: PlanChange[], label: string): Promise<Committed> {
  const { db, plan: { id: planId } } = context
  // Each await is a round trip to the database; independent requests of the transaction share one.
  const [before, { userName }] = await Promise.all([writeChanges(context, after), readDeviceSettings(db)])
  const seq = context.state.head + 1
  // A new change drops the redo stack, when there is one (no change of the log comes after lastSeq).
  if (context.state.lastSeq >= seq) await db.changes.where('[planId+seq]').between([planId, seq], [planId, Infinity], true, true).delete()
  const record: ChangeRecord = { id: crypto.randomUUID(), planId, seq, at: new Date().toISOString(), user: userName, label, after, before }
  const row = toChangeRow(record)
  context.state = { ...context.state, head: seq, lastSeq: seq }
  await Promise.all([db.changes.add(row), saveContext(context, record.at)])
  return { record, row, state: context.state }
}

/** Once a commit's transaction is done: tell the other tabs, and compact when the edits have piled up. */
export async function afterCommit(db: PlannerDatabase, { row, state }: Committed, direction: 'commit' | 'undo' | 'redo' = 'commit'): Promise<void> {
  announce(db, { type: 'change', planId: state.planId, direction, row })
  scheduleCompaction(db, state)
}

const compacting = new WeakMap<PlannerDatabase, Set<string>>()

/**
 * Compacts a plan's sites in the background once its edits reach COMPACT_EDITS: the save that crossed the
 * threshold returns at once instead of waiting for 500,000 sites to be rewritten.
 */
export function scheduleCompaction(db: PlannerDatabase, state: PlanStateRow): void {
  const pending = compacting.get(db) ?? new Set<string>()
  compacting.set(db, pending)
  if (state.editCount < COMPACT_EDITS || pending.has(state.planId)) return
  pending.add(state.planId)
  setTimeout(() => {
    // The edits are already safe: a compaction that fails leaves them valid, and is tried again later.
    compactSites(db, state.planId).catch(() => undefined).finally(() => pending.delete(state.planId))
  }, 0)
}

/** Reverts the plan's last applied change (persisted: it works after a reload). null when there is none. */
export async function undo(db: PlannerDatabase, planId: string): Promise<ChangeRecord | null> {
  return step(db, planId, 'undo')
}

/** Applies the last undone change again. null when there is none. */
export async function redo(db: PlannerDatabase, planId: string): Promise<ChangeRecord | null> {
  return step(db, planId, 'redo')
}

async function step(db: PlannerDatabase, planId: string, direction: 'undo' | 'redo'): Promise<ChangeRecord | null> {
  const result = await runWrite(`${direction} the last change of plan ${planId}`, () => db.transaction('rw', writeTables(db), async () => {
    const context = await openWriteContext(db, planId)
    const seq = direction === 'undo' ? context.state.head : context.state.head + 1
    const row = seq >= 1 && seq <= context.state.lastSeq ? await db.changes.get([planId, seq]) : undefined
    if (!row) return null
    const record = fromChangeRow(row)
    await writeChanges(context, direction === 'undo' ? record.before : record.after)
    context.state = { ...context.state, head: direction === 'undo' ? seq - 1 : seq }
    await saveContext(context, new Date().toISOString())
    return { record, row, state: context.state }
  }))
  if (!result) return null
  await afterCommit(db, result, direction)
  return result.record
}

/** What undo and redo would do now. */
export async function getHistorySummary(db: PlannerDatabase, planId: string): Promise<HistorySummary> {
  return db.transaction('r', [db.planState, db.changes], async () => {
    const state = await db.planState.get(planId) ?? emptyPlanState(planId)
    const [last, next] = await Promise.all([
      state.head > 0 ? db.changes.get([planId, state.head]) : undefined,
      state.head < state.lastSeq ? db.changes.get([planId, state.head + 1]) : undefined,
    ])
    return { canUndo: !!last, canRedo: !!next, undoLabel: last?.label ?? null, redoLabel: next?.label ?? null, applied: state.head, undone: state.lastSeq - state.head }
  })
}

/** The plan's history, oldest first, including the undone changes of the redo stack. */
export async function listHistory(db: PlannerDatabase, planId: string): Promise<HistoryEntry[]> {
  return db.transaction('r', [db.planState, db.changes], async () => {
    const head = (await db.planState.get(planId))?.head ?? 0
    const entries: HistoryEntry[] = []
    await db.changes.where('planId').equals(planId).each(({ id, seq, at, user, label }: ChangeRow) => {
      entries.push({ id, seq, at, user, label, undone: seq > head })
    })
    return entries
  })
}

/** One change of the log, with its before and after. */
export async function getChange(db: PlannerDatabase, planId: string, seq: number): Promise<ChangeRecord | null> {
  const row = await db.changes.get([planId, seq])
  return row ? fromChangeRow(row) : null
}

/** Folds a plan's site edits into its chunks (an open plan then reads fewer rows). */
export async function compactSites(db: PlannerDatabase, planId: string): Promise<void> {
  await runWrite(`compact the sites of plan ${planId}`, () => db.transaction('rw', [db.planState, db.siteChunks, db.siteEdits], async () => {
    const state = await db.planState.get(planId)
    if (!state || (await db.siteEdits.where('planId').equals(planId).count()) === 0) return
    const sites = await readPlanSites(db, planId, state)
    await db.planState.put(await writePlanSites(db, state, sites))
  }))
}

/** Reads the plan and its state at the start of a write. */
export async function openWriteContext(db: PlannerDatabase, planId: string): Promise<WriteContext> {
  const [plan, state] = await Promise.all([db.plans.get(planId), db.planState.get(planId)])
  if (!plan) throw new StorageWriteError('missing', `write to plan ${planId}`)
  return { db, plan, state: state ?? emptyPlanState(planId) }
}

/** Stores the plan (with its new updatedAt) and its state at the end of a write. */
export async function saveContext(context: WriteContext, updatedAt: string): Promise<void> {
  context.plan = { ...context.plan, updatedAt }
  await Promise.all([context.db.plans.put(context.plan), context.db.planState.put(context.state)])
}
