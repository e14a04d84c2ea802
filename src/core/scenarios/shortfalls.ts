import { SITE_KINDS, type PlanData, type TargetMetric } from '../model'
import { fromDay } from '../targets/dates'
import type { ClusterOption, ClusterPlan } from './cluster-plan'
import { PlannedDays } from './planned-days'
import type { ClusterRequirement, Requirements, SiteRequirement } from './requirements'
import type { Schedule } from './schedule-conversions'
import { KIND_COUNT, type SiteFacts } from './site-facts'

/** A target (in one region) the generated plan does not meet by its due date. */
export interface InfeasibleTarget {
  targetId: string
  title: string
  metric: TargetMetric
  regionCode: string
  regionName: string
  dueDate: string
  /** Live sites (or units, or established clusters) the target needs by its due date. */
  needed: number
  /** What the generated plan reaches by then. */
  reachable: number
  /** needed − reachable. */
  shortfall: number
  unit: 'sites' | 'units' | 'clusters'
  /**
   * overdue: the due date is before the as-of date · candidates: not enough sites to convert in the region ·
   * clusters: no cluster (drawn or suggested) can be established with the merchants there · capacity: the
   * operators' monthly capacity cannot convert them in time · no_sites: a share or complete target over
   * no site of its kind (nothing to measure).
   */
  reason: 'overdue' | 'candidates' | 'clusters' | 'capacity' | 'no_sites'
}

/** What findShortfalls reads: the generator's intermediate results. */
export interface ShortfallInput {
  data: PlanData
  facts: SiteFacts
  requirements: Requirements
  clusters: ClusterPlan
  schedule: Schedule
  asOfDay: number
}

/** Measures every requirement against the generated plan by its due day; lists those short. */
export function findShortfalls(input: ShortfallInput): InfeasibleTarget[] {
  const { plannedDay } = input.schedule
  const added = new PlannedDays(input.facts.index.tree.codes.length, input.data.sites, (i) => input.facts.chains[i]!, (i) => plannedDay[i]! >= 0 ? plannedDay[i]! : null)
  const sites = input.requirements.sites.flatMap((r) => siteShortfall(input, added, r))
  const clusters = input.requirements.clusters.flatMap((r) => clusterShortfall(input, r))
  return [...sites, ...clusters]
}

function siteShortfall(input: ShortfallInput, added: PlannedDays, requirement: SiteRequirement): InfeasibleTarget[] {
  const { target, region, byUnits, needed, have, dueDay } = requirement
  const kind = SITE_KINDS[requirement.kind]!
  const noSites = requirement.total === 0 && target.metric !== 'count'
  const reachable = have + added.count(region, kind, input.asOfDay, dueDay, byUnits)
  if (reachable >= needed && !noSites) return []
  const reason = dueDay < input.asOfDay
    ? 'overdue'
    : noSites ? 'no_sites' : needed > have + convertible(input.facts, region, requirement.kind, byUnits) ? 'candidates' : 'capacity'
  return [infeasible(input, target, region, dueDay, needed, reachable, byUnits ? 'units' : 'sites', reason)]
}

function clusterShortfall(input: ShortfallInput, requirement: ClusterRequirement): InfeasibleTarget[] {
  const { clusters, facts } = input
  const inPlan = new Set(clusters.choices.map((c) => c.option))
  const established = clusters.options.filter((option, k) => (option.suggestion === null || inPlan.has(k))
    && option.region >= 0 && facts.index.tree.chains[option.region]!.includes(requirement.region)
    && establishedBy(option, input, requirement.dueDay))
  const reachable = established.length
  if (reachable >= requirement.needed) return []
  const planned = clusters.shortfalls.some((s) => s.requirement === requirement)
  const reason = requirement.dueDay < input.asOfDay ? 'overdue' : planned ? 'clusters' : 'capacity'
  return [infeasible(input, requirement.target, requirement.region, requirement.dueDay, requirement.needed, reachable, 'clusters', reason)]
}

/** Established by the day in the generated plan: live merchants plus those planned (before or now) by then. */
function establishedBy(option: ClusterOption, input: ShortfallInput, day: number): boolean {
  if (option.merchants === 0) return false
  const missing = option.requiredLive - option.live
  if (missing <= 0) return true
  if (day < input.asOfDay) return false
  let count = option.plannedDays.filter((d) => d >= input.asOfDay && d <= day).length
  for (const i of option.convertible) if (input.schedule.plannedDay[i]! >= 0 && input.schedule.plannedDay[i]! <= day) count++
  return count >= missing
}

function infeasible(input: ShortfallInput, target: SiteRequirement['target'], region: number, dueDay: number, needed: number, reachable: number, unit: InfeasibleTarget['unit'], reason: InfeasibleTarget['reason']): InfeasibleTarget {
  const r = input.data.regions[region]!
  return {
    targetId: target.id, title: target.title, metric: target.metric, regionCode: r.code, regionName: r.name,
    dueDate: fromDay(dueDay), needed, reachable, shortfall: Math.max(0, needed - reachable), unit, reason,
  }
}

/** Convertible sites (or units) of the kind in the region. */
function convertible(facts: SiteFacts, region: number, kind: number, byUnits: boolean): number {
  return (byUnits ? facts.convertibleUnits : facts.convertibleSites)[region * KIND_COUNT + kind]!
}
