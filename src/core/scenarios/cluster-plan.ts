import type { Polygon } from 'geojson'
import type { PlanData, RegionLevel } from '../model'
import { clusterCentre, requiredLiveMerchants } from '../clusters/evaluate-clusters'
import { suggestClusters, tallyMerchantsInside, type ClusterSuggestion } from '../clusters/suggest-clusters'
import { locatePosition } from '../geometry/region-index'
import type { ClusterRequirement } from './requirements'
import type { SiteFacts } from './site-facts'

/** A cluster the generator may establish: one drawn in the plan, or a suggestion it would add. */
export interface ClusterOption {
  id: string
  name: string
  geometry: Polygon
  /** Null for a drawn cluster. */
  suggestion: ClusterSuggestion | null
  /** Narrowest region position of its centre (where the engine counts it), -1 if none. */
  region: number
  /** Merchants inside, and the live ones among them (as evaluateClusters counts them). */
  merchants: number
  requiredLive: number
  live: number
  /** Go-live days of the merchants inside already planned, ascending. */
  plannedDays: number[]
  /** Site indices of the merchants inside that can be converted. */
  convertible: number[]
}

/** An option the generator establishes, by the due day of the requirement that asked for it first. */
export interface ClusterChoice {
  option: number
  dueDay: number
  requirement: ClusterRequirement
}

/** The clusters to establish, and the requirements short of clusters even so. */
export interface ClusterPlan {
  options: ClusterOption[]
  choices: ClusterChoice[]
  shortfalls: { requirement: ClusterRequirement, shortfall: number, reachable: number }[]
}

/** Suggestions asked for per region level lacking clusters; the generator's defaults. */
export interface ClusterPlanOptions {
  adoptSuggestions: boolean
  suggestionRadiusMeters?: number
}

/**
 * Decides which clusters to establish for the exists targets, earliest due first: per requirement, the
 * clusters already established (or planned to be) by its due day count; for the rest, the cheapest options
 * in the region — fewest conversions still needed, drawn clusters before suggestions at equal cost.
 * Suggestions (suggestClusters) are only computed for the regions the drawn clusters leave short.
 */
export function planClusters(data: PlanData, facts: SiteFacts, requirements: ClusterRequirement[], asOfDate: string, settings: ClusterPlanOptions): ClusterPlan {
  const drawn = optionsFrom(data, facts, data.clusters.map((c) => ({ id: c.id, name: c.name, geometry: c.geometry, suggestion: null })), asOfDate)
  const first = choose(drawn, facts, requirements)
  if (!settings.adoptSuggestions || first.shortfalls.length === 0) return first
  // Only the regions the drawn clusters leave short are searched: DBSCAN over a city's every merchant is not needed.
  const short = new Map<RegionLevel, string[]>()
  for (const { requirement } of first.shortfalls) {
    const region = data.regions[requirement.region]!
    short.set(region.level, [...short.get(region.level) ?? [], region.code])
  }
  const suggested = [...short].flatMap(([level, regionCodes]) => suggestClusters(data, asOfDate, { level, regionCodes, index: facts.index, sitePositions: facts.positions, maxDistanceMeters: settings.suggestionRadiusMeters }))
  const options = optionsFrom(data, facts, suggested.map((s) => ({ id: s.id, name: s.name, geometry: s.geometry, suggestion: s })), asOfDate)
  return choose([...drawn, ...options], facts, requirements)
}

/** Chooses among the options for each requirement, earliest due first. */
function choose(options: ClusterOption[], facts: SiteFacts, requirements: ClusterRequirement[]): ClusterPlan {
  const plan: ClusterPlan = { options, choices: [], shortfalls: [] }
  const chosenBy = new Map<number, number>()
  for (const requirement of requirements.slice().sort((a, b) => a.dueDay - b.dueDay)) {
    const deficit = requirement.needed - countEstablished(plan, facts, requirement, chosenBy)
    if (deficit <= 0) continue
    const picks = cheapest(plan, facts, requirement, chosenBy, deficit)
    for (const option of picks) {
      chosenBy.set(option, requirement.dueDay)
      plan.choices.push({ option, dueDay: requirement.dueDay, requirement })
    }
    if (picks.length < deficit) plan.shortfalls.push({ requirement, shortfall: deficit - picks.length, reachable: requirement.needed - deficit + picks.length })
  }
  return plan
}

function optionsFrom(data: PlanData, facts: SiteFacts, drafts: Omit<ClusterOption, 'region' | 'merchants' | 'requiredLive' | 'live' | 'plannedDays' | 'convertible'>[], asOfDate: string): ClusterOption[] {
  const tallies = tallyMerchantsInside(drafts.map((d) => d.geometry), data.sites, asOfDate)
  return drafts.map((draft, k) => {
    const tally = tallies[k]!
    const centre = clusterCentre(draft.geometry.coordinates)
    return {
      ...draft,
      region: centre ? locatePosition(facts.index, centre[0], centre[1]) : -1,
      merchants: tally.merchants,
      requiredLive: requiredLiveMerchants(data.plan.settings.clusterRule, tally.merchants),
      live: tally.live,
      plannedDays: tally.plannedDays.sort((a, b) => a - b),
      convertible: tally.convertible,
    }
  })
}

/** Conversions an option still needs to be established by `dueDay` (planned merchants by then count). */
export function conversionsNeeded(option: ClusterOption, dueDay: number): number {
  let planned = 0
  while (planned < option.plannedDays.length && option.plannedDays[planned]! <= dueDay) planned++
  return Math.max(0, option.requiredLive - option.live - planned)
}

function inRegion(facts: SiteFacts, option: ClusterOption, region: number): boolean {
  return option.region >= 0 && facts.index.tree.chains[option.region]!.includes(region)
}

/** Drawn clusters established (or planned to be) by the due day, and options already chosen, in the region. */
function countEstablished(plan: ClusterPlan, facts: SiteFacts, requirement: ClusterRequirement, chosenBy: Map<number, number>): number {
  return plan.options.filter((option, k) => inRegion(facts, option, requirement.region)
    && (chosenBy.has(k) || (option.suggestion === null && option.merchants > 0 && conversionsNeeded(option, requirement.dueDay) === 0))).length
}

/**
 * Up to `count` options in the region, not counted yet, that can be established, cheapest first (a suggestion
 * its planned merchants already establish costs nothing but has to be added to the plan to count).
 */
function cheapest(plan: ClusterPlan, facts: SiteFacts, requirement: ClusterRequirement, chosenBy: Map<number, number>, count: number): number[] {
  return plan.options
    .map((option, k) => ({ k, option, cost: conversionsNeeded(option, requirement.dueDay) }))
    .filter(({ k, option, cost }) => !chosenBy.has(k) && option.merchants > 0 && (cost > 0 || option.suggestion !== null)
      && cost <= option.convertible.length && inRegion(facts, option, requirement.region))
    .sort((a, b) => a.cost - b.cost || Number(a.option.suggestion !== null) - Number(b.option.suggestion !== null) || a.k - b.k)
    .slice(0, count)
    .map(({ k }) => k)
}
