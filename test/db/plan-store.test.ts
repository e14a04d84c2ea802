import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { applyPlanChanges, type PlanChange, type PlanData, type Site } from '@/core/model'
import type { PlannerDatabase } from '@/db/database'
import { setDeviceUserName } from '@/db/device-settings'
import { createPlan, loadPlan } from '@/db/plan-repository'
import { COMPACT_EDITS, commitChange, compactSites, getChange, getHistorySummary, listHistory, redo, undo } from '@/db/plan-store'
import { CHUNK_SIZE } from '@/db/site-chunks'
import { BULK_SITES } from '@/db/write-change'
import { PlannerDatabase as Database } from '@/db/database'
import { makePlanData, makeSites, openTestDatabase, withoutTimestamps } from './support'

let db: PlannerDatabase
afterEach(() => db?.close())

async function planWith(data: PlanData = makePlanData()): Promise<PlanData> {
  db = openTestDatabase()
  await createPlan(db, data)
  return data
}

const live = (site: Site): Site => ({ ...site, status: 'live', liveDate: '2023-07-01', methods: ['static_qr'] })

describe('commitChange', () => {
  it('saves an edited site in place and logs who, when, what, before and after', async () => {
    const data = await planWith()
    await setDeviceUserName(db, '王芳')
    const edited = live(data.sites[5]!)
    const record = await commitChange(db, 'plan-a', { type: 'sites.put', sites: [edited] }, { label: 'Status → live' })
    expect(record).toMatchObject({ planId: 'plan-a', seq: 1, user: '王芳', label: 'Status → live' })
    expect(Date.parse(record.at)).toBeGreaterThan(Date.now() - 60_000)
    expect(record.after).toEqual([{ type: 'sites.put', sites: [edited] }])
    expect(record.before).toEqual([{ type: 'sites.put', sites: [data.sites[5]] }])
    const loaded = await loadPlan(db, 'plan-a')
    expect(loaded!.sites).toEqual(data.sites.map((site, i) => i === 5 ? edited : site))
    expect(await getChange(db, 'plan-a', 1)).toEqual(record)
  })

  it('appends a new site and removes a deleted one, in memory and in storage alike', async () => {
    const data = await planWith()
    const [added] = makeSites(1, 'new')
    const changes = [{ type: 'sites.put', sites: [added!] }, { type: 'sites.delete', ids: [data.sites[0]!.id, 'no-such-site'] }] satisfies PlanChange[]
    const record = await commitChange(db, 'plan-a', changes, { label: 'Add and remove' })
    const loaded = await loadPlan(db, 'plan-a')
    expect(loaded!.sites).toEqual(applyPlanChanges(data, record.after).sites)
    expect(loaded!.sites.at(-1)).toEqual(added)
    expect(loaded!.sites).toHaveLength(data.sites.length)
  })

  it('writes every kind of record and the plan fields', async () => {
    const data = await planWith()
    const changes = [
      { type: 'clusters.put', clusters: [{ ...data.clusters[0]!, name: '万商城' }] },
      { type: 'targets.delete', ids: ['t-2'] },
      { type: 'indicators.put', indicators: [{ ...data.indicators[0]!, id: 'i-2', value: 5 }] },
      { type: 'regions.replace', regions: data.regions.slice(0, 1) },
      { type: 'plan.update', patch: { name: '方案B', templateId: 'pingyin-2023' } },
    ] satisfies PlanChange[]
    const record = await commitChange(db, 'plan-a', changes, { label: 'Many' })
    expect(withoutTimestamps(await loadPlan(db, 'plan-a'))).toEqual(withoutTimestamps(applyPlanChanges(data, record.after)))
    await undo(db, 'plan-a')
    expect(withoutTimestamps(await loadPlan(db, 'plan-a'))).toEqual(withoutTimestamps(data))
  })

  it('refuses a plan that does not exist', async () => {
    await planWith()
    await expect(commitChange(db, 'nope', { type: 'sites.delete', ids: ['x'] }, { label: 'x' })).rejects.toMatchObject({ name: 'StorageWriteError', reason: 'missing' })
  })
})

describe('undo and redo', () => {
  it('revert and reapply changes, persisted across a reload', async () => {
    const data = await planWith()
    await commitChange(db, 'plan-a', { type: 'sites.put', sites: [live(data.sites[1]!)] }, { label: 'one' })
    await commitChange(db, 'plan-a', { type: 'sites.delete', ids: [data.sites[2]!.id] }, { label: 'two' })
    const afterTwo = await loadPlan(db, 'plan-a')
    expect(await undo(db, 'plan-a')).toMatchObject({ label: 'two' })
    db.close()
    db = new Database(db.name) // a reload
    expect(await getHistorySummary(db, 'plan-a')).toEqual({ canUndo: true, canRedo: true, undoLabel: 'one', redoLabel: 'two', applied: 1, undone: 1 })
    expect(await undo(db, 'plan-a')).toMatchObject({ label: 'one' })
    expect(await undo(db, 'plan-a')).toBeNull()
    expect((await loadPlan(db, 'plan-a'))!.sites.map((s) => s.id).sort()).toEqual(data.sites.map((s) => s.id).sort())
    expect((await loadPlan(db, 'plan-a'))!.sites).toEqual(expect.arrayContaining(data.sites))
    await redo(db, 'plan-a')
    await redo(db, 'plan-a')
    expect(await redo(db, 'plan-a')).toBeNull()
    expect(withoutTimestamps(await loadPlan(db, 'plan-a'))).toEqual(withoutTimestamps(afterTwo))
  })

  it('a new change drops the redo stack', async () => {
    const data = await planWith()
    await commitChange(db, 'plan-a', { type: 'sites.put', sites: [live(data.sites[1]!)] }, { label: 'one' })
    await commitChange(db, 'plan-a', { type: 'sites.put', sites: [live(data.sites[2]!)] }, { label: 'two' })
    await undo(db, 'plan-a')
    await commitChange(db, 'plan-a', { type: 'sites.put', sites: [live(data.sites[3]!)] }, { label: 'three' })
    expect((await listHistory(db, 'plan-a')).map(({ seq, label, undone }) => ({ seq, label, undone }))).toEqual([
      { seq: 1, label: 'one', undone: false }, { seq: 2, label: 'three', undone: false },
    ])
    expect(await redo(db, 'plan-a')).toBeNull()
  })

  it('undo of an edit restores the exact site, also after a compaction', async () => {
    const data = await planWith()
    await commitChange(db, 'plan-a', { type: 'sites.put', sites: [{ ...data.sites[7]!, name: 'renamed', notes: 'n' }] }, { label: 'edit' })
    await compactSites(db, 'plan-a')
    expect(await db.siteEdits.count()).toBe(0)
    await undo(db, 'plan-a')
    expect((await loadPlan(db, 'plan-a'))!.sites).toEqual(data.sites)
  })
})

describe('large changes and compaction', () => {
  it('an import of many sites rewrites the chunks, keeps order, and undoes', async () => {
    const data = await planWith()
    const imported = makeSites(12_000, 'imp')
    const replaced = { ...data.sites[3]!, name: 'replaced' }
    await commitChange(db, 'plan-a', { type: 'sites.put', sites: [...imported, replaced] }, { label: 'Import' })
    expect(await db.siteEdits.count()).toBe(0)
    const loaded = await loadPlan(db, 'plan-a')
    expect(loaded!.sites).toEqual([...data.sites.map((s, i) => i === 3 ? replaced : s), ...imported])
    await undo(db, 'plan-a')
    expect((await loadPlan(db, 'plan-a'))!.sites).toEqual(data.sites)
  }, 30_000)

  it('edits across chunks load the same before and after compaction', async () => {
    const data = await planWith(makePlanData('plan-a', 120_000))
    const edits = [0, 49_999, 50_000, 119_999].map((i) => live(data.sites[i]!))
    await commitChange(db, 'plan-a', { type: 'sites.put', sites: edits }, { label: 'edits' })
    await commitChange(db, 'plan-a', { type: 'sites.delete', ids: [data.sites[60_000]!.id] }, { label: 'delete' })
    await commitChange(db, 'plan-a', { type: 'sites.put', sites: makeSites(2, 'new') }, { label: 'add' })
    const expected = applyPlanChanges(data, [{ type: 'sites.put', sites: edits }, { type: 'sites.delete', ids: [data.sites[60_000]!.id] }, { type: 'sites.put', sites: makeSites(2, 'new') }]).sites
    expect((await loadPlan(db, 'plan-a'))!.sites).toEqual(expected)
    await compactSites(db, 'plan-a')
    expect(await db.siteEdits.count()).toBe(0)
    expect((await loadPlan(db, 'plan-a'))!.sites).toEqual(expected)
    expect((await db.planState.get('plan-a'))!.siteCount).toBe(expected.length)
  }, 60_000)
})

describe('the chunk cache of a connection', () => {
  it('is refreshed when another tab rewrote the chunks, so undo restores the right site', async () => {
    const data = await planWith(makePlanData('plan-a', 200))
    const other = new Database(db.name)
    await loadPlan(db, 'plan-a') // fills this connection's cache
    const renamed = data.sites.map((site) => ({ ...site, name: `${site.name} (other tab)` }))
    await commitChange(other, 'plan-a', { type: 'sites.put', sites: [...renamed, ...makeSites(BULK_SITES, 'bulk')] }, { label: 'bulk in the other tab' })
    other.close()
    const record = await commitChange(db, 'plan-a', { type: 'sites.put', sites: [live(renamed[7]!)] }, { label: 'edit here' })
    expect(record.before).toEqual([{ type: 'sites.put', sites: [renamed[7]] }])
  }, 30_000)

  it('folds the edits into the chunks once they pass the threshold', async () => {
    const data = await planWith(makePlanData('plan-a', COMPACT_EDITS + 10))
    const edited = data.sites.slice(0, COMPACT_EDITS).map((site) => live(site))
    await commitChange(db, 'plan-a', { type: 'sites.put', sites: edited }, { label: 'many edits' })
    await expect.poll(() => db.siteEdits.count(), { timeout: 20_000 }).toBe(0)
    expect((await loadPlan(db, 'plan-a'))!.sites).toEqual([...edited, ...data.sites.slice(COMPACT_EDITS)])
  }, 30_000)
})

describe('finding the site an edit replaces', () => {
  it('in any chunk, for one site or many, after appends, deletes, a compaction and a reload', async () => {
    const data = await planWith(makePlanData('plan-a', CHUNK_SIZE + 2_000))
    let sites = data.sites
    /** Commits a change and checks that its undo puts back exactly the sites it replaced. */
    const commit = async (change: PlanChange): Promise<void> => {
      const replaced = change.type === 'sites.put' ? change.sites.flatMap((site) => sites.filter((old) => old.id === site.id)) : []
      const record = await commitChange(db, 'plan-a', change, { label: change.type })
      if (change.type === 'sites.put') expect(record.before.flatMap((undo) => undo.type === 'sites.put' ? undo.sites : [])).toEqual(replaced)
      sites = applyPlanChanges({ ...data, sites }, [change]).sites
    }
    const at = (...positions: number[]): Site[] => positions.map((i) => live(sites[i]!))

    for (const i of [3, CHUNK_SIZE - 1, CHUNK_SIZE, sites.length - 1]) await commit({ type: 'sites.put', sites: at(i) })
    await commit({ type: 'sites.put', sites: at(1, 3, 100, CHUNK_SIZE - 1, CHUNK_SIZE + 1, CHUNK_SIZE + 1_500) })
    await commit({ type: 'sites.delete', ids: [sites[10]!.id, sites[CHUNK_SIZE + 7]!.id] })
    await commit({ type: 'sites.put', sites: makeSites(2, 'new') })
    await commit({ type: 'sites.put', sites: at(sites.length - 1) })
    await compactSites(db, 'plan-a')
    // The deletions moved every later site of the chunks up.
    for (const i of [10, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 6, sites.length - 2]) await commit({ type: 'sites.put', sites: at(i) })
    await commit({ type: 'sites.put', sites: at(0, 3, 10, CHUNK_SIZE - 2, CHUNK_SIZE + 6, sites.length - 1) })
    db.close()
    db = new Database(db.name)
    await commit({ type: 'sites.put', sites: at(CHUNK_SIZE + 1_000) })
    await commit({ type: 'sites.put', sites: [...at(5, 6, 7, CHUNK_SIZE + 999), ...makeSites(1, 'newer')] })
    expect((await loadPlan(db, 'plan-a'))!.sites).toEqual(sites)
  }, 120_000)
})
