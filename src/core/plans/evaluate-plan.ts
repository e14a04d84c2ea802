import type { PlanData, Site, Target } from '../model'
import { buildRegionIndex, type RegionIndex } from '../geometry/region-index'
import { isWithin, type RegionTree } from '../geometry/region-tree'
import { assignSites, type SiteAssignment } from '../coverage/assign-sites'
import { createCoverage, type Coverage } from '../coverage/coverage'
import { ClusterBook, type ClusterState } from '../clusters/evaluate-clusters'
import { toDay } from '../targets/dates'
import { evaluateTarget, type ClusterTally, type TargetEvaluation, type TargetInputs } from '../targets/evaluate-target'
import { createIndicatorBook, type IndicatorBook } from '../targets/indicators'
import { createPendingIndex, type PendingIndex } from '../targets/pending-index'

/** Everything the planner shows for a plan on a date. */
export interface PlanEvaluation {
  asOfDate: string
  index: RegionIndex
  assignment: SiteAssignment
  coverage: Coverage
  clusters: ClusterState[]
  /** Every target, expanded to one evaluation per region of its scope (eachLevel), in target order. */
  targets: TargetEvaluation[]
  /** Targets that could not be evaluated, with the reason (e.g. a scope region missing from the plan). */
  problems: { targetId: string, message: string }[]
}

/** Reuse what did not change: the index for the same regions, the assignment for the same sites. */
export interface EvaluatePlanOptions {
  index?: RegionIndex
  assignment?: SiteAssignment
}

/**
 * A plan's counters on one date, kept current one site edit at a time: coverage, pending go-live dates and
 * cluster tallies. `evaluate()` re-reads every target from them without a recount.
 */
export interface PlanEvaluator {
  readonly index: RegionIndex
  readonly assignment: SiteAssignment
  readonly coverage: Coverage
  /** Applies one site edit (before: stored site or null when added; after: new site or null when deleted). */
  applyEdit(before: Site | null, after: Site | null): void
  /** Coverage, clusters and every target evaluated from the current counters. */
  evaluate(): PlanEvaluation
  /**
   * Other targets (e.g. a plan target pushed down to each town) read from the same counters. Their kinds must
   * be among the kinds the plan's share/count/complete targets project, or they get no projected date.
   */
  evaluateTargets(targets: readonly Target[]): Pick<PlanEvaluation, 'targets' | 'problems'>
}

/** Builds the counters for a plan on `asOfDate` (ISO). */
export function createPlanEvaluator(data: PlanData, asOfDate: string, options: EvaluatePlanOptions = {}): PlanEvaluator {
  toDay(asOfDate) // fail early on a malformed date
  const index = options.index ?? buildRegionIndex(data.regions)
  const assignment = options.assignment ?? assignSites(index, data.sites)
  const projectedKinds = new Set(data.targets.flatMap((t) => t.kind && ['share', 'count', 'complete'].includes(t.metric) ? [t.kind] : []))
  const pending = createPendingIndex(index.tree, asOfDate, projectedKinds, assignment.table)
  const clusterBook = new ClusterBook(data.clusters, data.plan.settings.clusterRule, asOfDate, index)
  // One pass over the assignment's table feeds all three counters: at a million sites, walking them is the cost.
  const coverage = createCoverage(data.regions, data.sites, assignment, asOfDate, index, (table, slot, chain, leaf) => {
    if (leaf >= 0) pending.addLeaf(table, slot, leaf)
    else pending.addSlot(table, slot, chain)
    clusterBook.addSlot(table, slot)
  })
  pending.finishBuild()
  const scopesOf = (targets: readonly Target[]) => targets.map((target) => ({ target, positions: scopePositions(index.tree, data, target) }))
  const scopes = scopesOf(data.targets)
  const indicators = createIndicatorBook(index.tree, data.indicators, asOfDate)
  const evaluateScopes = (list: typeof scopes, clusters: ClusterState[]): Pick<PlanEvaluation, 'targets' | 'problems'> => {
    const context: Context = { asOfDate, tree: index.tree, coverage, pending, clusterTallies: tallyClusters(index.tree, clusters), indicators }
    const targets: TargetEvaluation[] = []
    const problems: PlanEvaluation['problems'] = []
    for (const { target, positions } of list) {
      if (typeof positions === 'string') problems.push({ targetId: target.id, message: positions })
      else for (const p of positions) targets.push(evaluateTarget(target, index.tree.codes[p]!, inputsFor(context, target, p), asOfDate))
    }
    return { targets, problems }
  }
  return {
    index,
    assignment,
    coverage,
    applyEdit(before, after) {
      const chainBefore = before ? coverage.chainOf(before.id) : EMPTY
      coverage.applyEdit(before, after)
      pending.applyEdit(before, chainBefore, after, after ? coverage.chainOf(after.id) : EMPTY)
      if (before) clusterBook.add(before, -1)
      if (after) clusterBook.add(after, 1)
    },
    evaluate() {
      const clusters = clusterBook.states()
      return { asOfDate, index, assignment, coverage, clusters, ...evaluateScopes(scopes, clusters) }
    },
    evaluateTargets: (targets) => evaluateScopes(scopesOf(targets), clusterBook.states()),
  }
}

/** Evaluates coverage, clusters and every target of a plan on `asOfDate` (ISO). */
export function evaluatePlan(data: PlanData, asOfDate: string, options: EvaluatePlanOptions = {}): PlanEvaluation {
  return createPlanEvaluator(data, asOfDate, options).evaluate()
}

const EMPTY = new Int32Array(0)

interface Context {
  asOfDate: string
  tree: RegionTree
  coverage: Coverage
  pending: PendingIndex
  clusterTallies: Map<number, ClusterTally>
  indicators: IndicatorBook
}

/** Region positions a target applies to, or a message saying why there are none. */
export function scopePositions(tree: RegionTree, data: PlanData, target: Target): number[] | string {
  const root = tree.positionOf.get(target.scope.regionCode)
  if (root === undefined) return `scope region ${target.scope.regionCode} is not in the plan`
  const level = target.scope.eachLevel
  if (!level) return [root]
  const positions: number[] = []
  data.regions.forEach((region, p) => {
    if (region.level === level && isWithin(tree, p, root)) positions.push(p)
  })
  return positions.length > 0 ? positions : `no ${level} region under ${target.scope.regionCode}`
}

function inputsFor(context: Context, target: Target, position: number): TargetInputs {
  const code = context.tree.codes[position]!
  switch (target.metric) {
    case 'share':
    case 'count':
    case 'complete': {
      if (!target.kind) return {}
      return { counts: context.coverage.get(code, target.kind), pending: context.pending.get(position, target.kind) }
    }
    case 'exists': return { clusters: context.clusterTallies.get(position) }
    case 'indicator': return target.indicator ? { indicator: context.indicators.read(position, target.indicator) } : {}
    case 'checklist': return {}
  }
}

/** Per region (with its ancestors): established clusters and the projected days of the others. */
function tallyClusters(tree: RegionTree, clusters: ClusterState[]): Map<number, ClusterTally> {
  const raw = new Map<number, { established: number, withSlipped: number[], onPlan: number[] }>()
  for (const cluster of clusters) {
    const position = cluster.regionCode === null ? undefined : tree.positionOf.get(cluster.regionCode)
    if (position === undefined) continue
    for (const r of tree.chains[position]!) {
      const tally = raw.get(r) ?? { established: 0, withSlipped: [], onPlan: [] }
      if (cluster.established) tally.established++
      else {
        if (cluster.projectedDate) tally.withSlipped.push(toDay(cluster.projectedDate))
        if (cluster.projectedDateOnPlan) tally.onPlan.push(toDay(cluster.projectedDateOnPlan))
      }
      raw.set(r, tally)
    }
  }
  const tallies = new Map<number, ClusterTally>()
  for (const [r, t] of raw) {
    tallies.set(r, {
      established: t.established,
      projectedWithSlipped: Int32Array.from(t.withSlipped).sort(),
      projectedOnPlan: Int32Array.from(t.onPlan).sort(),
    })
  }
  return tallies
}
