import type { Table } from 'dexie'
import {
  deleteById, putById,
  type Cluster, type IndicatorObservation, type Plan, type PlanChange, type PlanPatch, type Site, type Target,
} from '@/core/model'
import type { Owned, PlannerDatabase, PlanStateRow } from './database'
import {
  deleteSiteEdits, putSiteEdits, readCurrentSites, readPlanSites, writePlanSites, type CurrentSite,
} from './site-store'

/** Above this many sites a change rewrites the chunks instead of adding edits (an import, a bulk delete). */
export const BULK_SITES = 5_000

/** The plan being written and its storage state, updated as changes are written (inside one transaction). */
export interface WriteContext {
  db: PlannerDatabase
  plan: Plan
  state: PlanStateRow
}

type RowEntity = 'clusters' | 'targets' | 'indicators'
type RowRecord = Cluster | Target | IndicatorObservation

/** Writes one change to the database and returns the changes that undo it. */
export async function writeChange(context: WriteContext, change: PlanChange): Promise<PlanChange[]> {
  switch (change.type) {
    case 'sites.put': return putSites(context, change.sites)
    case 'sites.delete': return deleteSites(context, [...new Set(change.ids)])
    case 'clusters.put': return putRows(context, 'clusters', change.clusters)
    case 'targets.put': return putRows(context, 'targets', change.targets)
    case 'indicators.put': return putRows(context, 'indicators', change.indicators)
    case 'clusters.delete': return deleteRows(context, 'clusters', [...new Set(change.ids)])
    case 'targets.delete': return deleteRows(context, 'targets', [...new Set(change.ids)])
    case 'indicators.delete': return deleteRows(context, 'indicators', [...new Set(change.ids)])
    case 'regions.replace': return replaceRegions(context, change)
    case 'plan.update': return updatePlan(context, change.patch)
  }
}

/** Writes changes in order; the returned changes undo all of them (the last one's undo first). */
export async function writeChanges(context: WriteContext, changes: readonly PlanChange[]): Promise<PlanChange[]> {
  const undos: PlanChange[][] = []
  for (const change of changes) undos.push(await writeChange(context, change))
  return undos.reverse().flat()
}

async function putSites(context: WriteContext, sites: Site[]): Promise<PlanChange[]> {
  const ids = sites.map((site) => site.id)
  assertUniqueIds(ids, 'sites.put')
  const previous = sites.length > BULK_SITES
    ? await rewriteSites(context, ids, (all) => putById(all, sites))
    : await editSites(context, ids, (current) => putSiteEdits(context.db, context.state, sites, current))
  return undoPut('sites', ids, previous)
}

async function deleteSites(context: WriteContext, ids: string[]): Promise<PlanChange[]> {
  const previous = ids.length > BULK_SITES
    ? await rewriteSites(context, ids, (all) => deleteById(all, ids))
    : await editSites(context, ids, (current) => deleteSiteEdits(context.db, context.state, ids, current))
  return undoDelete('sites', ids, previous)
}

type Previous<T> = (id: string) => T | null

/** A small change: only the touched sites are read, and written as edits. */
async function editSites(context: WriteContext, ids: string[], write: (current: Map<string, CurrentSite>) => Promise<PlanStateRow>): Promise<Previous<Site>> {
  const current = await readCurrentSites(context.db, context.state, ids)
  context.state = await write(current)
  return (id) => current.get(id)?.site ?? null
}

/** A large change: every site is read, changed in memory and written back as fresh chunks. */
async function rewriteSites(context: WriteContext, ids: string[], edit: (sites: Site[]) => Site[]): Promise<Previous<Site>> {
  const all = await readPlanSites(context.db, context.plan.id, context.state)
  const wanted = new Set(ids)
  const current = new Map(all.filter((site) => wanted.has(site.id)).map((site) => [site.id, site]))
  context.state = await writePlanSites(context.db, context.state, edit(all))
  return (id) => current.get(id) ?? null
}

async function putRows(context: WriteContext, entity: RowEntity, records: RowRecord[]): Promise<PlanChange[]> {
  const ids = records.map((record) => record.id)
  assertUniqueIds(ids, `${entity}.put`)
  const table = rowTable(context.db, entity)
  const planId = context.plan.id
  const current = await table.bulkGet(ids.map((id) => [planId, id]))
  await table.bulkPut(records.map((record) => ({ ...record, planId })))
  return undoPut(entity, ids, previousOf(ids, current))
}

async function deleteRows(context: WriteContext, entity: RowEntity, ids: string[]): Promise<PlanChange[]> {
  const table = rowTable(context.db, entity)
  const keys = ids.map((id): [string, string] => [context.plan.id, id])
  const current = await table.bulkGet(keys)
  await table.bulkDelete(keys)
  return undoDelete(entity, ids, previousOf(ids, current))
}

function previousOf(ids: string[], rows: Array<Owned<RowRecord> | undefined>): Previous<RowRecord> {
  const byId = new Map(ids.map((id, i) => [id, rows[i] ? withoutPlanId(rows[i]) : null]))
  return (id) => byId.get(id) ?? null
}

async function replaceRegions(context: WriteContext, change: Extract<PlanChange, { type: 'regions.replace' }>): Promise<PlanChange[]> {
  const { db, plan } = context
  const current = await db.regions.where('planId').equals(plan.id).toArray()
  await db.regions.where('planId').equals(plan.id).delete()
  await db.regions.bulkAdd(change.regions.map((region) => ({ ...region, planId: plan.id })))
  return [{ type: 'regions.replace', regions: current.map(withoutPlanId) }]
}

async function updatePlan(context: WriteContext, patch: PlanPatch): Promise<PlanChange[]> {
  const previous: PlanPatch = {}
  for (const key of Object.keys(patch) as Array<keyof PlanPatch>) {
    if (patch[key] !== undefined) Object.assign(previous, { [key]: context.plan[key] })
  }
  context.plan = { ...context.plan, ...patch }
  await context.db.plans.put(context.plan)
  return [{ type: 'plan.update', patch: previous }]
}

/** Undoing a put: delete what was new, put back what was replaced. */
function undoPut(entity: RowEntity | 'sites', ids: string[], previous: Previous<RowRecord | Site>): PlanChange[] {
  const created = ids.filter((id) => !previous(id))
  const replaced = ids.map(previous).filter((record) => record !== null)
  return [...(created.length ? [deleteChange(entity, created)] : []), ...(replaced.length ? [putChange(entity, replaced)] : [])]
}

/** Undoing a delete: put back what existed. */
function undoDelete(entity: RowEntity | 'sites', ids: string[], previous: Previous<RowRecord | Site>): PlanChange[] {
  const existed = ids.map(previous).filter((record) => record !== null)
  return existed.length ? [putChange(entity, existed)] : []
}

function putChange(entity: RowEntity | 'sites', records: Array<RowRecord | Site>): PlanChange {
  switch (entity) {
    case 'sites': return { type: 'sites.put', sites: records as Site[] }
    case 'clusters': return { type: 'clusters.put', clusters: records as Cluster[] }
    case 'targets': return { type: 'targets.put', targets: records as Target[] }
    case 'indicators': return { type: 'indicators.put', indicators: records as IndicatorObservation[] }
  }
}

function deleteChange(entity: RowEntity | 'sites', ids: string[]): PlanChange {
  return { type: `${entity}.delete`, ids }
}

function rowTable(db: PlannerDatabase, entity: RowEntity): Table<Owned<RowRecord>, [string, string]> {
  return db[entity] as Table<Owned<RowRecord>, [string, string]>
}

/** A record as the model knows it, without the planId its row carries. */
export function withoutPlanId<T>(row: Owned<T>): T {
  const { planId: _planId, ...record } = row
  return record as T
}

function assertUniqueIds(ids: readonly string[], what: string): void {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`${what}: the id ${id} appears twice in one change`)
    seen.add(id)
  }
}
