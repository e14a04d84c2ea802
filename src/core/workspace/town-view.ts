import type { Milestone, PlanData, Region, SiteKind, Target } from '../model'
import type { Coverage } from '../coverage/coverage'
import { evaluatePlan, type EvaluatePlanOptions, type PlanEvaluator } from '../plans/evaluate-plan'
import type { TargetEvaluation, TargetStatus } from '../targets/evaluate-target'

/** What the town table and the choropleth show: one kind of site against one milestone's target. */
export interface TownViewChoice {
  kind: SiteKind
  /** A milestone of the plan's targets, or 'next': the target due next after the as-of date. */
  milestone: Milestone | 'next'
}

/** One region's row: its sites of the kind, and the target that applies to it, evaluated. */
export interface TownRow {
  code: string
  name: string
  live: number
  total: number
  /** live / total; 0 without sites. */
  share: number
  /** The target's id, or null when none applies. */
  targetId: string | null
  threshold: number | null
  metric: Target['metric'] | null
  dueDate: string | null
  /** Sites (or units) still needed; null without a target. */
  gap: number | null
  status: TargetStatus | null
  /** ISO date the planned go-live dates reach the target; null if they never do (or no target). */
  projectedDate: string | null
}

export interface TownView {
  root: TownRow | null
  towns: TownRow[]
  /** The plan's target behind the rows (null: the plan has none for the kind). */
  target: Target | null
  /** The counters the rows were read from. */
  coverage: Coverage
}

/** An evaluator already built for the plan on the same date: its counters are read instead of recounting. */
export interface TownViewOptions extends EvaluatePlanOptions {
  evaluator?: PlanEvaluator
}

const PUSH_DOWN: ReadonlySet<Target['metric']> = new Set(['share', 'complete'])

/**
 * Evaluates the chosen kind/milestone for the plan's root and each of its towns/streets. A county-wide share or
 * completeness target ("全县 30% 的商户") is also evaluated in each town, since every town that falls short pulls
 * the county down and the street offices work to it; a county-wide count ("20 schools") is not split.
 */
export function evaluateTownView(data: PlanData, asOfDate: string, choice: TownViewChoice, options: TownViewOptions = {}): TownView {
  const target = pickTarget(data.targets, choice, asOfDate)
  const rootCode = data.plan.rootRegionCode
  const targets: Target[] = []
  if (target) {
    targets.push(target)
    if (!target.scope.eachLevel && PUSH_DOWN.has(target.metric)) {
      targets.push({ ...target, id: `${target.id}#town`, scope: { regionCode: target.scope.regionCode, eachLevel: 'town' } })
    }
  }
  const { evaluator } = options
  if (evaluator && evaluator.coverage.asOfDate !== asOfDate) throw new Error(`town view on ${asOfDate} from an evaluator on ${evaluator.coverage.asOfDate}`)
  const evaluation = evaluator
    ? { coverage: evaluator.coverage, targets: evaluator.evaluateTargets(targets).targets }
    : evaluatePlan({ ...data, targets }, asOfDate, options)
  const results = new Map<string, TargetEvaluation>()
  for (const e of evaluation.targets) if (!results.has(e.regionCode)) results.set(e.regionCode, e)
  const row = (region: Region): TownRow => {
    const counts = evaluation.coverage.get(region.code, choice.kind)
    const [live, total] = target?.countUnits ? [counts.liveUnits, counts.totalUnits] : [counts.live, counts.total]
    const result = target ? results.get(region.code) : undefined
    return {
      code: region.code,
      name: region.name,
      live,
      total,
      share: total === 0 ? 0 : live / total,
      targetId: result && target ? target.id : null,
      threshold: result?.threshold ?? null,
      metric: result?.metric ?? null,
      dueDate: result?.dueDate ?? null,
      gap: result?.gap ?? null,
      status: result?.status ?? null,
      projectedDate: result?.projectedDate ?? null,
    }
  }
  const root = data.regions.find((r) => r.code === rootCode)
  return { root: root ? row(root) : null, towns: data.regions.filter((r) => r.level === 'town').map(row), target, coverage: evaluation.coverage }
}

const KIND_METRICS: ReadonlySet<Target['metric']> = new Set(['share', 'count', 'complete'])

/** The plan's target for the kind at the milestone; for 'next', the one due next (else the last one due). */
export function pickTarget(targets: Target[], choice: TownViewChoice, asOfDate: string): Target | null {
  const candidates = targets
    .filter((t) => t.kind === choice.kind && KIND_METRICS.has(t.metric))
    .toSorted((a, b) => a.dueDate.localeCompare(b.dueDate) || PREFERENCE.indexOf(a.metric) - PREFERENCE.indexOf(b.metric))
  if (choice.milestone !== 'next') return candidates.find((t) => t.milestone === choice.milestone) ?? null
  return candidates.find((t) => t.dueDate >= asOfDate) ?? candidates.at(-1) ?? null
}

/** When one milestone has several targets for a kind, the share target is the one a map can colour by. */
const PREFERENCE: ReadonlyArray<Target['metric']> = ['share', 'complete', 'count']
