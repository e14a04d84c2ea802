import { proxy, wrap, type Remote } from 'comlink'
import type { Site } from '@/core/model'
import { createImportSession, type ImportSession } from './import-session'

/** A typed handle on the import worker; `close()` ends the worker (the dialog closes it when it closes). */
export interface ImportClient {
  session: Remote<ImportSession> | ImportSession
  /** Wraps a progress callback so it can be called from the worker. */
  progress<F extends (...args: never[]) => void>(callback: F): F
  close(): void
}

/** Starts an import worker; where module workers are missing, runs the same session on the main thread. */
export function createImportClient(): ImportClient {
  if (typeof Worker === 'undefined') return { session: createImportSession(), progress: (f) => f, close: () => {} }
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' })
  return {
    session: wrap<ImportSession>(worker),
    progress: (callback) => proxy(callback),
    close: () => worker.terminate(),
  }
}

/** Sites per message: a chunk deserialises on the page in well under the 50 ms of a long task. */
export const SITE_CHUNK = 5000

/** The last site plan's sites, fetched from the worker in chunks so no single message stalls the page. */
export async function fetchPlannedSites(session: ImportClient['session'], count: number): Promise<Site[]> {
  const sites: Site[] = []
  for (let from = 0; from < count; from += SITE_CHUNK) {
    const chunk = await session.sites(from, SITE_CHUNK)
    for (const site of chunk) sites.push(site)
  }
  return sites
}
