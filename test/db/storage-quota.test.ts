import { afterEach, describe, expect, it, vi } from 'vitest'
import { requestPersistentStorage, storageEstimate } from '@/db/storage-quota'

afterEach(() => vi.unstubAllGlobals())

describe('storage quota', () => {
  it('reports usage, quota and persistence from the browser', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 1200, quota: 50_000 }), persisted: async () => true } })
    expect(await storageEstimate()).toEqual({ usedBytes: 1200, quotaBytes: 50_000, persisted: true })
  })

  it('asks for persistence only when not yet granted, and survives a browser without the API', async () => {
    const persist = vi.fn(async () => true)
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } })
    expect(await requestPersistentStorage()).toBe(true)
    expect(persist).toHaveBeenCalledOnce()
    vi.stubGlobal('navigator', {})
    expect(await requestPersistentStorage()).toBe(false)
    expect(await storageEstimate()).toEqual({ usedBytes: null, quotaBytes: null, persisted: false })
  })
})
