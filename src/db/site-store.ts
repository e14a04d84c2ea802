import type { Site } from '@/core/model'
import type { PlannerDatabase, PlanStateRow, SiteChunkRow, SiteEditRow } from './database'
import { CHUNK_SIZE } from './site-chunks'
import { decodeSites, encodeSites, sliceColumns, type SiteColumns } from './site-columns'
import { ChunkIdIndex } from './site-id-index'

// Every function here runs inside a transaction its caller opened over the site tables and planState.

/** A site as it currently stands, with the edit row that holds it when there is one. */
export interface CurrentSite {
  site: Site | null
  edit: SiteEditRow | undefined
}

/**
 * A plan's chunks as this connection last read or wrote them, for one layout: their columns (so the previous
 * version of an edited site decodes without reading its 50,000-site chunk again) and, built on first use, an
 * index of each chunk's ids (to find it).
 */
interface CachedLayout {
  layout: string
  columns: SiteColumns[]
  indexes: Array<ChunkIdIndex | undefined>
}

const layoutCache = new WeakMap<PlannerDatabase, Map<string, CachedLayout>>()

/** Every site of a plan in order: the chunks' sites with the edits applied, then the appended ones. */
export async function readPlanSites(db: PlannerDatabase, planId: string, state: PlanStateRow): Promise<Site[]> {
  const edits = await db.siteEdits.where('planId').equals(planId).toArray()
  const editById = new Map(edits.map((edit) => [edit.id, edit]))
  const sites: Site[] = []
  const columns: SiteColumns[] = []
  for await (const chunk of readChunks(db, planId)) {
    const decoded = decodeSites(chunk.columns)
    columns.push(chunk.columns)
    for (const site of decoded) {
      const edit = editById.size === 0 ? undefined : editById.get(site.id)
      if (!edit) sites.push(site)
      else if (!edit.appended && edit.site) sites.push(edit.site)
    }
  }
  remember(db, planId, state.layout, columns)
  const appended = edits.filter((edit) => edit.appended && edit.site).sort((a, b) => a.seq - b.seq)
  for (const edit of appended) sites.push(edit.site!)
  return sites
}

/** Replaces all of a plan's sites: new chunks, no edits. Returns the new state (not yet stored). */
export async function writePlanSites(db: PlannerDatabase, state: PlanStateRow, sites: readonly Site[]): Promise<PlanStateRow> {
  await deletePlanSites(db, state.planId)
  const chunks: SiteChunkRow[] = []
  const writes: Array<Promise<unknown>> = []
  for (let start = 0; start < sites.length; start += CHUNK_SIZE) {
    chunks.push({ planId: state.planId, index: chunks.length, columns: encodeSites(sites.slice(start, start + CHUNK_SIZE)) })
    // Each chunk is handed to IndexedDB as soon as it is encoded: the disk writes one while the next encodes.
    writes.push(db.siteChunks.add(chunks.at(-1)!))
  }
  await Promise.all(writes)
  const layout = crypto.randomUUID()
  // Should the transaction fail, this layout id is never stored, so the cache entry is simply never used.
  remember(db, state.planId, layout, chunks.map((chunk) => chunk.columns))
  return { ...state, layout, chunkCount: chunks.length, siteCount: sites.length, editCount: 0, nextSiteSeq: 1 }
}

/** Removes a plan's chunks and edits. */
export async function deletePlanSites(db: PlannerDatabase, planId: string): Promise<void> {
  await Promise.all([db.siteChunks.where('planId').equals(planId).delete(), db.siteEdits.where('planId').equals(planId).delete()])
}

/** The current version of each of `ids` (site null: no such site), without decoding whole chunks. */
export async function readCurrentSites(db: PlannerDatabase, state: PlanStateRow, ids: readonly string[]): Promise<Map<string, CurrentSite>> {
  const edits = await db.siteEdits.bulkGet(ids.map((id) => [state.planId, id]))
  const current = new Map<string, CurrentSite>()
  const unedited: string[] = []
  ids.forEach((id, i) => {
    const edit = edits[i]
    if (edit) current.set(id, { site: edit.site, edit })
    else unedited.push(id)
  })
  if (unedited.length === 0) return current
  const cached = await loadLayout(db, state)
  // One edit searches the packed ids; a change of more sites builds the chunks' hash tables first.
  if (unedited.length > 4) cached.columns.forEach((_, chunk) => indexOf(cached, chunk).indexed())
  for (const id of unedited) current.set(id, { site: siteAt(cached, findPosition(cached, id)), edit: undefined })
  return current
}

function siteAt(cached: CachedLayout, position: number | undefined): Site | null {
  if (position === undefined) return null
  const offset = position % CHUNK_SIZE
  return decodeSites(sliceColumns(cached.columns[Math.floor(position / CHUNK_SIZE)]!, offset, offset + 1))[0]!
}

/** chunk × CHUNK_SIZE + offset of the first site with this id in the chunks, or undefined. */
function findPosition(cached: CachedLayout, id: string): number | undefined {
  for (let chunk = 0; chunk < cached.columns.length; chunk++) {
    const offset = indexOf(cached, chunk).offsetOf(id)
    if (offset !== undefined) return chunk * CHUNK_SIZE + offset
  }
  return undefined
}

function indexOf(cached: CachedLayout, chunk: number): ChunkIdIndex {
  return cached.indexes[chunk] ??= new ChunkIdIndex(cached.columns[chunk]!)
}

async function loadLayout(db: PlannerDatabase, state: PlanStateRow): Promise<CachedLayout> {
  let cached = layoutCache.get(db)?.get(state.planId)
  if (cached?.layout !== state.layout) {
    const columns: SiteColumns[] = []
    for await (const chunk of readChunks(db, state.planId)) columns.push(chunk.columns)
    cached = remember(db, state.planId, state.layout, columns)
  }
  return cached
}

function remember(db: PlannerDatabase, planId: string, layout: string, columns: SiteColumns[]): CachedLayout {
  const cached: CachedLayout = { layout, columns, indexes: [] }
  // Only the plan last used: a city plan's columns take tens of megabytes, and the app has one plan open.
  layoutCache.set(db, new Map([[planId, cached]]))
  return cached
}

/**
 * A plan's chunks in order, one at a time: every read is requested at once, so IndexedDB reads the next chunks
 * from disk while the caller decodes the first.
 */
async function* readChunks(db: PlannerDatabase, planId: string): AsyncGenerator<SiteChunkRow> {
  // The planId index orders a plan's keys by primary key, [planId+index]: the chunks come in order.
  const keys = await db.siteChunks.where('planId').equals(planId).primaryKeys()
  const reads = keys.map((key) => db.siteChunks.get(key))
  for (const read of reads) yield (await read)!
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
  const [chunks, edits] = await Promise.all([db.siteChunks.where('planId').equals(fromPlanId).toArray(), db.siteEdits.where('planId').equals(fromPlanId).toArray()])
  await db.siteChunks.bulkAdd(chunks.map((chunk) => ({ ...chunk, planId: toPlanId })))
  await db.siteEdits.bulkAdd(edits.map((edit) => ({ ...edit, planId: toPlanId })))
}
