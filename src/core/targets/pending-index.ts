import { SITE_KINDS, type Site } from '../model'
import type { RegionTree } from '../geometry/region-tree'
import { kindIndex } from '../coverage/coverage'
import { toDay } from './dates'
import type { PendingDates } from './projection'

/**
 * The day a site not yet live on the as-of day is expected to go live, or null when nothing is planned:
 * a live site with a later go-live date → that date; a site in the pipeline with a planned date → that date
 * (possibly before the as-of day: slipped). Suspended sites are off the pipeline.
 */
export function pendingDayOf(site: Site, asOfDate: string): number | null {
  if (site.status === 'live') return site.liveDate !== null && site.liveDate > asOfDate ? toDay(site.liveDate) : null
  if (site.status === 'suspended' || site.plannedDate === null) return null
  return toDay(site.plannedDate)
}

/** Pending go-live days per (region, kind), built lazily per kind: only kinds a target projects are paid for. */
export interface PendingIndex {
  get(regionPosition: number, kind: Site['kind']): PendingDates | undefined
}

/**
 * `chainOf(i)` gives the regions site i counts in (as the coverage does), so lines are counted once per
 * region here too.
 */
export function createPendingIndex(tree: RegionTree, sites: Site[], chainOf: (i: number) => Int32Array, asOfDate: string): PendingIndex {
  const built = new Map<number, (PendingDates | undefined)[]>()
  return {
    get(regionPosition, kind) {
      const k = kindIndex(kind)
      let perRegion = built.get(k)
      if (!perRegion) {
        perRegion = buildForKind(tree, sites, chainOf, asOfDate, SITE_KINDS[k]!)
        built.set(k, perRegion)
      }
      return perRegion[regionPosition]
    },
  }
}

function buildForKind(tree: RegionTree, sites: Site[], chainOf: (i: number) => Int32Array, asOfDate: string, kind: Site['kind']): (PendingDates | undefined)[] {
  const siteIds: number[] = []
  const days: number[] = []
  sites.forEach((site, i) => {
    if (site.kind !== kind) return
    const day = pendingDayOf(site, asOfDate)
    if (day === null) return
    siteIds.push(i)
    days.push(day)
  })
  const order = siteIds.map((_, j) => j).sort((a, b) => days[a]! - days[b]!)
  const sizes = new Int32Array(tree.codes.length)
  for (const j of order) for (const r of chainOf(siteIds[j]!)) sizes[r]!++
  const result: (PendingDates | undefined)[] = Array.from(sizes, (n) => n === 0
    ? undefined
    : { days: new Int32Array(n), cumulativeUnits: new Float64Array(n) })
  const filled = new Int32Array(tree.codes.length)
  for (const j of order) {
    const units = sites[siteIds[j]!]!.units
    for (const r of chainOf(siteIds[j]!)) {
      const pending = result[r]!
      const at = filled[r]!++
      pending.days[at] = days[j]!
      pending.cumulativeUnits[at] = (at > 0 ? pending.cumulativeUnits[at - 1]! : 0) + units
    }
  }
  return result
}
