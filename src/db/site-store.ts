import type { Site } from '@/core/model'
import type { PlannerDatabase, PlanStateRow, SiteChunkRow, SiteEditRow } from './database'
import { CHUNK_SIZE, siteChunkRows } from './site-chunks'
import { decodeSiteIds, decodeSites, sliceColumns } from './site-columns'

// Every function here runs inside a transaction its caller opened over the site tables and planState.

/** A site as it currently stands, with the edit row that holds it when there is one. */
export interface CurrentSite {
  site: Site | null
  edit: SiteEditRow | undefined
}

/** Ids of each chunk of a plan's current layout, kept per connection so one edit need not read every chunk. */
interface ChunkIds {
  layout: string
  ids: string[][]
  positions: Map<string, number> | null
}

const chunkIdCache = new WeakMap<PlannerDatabase, Map<string, ChunkIds>>()

/** Every site of a plan in order: the chunks' sites with the edits applied, then the appended ones. */
export async function readPlanSites(db: PlannerDatabase, planId: string, state: PlanStateRow): Promise<Site[]> {
  const [chunks, edits] = await Promise.all([readChunks(db, planId), db.siteEdits.where('planId').equals(planId).toArray()])
  const editById = new Map(edits.map((edit) => [edit.id, edit]))
  const sites: Site[] = []
  const ids: string[][] = []
  for (const chunk of chunks) {
    const decoded = decodeSites(chunk.columns)
    ids.push(decoded.map((site) => site.id))
    for (const site of decoded) {
      const edit = editById.size === 0 ? undefined : editById.get(site.id)
      if (!edit) sites.push(site)
      else if (!edit.appended && edit.site) sites.push(edit.site)
    }
  }
  rememberChunkIds(db, planId, { layout: state.layout, ids, positions: null })
  const appended = edits.filter((edit) => edit.appended && edit.site).sort((a, b) => a.seq - b.seq)
  for (const edit of appended) sites.push(edit.site!)
  return sites
}

/** Replaces all of a plan's sites: new chunks, no edits. Returns the new state (not yet stored). */
export async function writePlanSites(db: PlannerDatabase, state: PlanStateRow, sites: readonly Site[]): Promise<PlanStateRow> {
  await deletePlanSites(db, state.planId)
  const chunks = siteChunkRows(state.planId, sites)
  await db.siteChunks.bulkAdd(chunks)
  return { ...state, layout: crypto.randomUUID(), chunkCount: chunks.length, siteCount: sites.length, editCount: 0, nextSiteSeq: 1 }
}

/** Removes a plan's chunks and edits. */
export async function deletePlanSites(db: PlannerDatabase, planId: string): Promise<void> {
  await Promise.all([db.siteChunks.where('planId').equals(planId).delete(), db.siteEdits.where('planId').equals(planId).delete()])
}

/** The current version of each of `ids` (site null: no such site), without decoding whole chunks. */
export async function readCurrentSites(db: PlannerDatabase, state: PlanStateRow, ids: readonly string[]): Promise<Map<string, CurrentSite>> {
  const { planId } = state
  const edits = await db.siteEdits.bulkGet(ids.map((id) => [planId, id]))
  const current = new Map<string, CurrentSite>()
  const unedited: string[] = []
  ids.forEach((id, i) => {
    const edit = edits[i]
    if (edit) current.set(id, { site: edit.site, edit })
    else unedited.push(id)
  })
  if (unedited.length === 0) return current
  const located = await locateInChunks(db, state, unedited)
  for (const id of unedited) {
    const position = located.get(id)
    current.set(id, { site: position === undefined ? null : position.site, edit: undefined })
  }
  return current
}

async function locateInChunks(db: PlannerDatabase, state: PlanStateRow, ids: readonly string[]): Promise<Map<string, { site: Site }>> {
  // One edit scans the cached chunk ids; an index pays off once a change touches more than a few sites.
  const chunkIds = ids.length > 4 ? await indexChunkIds(db, state) : await loadChunkIds(db, state)
  const wanted = new Map<number, number[]>()
  for (const id of ids) {
    const position = findPosition(chunkIds, id)
    if (position === undefined) continue
    const chunk = Math.floor(position / CHUNK_SIZE)
    wanted.set(chunk, [...(wanted.get(chunk) ?? []), position % CHUNK_SIZE])
  }
  const keys = [...wanted.keys()]
  const rows = await db.siteChunks.bulkGet(keys.map((index) => [state.planId, index]))
  const found = new Map<string, { site: Site }>()
  rows.forEach((row, i) => {
    for (const offset of wanted.get(keys[i]!)!) {
      const site = decodeSites(sliceColumns(row!.columns, offset, offset + 1))[0]!
      found.set(site.id, { site })
    }
  })
  return found
}

/** chunk × CHUNK_SIZE + offset of a site in the chunks; a scan for one edit, an index once many are looked up. */
function findPosition(chunkIds: ChunkIds, id: string): number | undefined {
  if (!chunkIds.positions) {
    for (let chunk = 0; chunk < chunkIds.ids.length; chunk++) {
      const offset = chunkIds.ids[chunk]!.indexOf(id)
      if (offset >= 0) return chunk * CHUNK_SIZE + offset
    }
    return undefined
  }
  return chunkIds.positions.get(id)
}

async function loadChunkIds(db: PlannerDatabase, state: PlanStateRow): Promise<ChunkIds> {
  let cached = chunkIdCache.get(db)?.get(state.planId)
  if (cached?.layout !== state.layout) {
    const chunks = await readChunks(db, state.planId)
    cached = { layout: state.layout, ids: chunks.map((chunk) => decodeSiteIds(chunk.columns)), positions: null }
    rememberChunkIds(db, state.planId, cached)
  }
  return cached
}

/** The cached ids with their index built (once per layout). */
async function indexChunkIds(db: PlannerDatabase, state: PlanStateRow): Promise<ChunkIds> {
  const cached = await loadChunkIds(db, state)
  if (!cached.positions) {
    const positions = new Map<string, number>()
    cached.ids.forEach((ids, chunk) => ids.forEach((id, offset) => positions.set(id, chunk * CHUNK_SIZE + offset)))
    cached.positions = positions
  }
  return cached
}

function rememberChunkIds(db: PlannerDatabase, planId: string, ids: ChunkIds): void {
  const plans = chunkIdCache.get(db) ?? new Map<string, ChunkIds>()
  plans.set(planId, ids)
  chunkIdCache.set(db, plans)
}

async function readChunks(db: PlannerDatabase, planId: string): Promise<SiteChunkRow[]> {
  // The planId index orders a plan's rows by primary key, [planId+index]: the chunks come in order.
  return db.siteChunks.where('planId').equals(planId).toArray()
}

/** Writes sites as edits: a site that exists keeps its place, a new (or re-created) one is appended. */
export async function putSiteEdits(db: PlannerDatabase, state: PlanStateRow, sites: readonly Site[], current: Map<string, CurrentSite>): Promise<PlanStateRow> {
  let { nextSiteSeq, siteCount, editCount } = state
  const rows = sites.map((site): SiteEditRow => {
    const { site: existing, edit } = current.get(site.id) ?? { site: null, edit: undefined }
    if (!edit) editCount++
    if (existing) return { planId: state.planId, id: site.id, site, seq: edit?.seq ?? 0, appended: edit?.appended ?? false }
    siteCount++
    return { planId: state.planId, id: site.id, site, seq: nextSiteSeq++, appended: true }
  })
  await db.siteEdits.bulkPut(rows)
  return { ...state, nextSiteSeq, siteCount, editCount }
}

/** Writes deletions as edits (an id with no site is skipped). */
export async function deleteSiteEdits(db: PlannerDatabase, state: PlanStateRow, ids: readonly string[], current: Map<string, CurrentSite>): Promise<PlanStateRow> {
  let { siteCount, editCount } = state
  const rows: SiteEditRow[] = []
  for (const id of ids) {
    const { site, edit } = current.get(id) ?? { site: null, edit: undefined }
    if (!site) continue
    if (!edit) editCount++
    siteCount--
    rows.push({ planId: state.planId, id, site: null, seq: edit?.seq ?? 0, appended: edit?.appended ?? false })
  }
  await db.siteEdits.bulkPut(rows)
  return { ...state, siteCount, editCount }
}

/** Copies a plan's chunks and edits as they are to another plan (duplicating a plan decodes nothing). */
export async function copyPlanSites(db: PlannerDatabase, fromPlanId: string, toPlanId: string): Promise<void> {
  const [chunks, edits] = await Promise.all([readChunks(db, fromPlanId), db.siteEdits.where('planId').equals(fromPlanId).toArray()])
  await db.siteChunks.bulkAdd(chunks.map((chunk) => ({ ...chunk, planId: toPlanId })))
  await db.siteEdits.bulkAdd(edits.map((edit) => ({ ...edit, planId: toPlanId })))
}
