import { OPERATORS, type Cluster, type Operator, type PlanData, type Site } from '../model'
import type { RegionIndex } from '../geometry/region-index'
import { fromDay, toDay } from '../targets/dates'
import { clusterTiers } from './candidate-order'
import { chooseConversions } from './choose-conversions'
import { planClusters } from './cluster-plan'
import { explainConversions, type ConversionChoice } from './explain-conversions'
import { expandRequirements, type SkippedTarget } from './requirements'
import { scheduleConversions } from './schedule-conversions'
import { findShortfalls, type InfeasibleTarget } from './shortfalls'
import { buildSiteFacts } from './site-facts'

export type { ConversionChoice } from './explain-conversions'
export type { InfeasibleTarget } from './shortfalls'
export type { SkippedTarget } from './requirements'

/** Settings of the generator; only the as-of date is required. */
export interface GeneratePlanOptions {
  /** ISO date the plan is generated on: no planned date falls before it. */
  asOfDate: string
  /** Conversions one operator can make in one month (a setting of the planner); 200 by default. */
  capacityPerOperatorPerMonth?: number
  /**
   * Operators that may take sites without one; by default those already serving the plan's sites, or all
   * designated operators when none is recorded.
   */
  operators?: Operator[]
  /**
   * Convert suspended sites too (they become 'contacted'). Off by default: a suspended site left the
   * pipeline for a reason (closed, refused) the planner knows and the generator does not.
   */
  includeSuspended?: boolean
  /** Add suggested clusters (suggestClusters) where the drawn ones cannot meet an exists target; on by default. */
  adoptSuggestedClusters?: boolean
  /** A merchant this close to a cluster's box ranks right after the ones inside; 200 m by default. */
  nearClusterMeters?: number
  /** Months after the last due date a conversion that cannot make its own may still be placed; 12 by default. */
  lateMonths?: number
  /** The new plan's id and name, and its timestamps (ISO); by default derived from the plan and now. */
  planId?: string
  planName?: string
  now?: string
  /** The plan's region index, if the caller has it. */
  index?: RegionIndex
}

/** A generated plan, with the reasons for each conversion and what it cannot reach. */
export interface GeneratedPlan {
  /** A duplicate of the plan with planned dates and operators filled in (and any adopted suggested clusters). */
  data: PlanData
  /** One per converted site, in planned-date order. */
  conversions: ConversionChoice[]
  /** Targets (per region) not met by their due date even with the generated conversions, and by how much. */
  infeasible: InfeasibleTarget[]
  /** Targets the generator does not act on (indicators, checklists, targets without a kind or region). */
  skipped: SkippedTarget[]
  /** Suggested clusters added to the new plan. */
  adoptedClusters: Cluster[]
}

/**
 * Proposes which sites to convert, by when and by which operator, so that every share, count, complete and
 * exists target is met on time if the plan is followed: see chooseConversions (the fewest conversions),
 * planClusters (which clusters to establish), clusterTiers (merchants in or near clusters first) and
 * scheduleConversions (capacity per operator per month). The input plan is not changed.
 */
export function generatePlan(data: PlanData, options: GeneratePlanOptions): GeneratedPlan {
  const asOfDay = toDay(options.asOfDate)
  const facts = buildSiteFacts(data, options.asOfDate, { index: options.index, includeSuspended: options.includeSuspended })
  const requirements = expandRequirements(data, facts, asOfDay)
  const open = { sites: requirements.sites.filter((r) => r.dueDay >= asOfDay), clusters: requirements.clusters.filter((r) => r.dueDay >= asOfDay) }
  const clusters = planClusters(data, facts, open.clusters, options.asOfDate, { adoptSuggestions: options.adoptSuggestedClusters ?? true })
  const tiers = clusterTiers(data.sites, clusters, options.nearClusterMeters ?? 200)
  const selection = chooseConversions(data, facts, open.sites, clusters, tiers)
  const schedule = scheduleConversions(data.sites, facts, selection, {
    capacityPerOperatorPerMonth: options.capacityPerOperatorPerMonth ?? 200,
    operators: options.operators ?? defaultOperators(data.sites),
    asOfDay,
    lateMonths: options.lateMonths ?? 12,
  })
  const adoptedClusters = [...new Set(clusters.choices.map((c) => c.option))]
    .map((k) => clusters.options[k]!)
    .filter((o) => o.suggestion !== null)
    .map((o): Cluster => ({ id: o.id, name: o.name, geometry: o.geometry }))
  const sites = data.sites.map((site, i) => schedule.plannedDay[i]! < 0 ? site : converted(site, fromDay(schedule.plannedDay[i]!), schedule.operator[i]!))
  const conversions = explainConversions({ data, facts, requirements: open.sites, clusters, tiers, selection, schedule })
  return {
    data: duplicate(data, sites, adoptedClusters, options),
    conversions,
    infeasible: findShortfalls({ data, facts, requirements, clusters, schedule, asOfDay }),
    skipped: requirements.skipped,
    adoptedClusters,
  }
}

function converted(site: Site, plannedDate: string, operator: Operator): Site {
  return { ...site, status: site.status === 'suspended' ? 'contacted' : site.status, plannedDate, operator }
}

/** Operators already serving the plan's sites (in the designated order), else all designated ones. */
function defaultOperators(sites: Site[]): Operator[] {
  const seen = new Set<Operator>()
  for (const site of sites) if (site.operator) seen.add(site.operator)
  return seen.size > 0 ? OPERATORS.filter((o) => seen.has(o)) : [...OPERATORS]
}

function duplicate(data: PlanData, sites: Site[], adopted: Cluster[], options: GeneratePlanOptions): PlanData {
  const now = options.now ?? new Date().toISOString()
  return {
    ...data,
    plan: {
      ...data.plan,
      id: options.planId ?? `${data.plan.id}-generated-${options.asOfDate}`,
      name: options.planName ?? `${data.plan.name}（生成 ${options.asOfDate}）`,
      isDemo: false,
      createdAt: now,
      updatedAt: now,
    },
    sites,
    clusters: [...data.clusters, ...adopted],
  }
}
