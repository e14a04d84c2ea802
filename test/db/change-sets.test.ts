import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanData, Site } from '@/core/model'
import { exportChangeSet, importChangeSet, listConflicts, resolveConflicts } from '@/db/change-sets'
import type { PlannerDatabase } from '@/db/database'
import { setDeviceUserName } from '@/db/device-settings'
import { createPlan, loadPlan, readPlanBackup, restorePlanBackup } from '@/db/plan-repository'
import { commitChange, undo } from '@/db/plan-store'
import { exportChangeSetFile, parseChangeSet } from '@/io/bundle/change-set'
import { makePlanData, makeSites, openTestDatabase } from './support'

const open: PlannerDatabase[] = []
afterEach(() => open.splice(0).forEach((db) => db.close()))

/** The office's database and a field tablet's, both holding the same plan (the tablet imported its bundle). */
async function officeAndTablet(): Promise<{ office: PlannerDatabase, tablet: PlannerDatabase, data: PlanData }> {
  const [office, tablet] = [openTestDatabase(), openTestDatabase()]
  open.push(office, tablet)
  const data = makePlanData('plan-a', 30)
  await createPlan(office, data)
  await restorePlanBackup(tablet, (await readPlanBackup(office, 'plan-a'))!, { mode: 'replace' })
  await setDeviceUserName(tablet, '外业 小李')
  return { office, tablet, data }
}

const live = (site: Site, liveDate = '2023-07-01'): Site => ({ ...site, status: 'live', liveDate })
const siteOf = async (db: PlannerDatabase, id: string): Promise<Site | undefined> => (await loadPlan(db, 'plan-a'))!.sites.find((s) => s.id === id)

describe('change sets', () => {
  it('bring the field changes since a date to the office, through a file', async () => {
    const { office, tablet, data } = await officeAndTablet()
    await commitChange(tablet, 'plan-a', { type: 'sites.put', sites: [live(data.sites[0]!)] }, { label: 'before the date' })
    await new Promise((done) => setTimeout(done, 5))
    const since = new Date().toISOString()
    const [found] = makeSites(1, 'found')
    await commitChange(tablet, 'plan-a', { type: 'sites.put', sites: [live(data.sites[1]!), found!] }, { label: 'field day' })
    await commitChange(tablet, 'plan-a', { type: 'clusters.delete', ids: ['c-1'] }, { label: 'cluster gone' })
    const set = await parseChangeSet(await exportChangeSetFile(await exportChangeSet(tablet, 'plan-a', since), { compress: true }))
    expect(set.changes.map((c) => c.label)).toEqual(['field day', 'cluster gone'])
    expect(set.base.map((b) => b.key).sort()).toEqual(['clusters:c-1', 'sites:found-000000', `sites:${data.sites[1]!.id}`])

    const result = await importChangeSet(office, 'plan-a', set)
    expect(result).toMatchObject({ appliedCount: 3, conflicts: [] })
    expect(result.applied?.label).toMatch(/外业 小李/)
    const merged = (await loadPlan(office, 'plan-a'))!
    expect(merged.sites.find((s) => s.id === data.sites[1]!.id)).toEqual(live(data.sites[1]!))
    expect(merged.sites.find((s) => s.id === data.sites[0]!.id)).toEqual(data.sites[0]) // before the date: not in the set
    expect(merged.sites.at(-1)).toEqual(found)
    expect(merged.clusters).toEqual([])
    // Importing the same set again changes nothing and conflicts with nothing.
    expect(await importChangeSet(office, 'plan-a', set)).toEqual({ applied: null, appliedCount: 0, conflicts: [] })
    // The merge is one undoable change.
    await undo(office, 'plan-a')
    expect((await loadPlan(office, 'plan-a'))!.sites).toEqual(data.sites)
  })

  it('return a record changed on both sides as a conflict, never overwriting it, until the user chooses', async () => {
    const { office, tablet, data } = await officeAndTablet()
    const since = new Date(0).toISOString()
    const [a, b, c] = [data.sites[2]!, data.sites[3]!, data.sites[4]!]
    await commitChange(tablet, 'plan-a', { type: 'sites.put', sites: [live(a), live(b, '2023-08-08'), { ...c, notes: 'same' }] }, { label: 'field' })
    await commitChange(tablet, 'plan-a', { type: 'plan.update', patch: { name: 'tablet name' } }, { label: 'rename' })
    await commitChange(office, 'plan-a', { type: 'sites.put', sites: [{ ...b, status: 'suspended' }, { ...c, notes: 'same' }] }, { label: 'office' })
    await commitChange(office, 'plan-a', { type: 'plan.update', patch: { name: 'office name' } }, { label: 'rename' })

    const result = await importChangeSet(office, 'plan-a', await exportChangeSet(tablet, 'plan-a', since))
    expect(result.appliedCount).toBe(1)
    expect(result.conflicts.map(({ key, mine, theirs, base }) => ({ key, mine, theirs, base }))).toEqual([
      { key: 'plan:name', mine: 'office name', theirs: 'tablet name', base: 'Plan plan-a' },
      { key: `sites:${b.id}`, mine: { ...b, status: 'suspended' }, theirs: live(b, '2023-08-08'), base: b },
    ])
    expect(result.conflicts[1]).toMatchObject({ entity: 'sites', id: b.id, theirUser: '外业 小李' })
    expect(await siteOf(office, a.id)).toEqual(live(a))
    expect(await siteOf(office, b.id)).toEqual({ ...b, status: 'suspended' })
    expect(await listConflicts(office, 'plan-a')).toEqual(result.conflicts)

    const resolved = await resolveConflicts(office, 'plan-a', { [`sites:${b.id}`]: 'theirs', 'plan:name': 'mine' })
    expect(resolved?.label).toMatch(/1 change/)
    expect(await siteOf(office, b.id)).toEqual(live(b, '2023-08-08'))
    expect((await loadPlan(office, 'plan-a'))!.plan.name).toBe('office name')
    expect(await listConflicts(office, 'plan-a')).toEqual([])
  })

  it('treat a record deleted there and edited here as a conflict', async () => {
    const { office, tablet, data } = await officeAndTablet()
    const site = data.sites[5]!
    await commitChange(tablet, 'plan-a', { type: 'sites.delete', ids: [site.id] }, { label: 'closed down' })
    await commitChange(office, 'plan-a', { type: 'sites.put', sites: [live(site)] }, { label: 'went live' })
    const { conflicts } = await importChangeSet(office, 'plan-a', await exportChangeSet(tablet, 'plan-a', '2000-01-01'))
    expect(conflicts).toMatchObject([{ key: `sites:${site.id}`, mine: live(site), theirs: null, base: site }])
    await resolveConflicts(office, 'plan-a', { [`sites:${site.id}`]: 'theirs' })
    expect(await siteOf(office, site.id)).toBeUndefined()
  })

  it('are refused for another plan and when from a newer format', async () => {
    const { office, tablet } = await officeAndTablet()
    const set = await exportChangeSet(tablet, 'plan-a', '2000-01-01')
    await expect(importChangeSet(office, 'plan-b', set)).rejects.toMatchObject({ reason: 'missing' })
    await expect(parseChangeSet(JSON.stringify({ ...set, version: 2 }))).rejects.toMatchObject({ problem: 'newer-version' })
  })
})
