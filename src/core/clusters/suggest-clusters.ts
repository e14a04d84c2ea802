import type { Polygon } from 'geojson'
import { isLiveOn, type Cluster, type ClusterRule, type PlanData, type RegionLevel, type Site } from '../model'
import { buildPolygonGrid, locateParts } from '../geometry/polygon-grid'
import { buildRegionIndex, locatePosition, type RegionIndex } from '../geometry/region-index'
import { toDay } from '../targets/dates'
import { clusterHull } from './cluster-hull'
import { dbscan } from './dbscan'
import { clusterCentre, evaluateClusters, requiredLiveMerchants } from './evaluate-clusters'
import { ancestorAtLevel, locateSitePositions } from './site-positions'

/** How clusters are looked for. Distances are great-circle (as @turf/clusters-dbscan measures them). */
export interface SuggestClustersOptions {
  /** DBSCAN radius; 150 m by default (a shopping street's merchants sit well within it of each other). */
  maxDistanceMeters?: number
  /** DBSCAN minPoints; by default the rule's minLiveMerchants: a smaller group could never be established. */
  minPoints?: number
  /** See HullOptions.concavity. */
  concavity?: number
  /** Suggestions kept per region, the cheapest to establish first; 3 by default. */
  perRegion?: number
  /** Level of the regions that each need a cluster; 'town' by default. */
  level?: RegionLevel
  /** The plan's region index, when the caller has it (saves rebuilding it). */
  index?: RegionIndex
  /** Narrowest region position per site (see locateSitePositions), when the caller has it. */
  sitePositions?: Int32Array
  /** Only these regions (codes, of `level`); all that lack a cluster by default. */
  regionCodes?: readonly string[]
}

/** A candidate consumption cluster for a region that has no established one. */
export interface ClusterSuggestion {
  id: string
  name: string
  /** The region (of the options' level) the cluster would count in: the one holding its centre, as the engine decides. */
  regionCode: string
  geometry: Polygon
  /** Merchants DBSCAN grouped into it. */
  memberIds: string[]
  /** As the engine will count the polygon once drawn: merchants inside (boundary included), live on the date. */
  merchants: number
  liveMerchants: number
  /** Live merchants the plan's ClusterRule asks of it (requiredLiveMerchants). */
  requiredLive: number
  /** More merchants to convert for it to be established: requiredLive − liveMerchants, at least 0. */
  neededConversions: number
  /** Of those, already planned to go live (a planned date on or after the date, in the pipeline). */
  plannedMerchants: number
  /** Merchants inside that can be converted (candidate, contacted or retrofitting, not planned yet), ids. */
  convertibleIds: string[]
  /** The needed conversions can be made from merchants inside (planned and convertible ones). */
  feasible: boolean
}

/** The suggestion as a drawn cluster, for the user to accept. */
export function suggestionToCluster(suggestion: ClusterSuggestion): Cluster {
  return { id: suggestion.id, name: suggestion.name, geometry: suggestion.geometry }
}

/**
 * For each region of `level` under the plan without an established cluster on `asOfDate`, suggests cluster
 * polygons from the density of its merchants: DBSCAN (dbscan.ts) on every merchant of those regions, a
 * concave hull per group, kept when its centre lies in such a region; per region, the cheapest to establish
 * first (fewest conversions, feasible ones before the rest), then the largest.
 */
export function suggestClusters(data: PlanData, asOfDate: string, options: SuggestClustersOptions = {}): ClusterSuggestion[] {
  const rule = data.plan.settings.clusterRule
  const level = options.level ?? 'town'
  const index = options.index ?? buildRegionIndex(data.regions)
  const positions = options.sitePositions ?? locateSitePositions(index, data.sites)
  const lacking = regionsLackingCluster(data, asOfDate, index, level, options.regionCodes)
  const members = merchantsIn(data, index, positions, lacking, level)
  const groups = groupMembers(data.sites, members, options.maxDistanceMeters ?? 150, options.minPoints ?? Math.max(2, rule.minLiveMerchants))
  const drafts = groups.flatMap((group) => {
    const geometry = clusterHull(group.map((i) => (data.sites[i]!.geometry as { coordinates: number[] }).coordinates), { concavity: options.concavity })
    const centre = clusterCentre(geometry.coordinates)!
    const region = ancestorAtLevel(index.tree.chains, data.regions, locatePosition(index, centre[0], centre[1]), level)
    return lacking.has(region) ? [{ geometry, region, memberIds: group.map((i) => data.sites[i]!.id) }] : []
  })
  const tallies = tallyMerchantsInside(drafts.map((d) => d.geometry), data.sites, asOfDate)
  const suggestions = drafts.map((draft, k) => ({ ...draft, ...measure(tallies[k]!, rule, data.sites) }))
  return rank(suggestions, options.perRegion ?? 3).map(({ region, ...s }, k, all) => {
    const nth = all.slice(0, k + 1).filter((o) => o.region === region).length
    const town = data.regions[region]!
    return { id: `suggested:${town.code}:${nth}`, name: `${town.name}建议集聚区 ${nth}`, regionCode: town.code, ...s }
  })
}

/** Site indices of the point merchants in the given regions of `level`. */
function merchantsIn(data: PlanData, index: RegionIndex, positions: Int32Array, regions: Set<number>, level: RegionLevel): number[] {
  const members: number[] = []
  if (regions.size === 0) return members
  for (let i = 0; i < data.sites.length; i++) {
    const site = data.sites[i]!
    if (site.kind === 'merchant' && site.geometry.type === 'Point' && regions.has(ancestorAtLevel(index.tree.chains, data.regions, positions[i]!, level))) members.push(i)
  }
  return members
}

/** Positions of the regions of `level` under the plan's root (or among `only`) with no cluster established on the date. */
function regionsLackingCluster(data: PlanData, asOfDate: string, index: RegionIndex, level: RegionLevel, only?: readonly string[]): Set<number> {
  const root = index.tree.positionOf.get(data.plan.rootRegionCode)
  const established = new Set<number>()
  for (const state of evaluateClusters(data.clusters, data.sites, data.plan.settings.clusterRule, asOfDate, index)) {
    const position = state.regionCode === null ? undefined : index.tree.positionOf.get(state.regionCode)
    if (state.established && position !== undefined) established.add(ancestorAtLevel(index.tree.chains, data.regions, position, level))
  }
  const wanted = only ? new Set(only) : null
  const lacking = new Set<number>()
  data.regions.forEach((region, p) => {
    const underRoot = root === undefined || index.tree.chains[p]!.includes(root)
    if (region.level === level && underRoot && !established.has(p) && (!wanted || wanted.has(region.code))) lacking.add(p)
  })
  return lacking
}

/** DBSCAN groups of the given sites (site indices per group, in cluster order). */
function groupMembers(sites: Site[], members: number[], maxDistanceMeters: number, minPoints: number): number[][] {
  const lngs = Float64Array.from(members, (i) => (sites[i]!.geometry.coordinates as number[])[0]!)
  const lats = Float64Array.from(members, (i) => (sites[i]!.geometry.coordinates as number[])[1]!)
  const { clusterOf, clusterCount } = dbscan(lngs, lats, { maxDistanceMeters, minPoints })
  const groups: number[][] = Array.from({ length: clusterCount }, () => [])
  clusterOf.forEach((c, k) => {
    if (c >= 0) groups[c]!.push(members[k]!)
  })
  return groups
}

/** Merchants inside one polygon, as evaluateClusters counts them (boundary included, overlaps in each). */
export interface InsideTally {
  merchants: number
  /** Live on the date. */
  live: number
  /** Go-live days (see toDay) of the merchants already planned (isPlannedFrom), unsorted. */
  plannedDays: number[]
  /** Site indices of the convertible merchants (isConvertible and not planned), in site order. */
  convertible: number[]
}

/** Tallies the merchants inside each polygon in one pass over the sites (a polygon grid, like the engine's). */
export function tallyMerchantsInside(polygons: Polygon[], sites: Site[], asOfDate: string): InsideTally[] {
  const tallies: InsideTally[] = polygons.map(() => ({ merchants: 0, live: 0, plannedDays: [], convertible: [] }))
  if (polygons.length === 0) return tallies
  const grid = buildPolygonGrid(polygons.map((p) => p.coordinates))
  const inside: number[] = []
  sites.forEach((site, i) => {
    if (site.kind !== 'merchant' || site.geometry.type !== 'Point') return
    inside.length = 0
    if (locateParts(grid, site.geometry.coordinates[0]!, site.geometry.coordinates[1]!, inside) < 0) return
    const live = isLiveOn(site, asOfDate)
    const planned = !live && isPlannedFrom(site, asOfDate)
    const day = planned ? toDay(site.status === 'live' ? site.liveDate! : site.plannedDate!) : 0
    for (const k of inside) {
      const tally = tallies[k]!
      tally.merchants++
      if (live) tally.live++
      else if (planned) tally.plannedDays.push(day)
      else if (isConvertible(site)) tally.convertible.push(i)
    }
  })
  return tallies
}

/** In the pipeline (or live later) with a go-live date on or after the date: the plan already counts on it. */
export function isPlannedFrom(site: Site, asOfDate: string): boolean {
  if (site.status === 'live') return site.liveDate !== null && site.liveDate > asOfDate
  return site.status !== 'suspended' && site.plannedDate !== null && site.plannedDate >= asOfDate
}

/** Can be given a go-live date: in the pipeline and not live; suspended sites are left alone (see generatePlan). */
export function isConvertible(site: Site): boolean {
  return site.status === 'candidate' || site.status === 'contacted' || site.status === 'retrofitting'
}

function measure(tally: InsideTally, rule: ClusterRule, sites: Site[]): Omit<ClusterSuggestion, 'id' | 'name' | 'regionCode' | 'geometry' | 'memberIds'> {
  const requiredLive = requiredLiveMerchants(rule, tally.merchants)
  const neededConversions = Math.max(0, requiredLive - tally.live)
  const plannedMerchants = tally.plannedDays.length
  const feasible = neededConversions <= plannedMerchants + tally.convertible.length
  const convertibleIds = tally.convertible.map((i) => sites[i]!.id)
  return { merchants: tally.merchants, liveMerchants: tally.live, requiredLive, neededConversions, plannedMerchants, convertibleIds, feasible }
}

function rank<T extends { region: number, feasible: boolean, neededConversions: number, merchants: number }>(suggestions: T[], perRegion: number): T[] {
  const sorted = suggestions.slice().sort((a, b) => a.region - b.region
    || Number(b.feasible) - Number(a.feasible)
    || a.neededConversions - b.neededConversions
    || b.merchants - a.merchants)
  const kept = new Map<number, number>()
  return sorted.filter((s) => {
    const n = kept.get(s.region) ?? 0
    kept.set(s.region, n + 1)
    return n < perRegion
  })
}
