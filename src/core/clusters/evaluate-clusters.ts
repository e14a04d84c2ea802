import type { Position } from 'geojson'
import type { Cluster, ClusterRule, Site } from '../model'
import { isLiveOn } from '../model'
import { buildPolygonGrid, locateParts } from '../geometry/polygon-grid'
import { locatePoint, type RegionIndex } from '../geometry/region-index'
import { fromDay, toDay } from '../targets/dates'
import { projectReach, pendingFrom } from '../targets/projection'
import { pendingDayOf } from '../targets/pending-index'

/** A consumption cluster evaluated on a date. */
export interface ClusterState {
  clusterId: string
  /** Narrowest region holding the cluster's centre (its area centroid, else its first vertex); null if none. */
  regionCode: string | null
  /** Merchants inside the polygon (boundary included), and how many of them are live. */
  merchants: number
  liveMerchants: number
  /** 0–1; 0 when there are no merchants. */
  liveShare: number
  /** At least rule.minLiveMerchants live and at least rule.minLiveShare of the merchants inside live. */
  established: boolean
  /** ISO date the planned go-live dates make it established (slipped ones counted as now), or null. */
  projectedDate: string | null
  /** The same, counting only merchants still on their planned date. */
  projectedDateOnPlan: string | null
}

/** Live merchants a cluster of `merchants` needs under `rule`. */
export function requiredLiveMerchants(rule: ClusterRule, merchants: number): number {
  return Math.max(rule.minLiveMerchants, Math.ceil(rule.minLiveShare * merchants - 1e-9))
}

interface Tally { merchants: number, live: number, pendingDays: number[] }

/**
 * Evaluates every cluster: which merchants lie inside (a merchant inside two overlapping clusters counts in
 * both), whether the rule makes it established on `asOfDate`, and when planned dates would.
 */
export function evaluateClusters(clusters: Cluster[], sites: Site[], rule: ClusterRule, asOfDate: string, index?: RegionIndex): ClusterState[] {
  const tallies = tallyMerchants(clusters, sites, asOfDate)
  const asOfDay = toDay(asOfDate)
  return clusters.map((cluster, i) => {
    const tally = tallies[i]!
    const needed = requiredLiveMerchants(rule, tally.merchants)
    const established = tally.merchants > 0 && tally.live >= needed
    const projection = projectReach(pendingFrom(tally.pendingDays), needed - tally.live, asOfDay)
    const centre = clusterCentre(cluster.geometry.coordinates)
    return {
      clusterId: cluster.id,
      regionCode: index && centre ? locatePoint(index, centre[0], centre[1]) : null,
      merchants: tally.merchants,
      liveMerchants: tally.live,
      liveShare: tally.merchants > 0 ? tally.live / tally.merchants : 0,
      established,
      projectedDate: projection.withSlipped === null ? null : fromDay(projection.withSlipped),
      projectedDateOnPlan: projection.onPlan === null ? null : fromDay(projection.onPlan),
    }
  })
}

function tallyMerchants(clusters: Cluster[], sites: Site[], asOfDate: string): Tally[] {
  const tallies: Tally[] = clusters.map(() => ({ merchants: 0, live: 0, pendingDays: [] }))
  if (clusters.length === 0) return tallies
  const grid = buildPolygonGrid(clusters.map((c) => c.geometry.coordinates))
  const inside: number[] = []
  for (const site of sites) {
    if (site.kind !== 'merchant' || site.geometry.type !== 'Point') continue
    inside.length = 0
    const [x, y] = site.geometry.coordinates as [number, number]
    if (locateParts(grid, x, y, inside) < 0) continue
    const live = isLiveOn(site, asOfDate)
    const day = live ? null : pendingDayOf(site, asOfDate)
    for (const c of inside) {
      const tally = tallies[c]!
      tally.merchants++
      if (live) tally.live++
      else if (day !== null) tally.pendingDays.push(day)
    }
  }
  return tallies
}

/** Area centroid of the outer ring, or its first vertex for a degenerate ring. */
export function clusterCentre(rings: Position[][]): [number, number] | null {
  const ring = rings[0]
  if (!ring || ring.length === 0) return null
  // Relative to the first vertex: absolute degrees would lose the small cross products to cancellation.
  const [ox, oy] = ring[0] as [number, number]
  let area2 = 0, cx = 0, cy = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    const x1 = ring[i]![0]! - ox, y1 = ring[i]![1]! - oy
    const x2 = ring[i + 1]![0]! - ox, y2 = ring[i + 1]![1]! - oy
    const cross = x1 * y2 - x2 * y1
    area2 += cross
    cx += (x1 + x2) * cross
    cy += (y1 + y2) * cross
  }
  if (area2 === 0) return [ox, oy]
  return [ox + cx / (3 * area2), oy + cy / (3 * area2)]
}
