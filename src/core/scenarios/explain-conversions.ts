import type { Operator, PlanData, SiteKind, Target } from '../model'
import { fromDay } from '../targets/dates'
import { IN_CHOSEN, IN_CLUSTER, NEAR_CLUSTER, type ClusterTiers } from './candidate-order'
import type { Selection } from './choose-conversions'
import type { ClusterPlan } from './cluster-plan'
import type { SiteRequirement } from './requirements'
import type { Schedule } from './schedule-conversions'
import type { SiteFacts } from './site-facts'

/** One proposed conversion and why it was chosen. */
export interface ConversionChoice {
  siteId: string
  siteName: string
  kind: SiteKind
  /** ISO dates: when it is planned to go live, and the due date it was chosen for. */
  plannedDate: string
  dueDate: string
  operator: Operator
  /** Planned after its due date: the capacity did not allow earlier. */
  late: boolean
  /** The target and region that needed it (for a cluster, the exists target). */
  targetId: string
  regionCode: string
  regionName: string
  /** The cluster that ranked it first, and how: the one it helps establish, or one it lies in or near. */
  clusterId: string | null
  clusterName: string | null
  clusterRelation: 'establish' | 'inside' | 'near' | null
  /** In words, e.g. "to reach 30% in 锦水街道 by 2023-12-31; inside cluster 锦水商业街". */
  explanation: string
}

/** What explainConversions reads: the generator's intermediate results. */
export interface ExplainInput {
  data: PlanData
  facts: SiteFacts
  requirements: SiteRequirement[]
  clusters: ClusterPlan
  tiers: ClusterTiers
  selection: Selection
  schedule: Schedule
}

/** The scheduled conversions with their reasons, in planned-date order. */
export function explainConversions(input: ExplainInput): ConversionChoice[] {
  const byId = new Map(input.requirements.map((r) => [r.id, r]))
  const scheduled = input.selection.order.filter((i) => input.schedule.plannedDay[i]! >= 0)
  scheduled.sort((a, b) => input.schedule.plannedDay[a]! - input.schedule.plannedDay[b]! || a - b)
  return scheduled.map((i) => explainOne(input, byId, i))
}

function explainOne(input: ExplainInput, byId: Map<number, SiteRequirement>, i: number): ConversionChoice {
  const { data, selection, schedule } = input
  const site = data.sites[i]!
  const why = selection.why[i]!
  const choice = why < 0 ? input.clusters.choices[-why - 1]! : null
  const requirement = choice ? null : byId.get(why)!
  const target = choice ? choice.requirement.target : requirement!.target
  const region = data.regions[choice ? choice.requirement.region : requirement!.region]!
  const dueDate = fromDay(selection.dueDay[i]!)
  const plannedDate = fromDay(schedule.plannedDay[i]!)
  const cluster = clusterOf(input, i, choice?.option)
  const late = schedule.late[i] === 1
  const reason = choice
    ? `to establish cluster ${input.clusters.options[choice.option]!.name} in ${region.name} by ${dueDate}`
    : `to reach ${goal(target)} in ${region.name} by ${dueDate}`
  const where = cluster && !choice ? `; ${cluster.relation === 'near' ? 'near' : 'inside'} cluster ${cluster.name}` : ''
  return {
    siteId: site.id, siteName: site.name, kind: site.kind, plannedDate, dueDate, operator: schedule.operator[i]!, late,
    targetId: target.id, regionCode: region.code, regionName: region.name,
    clusterId: cluster?.id ?? null, clusterName: cluster?.name ?? null, clusterRelation: cluster?.relation ?? null,
    explanation: reason + where + (late ? `; late: the capacity allows ${plannedDate} at the earliest` : ''),
  }
}

function clusterOf(input: ExplainInput, i: number, established: number | undefined): { id: string, name: string, relation: 'establish' | 'inside' | 'near' } | null {
  const k = established ?? input.tiers.option[i]!
  if (k < 0) return null
  const option = input.clusters.options[k]!
  const tier = input.tiers.tier[i]!
  const relation = established !== undefined || tier === IN_CHOSEN ? 'establish' : tier === IN_CLUSTER ? 'inside' : tier === NEAR_CLUSTER ? 'near' : null
  return relation ? { id: option.id, name: option.name, relation } : null
}

/** The target's goal in words: "30%", "5 schools", "all bus_line units". */
function goal(target: Target): string {
  const what = target.countUnits ? `${target.kind} units` : `${target.kind ?? 'site'}s`
  if (target.metric === 'share') return `${Math.round(target.threshold * 1000) / 10}% of ${what}`
  if (target.metric === 'complete') return `all ${what}`
  return `${target.threshold} ${what}`
}
