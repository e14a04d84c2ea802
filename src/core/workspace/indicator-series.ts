import { INDICATOR_KEYS, type IndicatorKey, type PlanData } from '../model'
import type { RegionTree } from '../geometry/region-tree'
import { fromDay, toDay } from '../targets/dates'
import type { TargetEvaluation, TargetStatus } from '../targets/evaluate-target'
import { createIndicatorBook } from '../targets/indicators'
import { monthRange } from './burn-up'

/** An indicator target of the plan's root region, where it sits on the chart and how the engine rates it. */
export interface IndicatorTargetMarker {
  targetId: string
  title: string
  threshold: number
  dueDate: string
  /** 'YYYY-MM' of the due date. */
  month: string
  status: TargetStatus
}

/** One indicator of the plan's root region over months. */
export interface IndicatorSeries {
  indicator: IndicatorKey
  /** 'YYYY-MM', ascending; shared by every indicator of the plan so the charts line up. */
  months: string[]
  /**
   * The value the engine reads at each month's end (on the as-of date in the as-of month); null before the
   * indicator's first observation and after the as-of month, where there is nothing observed to show.
   */
  values: Array<number | null>
  targets: IndicatorTargetMarker[]
}

/** At most five years of months, the latest kept, as on the burn-up. */
const MAX_MONTHS = 60

/**
 * One series per indicator the plan observes or sets a target for, for the plan's root region. Each month's
 * value comes from the engine's own indicator book on that month's last day, so a region without figures of its
 * own sums its towns exactly as target evaluation does; the markers carry the engine's evaluation as given.
 */
export function indicatorSeries(data: PlanData, tree: RegionTree, evaluations: readonly TargetEvaluation[], asOfDate: string): IndicatorSeries[] {
  const root = data.plan.rootRegionCode
  const rootPosition = tree.positionOf.get(root)
  if (rootPosition === undefined) return []
  const firstObserved = new Map<IndicatorKey, string>()
  for (const o of data.indicators) {
    if (!tree.positionOf.has(o.regionCode)) continue
    const first = firstObserved.get(o.indicator)
    if (first === undefined || o.date < first) firstObserved.set(o.indicator, o.date)
  }
  const markers = rootMarkers(data, evaluations, root)
  const keys = INDICATOR_KEYS.filter((key) => firstObserved.has(key) || markers.has(key))
  if (keys.length === 0) return []
  const firsts = [...firstObserved.values()].filter((date) => date <= asOfDate).sort()
  const lastDue = [...markers.values()].flat().map((m) => m.dueDate).sort().at(-1) ?? asOfDate
  const months = monthRange(firsts[0] ?? asOfDate, lastDue > asOfDate ? lastDue : asOfDate).slice(-MAX_MONTHS)
  // One book per month up to the as-of month: the engine's reading on that day, for every indicator at once.
  const asOfMonth = asOfDate.slice(0, 7)
  const readDates = months.map((month) => (month < asOfMonth ? lastDayOf(month) : month === asOfMonth ? asOfDate : null))
  const books = readDates.map((date) => (date === null ? null : createIndicatorBook(tree, data.indicators, date)))
  return keys.map((indicator) => {
    const first = firstObserved.get(indicator)
    const values = books.map((book, i) => (book === null || first === undefined || first > readDates[i]! ? null : book.read(rootPosition, indicator).value))
    return { indicator, months, values, targets: markers.get(indicator) ?? [] }
  })
}

/** The plan's indicator targets evaluated on the root region, by indicator. */
function rootMarkers(data: PlanData, evaluations: readonly TargetEvaluation[], root: string): Map<IndicatorKey, IndicatorTargetMarker[]> {
  const targets = new Map(data.targets.map((target) => [target.id, target]))
  const markers = new Map<IndicatorKey, IndicatorTargetMarker[]>()
  for (const e of evaluations) {
    const target = targets.get(e.targetId)
    if (e.metric !== 'indicator' || e.regionCode !== root || !target?.indicator) continue
    const list = markers.get(target.indicator) ?? []
    list.push({ targetId: e.targetId, title: target.title, threshold: e.threshold, dueDate: e.dueDate, month: e.dueDate.slice(0, 7), status: e.status })
    markers.set(target.indicator, list)
  }
  return markers
}

/** The last day of a 'YYYY-MM' month: the day before the next month's first. */
function lastDayOf(month: string): string {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`
  return fromDay(toDay(next) - 1)
}
