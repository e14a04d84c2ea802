import type { Site } from '@/core/model'
import type { PlanStateRow, SiteChunkRow } from './database'
import { encodeSites } from './site-columns'

/** Sites per chunk: large enough that a city plan is ten rows, small enough that one chunk reads in milliseconds. */
export const CHUNK_SIZE = 50_000

/** A plan's sites as chunk rows of CHUNK_SIZE sites, in order. */
export function siteChunkRows(planId: string, sites: readonly Site[]): SiteChunkRow[] {
  const rows: SiteChunkRow[] = []
  for (let start = 0; start < sites.length; start += CHUNK_SIZE) {
    rows.push({ planId, index: rows.length, columns: encodeSites(sites.slice(start, start + CHUNK_SIZE)) })
  }
  return rows
}

/** The state of a plan with no sites and no history. */
export function emptyPlanState(planId: string): PlanStateRow {
  return { planId, layout: crypto.randomUUID(), chunkCount: 0, siteCount: 0, editCount: 0, nextSiteSeq: 1, head: 0, lastSeq: 0 }
}
