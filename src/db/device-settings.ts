import type { PlannerDatabase } from './database'
import { runWrite } from './storage-error'

/** Settings of this device (not of a plan): who writes, and which device it is in exchanged change sets. */
export interface DeviceSettings {
  /** The name the change log records as "who"; '' until the user sets one. */
  userName: string
  /** A random id made on first use. */
  deviceId: string
}

const SETTINGS_KEY = 'deviceSettings'

/** This device's settings, created (unnamed) on first use. Call inside a transaction that includes `meta`. */
export async function readDeviceSettings(db: PlannerDatabase): Promise<DeviceSettings> {
  const stored = (await db.meta.get(SETTINGS_KEY))?.value as Partial<DeviceSettings> | undefined
  if (stored?.deviceId) return { userName: stored.userName ?? '', deviceId: stored.deviceId }
  const settings: DeviceSettings = { userName: stored?.userName ?? '', deviceId: crypto.randomUUID() }
  await db.meta.put({ key: SETTINGS_KEY, value: settings })
  return settings
}

/** This device's settings (read-write: the device id is made on first use). */
export async function getDeviceSettings(db: PlannerDatabase): Promise<DeviceSettings> {
  return runWrite('read the device settings', () => db.transaction('rw', db.meta, () => readDeviceSettings(db)))
}

/** Sets the user name recorded with every later change. */
export async function setDeviceUserName(db: PlannerDatabase, userName: string): Promise<DeviceSettings> {
  return runWrite('save the user name', () => db.transaction('rw', db.meta, async () => {
    const settings = { ...await readDeviceSettings(db), userName }
    await db.meta.put({ key: SETTINGS_KEY, value: settings })
    return settings
  }))
}
