import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanBackup } from '@/core/model'
import type { PlannerDatabase } from '@/db/database'
import { putPhoto } from '@/db/photos'
import { createPlan, listPlans, readPlanBackup, restorePlanBackup } from '@/db/plan-repository'
import { commitChange, undo } from '@/db/plan-store'
import { exportBundle, parseBundle } from '@/io/bundle/plan-bundle'
import { makePlanData, makeSites, openTestDatabase } from './support'

const open: PlannerDatabase[] = []
afterEach(() => open.splice(0).forEach((db) => db.close()))

function database(): PlannerDatabase {
  const db = openTestDatabase()
  open.push(db)
  return db
}

/** A plan with edits past the last compaction, an undone change, a photo: everything a bundle must carry. */
async function workedPlan(db: PlannerDatabase): Promise<PlanBackup> {
  const data = makePlanData('plan-a', 60)
  await createPlan(db, data)
  await commitChange(db, 'plan-a', [{ type: 'sites.put', sites: [{ ...data.sites[3]!, status: 'live', liveDate: '2023-08-01' }, ...makeSites(2, 'field')] }, { type: 'sites.delete', ids: [data.sites[9]!.id] }], { label: 'field day' })
  await commitChange(db, 'plan-a', { type: 'targets.put', targets: [{ ...data.targets[0]!, threshold: 0.4 }] }, { label: 'target' })
  await commitChange(db, 'plan-a', { type: 'plan.update', patch: { name: 'undone' } }, { label: 'undone' })
  await undo(db, 'plan-a')
  await putPhoto(db, 'plan-a', { id: 'p-1', siteId: 'field-000000', mimeType: 'image/png', takenAt: '2024-03-01T00:00:00.000Z', data: new Blob([new Uint8Array([137, 80, 78, 71])]) })
  return (await readPlanBackup(db, 'plan-a'))!
}

describe('a bundle between two databases', () => {
  it('restores every record of the plan exactly (export, wipe, import)', async () => {
    const [here, there] = [database(), database()]
    const backup = await workedPlan(here)
    const { backup: parsed } = await parseBundle(await exportBundle(backup, { compress: true }))
    await restorePlanBackup(there, parsed, { mode: 'replace' })
    const restored = (await readPlanBackup(there, 'plan-a'))!
    for (const key of ['plan', 'regions', 'sites', 'clusters', 'targets', 'indicators', 'history'] as const) expect(restored[key]).toEqual(backup[key])
    expect(restored.history.map((record) => record.label)).toEqual(['field day', 'target'])
    expect([...new Uint8Array(await restored.photos[0]!.data.arrayBuffer())]).toEqual([137, 80, 78, 71])
    // The history came along: undo works on the other device.
    await undo(there, 'plan-a')
    expect((await readPlanBackup(there, 'plan-a'))!.targets).toEqual(makePlanData().targets)
  })

  it('imports over the existing plan, or as a copy beside it', async () => {
    const db = database()
    const backup = await workedPlan(db)
    await commitChange(db, 'plan-a', { type: 'sites.delete', ids: backup.sites.map((s) => s.id) }, { label: 'oops' })
    await restorePlanBackup(db, backup, { mode: 'copy', name: 'plan A (restored)' })
    expect((await listPlans(db)).map(({ plan, siteCount }) => [plan.name, siteCount])).toEqual([['Plan plan-a', 0], ['plan A (restored)', 61]])
    await restorePlanBackup(db, backup, { mode: 'replace' })
    expect((await readPlanBackup(db, 'plan-a'))!.sites).toEqual(backup.sites)
  })
})
