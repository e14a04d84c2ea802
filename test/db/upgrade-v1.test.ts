import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { PlannerDatabase } from '@/db/database'
import { loadPlan } from '@/db/plan-repository'
import { writeV1Database, type V1Fixture } from '../fixtures/db/v1-schema'

const fixture = Object.freeze(JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/db/v1-database.json'), 'utf8')) as V1Fixture)

/** The fixture's rows of one table for one plan, as the model sees them (no planId), in v1's read order. */
function v1Records(table: keyof V1Fixture['tables'], planId: string, key = 'id'): unknown[] {
  return fixture.tables[table]
    .filter((row) => row.planId === planId)
    .map(({ planId: _planId, ...record }) => record)
    .sort((a, b) => String(a[key]) < String(b[key]) ? -1 : 1)
}

async function upgradedDatabase(): Promise<PlannerDatabase> {
  const name = `v1-${crypto.randomUUID()}`
  await writeV1Database(name, fixture)
  return new PlannerDatabase(name)
}

describe('a database written by schema v1', () => {
  it('opens with the current schema and keeps every record of every plan', async () => {
    const db = await upgradedDatabase()
    for (const plan of fixture.tables.plans) {
      const data = await loadPlan(db, plan.id as string)
      expect(data?.plan).toEqual(plan)
      expect(data?.sites).toEqual(v1Records('sites', plan.id as string))
      expect(data?.regions).toEqual(v1Records('regions', plan.id as string, 'code'))
      expect(data?.clusters).toEqual(v1Records('clusters', plan.id as string))
      expect(data?.targets).toEqual(v1Records('targets', plan.id as string))
      expect(data?.indicators).toEqual(v1Records('indicators', plan.id as string))
    }
    db.close()
  })

  it('keeps the settings in meta, and moves the sites into chunks with a state per plan', async () => {
    const db = await upgradedDatabase()
    await db.open()
    expect(db.verno).toBe(3)
    expect(await db.meta.orderBy('key').toArray()).toEqual([...fixture.tables.meta].sort((a, b) => String(a.key).localeCompare(String(b.key))))
    expect([...db.backendDB().objectStoreNames]).not.toContain('sites')
    const states = await db.planState.toArray()
    expect(states.map(({ planId, siteCount, head }) => ({ planId, siteCount, head }))).toEqual([
      { planId: 'demo-pingyin', siteCount: 20, head: 0 },
      { planId: 'plan-b', siteCount: 3, head: 0 },
    ])
    expect(await db.siteChunks.count()).toBe(2)
    db.close()
  })

  it('is really the v1 layout: one row per site in a sites store', async () => {
    const name = `v1-${crypto.randomUUID()}`
    await writeV1Database(name, fixture)
    const raw = new Dexie(name)
    await raw.open()
    expect(raw.verno).toBe(1)
    expect(await raw.table('sites').count()).toBe(fixture.tables.sites.length)
    raw.close()
  })
})
