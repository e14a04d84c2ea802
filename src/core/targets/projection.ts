/**
 * Sites still to go live in one region, as a histogram over days from the as-of day: bucket 0 holds the
 * *slipped* sites (planned before the as-of day, not live yet), bucket i ≥ 1 the sites expected on
 * `asOfDay + i - 1`. Sites planned further out than the histogram reaches are not in it.
 * A histogram, not a sorted list, so one edit updates it in O(1) per region.
 */
export interface PendingDates {
  asOfDay: number
  /** Sites per bucket. */
  counts: ArrayLike<number>
  /** Counting units per bucket. */
  units: ArrayLike<number>
  /** Sum of counts and of units over all buckets: lets an unreachable target skip the scan. */
  totalCount: number
  totalUnits: number
}

/** When a target is projected to be reached: counting slipped sites as going live on the as-of day, and not. */
export interface Projection {
  /** Day number, or null when the planned sites are not enough. Never before the as-of day. */
  withSlipped: number | null
  /** The same without slipped sites: reached on plan. */
  onPlan: number | null
}

export const NO_PROJECTION: Projection = { withSlipped: null, onPlan: null }

/** First bucket ≥ from where the running total from `from` reaches `needed`, or -1. */
function reachBucket(pending: PendingDates, from: number, needed: number, byUnits: boolean): number {
  if ((byUnits ? pending.totalUnits : pending.totalCount) < needed) return -1
  const values = byUnits ? pending.units : pending.counts
  let sum = 0
  for (let i = from; i < values.length; i++) {
    sum += values[i]!
    if (sum >= needed) return i
  }
  return -1
}

const dayOf = (pending: PendingDates, bucket: number): number => pending.asOfDay + Math.max(0, bucket - 1)

/** Projects the day by which `needed` more sites (or units) are live. */
export function projectReach(pending: PendingDates | undefined, needed: number, asOfDay: number, byUnits = false): Projection {
  if (needed <= 0) return { withSlipped: asOfDay, onPlan: asOfDay }
  if (!pending) return NO_PROJECTION
  const all = reachBucket(pending, 0, needed, byUnits)
  const onPlan = reachBucket(pending, 1, needed, byUnits)
  return {
    withSlipped: all < 0 ? null : dayOf(pending, all),
    onPlan: onPlan < 0 ? null : dayOf(pending, onPlan),
  }
}

/** The bucket of a pending day, given the as-of day (0 for slipped). */
export function bucketOf(day: number, asOfDay: number): number {
  return day < asOfDay ? 0 : day - asOfDay + 1
}

/** Builds PendingDates from (day, units) pairs: for tests and small sets such as one cluster's merchants. */
export function pendingFrom(days: readonly number[], asOfDay: number, units?: readonly number[]): PendingDates {
  const size = days.reduce((max, day) => Math.max(max, bucketOf(day, asOfDay) + 1), 1)
  const counts = new Int32Array(size), unitSums = new Float64Array(size)
  days.forEach((day, i) => {
    const bucket = bucketOf(day, asOfDay)
    counts[bucket]!++
    unitSums[bucket]! += units ? units[i]! : 1
  })
  return { asOfDay, counts, units: unitSums, totalCount: days.length, totalUnits: unitSums.reduce((a, b) => a + b, 0) }
}

/** Sites (or units) pending from `fromDay` to `toDayIncluded` (slipped ones count from the as-of day). */
export function sumPending(pending: PendingDates, fromDay: number, toDayIncluded: number, byUnits = false): number {
  const values = byUnits ? pending.units : pending.counts
  const from = fromDay <= pending.asOfDay ? 0 : bucketOf(fromDay, pending.asOfDay)
  const to = Math.min(values.length - 1, bucketOf(toDayIncluded, pending.asOfDay))
  let sum = 0
  for (let i = from; i <= to; i++) sum += values[i]!
  return sum
}
