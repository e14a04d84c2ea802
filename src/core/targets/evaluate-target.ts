import type { Target, TargetMetric } from '../model'
import type { KindCounts } from '../coverage/coverage'
import { fromDay, toDay } from './dates'
import { NO_PROJECTION, projectReach, type PendingDates, type Projection } from './projection'

/**
 * met: reached on the as-of date · on_track: the planned go-live dates reach it by the due date ·
 * at_risk: only by counting sites whose planned date has already passed without going live (or, for a
 * share/complete target, no site of the kind is recorded yet) · off_track: the plan does not reach it by the
 * due date, or the due date has passed · done/open: a checklist item ticked or not.
 */
export type TargetStatus = 'met' | 'on_track' | 'at_risk' | 'off_track' | 'done' | 'open'

/** What the gap counts: sites, counting units (bus vehicles, staff), clusters, an indicator's own unit, or a task. */
export type GapUnit = 'sites' | 'units' | 'clusters' | 'indicator' | 'tasks'

/** One target evaluated in one region on one date. */
export interface TargetEvaluation {
  targetId: string
  regionCode: string
  metric: TargetMetric
  /** share/complete: live share 0–1 · count: live sites or units · exists: established clusters · indicator: value · checklist: 1 done, 0 not. */
  value: number
  threshold: number
  met: boolean
  /** How many more are needed to meet it, in `gapUnit` (e.g. 37 more live merchants); 0 when met. */
  gap: number
  gapUnit: GapUnit
  /** Sites (or units) live and in total, for the metrics that count sites. */
  live: number | null
  total: number | null
  /** ISO date the target is projected to be met (slipped sites counted as going live now); null if never. */
  projectedDate: string | null
  /** The same, counting only sites still on their planned date. */
  projectedDateOnPlan: string | null
  status: TargetStatus
  dueDate: string
  /** Not met and the due date has passed. */
  overdue: boolean
  /** A share/complete target with no site of its kind recorded in the region: nothing to measure yet. */
  noSites: boolean
}

/** Clusters of one region: how many are established and when the others are projected to be. */
export interface ClusterTally {
  established: number
  /** Projected establishment days of the clusters not yet established (ascending), counting slipped sites and not. */
  projectedWithSlipped: Int32Array
  projectedOnPlan: Int32Array
}

/** An indicator's latest value on the as-of date and the day a trend projects it to reach the threshold. */
export interface IndicatorReading {
  value: number
  /** Day number at which the observed trend reaches `target` threshold, or null (no trend, or flat). */
  trend: ((threshold: number) => number | null) | null
}

/** What a target needs from the plan to be evaluated in one region; each metric reads its own part. */
export interface TargetInputs {
  counts?: KindCounts
  pending?: PendingDates
  clusters?: ClusterTally
  indicator?: IndicatorReading
}

interface Measure { value: number, met: boolean, gap: number, gapUnit: GapUnit, live: number | null, total: number | null, projection: Projection, noSites: boolean }

/** Evaluates `target` for one region (`regionCode`) on `asOfDate` (ISO) from the inputs its metric needs. */
export function evaluateTarget(target: Target, regionCode: string, inputs: TargetInputs, asOfDate: string): TargetEvaluation {
  const asOfDay = toDay(asOfDate)
  const dueDay = toDay(target.dueDate)
  const measure = measureTarget(target, inputs, asOfDay)
  const overdue = !measure.met && asOfDay > dueDay
  const status = target.metric === 'checklist'
    ? (measure.met ? 'done' : 'open')
    : statusOf(measure, overdue, dueDay)
  return {
    targetId: target.id,
    regionCode,
    metric: target.metric,
    value: measure.value,
    threshold: target.threshold,
    met: measure.met,
    gap: measure.gap,
    gapUnit: measure.gapUnit,
    live: measure.live,
    total: measure.total,
    projectedDate: measure.projection.withSlipped === null ? null : fromDay(measure.projection.withSlipped),
    projectedDateOnPlan: measure.projection.onPlan === null ? null : fromDay(measure.projection.onPlan),
    status,
    dueDate: target.dueDate,
    overdue,
    noSites: measure.noSites,
  }
}

function statusOf(measure: Measure, overdue: boolean, dueDay: number): TargetStatus {
  if (measure.met) return 'met'
  if (overdue) return 'off_track'
  if (measure.noSites) return 'at_risk'
  const { onPlan, withSlipped } = measure.projection
  if (onPlan !== null && onPlan <= dueDay) return 'on_track'
  if (withSlipped !== null && withSlipped <= dueDay) return 'at_risk'
  return 'off_track'
}

function measureTarget(target: Target, inputs: TargetInputs, asOfDay: number): Measure {
  switch (target.metric) {
    case 'share': return measureSites(target, inputs, asOfDay, target.threshold)
    case 'complete': return measureSites(target, inputs, asOfDay, 1)
    case 'count': return measureCount(target, inputs, asOfDay)
    case 'exists': return measureClusters(target, inputs.clusters, asOfDay)
    case 'indicator': return measureIndicator(target, inputs.indicator, asOfDay)
    case 'checklist': return measureChecklist(target, asOfDay)
  }
}

/** Live sites needed for a share of `total`; the epsilon keeps 0.3 × 10 at 3, not 4. */
export function requiredLive(share: number, total: number): number {
  return Math.ceil(share * total - 1e-9)
}

function liveAndTotal(target: Target, counts: KindCounts | undefined): [number, number] {
  if (!counts) return [0, 0]
  return target.countUnits ? [counts.liveUnits, counts.totalUnits] : [counts.live, counts.total]
}

function measureSites(target: Target, inputs: TargetInputs, asOfDay: number, share: number): Measure {
  const [live, total] = liveAndTotal(target, inputs.counts)
  const needed = requiredLive(share, total)
  const met = total > 0 && live >= needed
  const gap = Math.max(0, needed - live)
  const projection = total === 0 ? NO_PROJECTION : projectReach(inputs.pending, gap, asOfDay, target.countUnits)
  const gapUnit = target.countUnits ? 'units' : 'sites'
  return { value: total > 0 ? live / total : 0, met, gap, gapUnit, live, total, projection, noSites: total === 0 }
}

function measureCount(target: Target, inputs: TargetInputs, asOfDay: number): Measure {
  const [live, total] = liveAndTotal(target, inputs.counts)
  const gap = Math.max(0, Math.ceil(target.threshold - live))
  const projection = projectReach(inputs.pending, gap, asOfDay, target.countUnits)
  return { value: live, met: gap === 0, gap, gapUnit: target.countUnits ? 'units' : 'sites', live, total, projection, noSites: false }
}

function measureClusters(target: Target, tally: ClusterTally | undefined, asOfDay: number): Measure {
  const value = tally?.established ?? 0
  const gap = Math.max(0, Math.ceil(target.threshold - value))
  const nth = (days: Int32Array | undefined): number | null => {
    if (gap === 0) return asOfDay
    return days && days.length >= gap ? Math.max(asOfDay, days[gap - 1]!) : null
  }
  const projection = { withSlipped: nth(tally?.projectedWithSlipped), onPlan: nth(tally?.projectedOnPlan) }
  return { value, met: gap === 0, gap, gapUnit: 'clusters', live: null, total: null, projection, noSites: false }
}

function measureIndicator(target: Target, reading: IndicatorReading | undefined, asOfDay: number): Measure {
  const value = reading?.value ?? 0
  const gap = Math.max(0, target.threshold - value)
  const day = gap === 0 ? asOfDay : reading?.trend?.(target.threshold) ?? null
  const projected = day === null ? null : Math.max(asOfDay, day)
  const projection = { withSlipped: projected, onPlan: projected }
  return { value, met: gap === 0, gap, gapUnit: 'indicator', live: null, total: null, projection, noSites: false }
}

function measureChecklist(target: Target, asOfDay: number): Measure {
  const done = target.done !== undefined && toDay(target.done.date) <= asOfDay
  const projection = done ? { withSlipped: asOfDay, onPlan: asOfDay } : NO_PROJECTION
  return { value: done ? 1 : 0, met: done, gap: done ? 0 : 1, gapUnit: 'tasks', live: null, total: null, projection, noSites: false }
}
