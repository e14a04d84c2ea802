import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { deleteBasemapFile, readBasemapFile, storeBasemapFile } from '@/db/basemap-file'
import { DEFAULT_BASEMAP, readBasemapSetting, saveBasemapSetting } from '@/db/device-settings'
import { openTestDatabase } from './support'

const bytes = Uint8Array.from({ length: 3000 }, (_, i) => i % 251)
const blobBytes = async (blob: Blob | null): Promise<Uint8Array | null> => (blob ? new Uint8Array(await blob.arrayBuffer()) : null)

/**
 * An origin-private file system in memory: a handle made with `create` makes an empty file, as browsers do;
 * files are written through createWritable (missing with `writable: false`, as in Safari's main thread).
 */
function fakeOpfs({ writable = true } = {}): Map<string, Uint8Array<ArrayBuffer>> {
  const files = new Map<string, Uint8Array<ArrayBuffer>>()
  const root = {
    async getFileHandle(name: string, options?: { create?: boolean }) {
      if (!files.has(name) && !options?.create) throw new DOMException('no such file', 'NotFoundError')
      if (!files.has(name)) files.set(name, new Uint8Array())
      return {
        getFile: async () => new File([files.get(name)!], name),
        createWritable: writable ? () => writableFile(files, name) : undefined,
      }
    },
    async removeEntry(name: string) {
      if (!files.delete(name)) throw new DOMException('no such file', 'NotFoundError')
    },
  }
  vi.stubGlobal('navigator', { storage: { getDirectory: async () => root } })
  return files
}

async function writableFile(files: Map<string, Uint8Array<ArrayBuffer>>, name: string): Promise<WritableStream<Uint8Array<ArrayBuffer>>> {
  const chunks: Array<Uint8Array<ArrayBuffer>> = []
  return new WritableStream({
    write: (chunk) => { chunks.push(chunk) },
    close: async () => { files.set(name, new Uint8Array(await new Blob(chunks).arrayBuffer())) },
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the basemap choice of this device', () => {
  it('is the offline basemap until chosen, then what was saved', async () => {
    const db = openTestDatabase()
    expect(await readBasemapSetting(db)).toEqual(DEFAULT_BASEMAP)
    const setting = { ...DEFAULT_BASEMAP, kind: 'tianditu' as const, tiandituKey: 'abc', tiandituLayer: 'imagery' as const }
    await saveBasemapSetting(db, setting)
    expect(await readBasemapSetting(db)).toEqual(setting)
    db.close()
  })
})

describe('the kept PMTiles file', () => {
  it('goes into IndexedDB where there is no origin-private file system, and comes back byte for byte', async () => {
    const db = openTestDatabase()
    const stored = await storeBasemapFile(db, new Blob([bytes]), 'county.pmtiles')
    expect(stored).toEqual({ id: expect.any(String), name: 'county.pmtiles', sizeBytes: 3000, storage: 'indexeddb' })
    expect(await blobBytes(await readBasemapFile(db, stored))).toEqual(bytes)
    await deleteBasemapFile(db)
    expect(await readBasemapFile(db, stored)).toBeNull()
    db.close()
  })

  it('goes into the origin-private file system where there is one, replacing a file kept in IndexedDB', async () => {
    const db = openTestDatabase()
    await storeBasemapFile(db, new Blob([new Uint8Array([1, 2, 3])]), 'old.pmtiles')
    const files = fakeOpfs()
    const stored = await storeBasemapFile(db, new Blob([bytes]), 'county.pmtiles')
    expect(stored.storage).toBe('opfs')
    expect(await db.basemapFiles.count()).toBe(0)
    expect([...files.keys()]).toEqual(['basemap.pmtiles'])
    expect(await blobBytes(await readBasemapFile(db, stored))).toEqual(bytes)
    await deleteBasemapFile(db)
    expect(files.size).toBe(0)
    expect(await readBasemapFile(db, stored)).toBeNull()
    db.close()
  })

  it('falls back to IndexedDB when the file system cannot write (no createWritable), leaving nothing behind there', async () => {
    const db = openTestDatabase()
    const files = fakeOpfs({ writable: false })
    const stored = await storeBasemapFile(db, new Blob([bytes]), 'county.pmtiles')
    expect(stored.storage).toBe('indexeddb')
    expect(files.size).toBe(0)
    expect(await blobBytes(await readBasemapFile(db, stored))).toEqual(bytes)
    db.close()
  })
})
