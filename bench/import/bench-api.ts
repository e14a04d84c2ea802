import type { Region } from '@/core/model'

/** The ways a register gets into a plan: the app's (worker + src/db) and the naive one (main thread + bulkPut). */
export type ImportMode = 'ours' | 'naive'

/** One import, timed on the page, with what the main thread went through meanwhile. */
export interface ImportRun {
  mode: ImportMode
  format: 'csv' | 'xlsx'
  /** From the file's bytes in memory to the sites counted in the planner and stored. */
  ms: number
  /** Where the time went (ours: read, validate, transfer, apply, store; naive: parse, convert + locate, store). */
  phases: Record<string, number>
  stored: number
  /** Long Tasks API: main-thread tasks over 50 ms during the import. */
  longestTaskMs: number
  longTasks: number
  longTaskTotalMs: number
  /** The longest task that started in each phase. */
  longestByPhase: Record<string, number>
}

declare global {
  interface Window {
    importBench?: {
      run(mode: ImportMode, format: 'csv' | 'xlsx', url: string, regions: Region[]): Promise<ImportRun>
    }
  }
}
