import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { readBasemapFile, storeBasemapFile } from '@/db/basemap-file'
import { PlannerDatabase } from '@/db/database'
import { getDeviceSettings, setDeviceUserName } from '@/db/device-settings'
import { createPlan, loadPlan } from '@/db/plan-repository'
import { writeV2Database } from '../fixtures/db/v2-schema'
import { makePlanData, withoutTimestamps } from './support'

const data = Object.freeze(makePlanData('plan-v2', 30))

async function v2Database(): Promise<{ name: string, deviceId: string }> {
  const name = `v2-${crypto.randomUUID()}`
  let deviceId = ''
  await writeV2Database(name, async (db) => {
    await createPlan(db, data)
    deviceId = (await setDeviceUserName(db, '李娜')).deviceId
  })
  return { name, deviceId }
}

describe('a database written by schema v2', () => {
  it('is really v2: no basemap file table', async () => {
    const { name } = await v2Database()
    const raw = new Dexie(name)
    await raw.open()
    expect(raw.verno).toBe(2)
    expect(raw.tables.map((t) => t.name)).not.toContain('basemapFiles')
    raw.close()
  })

  it('opens at v3 with its plans and device settings, and an empty basemap file table ready for use', async () => {
    const { name, deviceId } = await v2Database()
    const db = new PlannerDatabase(name)
    expect(withoutTimestamps(await loadPlan(db, data.plan.id))).toEqual(withoutTimestamps(data))
    expect(await getDeviceSettings(db)).toEqual({ userName: '李娜', deviceId })
    expect(db.verno).toBe(3)
    expect(await db.basemapFiles.count()).toBe(0)
    const stored = await storeBasemapFile(db, new Blob([new Uint8Array([7, 8, 9])]), 'a.pmtiles')
    expect(new Uint8Array(await (await readBasemapFile(db, stored))!.arrayBuffer())).toEqual(new Uint8Array([7, 8, 9]))
    db.close()
  })
})
