import { SITE_KINDS, type Site, type SiteKind } from '../model'
import { kindIndex } from '../coverage/coverage'

/** Per region of one kind, ascending go-live days and the running sum of their units (compressed rows). */
interface KindRows { start: Int32Array, days: Int32Array, cumulativeUnits: Float64Array }

/**
 * Go-live days of a set of sites per (region, kind), each site counted in every region of its chain — the
 * generator's own small form of the engine's pending index, answering "how many by this day". Rows of
 * every kind are built on first use.
 */
export class PlannedDays {
  private rows: KindRows[] | null = null

  /**
   * `dayOf(i)` is site i's go-live day, or null when it is not in the set; `chainOf(i)` the regions it counts in.
   */
  constructor(
    private readonly regionCount: number,
    private readonly sites: readonly Site[],
    private readonly chainOf: (i: number) => Int32Array,
    private readonly dayOf: (i: number) => number | null,
  ) {}

  /** Sites (or units) of `kind` in `region` going live from `fromDay` to `toDay`, both included. */
  count(region: number, kind: SiteKind, fromDay: number, toDay: number, byUnits: boolean): number {
    if (toDay < fromDay) return 0
    this.rows ??= this.build()
    const rows = this.rows[kindIndex(kind)]!
    const lo = rows.start[region]!, hi = rows.start[region + 1]!
    const from = lowerBound(rows.days, lo, hi, fromDay), to = lowerBound(rows.days, lo, hi, toDay + 1)
    if (to <= from) return 0
    if (!byUnits) return to - from
    return rows.cumulativeUnits[to - 1]! - (from > lo ? rows.cumulativeUnits[from - 1]! : 0)
  }

  /** Every kind's rows in one pass over the sites (a million of them: one pass, not one per kind). */
  private build(): KindRows[] {
    const members: number[][] = SITE_KINDS.map(() => [])
    const memberDays: number[][] = SITE_KINDS.map(() => [])
    for (let i = 0; i < this.sites.length; i++) {
      const day = this.dayOf(i)
      if (day === null) continue
      const kind = kindIndex(this.sites[i]!.kind)
      members[kind]!.push(i)
      memberDays[kind]!.push(day)
    }
    return members.map((list, kind) => this.rowsOf(list, memberDays[kind]!))
  }

  private rowsOf(members: number[], memberDays: number[]): KindRows {
    // Day and position packed in one float: the native sort orders a few hundred thousand in milliseconds.
    const packed = Float64Array.from(memberDays, (day, k) => day * 2 ** 24 + k)
    packed.sort()
    const order = Int32Array.from(packed, (v) => v % 2 ** 24)
    const start = new Int32Array(this.regionCount + 1)
    for (const k of order) for (const r of this.chainOf(members[k]!)) start[r + 1]!++
    for (let r = 0; r < this.regionCount; r++) start[r + 1]! += start[r]!
    const fill = start.slice(0, this.regionCount)
    const days = new Int32Array(start[this.regionCount]!)
    const cumulativeUnits = new Float64Array(days.length)
    for (const k of order) {
      for (const r of this.chainOf(members[k]!)) {
        const at = fill[r]!++
        days[at] = memberDays[k]!
        cumulativeUnits[at] = (at > start[r]! ? cumulativeUnits[at - 1]! : 0) + this.sites[members[k]!]!.units
      }
    }
    return { start, days, cumulativeUnits }
  }
}

function lowerBound(sorted: Int32Array, lo: number, hi: number, value: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
