import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { applyPlanChanges, type PlanData } from '@/core/model'
import { PlannerDatabase } from '@/db/database'
import { watchPlan, watchPlans, type PlanEvent } from '@/db/plan-events'
import { createPlan, deletePlan, loadPlan } from '@/db/plan-repository'
import { commitChange, redo, undo } from '@/db/plan-store'
import { makePlanData, makeSites, withoutTimestamps } from './support'

const open: PlannerDatabase[] = []
const stops: Array<() => void> = []
afterEach(() => {
  stops.splice(0).forEach((stop) => stop())
  open.splice(0).forEach((db) => db.close())
})

/** Two tabs: two connections to one database. */
function twoTabs(): [PlannerDatabase, PlannerDatabase] {
  const name = `tabs-${crypto.randomUUID()}`
  const tabs: [PlannerDatabase, PlannerDatabase] = [new PlannerDatabase(name), new PlannerDatabase(name)]
  open.push(...tabs)
  return tabs
}

function collect(db: PlannerDatabase, planId: string | null): PlanEvent[] {
  const events: PlanEvent[] = []
  stops.push(planId === null ? watchPlans(db, (e) => events.push(e)) : watchPlan(db, planId, (e) => events.push(e)))
  return events
}

describe('two tabs on one plan', () => {
  it('the other tab catches up from the events alone, through commit, undo and redo', async () => {
    const [one, two] = twoTabs()
    await createPlan(one, makePlanData())
    let shown: PlanData = (await loadPlan(two, 'plan-a'))!
    const events = collect(two, 'plan-a')
    const mine = collect(one, 'plan-a')
    await commitChange(one, 'plan-a', { type: 'sites.put', sites: [{ ...shown.sites[2]!, status: 'live' }, ...makeSites(1, 'new')] }, { label: 'edit' })
    await commitChange(one, 'plan-a', { type: 'sites.delete', ids: [shown.sites[9]!.id] }, { label: 'delete' })
    await undo(one, 'plan-a')
    await redo(one, 'plan-a')
    await undo(one, 'plan-a')
    await expect.poll(() => events.length).toBe(5)
    expect(events.map((e) => e.type === 'change' && `${e.direction} ${e.record.label}`)).toEqual(['commit edit', 'commit delete', 'undo delete', 'redo delete', 'undo delete'])
    for (const event of events) if (event.type === 'change') shown = applyPlanChanges(shown, event.apply)
    expect(withoutTimestamps(shown)).toEqual(withoutTimestamps(await loadPlan(one, 'plan-a')))
    expect(mine).toEqual([])
  })

  it('hears of plans created and deleted, not of other plans when watching one', async () => {
    const [one, two] = twoTabs()
    const all = collect(two, null)
    const planB = collect(two, 'plan-b')
    await createPlan(one, makePlanData('plan-a'))
    await createPlan(one, makePlanData('plan-b'))
    await deletePlan(one, 'plan-a')
    await expect.poll(() => all.length).toBe(3)
    expect(all).toEqual([{ type: 'created', planId: 'plan-a' }, { type: 'created', planId: 'plan-b' }, { type: 'deleted', planId: 'plan-a' }])
    expect(planB).toEqual([{ type: 'created', planId: 'plan-b' }])
  })
})
