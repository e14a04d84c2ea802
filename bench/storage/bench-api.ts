/** What the storage benchmark page measures, in ms (the Node driver prints it). */
export interface StorageResult extends StoreResult, OpenResult {}

/** The page's performance marks around the open and each save, for the driver's trace of garbage collection. */
export const OPEN_MARKS = { start: 'storage-bench:open:start', end: 'storage-bench:open:end' }
export const editMark = (edit: number, at: 'start' | 'end'): string => `storage-bench:edit:${edit}:${at}`

/** Measured on the first page: baseline, CPU, store. */
export interface StoreResult {
  siteCount: number
  baselineCount: number
  userAgent: string
  /** Naive: Dexie, one row per site ([planId+id] key, indexes on planId, kind, status), on baselineCount sites. */
  naive: { bulkPutMs: number, toArrayMs: number, putOneMs: number }
  /** Of which CPU: encoding all sites into chunk columns, and decoding them (no IndexedDB). */
  encodeMs: number
  decodeMs: number
  /** Ours (src/db). */
  storeMs: number
  /** Bytes the origin uses after storing the plan (navigator.storage.estimate), null when unknown. */
  usedBytes: number | null
}

/** Measured on a fresh page, as the app starts. */
export interface OpenResult {
  openMs: number
  /** Reading the chunk rows alone (IndexedDB and deserialisation, no decoding), after the open. */
  readChunksMs: number
  firstEditMs: number
  /** Every save, the first included, in order. */
  editTimes: number[]
  /** Median and worst of the edits after the first. */
  editMedianMs: number
  editMaxMs: number
  edits: number
  openWithEditsMs: number
  undoMs: number
  compactMs: number
}

declare global {
  interface Window {
    storageBench?: {
      store(siteCount: number, baselineCount: number): Promise<StoreResult>
      open(siteCount: number): Promise<OpenResult>
    }
  }
}
