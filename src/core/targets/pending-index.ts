import type { Site, SiteKind } from '../model'
import { rollUpRows, type RegionTree } from '../geometry/region-tree'
import { kindIndex } from '../coverage/coverage'
import { toDay } from './dates'
import { latestPendingDays, tablePendingDay, type SiteTable } from '../coverage/site-table'
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
  private width: number
  private counts: Int32Array
  private units: Float64Array
  /** Per row: all sites and units in the histogram, so an unreachable target is known without a scan. */
  private readonly totalCounts: Int32Array
  private readonly totalUnits: Float64Array

  constructor(readonly rows: number, readonly asOfDay: number, width = 32) {
    this.width = Math.min(MAX_BUCKETS, Math.max(2, width))
    this.counts = new Int32Array(rows * this.width)
    this.units = new Float64Array(rows * this.width)
    this.totalCounts = new Int32Array(rows)
    this.totalUnits = new Float64Array(rows)
  }

  /** Adds (sign 1) or removes (sign -1) one site expected on `day`. */
  add(row: number, day: number, units: number, sign: 1 | -1): void {
    if (!this.addToBucket(row, day, units, sign)) return
    this.totalCounts[row]! += sign
    this.totalUnits[row]! += sign * units
  }

  /** As add(1), leaving the row totals to a retally() once all are added: a build adds a million. */
  addUntallied(row: number, day: number, units: number): void {
    this.addToBucket(row, day, units, 1)
  }

  /** The day's bucket of the row, widened as needed; false for a day past the last bucket (not counted). */
  private addToBucket(row: number, day: number, units: number, sign: 1 | -1): boolean {
    const bucket = bucketOf(day, this.asOfDay)
    if (bucket >= MAX_BUCKETS) return false
    if (bucket >= this.width) this.widen(bucket + 1)
    const at = row * this.width + bucket
    this.counts[at]! += sign
    this.units[at]! += sign * units
    return true
  }

  /** Sets every row's totals to the sum of its buckets. */
  retally(): void {
    for (let r = 0; r < this.rows; r++) {
      let count = 0, units = 0
      for (let at = r * this.width, end = at + this.width; at < end; at++) {
        count += this.counts[at]!
        units += this.units[at]!
      }
      this.totalCounts[r] = count
      this.totalUnits[r] = units
    }
  }

  view(row: number): PendingDates {
    const from = row * this.width, to = from + this.width
    return {
      asOfDay: this.asOfDay,
      counts: this.counts.subarray(from, to),
      units: this.units.subarray(from, to),
      totalCount: this.totalCounts[row]!,
      totalUnits: this.totalUnits[row]!,
    }
  }

  /** Sums rows up the region tree in place (rows counted at the narrowest region only; see createCoverage). */
  rollUp(tree: RegionTree): void {
    rollUpRows(tree, this.counts, this.width)
    rollUpRows(tree, this.units, this.width)
    rollUpRows(tree, this.totalCounts, 1)
    rollUpRows(tree, this.totalUnits, 1)
  }

  /** Adds another histogram set of the same rows to this one. */
  absorb(other: DayHistograms): void {
    // Both to exactly the wider width: the rows must line up bucket for bucket.
    const width = Math.max(this.width, other.width)
    if (this.width < width) this.widen(width, true)
    if (other.width < width) other.widen(width, true)
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!
    for (let i = 0; i < this.units.length; i++) this.units[i]! += other.units[i]!
    for (let r = 0; r < this.rows; r++) {
      this.totalCounts[r]! += other.totalCounts[r]!
      this.totalUnits[r]! += other.totalUnits[r]!
    }
  }

  private widen(needed: number, exact = false): void {
    const width = exact ? needed : Math.min(MAX_BUCKETS, Math.max(needed, this.width * 2))
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
  /** Adds (1) or removes (-1) a site counted in the regions of `chain`. */
  add(site: Site, chain: Int32Array, sign: 1 | -1): void
  /**
   * While building: adds a site whose regions are `leaf`'s chain at `leaf` only; finishBuild() then sums
   * those up the tree. Cheaper than add() for a million points.
   */
  addLeaf(table: SiteTable, slot: number, leaf: number): void
  /** While building: adds a table slot counted in the regions of `chain` (a line, or a site outside every region). */
  addSlot(table: SiteTable, slot: number, chain: Int32Array): void
  /** Ends the build (rolls up the leaf counts); add() and applyEdit() then update every region directly. */
  finishBuild(): void
  /** `chainBefore`/`chainAfter`: the regions the site counted in before and after the edit. */
  applyEdit(before: Site | null, chainBefore: Int32Array, after: Site | null, chainAfter: Int32Array): void
}

/** About a year of daily buckets to start with: most plans' dates fall within it, later ones widen the rows. */
const INITIAL_WIDTH = 400

/**
 * An empty index for `kinds`; fill it with add(site, chain, 1) where `chain` is the regions the site counts in
 * (as the coverage does), so a line counts once per region here too. Given the table it will be filled from, the
 * rows are sized to its latest pending day at once: a city plan's rows take megabytes, and growing them twice
 * over costs as much as the count.
 */
export function createPendingIndex(tree: RegionTree, asOfDate: string, kinds: Iterable<SiteKind>, table?: SiteTable): PendingIndex {
  const asOfDay = toDay(asOfDate)
  const byKind: (DayHistograms | undefined)[] = []
  const latest = table ? latestPendingDays(table, asOfDay) : null
  for (const kind of kinds) {
    const k = kindIndex(kind)
    byKind[k] = new DayHistograms(tree.codes.length, asOfDay, latest ? bucketOf(latest[k]!, asOfDay) + 1 : INITIAL_WIDTH)
  }
  // While building, points are added at their narrowest region only (rolled up in finishBuild) and lines,
  // which must not be rolled up, wait in their own histograms: one copy of the big arrays, not two.
  let building = true
  const lines: (DayHistograms | undefined)[] = []
  const add = (site: Site, chain: Int32Array, sign: 1 | -1): void => {
    const k = kindIndex(site.kind)
    // A site outside every region (empty chain) counts nowhere: no histogram to make for it.
    const day = byKind[k] && chain.length > 0 ? pendingDayOf(site, asOfDate) : null
    if (day === null) return
    const histograms = building ? (lines[k] ??= new DayHistograms(tree.codes.length, asOfDay)) : byKind[k]!
    for (let i = 0; i < chain.length; i++) histograms.add(chain[i]!, day, site.units, sign)
  }
  return {
    get: (position, kind) => byKind[kindIndex(kind)]?.view(position),
    add,
    addLeaf(table, slot, leaf) {
      const histograms = byKind[table.kind[slot]!]
      const day = histograms ? tablePendingDay(table, slot, asOfDay) : null
      if (day !== null) histograms!.addUntallied(leaf, day, table.units[slot]!)
    },
    addSlot(table, slot, chain) {
      const k = table.kind[slot]!
      const day = byKind[k] && chain.length > 0 ? tablePendingDay(table, slot, asOfDay) : null
      if (day === null) return
      const histograms = (lines[k] ??= new DayHistograms(tree.codes.length, asOfDay))
      for (let i = 0; i < chain.length; i++) histograms.add(chain[i]!, day, table.units[slot]!, 1)
    },
    finishBuild() {
      if (!building) return
      building = false
      byKind.forEach((histograms, k) => {
        histograms?.retally()
        histograms?.rollUp(tree)
        if (lines[k]) histograms?.absorb(lines[k])
      })
    },
    applyEdit(before, chainBefore, after, chainAfter) {
      if (before) add(before, chainBefore, -1)
      if (after) add(after, chainAfter, 1)
    },
  }
}
