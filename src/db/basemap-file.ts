import type { PlannerDatabase } from './database'
import type { StoredBasemapFile } from './device-settings'
import { runWrite, toStorageError } from './storage-error'

// The PMTiles basemap can be hundreds of megabytes: it goes to the origin-private file system where the browser
// has one (written as a stream, read by slices), else into IndexedDB as a Blob. Either way it stays on the
// device, so the basemap works offline. One file per device: a new pick replaces the old one.

const OPFS_NAME = 'basemap.pmtiles'
const ROW_ID = 'basemap'

async function opfsRoot(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await globalThis.navigator?.storage?.getDirectory?.() ?? null
  } catch {
    return null
  }
}

async function writeOpfs(root: FileSystemDirectoryHandle, file: Blob): Promise<boolean> {
  try {
    const handle = await root.getFileHandle(OPFS_NAME, { create: true })
    // Safari has no createWritable outside workers: that browser keeps the file in IndexedDB instead.
    if (typeof handle.createWritable !== 'function') return false
    const writable = await handle.createWritable()
    await file.stream().pipeTo(writable)
    return true
  } catch (error) {
    const failure = toStorageError(error, 'store the basemap file')
    if (failure.reason === 'quota') throw failure
    return false
  }
}

async function removeOpfs(root: FileSystemDirectoryHandle | null): Promise<void> {
  await root?.removeEntry(OPFS_NAME).catch(() => undefined)
}

/** Keeps a picked PMTiles file on this device, replacing the one kept before. */
export async function storeBasemapFile(db: PlannerDatabase, file: Blob, name: string): Promise<StoredBasemapFile> {
  const stored = { id: crypto.randomUUID(), name, sizeBytes: file.size }
  const root = await opfsRoot()
  if (root && await writeOpfs(root, file)) {
    await db.basemapFiles.delete(ROW_ID)
    return { ...stored, storage: 'opfs' }
  }
  await runWrite('store the basemap file', () => db.basemapFiles.put({ id: ROW_ID, blob: file }))
  await removeOpfs(root)
  return { ...stored, storage: 'indexeddb' }
}

/** The kept file's bytes (read lazily by slices), or null when it is gone (e.g. the browser cleared storage). */
export async function readBasemapFile(db: PlannerDatabase, stored: StoredBasemapFile): Promise<Blob | null> {
  if (stored.storage === 'indexeddb') return (await db.basemapFiles.get(ROW_ID))?.blob ?? null
  const root = await opfsRoot()
  try {
    return root ? await (await root.getFileHandle(OPFS_NAME)).getFile() : null
  } catch {
    return null
  }
}

/** Removes the kept file from wherever it is. */
export async function deleteBasemapFile(db: PlannerDatabase): Promise<void> {
  await removeOpfs(await opfsRoot())
  await runWrite('remove the basemap file', () => db.basemapFiles.delete(ROW_ID))
}
