import Dexie, { type Table, type Transaction } from 'dexie'
import type { Cluster, IndicatorObservation, Plan, PlanChange, Region, Site, SitePhoto, Target } from '@/core/model'
import type { Conflict } from '@/io/bundle/change-set'
import type { SiteColumns } from './site-columns'
import { emptyPlanState, siteChunkRows } from './site-chunks'

/** Every plan-owned record carries its plan's id; the primary key is [planId+id] (or [planId+code]). */
export type Owned<T> = T & { planId: string }

/** A device-wide setting by key (demoSeeded, activePlanId, deviceSettings). */
export interface MetaRecord {
  key: string
  value: unknown
}

/** Up to CHUNK_SIZE sites of a plan, as columns; `index` orders the chunks. */
export interface SiteChunkRow {
  planId: string
  index: number
  columns: SiteColumns
}

/**
 * A site written since the last compaction (`site`), or deleted (`site: null`). It replaces the site of the
 * same id in the chunks, unless `appended`: then the site is new (or was re-created) and comes after the
 * chunks' sites, in `seq` order.
 */
export interface SiteEditRow {
  planId: string
  id: string
  site: Site | null
  seq: number
  appended: boolean
}

/** Bookkeeping of one plan's storage: its chunk layout, its edits and where it stands in its change log. */
export interface PlanStateRow {
  planId: string
  /** A new random id whenever the chunks are rewritten, so a cached lookup into them knows it is stale. */
  layout: string
  chunkCount: number
  siteCount: number
  editCount: number
  nextSiteSeq: number
  /** seq of the last applied change (0: none); changes after it are the redo stack. */
  head: number
  /** seq of the last change in the log. */
  lastSeq: number
}

/** A change as stored: like PlanChange, but sites travel as columns (an import of 500,000 sites is one row). */
export type StoredChange = Exclude<PlanChange, { type: 'sites.put' }> | { type: 'sites.put', columns: SiteColumns }

/** One change log entry as stored (see ChangeRecord). */
export interface ChangeRow {
  planId: string
  seq: number
  id: string
  at: string
  user: string
  label: string
  after: StoredChange[]
  before: StoredChange[]
}

/** The PMTiles basemap file of this device, on browsers without OPFS (see basemap-file.ts); one row, id 'basemap'. */
export interface BasemapFileRow {
  id: string
  blob: Blob
}

/** A record changed both here and in an imported change set, waiting for the user's choice. */
export interface ConflictRow extends Conflict {
  planId: string
  /** When the change set was imported. */
  importedAt: string
}

/**
 * The planner's IndexedDB.
 *
 * Version 1 (the first released schema) stored one row per site. Version 2 stores sites as columnar chunks
 * plus a small table of edits, adds the change log, each plan's storage state, pending merge conflicts and
 * photos; its upgrade moves every v1 site into chunks (test/db/upgrade-v1.test.ts opens a v1 fixture).
 * Version 3 adds the basemap file table (a new, empty table: nothing to move; test/db/upgrade-v2.test.ts).
 */
export class PlannerDatabase extends Dexie {
  plans!: Table<Plan, string>
  regions!: Table<Owned<Region>, [string, string]>
  siteChunks!: Table<SiteChunkRow, [string, number]>
  siteEdits!: Table<SiteEditRow, [string, string]>
  clusters!: Table<Owned<Cluster>, [string, string]>
  targets!: Table<Owned<Target>, [string, string]>
  indicators!: Table<Owned<IndicatorObservation>, [string, string]>
  planState!: Table<PlanStateRow, string>
  changes!: Table<ChangeRow, [string, number]>
  conflicts!: Table<ConflictRow, [string, string]>
  photos!: Table<Owned<SitePhoto>, [string, string]>
  meta!: Table<MetaRecord, string>
  basemapFiles!: Table<BasemapFileRow, string>

  /** Tells this connection's own broadcasts apart from another tab's (see watchPlan). */
  readonly connectionId = crypto.randomUUID()

  constructor(name = 'ecny-planner') {
    super(name)
    this.version(1).stores({
      plans: 'id',
      regions: '[planId+code], planId',
      sites: '[planId+id], planId',
      clusters: '[planId+id], planId',
      targets: '[planId+id], planId',
      indicators: '[planId+id], planId',
      meta: 'key',
    })
    this.version(2).stores({
      // Dexie deletes the v1 table only after the upgrade below has read it.
      sites: null,
      siteChunks: '[planId+index], planId',
      siteEdits: '[planId+id], planId',
      planState: 'planId',
      changes: '[planId+seq], planId',
      conflicts: '[planId+key], planId',
      photos: '[planId+id], planId',
    }).upgrade(upgradeSitesToChunks)
    this.version(3).stores({ basemapFiles: 'id' })
  }
}

/** v1 → v2: every plan's site rows become chunks (in the order v1 read them), and each plan gets its state. */
async function upgradeSitesToChunks(tx: Transaction): Promise<void> {
  const sitesByPlan = new Map<string, Site[]>()
  await tx.table('sites').each(({ planId, ...site }: Owned<Site>) => {
    const sites = sitesByPlan.get(planId) ?? []
    sites.push(site as Site)
    sitesByPlan.set(planId, sites)
  })
  const planIds = new Set([...(await tx.table('plans').toCollection().primaryKeys() as string[]), ...sitesByPlan.keys()])
  for (const planId of planIds) {
    const sites = sitesByPlan.get(planId) ?? []
    const chunks = siteChunkRows(planId, sites)
    await tx.table('siteChunks').bulkAdd(chunks)
    await tx.table('planState').add({ ...emptyPlanState(planId), chunkCount: chunks.length, siteCount: sites.length })
  }
}

let database: PlannerDatabase | null = null

/** The app's one database connection. */
export function getDatabase(): PlannerDatabase {
  database ??= new PlannerDatabase()
  return database
}
