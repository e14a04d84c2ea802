import type { Site, SiteKind } from '../model'
import type { RegionTree } from '../geometry/region-tree'
import { toDay } from './dates'
import { bucketOf, type PendingDates } from './projection'

/** Pending dates further out than this (about five years) are beyond any plan's horizon and not projected. */
const MAX_BUCKETS = 1830

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

/** One pending-day histogram per row (a region, or a cluster); rows widen when a later day arrives. */
export class DayHistograms {
  private width = 32
  private counts: Int32Array
  private units: Float64Array

  constructor(readonly rows: number, readonly asOfDay: number) {
    this.counts = new Int32Array(rows * this.width)
    this.units = new Float64Array(rows * this.width)
  }

  /** Adds (sign 1) or removes (sign -1) one site expected on `day`. */
  add(row: number, day: number, units: number, sign: 1 | -1): void {
    const bucket = bucketOf(day, this.asOfDay)
    if (bucket >= MAX_BUCKETS) return
    if (bucket >= this.width) this.widen(bucket + 1)
    const at = row * this.width + bucket
    this.counts[at]! += sign
    this.units[at]! += sign * units
  }

  view(row: number): PendingDates {
    const from = row * this.width, to = from + this.width
    return { asOfDay: this.asOfDay, counts: this.counts.subarray(from, to), units: this.units.subarray(from, to) }
  }

  private widen(needed: number): void {
    const width = Math.min(MAX_BUCKETS, Math.max(needed, this.width * 2))
    const counts = new Int32Array(this.rows * width), units = new Float64Array(this.rows * width)
    for (let r = 0; r < this.rows; r++) {
      counts.set(this.counts.subarray(r * this.width, (r + 1) * this.width), r * width)
      units.set(this.units.subarray(r * this.width, (r + 1) * this.width), r * width)
    }
    this.width = width
    this.counts = counts
    this.units = units
  }
}

/** Pending go-live days per (region, kind), for the kinds targets project; updated per edit. */
export interface PendingIndex {
  /** Undefined for a kind the index was not built for. */
  get(regionPosition: number, kind: SiteKind): PendingDates | undefined
  /** `chainBefore`/`chainAfter`: the regions the site counted in before and after the edit. */
  applyEdit(before: Site | null, chainBefore: Int32Array, after: Site | null, chainAfter: Int32Array): void
}

/**
 * Builds histograms for `kinds` in one pass; `chainOf(i)` gives the regions site i counts in (as the
 * coverage does), so a line counts once per region here too.
 */
export function createPendingIndex(tree: RegionTree, sites: Site[], chainOf: (i: number) => Int32Array, asOfDate: string, kinds: Iterable<SiteKind>): PendingIndex {
  const asOfDay = toDay(asOfDate)
  const byKind = new Map<SiteKind, DayHistograms>()
  for (const kind of kinds) byKind.set(kind, new DayHistograms(tree.codes.length, asOfDay))
  const addSite = (site: Site, chain: Int32Array, sign: 1 | -1): void => {
    const histograms = byKind.get(site.kind)
    const day = histograms ? pendingDayOf(site, asOfDate) : null
    if (day === null) return
    for (let k = 0; k < chain.length; k++) histograms!.add(chain[k]!, day, site.units, sign)
  }
  sites.forEach((site, i) => {
    if (byKind.has(site.kind)) addSite(site, chainOf(i), 1)
  })
  return {
    get: (position, kind) => byKind.get(kind)?.view(position),
    applyEdit(before, chainBefore, after, chainAfter) {
      if (before) addSite(before, chainBefore, -1)
      if (after) addSite(after, chainAfter, 1)
    },
  }
}
