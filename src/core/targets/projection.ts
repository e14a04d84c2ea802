/**
 * Sites still to go live in one region, ordered by the day they are expected to: their planned go-live date,
 * or for a site marked live with a later go-live date, that date. Sites without a date, suspended sites and
 * sites already live are not in it. `slipped` entries have a planned date before the as-of date and are not
 * live yet: they come first (they are the earliest days).
 */
export interface PendingDates {
  /** Day numbers (see toDay), ascending. */
  days: Int32Array
  /** cumulativeUnits[i] = units of entries 0..i. */
  cumulativeUnits: Float64Array
}

/** When a target is projected to be reached: counting slipped sites as going live on the as-of day, and not. */
export interface Projection {
  /** Day number, or null when the planned sites are not enough. Never before the as-of day. */
  withSlipped: number | null
  /** The same without slipped sites: reached on plan. */
  onPlan: number | null
}

export const NO_PROJECTION: Projection = { withSlipped: null, onPlan: null }

/** First index i ≥ from such that the measure of entries from..i reaches `needed`, or -1. */
function reachIndex(pending: PendingDates, from: number, needed: number, byUnits: boolean): number {
  const n = pending.days.length
  if (!byUnits) return from + needed - 1 < n ? from + needed - 1 : -1
  const base = from > 0 ? pending.cumulativeUnits[from - 1]! : 0
  let lo = from, hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (pending.cumulativeUnits[mid]! - base >= needed) hi = mid
    else lo = mid + 1
  }
  return lo < n ? lo : -1
}

/** Projects the day by which `needed` more sites (or units) are live. */
export function projectReach(pending: PendingDates | undefined, needed: number, asOfDay: number, byUnits = false): Projection {
  if (needed <= 0) return { withSlipped: asOfDay, onPlan: asOfDay }
  if (!pending) return NO_PROJECTION
  const all = reachIndex(pending, 0, needed, byUnits)
  const onPlan = reachIndex(pending, lowerBound(pending.days, asOfDay), needed, byUnits)
  return {
    withSlipped: all < 0 ? null : Math.max(asOfDay, pending.days[all]!),
    onPlan: onPlan < 0 ? null : pending.days[onPlan]!,
  }
}

/** First index whose value is ≥ `value` in an ascending array. */
export function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0, hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Builds PendingDates from unsorted (day, units) pairs. */
export function pendingFrom(days: number[], units?: number[]): PendingDates {
  const order = days.map((_, i) => i).sort((a, b) => days[a]! - days[b]!)
  const sortedDays = Int32Array.from(order, (i) => days[i]!)
  const cumulativeUnits = new Float64Array(order.length)
  let sum = 0
  order.forEach((i, k) => {
    sum += units ? units[i]! : 1
    cumulativeUnits[k] = sum
  })
  return { days: sortedDays, cumulativeUnits }
}
