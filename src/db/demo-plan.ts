import type { PlanData } from '@/core/model'
import type { PlannerDatabase } from './database'
import { loadPlan, replacePlan } from './plan-repository'
import { runWrite } from './storage-error'

/** The built-in demo plan's id. */
export const DEMO_PLAN_ID = 'demo-pingyin'
const SEEDED_KEY = 'demoSeeded'
const ACTIVE_PLAN_KEY = 'activePlanId'

/**
 * Opens the plan the app starts on (the active plan, else the demo). On the very first run the demo is written
 * into IndexedDB; afterwards it is only ever read from there, so the user's changes to it are never overwritten
 * by the demo files.
 */
export async function openStartPlan(db: PlannerDatabase, buildDemo: () => Promise<PlanData>): Promise<PlanData> {
  const seeded = await db.meta.get(SEEDED_KEY)
  if (!seeded) {
    const demo = await buildDemo()
    await replacePlan(db, demo)
    // Marked only once the demo is stored: a failed first write is retried on the next start.
    await db.meta.put({ key: SEEDED_KEY, value: new Date().toISOString() })
    return demo
  }
  const plan = await loadPlan(db, await getActivePlanId(db) ?? DEMO_PLAN_ID)
  if (plan) return plan
  const demo = await buildDemo()
  await replacePlan(db, demo)
  return demo
}

/** "Reset demo": throw away every change to the demo plan (and its history) and write it afresh. */
export async function resetDemoPlan(db: PlannerDatabase, buildDemo: () => Promise<PlanData>): Promise<PlanData> {
  const demo = await buildDemo()
  await replacePlan(db, demo)
  return demo
}

/** The plan the app opens on start; null when none was chosen (the demo opens). */
export async function getActivePlanId(db: PlannerDatabase): Promise<string | null> {
  const value = (await db.meta.get(ACTIVE_PLAN_KEY))?.value
  return typeof value === 'string' ? value : null
}

/** Remembers the plan the user switched to, so the next start opens it. */
export async function setActivePlanId(db: PlannerDatabase, planId: string): Promise<void> {
  await runWrite('remember the open plan', () => db.meta.put({ key: ACTIVE_PLAN_KEY, value: planId }))
}
