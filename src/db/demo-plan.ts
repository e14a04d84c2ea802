import type { PlanData } from '@/core/model'
import type { PlannerDatabase } from './database'
import { loadPlan, replacePlan } from './plan-repository'

export const DEMO_PLAN_ID = 'demo-pingyin'
const SEEDED_KEY = 'demoSeeded'

/**
 * Opens the plan the app starts on. On the very first run the demo is written into IndexedDB; afterwards it is
 * only ever read from there, so the user's changes to it are never overwritten by the demo files.
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
  const activeId = (await db.meta.get('activePlanId'))?.value
  const plan = await loadPlan(db, typeof activeId === 'string' ? activeId : DEMO_PLAN_ID)
  if (plan) return plan
  const demo = await buildDemo()
  await replacePlan(db, demo)
  return demo
}

/** "Reset demo": throw away every change to the demo plan and write it afresh. */
export async function resetDemoPlan(db: PlannerDatabase, buildDemo: () => Promise<PlanData>): Promise<PlanData> {
  const demo = await buildDemo()
  await replacePlan(db, demo)
  return demo
}
