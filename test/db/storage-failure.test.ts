import 'fake-indexeddb/auto'
import type { DBCore, Middleware } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanChange } from '@/core/model'
import type { PlannerDatabase } from '@/db/database'
import { createPlan, deletePlan, duplicatePlan, replacePlan } from '@/db/plan-repository'
import { commitChange, undo } from '@/db/plan-store'
import { StorageWriteError } from '@/db/storage-error'
import { dumpDatabase, makePlanData, makeSites, openTestDatabase } from './support'

let db: PlannerDatabase
afterEach(() => db?.close())

/** Makes every write to `table` fail the way a full disk does, from the moment `armed.on` is set. */
function failWritesTo(table: string, armed: { on: boolean }): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: `fail-${table}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const inner = down.table(name)
        return {
          ...inner,
          mutate: (request) => armed.on && name === table
            ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
            : inner.mutate(request),
        }
      },
    }),
  }
}

async function preparedDatabase(failingTable: string): Promise<{ armed: { on: boolean } }> {
  const armed = { on: false }
  db = openTestDatabase()
  db.use(failWritesTo(failingTable, armed))
  const data = makePlanData()
  await createPlan(db, data)
  await commitChange(db, 'plan-a', { type: 'sites.put', sites: [{ ...data.sites[0]!, name: 'first edit' }] }, { label: 'first' })
  armed.on = true
  return { armed }
}

const siteEdit: PlanChange[] = [
  { type: 'sites.put', sites: [...makeSites(3, 'new'), { ...makePlanData().sites[4]!, status: 'live' }] },
  { type: 'clusters.delete', ids: ['c-1'] },
  { type: 'plan.update', patch: { name: 'renamed' } },
]

describe('a write that fails', () => {
  // The last table each write touches fails, so earlier writes of the same transaction must be rolled back.
  it.each([
    ['a commit', 'changes', () => commitChange(db, 'plan-a', siteEdit, { label: 'Edit' })],
    ['a bulk import', 'changes', () => commitChange(db, 'plan-a', { type: 'sites.put', sites: makeSites(6_000, 'imp') }, { label: 'Import' })],
    ['an undo', 'planState', () => undo(db, 'plan-a')],
    ['a plan replace', 'planState', () => replacePlan(db, makePlanData('plan-a', 5))],
    ['a duplicate', 'siteEdits', () => duplicatePlan(db, 'plan-a', { id: 'copy', name: 'copy' })],
    ['a delete', 'photos', () => deletePlan(db, 'plan-a')],
  ])('%s leaves every table as it was and says the disk is full', async (_what, table, write) => {
    await preparedDatabase(table)
    const before = await dumpDatabase(db)
    const error = await write().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StorageWriteError)
    expect(error).toMatchObject({ reason: 'quota' })
    expect((error as Error).message).toMatch(/^Could not .*plan.*storage is full.*Nothing was changed\.$/s)
    expect(await dumpDatabase(db)).toEqual(before)
  }, 30_000)

  it('reports a closed database as blocked', async () => {
    db = openTestDatabase()
    await createPlan(db, makePlanData())
    db.close()
    const error = await commitChange(db, 'plan-a', { type: 'sites.delete', ids: ['s-000001'] }, { label: 'Delete' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'StorageWriteError', reason: 'blocked' })
    expect((error as Error).message).toContain('Delete')
  })
})
