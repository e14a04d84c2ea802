/** How much the browser lets the planner store, and whether it may evict the data under storage pressure. */
export interface StorageEstimate {
  /** Bytes used by this origin (IndexedDB, caches); null when the browser does not say. */
  usedBytes: number | null
  /** Bytes this origin may use in all; null when the browser does not say. */
  quotaBytes: number | null
  /** True when the browser granted persistent storage (the data is not evicted when the disk runs low). */
  persisted: boolean
}

function storageManager(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage
}

/**
 * Asks the browser to keep the planner's data even when the disk runs low (it may ask the user, or decide by
 * itself from how the app is used). Resolves to whether storage is persistent now.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager()
  if (!storage?.persist) return false
  if (await storage.persisted?.()) return true
  return storage.persist().catch(() => false)
}

/** Storage used and available, for the storage display. */
export async function storageEstimate(): Promise<StorageEstimate> {
  const storage = storageManager()
  const [estimate, persisted] = await Promise.all([
    storage?.estimate?.().catch(() => undefined),
    storage?.persisted?.().catch(() => false),
  ])
  return { usedBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null, persisted: persisted ?? false }
}
