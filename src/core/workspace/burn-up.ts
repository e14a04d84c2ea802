import type { Site, Target } from '../model'
import { isLiveOn } from '../model'

/** Cumulative counts at the end of each month: what went live, and what the planned dates promise. */
export interface BurnUp {
  /** 'YYYY-MM', ascending. */
  months: string[]
  /** Sites (or units) live at each month's end, from go-live dates. */
  live: number[]
  /** Sites (or units) live or planned to be by each month's end (go-live date, else planned date). */
  planned: number[]
  /** Every site (or unit) of the selection, whatever its status. */
  total: number
}

export interface BurnUpOptions {
  /** Count units (bus vehicles) instead of sites. */
  units?: boolean
}

/** Months from `from` to `to` inclusive, as 'YYYY-MM'. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]
  const end = to.slice(0, 7)
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    if (key > end) break
    months.push(key)
    month = month === 12 ? 1 : month + 1
    if (month === 1) year++
  }
  return months
}

/**
 * The burn-up of a selection of sites over months. A site counts as planned from its go-live date if it is
 * live, else from its planned date; suspended sites and sites without a date are never planned.
 */
export function burnUp(sites: Site[], months: string[], options: BurnUpOptions = {}): BurnUp {
  const index = new Map(months.map((m, i) => [m, i]))
  const liveAdds = new Float64Array(months.length)
  const plannedAdds = new Float64Array(months.length)
  let total = 0
  let livePrior = 0
  let plannedPrior = 0
  const first = months[0] ?? ''
  for (const site of sites) {
    const weight = options.units ? site.units : 1
    total += weight
    const liveDate = site.status === 'live' ? site.liveDate : null
    const planDate = liveDate ?? (site.status === 'suspended' ? null : site.plannedDate)
    if (liveDate) livePrior += add(liveAdds, index, liveDate, first, weight)
    if (planDate) plannedPrior += add(plannedAdds, index, planDate, first, weight)
  }
  return { months, live: cumulate(liveAdds, livePrior), planned: cumulate(plannedAdds, plannedPrior), total }
}

/** Adds to the month of `date`; returns the weight when the date is before the range (counted from the start). */
function add(adds: Float64Array, index: Map<string, number>, date: string, first: string, weight: number): number {
  const i = index.get(date.slice(0, 7))
  if (i !== undefined) adds[i] = (adds[i] ?? 0) + weight
  return date.slice(0, 7) < first ? weight : 0
}

function cumulate(adds: Float64Array, start: number): number[] {
  let running = start
  return Array.from(adds, (value) => (running += value))
}

/** Where a target sits on a burn-up: its due month and the count it asks for. */
export interface TargetMarker {
  targetId: string
  title: string
  month: string
  /** Sites (or units) the target needs by its due date. */
  needed: number
}

export function targetMarkers(targets: Target[], total: number): TargetMarker[] {
  return targets.flatMap((target) => {
    const needed = target.metric === 'share'
      ? Math.ceil(target.threshold * total - 1e-9)
      : target.metric === 'complete'
        ? total
        : target.metric === 'count' ? target.threshold : null
    return needed === null ? [] : [{ targetId: target.id, title: target.title, month: target.dueDate.slice(0, 7), needed }]
  })
}

/** Live sites of a selection per key (operator, method), on a date; sites with several methods count once per method. */
export function breakdown(sites: Site[], asOfDate: string, keysOf: (site: Site) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const site of sites) {
    if (!isLiveOn(site, asOfDate)) continue
    for (const key of keysOf(site)) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}
