import Dexie, { type Table } from 'dexie'
import type { Cluster, IndicatorObservation, Plan, Region, Site, Target } from '@/core/model'

/** Every plan-owned record carries its plan's id; the primary key is [planId+id] (or [planId+code]). */
export type Owned<T> = T & { planId: string }

export interface MetaRecord {
  key: string
  value: unknown
}

/**
 * The planner's IndexedDB. Version 1 is the first released schema: later versions must upgrade it without
 * loss (see test/e2e for the fixture that checks it once the schema changes).
 */
export class PlannerDatabase extends Dexie {
  plans!: Table<Plan, string>
  regions!: Table<Owned<Region>, [string, string]>
  sites!: Table<Owned<Site>, [string, string]>
  clusters!: Table<Owned<Cluster>, [string, string]>
  targets!: Table<Owned<Target>, [string, string]>
  indicators!: Table<Owned<IndicatorObservation>, [string, string]>
  meta!: Table<MetaRecord, string>

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
  }
}

let database: PlannerDatabase | null = null

/** The app's one database connection. */
export function getDatabase(): PlannerDatabase {
  database ??= new PlannerDatabase()
  return database
}
