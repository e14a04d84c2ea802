import type { BasemapKind, TiandituLayer } from '@/map/basemap-style'
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

/** Where a picked PMTiles file is kept: the origin-private file system, or IndexedDB where OPFS is missing. */
export type BasemapFileStorage = 'opfs' | 'indexeddb'

/** The PMTiles file this device keeps as its local basemap. */
export interface StoredBasemapFile {
  /** New for every pick: names the archive in the map's `pmtiles://` URLs, so a new file never shows old tiles. */
  id: string
  name: string
  sizeBytes: number
  storage: BasemapFileStorage
}

/** The basemap this device shows, with what each choice needs; kept when the user switches between them. */
export interface BasemapSetting {
  kind: BasemapKind
  /** The user's 天地图 key ('' until entered). */
  tiandituKey: string
  tiandituLayer: TiandituLayer
  file: StoredBasemapFile | null
}

export const DEFAULT_BASEMAP: Readonly<BasemapSetting> = Object.freeze({ kind: 'offline', tiandituKey: '', tiandituLayer: 'vector', file: null })

const BASEMAP_KEY = 'basemap'

/** This device's basemap choice (the offline basemap until the user picks another). */
export async function readBasemapSetting(db: PlannerDatabase): Promise<BasemapSetting> {
  const stored = (await db.meta.get(BASEMAP_KEY))?.value as Partial<BasemapSetting> | undefined
  return { ...DEFAULT_BASEMAP, ...stored }
}

export async function saveBasemapSetting(db: PlannerDatabase, setting: BasemapSetting): Promise<void> {
  await runWrite('save the basemap choice', () => db.meta.put({ key: BASEMAP_KEY, value: { ...setting, file: setting.file && { ...setting.file } } }))
}
