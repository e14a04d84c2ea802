import { toRaw } from 'vue'
import type { PlanData } from '@/core/model'
import type { PlannerDatabase } from './database'

const PLAN_TABLES = ['regions', 'sites', 'clusters', 'targets', 'indicators'] as const

/** Reads one plan with everything it holds; null when the plan does not exist. */
export async function loadPlan(db: PlannerDatabase, planId: string): Promise<PlanData | null> {
  return db.transaction('r', [db.plans, ...PLAN_TABLES.map((t) => db[t])], async () => {
    const plan = await db.plans.get(planId)
    if (!plan) return null
    const [regions, sites, clusters, targets, indicators] = await Promise.all([
      db.regions.where('planId').equals(planId).toArray(),
      db.sites.where('planId').equals(planId).toArray(),
      db.clusters.where('planId').equals(planId).toArray(),
      db.targets.where('planId').equals(planId).toArray(),
      db.indicators.where('planId').equals(planId).toArray(),
    ])
    return { plan, regions: regions.map(strip), sites: sites.map(strip), clusters: clusters.map(strip), targets: targets.map(strip), indicators: indicators.map(strip) }
  })
}

/**
 * Replaces a plan and everything it holds in one transaction: if any write fails (a full disk), IndexedDB
 * rolls the whole transaction back and the plan stays exactly as it was.
 */
export async function replacePlan(db: PlannerDatabase, data: PlanData): Promise<void> {
  const planId = data.plan.id
  const own = <T>(record: T): T & { planId: string } => ({ ...toRaw(record), planId })
  await db.transaction('rw', [db.plans, ...PLAN_TABLES.map((t) => db[t])], async () => {
    await Promise.all(PLAN_TABLES.map((table) => db[table].where('planId').equals(planId).delete()))
    await db.plans.put(toRaw(data.plan))
    await db.regions.bulkAdd(data.regions.map(own))
    await db.sites.bulkAdd(data.sites.map(own))
    await db.clusters.bulkAdd(data.clusters.map(own))
    await db.targets.bulkAdd(data.targets.map(own))
    await db.indicators.bulkAdd(data.indicators.map(own))
  })
}

function strip<T extends { planId: string }>({ planId: _planId, ...record }: T): Omit<T, 'planId'> {
  return record
}
