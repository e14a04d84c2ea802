import { proxy, wrap, type Remote } from 'comlink'
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
