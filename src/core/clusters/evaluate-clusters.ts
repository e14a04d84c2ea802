import type { Position } from 'geojson'
import type { Cluster, ClusterRule, Site } from '../model'
import { isLiveOn } from '../model'
import { inRings } from '../geometry/edge-test'
import { buildPolygonGrid, locateParts, type PolygonGrid } from '../geometry/polygon-grid'
import { locatePoint, type RegionIndex } from '../geometry/region-index'
import { fromDay, toDay } from '../targets/dates'
import { DayHistograms, pendingDayOf } from '../targets/pending-index'
import { projectReach } from '../targets/projection'

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

/**
 * Merchant counts per cluster, kept up to date one site edit at a time. A merchant inside two overlapping
 * clusters counts in both.
 */
export class ClusterBook {
  private grid: PolygonGrid | null = null
  private readonly merchants: Int32Array
  private readonly live: Int32Array
  private readonly pending: DayHistograms
  private readonly regionCodes: (string | null)[]
  /** minX, minY, maxX, maxY per cluster. */
  private readonly boxes: Float64Array
  /** Per region position: the clusters whose box meets the region's, so a merchant only tests a few. */
  private readonly candidates: (Int32Array | undefined)[] = []

  constructor(readonly clusters: Cluster[], readonly rule: ClusterRule, readonly asOfDate: string, index?: RegionIndex) {
    this.merchants = new Int32Array(clusters.length)
    this.live = new Int32Array(clusters.length)
    this.pending = new DayHistograms(clusters.length, toDay(asOfDate))
    this.regionCodes = clusters.map((c) => {
      const centre = clusterCentre(c.geometry.coordinates)
      return index && centre ? locatePoint(index, centre[0], centre[1]) : null
    })
    this.boxes = ringBoxes(clusters)
    if (index) this.candidates = candidatesPerRegion(index.boxes, this.boxes)
  }

  /**
   * Adds (1) or removes (-1) one site; only point merchants count. With the site's regions (`chain`, narrowest
   * first) only the clusters near its region are tested; without, a grid over all clusters (built on first use).
   */
  add(site: Site, sign: 1 | -1, chain?: Int32Array): void {
    if (this.clusters.length === 0 || site.kind !== 'merchant' || site.geometry.type !== 'Point') return
    const coordinates = site.geometry.coordinates
    const x = coordinates[0]!, y = coordinates[1]!
    const near = chain && chain.length > 0 ? this.candidates[chain[0]!] : undefined
    if (near) {
      const b = this.boxes
      for (let k = 0; k < near.length; k++) {
        const c = near[k]!
        if (x < b[4 * c]! || y < b[4 * c + 1]! || x > b[4 * c + 2]! || y > b[4 * c + 3]!) continue
        if (inRings(this.clusters[c]!.geometry.coordinates, x, y)) this.count(site, c, sign)
      }
      return
    }
    this.grid ??= buildPolygonGrid(this.clusters.map((cluster) => cluster.geometry.coordinates))
    const inside: number[] = []
    locateParts(this.grid, x, y, inside)
    for (const c of inside) this.count(site, c, sign)
  }

  private count(site: Site, c: number, sign: 1 | -1): void {
    this.merchants[c]! += sign
    if (isLiveOn(site, this.asOfDate)) this.live[c]! += sign
    else {
      const day = pendingDayOf(site, this.asOfDate)
      if (day !== null) this.pending.add(c, day, 1, sign)
    }
  }

  /** Every cluster's state under the rule. */
  states(): ClusterState[] {
    const asOfDay = this.pending.asOfDay
    return this.clusters.map((cluster, c) => {
      const merchants = this.merchants[c]!, live = this.live[c]!
      const needed = requiredLiveMerchants(this.rule, merchants)
      const projection = projectReach(this.pending.view(c), needed - live, asOfDay)
      return {
        clusterId: cluster.id,
        regionCode: this.regionCodes[c]!,
        merchants,
        liveMerchants: live,
        liveShare: merchants > 0 ? live / merchants : 0,
        established: merchants > 0 && live >= needed,
        projectedDate: projection.withSlipped === null ? null : fromDay(projection.withSlipped),
        projectedDateOnPlan: projection.onPlan === null ? null : fromDay(projection.onPlan),
      }
    })
  }
}

function ringBoxes(clusters: Cluster[]): Float64Array {
  const boxes = new Float64Array(clusters.length * 4)
  clusters.forEach((cluster, c) => {
    const xs = cluster.geometry.coordinates[0]!.map((p) => p[0]!), ys = cluster.geometry.coordinates[0]!.map((p) => p[1]!)
    boxes.set([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], c * 4)
  })
  return boxes
}

function candidatesPerRegion(regionBoxes: Float64Array, clusterBoxes: Float64Array): (Int32Array | undefined)[] {
  const result: (Int32Array | undefined)[] = []
  for (let r = 0; r < regionBoxes.length / 4; r++) {
    if (Number.isNaN(regionBoxes[4 * r]!)) continue
    const near: number[] = []
    for (let c = 0; c < clusterBoxes.length / 4; c++) {
      const apart = clusterBoxes[4 * c]! > regionBoxes[4 * r + 2]! || clusterBoxes[4 * c + 2]! < regionBoxes[4 * r]!
        || clusterBoxes[4 * c + 1]! > regionBoxes[4 * r + 3]! || clusterBoxes[4 * c + 3]! < regionBoxes[4 * r + 1]!
      if (!apart) near.push(c)
    }
    result[r] = Int32Array.from(near)
  }
  return result
}

/** Evaluates every cluster on `asOfDate`: merchants inside, established or not, and when planned dates make it so. */
export function evaluateClusters(clusters: Cluster[], sites: Site[], rule: ClusterRule, asOfDate: string, index?: RegionIndex): ClusterState[] {
  const book = new ClusterBook(clusters, rule, asOfDate, index)
  for (const site of sites) book.add(site, 1)
  return book.states()
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
