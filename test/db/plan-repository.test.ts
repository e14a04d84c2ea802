import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanData } from '@/core/model'
import type { PlannerDatabase } from '@/db/database'
import { DEMO_PLAN_ID, openStartPlan, resetDemoPlan, setActivePlanId } from '@/db/demo-plan'
import {
  createPlan, deletePlan, duplicatePlan, listPlans, loadPlan, readPlanBackup, renamePlan, restorePlanBackup,
} from '@/db/plan-repository'
import { deletePhoto, listPhotos, putPhoto } from '@/db/photos'
import { commitChange, getHistorySummary, undo } from '@/db/plan-store'
import { makePlanData, openTestDatabase, withoutTimestamps } from './support'

let db: PlannerDatabase
afterEach(() => db?.close())

const photo = { id: 'p-1', siteId: 's-000001', mimeType: 'image/jpeg', takenAt: '2024-03-01T10:00:00.000Z', data: new Blob([new Uint8Array([255, 216, 255, 0, 1])], { type: 'image/jpeg' }) }

describe('plans', () => {
  it('are created once, listed with their site counts, and renamed as an undoable change', async () => {
    db = openTestDatabase()
    await createPlan(db, makePlanData('plan-a', 10))
    await createPlan(db, { ...makePlanData('plan-b', 3), plan: { ...makePlanData('plan-b').plan, createdAt: '2025-01-01T00:00:00.000Z' } })
    await expect(createPlan(db, makePlanData('plan-a'))).rejects.toMatchObject({ reason: 'exists' })
    await renamePlan(db, 'plan-a', '方案A')
    expect((await listPlans(db)).map(({ plan, siteCount, changeCount }) => [plan.id, plan.name, siteCount, changeCount])).toEqual([
      ['plan-a', '方案A', 10, 1], ['plan-b', 'Plan plan-b', 3, 0],
    ])
    await undo(db, 'plan-a')
    expect((await loadPlan(db, 'plan-a'))!.plan.name).toBe('Plan plan-a')
  })

  it('duplicate with every record but the history, under a new id and name', async () => {
    db = openTestDatabase()
    const data = makePlanData('plan-a', 30)
    await createPlan(db, data)
    await commitChange(db, 'plan-a', { type: 'sites.put', sites: [{ ...data.sites[1]!, status: 'live' }] }, { label: 'edit' })
    const copy = await duplicatePlan(db, 'plan-a', { id: 'plan-c', name: '方案C' })
    const [original, copied] = [await loadPlan(db, 'plan-a'), await loadPlan(db, 'plan-c')]
    expect(copy).toMatchObject({ id: 'plan-c', name: '方案C', isDemo: false })
    expect({ ...copied, plan: null }).toEqual({ ...original, plan: null })
    expect((await getHistorySummary(db, 'plan-c')).canUndo).toBe(false)
    await commitChange(db, 'plan-c', { type: 'sites.delete', ids: [data.sites[0]!.id] }, { label: 'only in the copy' })
    expect((await loadPlan(db, 'plan-a'))!.sites).toHaveLength(30)
  })

  it('deleting returns a backup that restores the plan exactly, history and photos included', async () => {
    db = openTestDatabase()
    const data = makePlanData('plan-a', 30)
    await createPlan(db, data)
    await db.photos.add({ ...photo, planId: 'plan-a' })
    await commitChange(db, 'plan-a', { type: 'sites.put', sites: [{ ...data.sites[1]!, status: 'live' }] }, { label: 'edit' })
    const before = await readPlanBackup(db, 'plan-a')
    const backup = await deletePlan(db, 'plan-a')
    expect(backup).toEqual(before)
    expect(await loadPlan(db, 'plan-a')).toBeNull()
    expect(await db.siteChunks.count() + await db.changes.count() + await db.photos.count()).toBe(0)
    await restorePlanBackup(db, backup, { mode: 'replace' })
    const restored = (await readPlanBackup(db, 'plan-a'))!
    expect(restored).toEqual(backup)
    // Blobs are equal to any other Blob for toEqual: compare the bytes.
    expect(new Uint8Array(await restored.photos[0]!.data.arrayBuffer())).toEqual(new Uint8Array([255, 216, 255, 0, 1]))
    expect(await undo(db, 'plan-a')).toMatchObject({ label: 'edit' })
    expect((await loadPlan(db, 'plan-a'))!.sites).toEqual(data.sites)
  })

  it('a backup imported as a copy sits next to the original', async () => {
    db = openTestDatabase()
    await createPlan(db, makePlanData('plan-a', 5))
    const backup = (await readPlanBackup(db, 'plan-a'))!
    const copy = await restorePlanBackup(db, backup, { mode: 'copy', id: 'plan-a2' })
    expect(copy).toMatchObject({ id: 'plan-a2', name: 'Plan plan-a (copy)' })
    expect((await listPlans(db)).map(({ plan }) => plan.id).sort()).toEqual(['plan-a', 'plan-a2'])
    await expect(restorePlanBackup(db, backup, { mode: 'copy', id: 'plan-a2' })).rejects.toMatchObject({ reason: 'exists' })
  })
})

describe('the demo plan', () => {
  const demo = (): Promise<PlanData> => Promise.resolve({ ...makePlanData(DEMO_PLAN_ID, 20), plan: { ...makePlanData(DEMO_PLAN_ID).plan, isDemo: true } })

  it('is written on the first start, read from the database afterwards, and reset on demand', async () => {
    db = openTestDatabase()
    const first = await openStartPlan(db, demo)
    await commitChange(db, DEMO_PLAN_ID, { type: 'sites.delete', ids: [first.sites[0]!.id] }, { label: 'edit' })
    const second = await openStartPlan(db, () => Promise.reject(new Error('the demo files must not be read again')))
    expect(second.sites).toHaveLength(19)
    const reset = await resetDemoPlan(db, demo)
    expect(withoutTimestamps(await loadPlan(db, DEMO_PLAN_ID))).toEqual(withoutTimestamps(reset))
    expect((await getHistorySummary(db, DEMO_PLAN_ID)).canUndo).toBe(false)
  })

  it('gives way to the plan the user switched to', async () => {
    db = openTestDatabase()
    await openStartPlan(db, demo)
    await createPlan(db, makePlanData('plan-b', 2))
    await setActivePlanId(db, 'plan-b')
    expect((await openStartPlan(db, demo)).plan.id).toBe('plan-b')
  })
})

describe('photos', () => {
  it('are kept per site and plan', async () => {
    db = openTestDatabase()
    await createPlan(db, makePlanData('plan-a', 2))
    await putPhoto(db, 'plan-a', photo)
    await putPhoto(db, 'plan-a', { ...photo, id: 'p-2', siteId: 's-000000' })
    expect((await listPhotos(db, 'plan-a', 's-000001')).map((p) => p.id)).toEqual(['p-1'])
    await deletePhoto(db, 'plan-a', 'p-1')
    expect((await listPhotos(db, 'plan-a')).map((p) => p.id)).toEqual(['p-2'])
  })
})
