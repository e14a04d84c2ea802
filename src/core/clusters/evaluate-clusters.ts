import type { Position } from 'geojson'
import type { Cluster, ClusterRule, Site } from '../model'
import { isLiveOn } from '../model'
import { inRings } from '../geometry/edge-test'
import { locatePoint, type RegionIndex } from '../geometry/region-index'
import { fromDay, toDay } from '../targets/dates'
import { DayHistograms, pendingDayOf } from '../targets/pending-index'
import { LIVE_CODE, MERCHANT_CODE, NO_DAY, tablePendingDay, type SiteTable } from '../coverage/site-table'
import { projectReach } from '../targets/projection'

/** Buckets per side of the clusters' bucket grid, at most: 256 × 256 start offsets stay in cache. */
const MAX_BUCKETS_PER_SIDE = 256
const NONE: readonly number[] = Object.freeze([])

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
  private buckets: ClusterBuckets | null = null
  private readonly merchants: Int32Array
  private readonly live: Int32Array
  private readonly pending: DayHistograms
  private readonly regionCodes: (string | null)[]
  /** Scratch: the clusters holding the point being added (a point can be in several). */
  private readonly inside: number[] = []

  constructor(readonly clusters: Cluster[], readonly rule: ClusterRule, readonly asOfDate: string, index?: RegionIndex) {
    this.merchants = new Int32Array(clusters.length)
    this.live = new Int32Array(clusters.length)
    this.pending = new DayHistograms(clusters.length, toDay(asOfDate))
    this.regionCodes = clusters.map((c) => {
      const centre = clusterCentre(c.geometry.coordinates)
      return index && centre ? locatePoint(index, centre[0], centre[1]) : null
    })
  }

  /** Adds (1) or removes (-1) one site; only point merchants count. */
  add(site: Site, sign: 1 | -1): void {
    if (this.clusters.length === 0 || site.kind !== 'merchant' || site.geometry.type !== 'Point') return
    const coordinates = site.geometry.coordinates
    const inside = this.containing(coordinates[0]!, coordinates[1]!)
    if (inside.length === 0) return
    const live = isLiveOn(site, this.asOfDate)
    const day = live ? null : pendingDayOf(site, this.asOfDate)
    for (const c of inside) this.count(c, live, day, sign)
  }

  /** Adds one slot of a site table (building the counts: see createCoverage). */
  addSlot(table: SiteTable, slot: number): void {
    if (this.clusters.length === 0 || table.kind[slot] !== MERCHANT_CODE) return
    const inside = this.containingSlot(table, slot)
    if (inside.length === 0) return
    const asOfDay = this.pending.asOfDay
    const liveDay = table.liveDay[slot]!
    const live = table.status[slot] === LIVE_CODE && (liveDay === NO_DAY || liveDay <= asOfDay)
    const day = live ? null : tablePendingDay(table, slot, asOfDay)
    for (const c of inside) this.count(c, live, day, 1)
  }

  /** As containing(), for a table slot: most merchants are answered here, with no call that boxes coordinates. */
  private containingSlot(table: SiteTable, slot: number): readonly number[] {
    const x = table.x[slot]!, y = table.y[slot]!
    const b = (this.buckets ??= bucketClusters(this.clusters))
    const bucket = bucketAt(b, x, y)
    return bucket < 0 || b.start[bucket] === b.start[bucket + 1] ? NONE : this.containing(x, y, bucket)
  }

  /**
   * The clusters holding (x, y), edges included (a scratch array, valid until the next call): those whose box
   * holds the point, among the few listed in its bucket (found here unless the caller has it), tested exactly.
   */
  private containing(x: number, y: number, known?: number): readonly number[] {
    const b = (this.buckets ??= bucketClusters(this.clusters))
    if (this.inside.length > 0) this.inside.length = 0 // a runtime call: only when there is something to clear
    const bucket = known ?? bucketAt(b, x, y)
    if (bucket < 0) return this.inside
    const box = b.boxes
    for (let k = b.start[bucket]!, end = b.start[bucket + 1]!; k < end; k++) {
      const id = b.ids[k]!
      if (x < box[4 * id]! || y < box[4 * id + 1]! || x > box[4 * id + 2]! || y > box[4 * id + 3]!) continue
      if (inRings(this.clusters[id]!.geometry.coordinates, x, y)) this.inside.push(id)
    }
    return this.inside
  }

  private count(c: number, live: boolean, pendingDay: number | null, sign: 1 | -1): void {
    this.merchants[c]! += sign
    if (live) this.live[c]! += sign
    else if (pendingDay !== null) this.pending.add(c, pendingDay, 1, sign)
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

/**
 * Clusters by a coarse grid over their boxes: bucket (r, c) lists, in `ids[start[r × cols + c] ..
 * start[r × cols + c + 1])`, the clusters whose box meets it. Clusters are small and few: a point far from all of
 * them (most merchants of a city) costs one read of `start`.
 */
interface ClusterBuckets {
  minX: number
  minY: number
  maxX: number
  maxY: number
  invW: number
  invH: number
  cols: number
  rows: number
  start: Int32Array
  ids: Int32Array
  /** minX, minY, maxX, maxY per cluster. */
  boxes: Float64Array
}

function bucketClusters(clusters: readonly Cluster[]): ClusterBuckets {
  const boxes = new Float64Array(clusters.length * 4)
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  const sizes: number[] = []
  clusters.forEach((cluster, i) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
    for (const [x, y] of (cluster.geometry.coordinates[0] ?? []) as [number, number][]) {
      x0 = Math.min(x0, x)
      y0 = Math.min(y0, y)
      x1 = Math.max(x1, x)
      y1 = Math.max(y1, y)
    }
    boxes.set([x0, y0, x1, y1], i * 4)
    if (!(x0 <= x1)) return // no vertex: it holds no point
    minX = Math.min(minX, x0)
    minY = Math.min(minY, y0)
    maxX = Math.max(maxX, x1)
    maxY = Math.max(maxY, y1)
    sizes.push(Math.max(x1 - x0, y1 - y0))
  })
  if (sizes.length === 0) return { minX: 1, minY: 1, maxX: 0, maxY: 0, invW: 0, invH: 0, cols: 0, rows: 0, start: new Int32Array(1), ids: new Int32Array(0), boxes }
  // Buckets about the size of a typical cluster, so a point meets one or two boxes.
  const typical = sizes.sort((a, b) => a - b)[sizes.length >> 1]! || 1e-9
  const width = Math.max(maxX - minX, 1e-12), height = Math.max(maxY - minY, 1e-12)
  const cols = Math.max(1, Math.min(MAX_BUCKETS_PER_SIDE, Math.ceil(width / typical)))
  const rows = Math.max(1, Math.min(MAX_BUCKETS_PER_SIDE, Math.ceil(height / typical)))
  const invW = cols / width, invH = rows / height
  const clamp = (v: number, limit: number): number => Math.max(0, Math.min(limit - 1, Math.floor(v)))
  const cellLists = clusters.map((_, i): number[] => {
    if (!(boxes[4 * i]! <= boxes[4 * i + 2]!)) return []
    const c0 = clamp((boxes[4 * i]! - minX) * invW, cols), c1 = clamp((boxes[4 * i + 2]! - minX) * invW, cols)
    const r0 = clamp((boxes[4 * i + 1]! - minY) * invH, rows), r1 = clamp((boxes[4 * i + 3]! - minY) * invH, rows)
    const cells: number[] = []
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells.push(r * cols + c)
    return cells
  })
  const start = new Int32Array(cols * rows + 1)
  for (const cells of cellLists) for (const cell of cells) start[cell + 1]!++
  for (let k = 0; k < cols * rows; k++) start[k + 1]! += start[k]!
  const cursor = start.slice(0, cols * rows)
  const ids = new Int32Array(start[cols * rows]!)
  cellLists.forEach((cells, i) => {
    for (const cell of cells) ids[cursor[cell]!++] = i
  })
  return { minX, minY, maxX, maxY, invW, invH, cols, rows, start, ids, boxes }
}

/**
 * The bucket of (x, y), or -1 outside every box's reach. The same monotonic formula as the boxes' buckets, so a
 * point in a box always lands in one of the box's buckets, its edges included.
 */
function bucketAt(b: ClusterBuckets, x: number, y: number): number {
  if (!(x >= b.minX && x <= b.maxX && y >= b.minY && y <= b.maxY)) return -1
  const c = Math.min(b.cols - 1, Math.floor((x - b.minX) * b.invW)), r = Math.min(b.rows - 1, Math.floor((y - b.minY) * b.invH))
  return r * b.cols + c
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
