import { defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw } from 'vue'
import { deleteBasemapFile, readBasemapFile, storeBasemapFile } from '@/db/basemap-file'
import { getDatabase } from '@/db/database'
import { DEFAULT_BASEMAP, readBasemapSetting, saveBasemapSetting, type BasemapSetting } from '@/db/device-settings'
import { effectiveBasemap, tileFailure, type BasemapKind, type RasterArchive, type TiandituLayer } from '@/map/basemap-style'

/** What went wrong with the PMTiles file: vector tiles, not PMTiles, gone from storage, or not storable. */
export type BasemapFileProblem = 'vector' | 'unreadable' | 'missing' | 'storage'

// The pmtiles reader is loaded only when a PMTiles basemap is used.
const archiveModule = () => import('@/map/pmtiles-archive')

async function openArchive(blob: Blob, key: string): Promise<RasterArchive | BasemapFileProblem> {
  const { openRasterArchive, UnsupportedArchiveError } = await archiveModule()
  try {
    return await openRasterArchive(blob, key)
  } catch (error) {
    if (error instanceof UnsupportedArchiveError) return error.reason
    throw error
  }
}

/** The basemap of this device: the choice (kept in device settings), the network state and the open PMTiles file. */
export const useBasemapStore = defineStore('basemap', () => {
  const db = getDatabase()
  /** The user's choice as stored; restored from the device settings on start. */
  const setting = ref<BasemapSetting>({ ...DEFAULT_BASEMAP })
  /** The browser's view of the network: an online basemap falls back to the offline one without it. */
  const online = ref(globalThis.navigator?.onLine ?? true)
  /** The kept PMTiles file, opened (null until a PMTiles basemap is shown). */
  const archive = shallowRef<RasterArchive | null>(null)
  /** Why the shown basemap's tiles fail to load; cleared whenever the basemap changes. */
  const tileProblem = ref<ReturnType<typeof tileFailure> | null>(null)
  const fileProblem = ref<BasemapFileProblem | null>(null)
  /** A file is being checked and stored. */
  const busy = ref(false)
  let loading: Promise<void> | null = null

  const shown = computed(() => effectiveBasemap({ ...setting.value, hasFile: archive.value !== null }, online.value))

  globalThis.addEventListener?.('online', () => { online.value = true })
  globalThis.addEventListener?.('offline', () => { online.value = false })

  async function save(): Promise<void> {
    tileProblem.value = null
    await saveBasemapSetting(db, toRaw(setting.value))
  }

  async function openKeptFile(): Promise<void> {
    const file = setting.value.file
    if (!file || archive.value?.key === file.id) return
    const blob = await readBasemapFile(db, file)
    const opened = blob ? await openArchive(blob, file.id) : 'missing'
    if (typeof opened === 'string') fileProblem.value = opened
    else archive.value = opened
  }

  /** Restores this device's choice (once), opening the kept file if it is the basemap. */
  function load(): Promise<void> {
    loading ??= (async () => {
      setting.value = await readBasemapSetting(db)
      if (setting.value.kind === 'pmtiles') await openKeptFile()
    })()
    return loading
  }

  async function choose(kind: BasemapKind): Promise<void> {
    setting.value.kind = kind
    fileProblem.value = null
    await save()
    if (kind === 'pmtiles') await openKeptFile()
  }

  /** Keeps a 天地图 key; false (and nothing kept) when it is blank. */
  async function setTiandituKey(key: string): Promise<boolean> {
    if (!key.trim()) return false
    setting.value.tiandituKey = key.trim()
    await save()
    return true
  }

  async function setTiandituLayer(layer: TiandituLayer): Promise<void> {
    setting.value.tiandituLayer = layer
    await save()
  }

  /** Checks that a picked file is a raster PMTiles archive, keeps it on the device and shows it. */
  async function pickFile(file: File): Promise<void> {
    busy.value = true
    fileProblem.value = null
    try {
      const checked = await openArchive(file, `check-${crypto.randomUUID()}`)
      if (typeof checked === 'string') {
        fileProblem.value = checked
        return
      }
      ;(await archiveModule()).closeArchive(checked.key)
      const stored = await storeBasemapFile(db, file, file.name).catch(() => null)
      if (!stored) {
        fileProblem.value = 'storage'
        return
      }
      if (archive.value) (await archiveModule()).closeArchive(archive.value.key)
      archive.value = null
      setting.value = { ...setting.value, kind: 'pmtiles', file: stored }
      await save()
      // Read back from where it is kept: what is drawn now is what a reload (offline) will draw.
      await openKeptFile()
    } finally {
      busy.value = false
    }
  }

  async function removeFile(): Promise<void> {
    if (archive.value) (await archiveModule()).closeArchive(archive.value.key)
    archive.value = null
    fileProblem.value = null
    await deleteBasemapFile(db)
    setting.value = { ...setting.value, file: null, kind: setting.value.kind === 'pmtiles' ? 'offline' : setting.value.kind }
    await save()
  }

  /** A basemap tile failed: say why, once per basemap. */
  function reportTileError(status: number | undefined): void {
    tileProblem.value ??= tileFailure(shown.value.kind, status, online.value)
  }

  return { setting, online, archive, tileProblem, fileProblem, busy, shown, load, choose, setTiandituKey, setTiandituLayer, pickFile, removeFile, reportTileError }
})
