/** DBSCAN parameters, with the meaning @turf/clusters-dbscan gives them. */
export interface DbscanOptions {
  /** Two points are neighbours when their great-circle distance (haversine, turf's) is at most this (≥ 0). */
  maxDistanceMeters: number
  /** A point is core when it has at least this many neighbours, itself included (turf's default is 3). */
  minPoints: number
}

/** Cluster membership per input point. */
export interface DbscanResult {
  /** Cluster number per point (0, 1, …), -1 for noise. */
  clusterOf: Int32Array
  clusterCount: number
  /** 1 for a core point (at least minPoints neighbours), 0 otherwise. */
  core: Uint8Array
}

const EARTH_RADIUS_KM = 6371008.8 / 1e3
const RADIANS = Math.PI / 180

/**
 * DBSCAN over lng/lat points on a uniform grid: the same clusters, numbered the same way, as
 * @turf/clusters-dbscan with units 'kilometers' — so the same points land in the same clusters — in a small
 * fraction of its time.
 *
 * Equal by construction: neighbours are what turf's regionQuery returns (its bounding box, then its haversine
 * distance ≤ maxDistance, the query point as `from`; computed exactly the same way whenever a cheaper planar
 * distance is close to the threshold); clusters are numbered in the order of their lowest-index core
 * point; and a border point within reach of several clusters' core points joins the lowest-numbered one —
 * which is what turf's first-come assignment gives, since it expands each cluster completely before
 * starting the next. Points must not straddle the antimeridian (true of any Chinese plan).
 *
 * Each pair of points is looked at once and decided in both directions: turf's relation is not quite
 * symmetric (the box is the query point's, and its haversine multiplies the cosines in from/to order).
 * Where it is symmetric between core points (nearly always), clusters are connected components
 * (union-find); otherwise they are grown one by one, as turf grows them.
 */
export function dbscan(lngs: Float64Array, lats: Float64Array, options: DbscanOptions): DbscanResult {
  const n = lngs.length
  const maxKm = options.maxDistanceMeters / 1e3
  if (!(maxKm >= 0)) throw new RangeError(`DBSCAN needs a distance of 0 or more, not ${options.maxDistanceMeters}`)
  if (n === 0) return { clusterOf: new Int32Array(0), clusterCount: 0, core: new Uint8Array(0) }
  const frame = planarFrame(lats, maxKm)
  const grid = sortIntoGrid(lngs, lats, frame)
  const pairs = findPairs(grid, new PairTest(grid.order, lngs, lats, maxKm, frame))
  const core = new Uint8Array(n)
  for (let k = 0; k < n; k++) core[k] = pairs.count[k]! >= options.minPoints ? 1 : 0
  const components = joinCores(pairs, core)
  const { clusterAt, clusterCount } = components
    ? numberComponents(grid.order, core, components)
    : expandClusters(grid.order, core, coreNeighbours(pairs, core))
  const clusterOf = inInputOrder(grid.order, clusterAt, new Int32Array(n))
  return { clusterOf, clusterCount, core: inInputOrder(grid.order, core, new Uint8Array(n)) }
}

/**
 * Core points joined into connected components when every pair of core neighbours sees each other: the
 * clusters are then exactly the components. Null when some core point is a neighbour of another only one
 * way (at the threshold, from turf's rounding): which cluster takes whom then depends on which grows first,
 * so the clusters are grown one by one instead.
 */
function joinCores(pairs: Pairs, core: Uint8Array): Components | null {
  const n = core.length
  const parent = new Int32Array(n)
  for (let k = 0; k < n; k++) parent[k] = k
  let borders: Int32Array = new Int32Array(1024), size = 0
  for (let k = 0; k < n; k++) {
    let rootK = core[k] ? root(parent, k) : -1
    for (let e = pairs.start[k]!, end = pairs.start[k + 1]!; e < end; e++) {
      const pair = pairs.list[e]!, other = pair >> 2
      if (core[k] && core[other]) {
        if ((pair & BOTH) !== BOTH) return null
        const rootOther = root(parent, other)
        if (rootOther < rootK) parent[rootK] = rootK = rootOther
        else if (rootK < rootOther) parent[rootOther] = rootK
        continue
      }
      // A non-core point that a core point reaches: it joins a cluster once the clusters are numbered.
      const border = core[k] && pair & FORWARD ? other : core[other] && pair & BACKWARD ? k : -1
      if (border < 0) continue
      if (size + 2 > borders.length) borders = grow(borders, size + 2)
      borders[size++] = border
      borders[size++] = border === k ? other : k
    }
  }
  return { parent, borders: borders.subarray(0, size) }
}

/**
 * Union-find forest of the core points, and the border links: pairs of a non-core point and a core point it
 * is a neighbour of, one after the other.
 */
interface Components { parent: Int32Array, borders: Int32Array }

function root(parent: Int32Array, k: number): number {
  while (parent[k] !== k) {
    const up = parent[parent[k]!]!
    parent[k] = up
    k = up
  }
  return k
}

/**
 * Components numbered in the order of their lowest-index core point, as turf's seeds number them; a border
 * point joins the lowest-numbered component with a core point it is a neighbour of.
 */
function numberComponents(order: Int32Array, core: Uint8Array, { parent, borders }: Components): Clusters {
  const n = core.length
  // Each component's lowest input index, at its root; and every core point pointing straight at its root.
  const first = new Int32Array(n).fill(n)
  const roots: number[] = []
  for (let k = 0; k < n; k++) {
    if (!core[k]) continue
    const r = parent[k] = root(parent, k)
    if (r === k) roots.push(k)
    if (order[k]! < first[r]!) first[r] = order[k]!
  }
  roots.sort((a, b) => first[a]! - first[b]!)
  const clusterAt = new Int32Array(n).fill(-1)
  roots.forEach((r, id) => (clusterAt[r] = id))
  for (let k = 0; k < n; k++) if (core[k]) clusterAt[k] = clusterAt[parent[k]!]!
  for (let b = 0; b < borders.length; b += 2) {
    const border = borders[b]!, cluster = clusterAt[borders[b + 1]!]!
    if (clusterAt[border]! < 0 || cluster < clusterAt[border]!) clusterAt[border] = cluster
  }
  return { clusterAt, clusterCount: roots.length }
}

/** Cluster number per point in grid order (-1 for noise), and how many. */
interface Clusters { clusterAt: Int32Array, clusterCount: number }

/** Neighbour lists (compressed rows, grid order): the neighbours of k are list[start[k] … start[k + 1]). */
interface Neighbours { start: Int32Array, list: Int32Array }

/**
 * Clusters numbered as turf numbers them: seeds in input order, each cluster grown completely (through core
 * points only) before the next seed; a border point stays with the first cluster that reached it.
 */
function expandClusters(order: Int32Array, core: Uint8Array, neighbours: Neighbours): Clusters {
  const n = order.length
  const rank = new Int32Array(n)
  for (let k = 0; k < n; k++) rank[order[k]!] = k
  const { start, list } = neighbours
  const clusterAt = new Int32Array(n).fill(-1)
  const queue = new Int32Array(n)
  let clusterCount = 0
  for (let i = 0; i < n; i++) {
    const seed = rank[i]!
    if (!core[seed] || clusterAt[seed]! >= 0) continue
    const id = clusterCount++
    clusterAt[seed] = id
    let head = 0, tail = 0
    queue[tail++] = seed
    while (head < tail) {
      const p = queue[head++]!
      for (let k = start[p]!, end = start[p + 1]!; k < end; k++) {
        const q = list[k]!
        if (clusterAt[q]! >= 0) continue
        clusterAt[q] = id
        if (core[q]) queue[tail++] = q
      }
    }
  }
  return { clusterAt, clusterCount }
}

function inInputOrder<T extends Int32Array | Uint8Array>(order: Int32Array, inGridOrder: T, out: T): T {
  for (let k = 0; k < order.length; k++) out[order[k]!] = inGridOrder[k]!
  return out
}

/**
 * The points sorted by grid cell (row, then column; input order within a cell). Cells are at least the
 * planar radius wide and high, so a point's neighbours lie in its own cell and the eight around it.
 */
interface Grid {
  /** Input index of each point, in grid order. */
  order: Int32Array
  /** Column of each point, in grid order. */
  column: Int32Array
  /** Points of row r: rowStart[r] … rowStart[r + 1] (grid order). */
  rowStart: Int32Array
}

/** Cells per axis at most: beyond, cells grow instead (a larger cell only adds candidates). */
const MAX_CELLS = 1 << 20

function sortIntoGrid(lngs: Float64Array, lats: Float64Array, frame: Frame): Grid {
  const n = lngs.length
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (let i = 0; i < n; i++) {
    const x = lngs[i]! * frame.kx, y = lats[i]!
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  // A hair over the radius: rounding in the division can then never put two neighbours two cells apart.
  const size = Math.max(frame.radius * (1 + 1e-6), (maxX - minX) / MAX_CELLS, (maxY - minY) / MAX_CELLS)
  const column = new Int32Array(n), row = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    column[i] = Math.floor((lngs[i]! * frame.kx - minX) / size)
    row[i] = Math.floor((lats[i]! - minY) / size)
  }
  const byColumn = countingSort(null, column, Math.floor((maxX - minX) / size) + 1).sorted
  const { sorted: order, start: rowStart } = countingSort(byColumn, row, Math.floor((maxY - minY) / size) + 1)
  const columnInOrder = new Int32Array(n)
  for (let k = 0; k < n; k++) columnInOrder[k] = column[order[k]!]!
  return { order, column: columnInOrder, rowStart }
}

/** Stable counting sort of `items` (input indices; all of them in input order when null) by key[item]. */
function countingSort(items: Int32Array | null, key: Int32Array, buckets: number): { sorted: Int32Array, start: Int32Array } {
  const n = key.length
  const start = new Int32Array(buckets + 1)
  for (let i = 0; i < n; i++) start[key[i]! + 1]! += 1
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!
  const next = start.slice(0, buckets)
  const sorted = new Int32Array(n)
  for (let k = 0; k < n; k++) {
    const item = items ? items[k]! : k
    sorted[next[key[item]!]!++] = item
  }
  return { sorted, start }
}

/**
 * Every pair of points within the planar radius, each once (grid order, the first before the second), with
 * the directions in which turf counts it as a neighbour; and per point, its number of neighbours.
 */
interface Pairs {
  /** Neighbours per point (grid order), itself included: what turf's regionQuery returns, counted. */
  count: Int32Array
  /** Pairs of k with later points: list[start[k] … start[k + 1]), each `other * 4 + directions`. */
  start: Int32Array
  list: Int32Array
}

/** Direction bits of a pair (k, other): other is a neighbour of k; k is a neighbour of other. */
const FORWARD = 1, BACKWARD = 2, BOTH = 3

/**
 * Each point against the rest of its cell and the next one in its row, and the three cells below: every pair
 * of neighbouring cells is visited once. The rows being sorted by column, the windows only move forward.
 */
function findPairs(grid: Grid, test: PairTest): Pairs {
  const { column, rowStart } = grid
  const n = column.length, rows = rowStart.length - 1
  const count = new Int32Array(n).fill(1)
  const start = new Int32Array(n + 1)
  let list: Int32Array = new Int32Array(Math.max(64, n * 8))
  let size = 0
  for (let r = 0; r < rows; r++) {
    const end = rowStart[r + 1]!, nextEnd = r + 1 < rows ? rowStart[r + 2]! : end
    let sameEnd = rowStart[r]!, low = end, high = end
    for (let k = rowStart[r]!; k < end; k++) {
      const c = column[k]!
      while (sameEnd < end && column[sameEnd]! <= c + 1) sameEnd++
      while (low < nextEnd && column[low]! < c - 1) low++
      while (high < nextEnd && column[high]! <= c + 1) high++
      const needed = size + sameEnd - k + high - low
      if (needed > list.length) list = grow(list, needed)
      size = test.collect(k, k + 1, sameEnd, list, size, count)
      size = test.collect(k, low, high, list, size, count)
      start[k + 1] = size
    }
  }
  return { count, start, list }
}

/** Directed neighbour lists of the core points only: nothing else spreads a cluster. */
function coreNeighbours(pairs: Pairs, core: Uint8Array): Neighbours {
  const n = core.length
  const start = new Int32Array(n + 1)
  for (let k = 0; k < n; k++) start[k + 1] = start[k]! + (core[k] ? pairs.count[k]! - 1 : 0)
  const list = new Int32Array(start[n]!)
  const next = start.slice(0, n)
  for (let k = 0; k < n; k++) {
    for (let e = pairs.start[k]!, end = pairs.start[k + 1]!; e < end; e++) {
      const pair = pairs.list[e]!, other = pair >> 2
      if (pair & FORWARD && core[k]) list[next[k]!++] = other
      if (pair & BACKWARD && core[other]) list[next[other]!++] = k
    }
  }
  return { start, list }
}

/** Per point: lng, lat, cos(lat), planar x — interleaved, so a candidate costs one load of 32 bytes, not four. */
const STRIDE = 4

/** Decides, for pairs of points, which is a neighbour of which, as turf's regionQuery would. */
class PairTest {
  /** The points' records (STRIDE numbers each), in grid order. */
  private readonly point: Float64Array
  private readonly planar2: number
  /** Squared angles (radians²) below which a pair surely is, and above which it surely is not, a neighbour. */
  private readonly surelyIn2: number
  private readonly surelyOut2: number

  constructor(order: Int32Array, lngs: Float64Array, lats: Float64Array, private readonly maxKm: number, private readonly frame: Frame) {
    this.point = new Float64Array(order.length * STRIDE)
    for (let k = 0; k < order.length; k++) {
      const lng = lngs[order[k]!]!, lat = lats[order[k]!]!, at = k * STRIDE
      this.point[at] = lng
      this.point[at + 1] = lat
      this.point[at + 2] = Math.cos(lat * RADIANS)
      this.point[at + 3] = lng * frame.kx
    }
    this.planar2 = frame.radius * frame.radius
    const angle = maxKm / EARTH_RADIUS_KM
    this.surelyIn2 = (angle * (1 - frame.band)) ** 2
    this.surelyOut2 = (angle * (1 + frame.band)) ** 2
  }

  /**
   * Tests k against the points from … to (grid order), appending each pair that is a neighbour in either
   * direction to `out` from `size` on and counting it for the points it is a neighbour of; returns the new size.
   */
  collect(k: number, from: number, to: number, out: Int32Array, size: number, count: Int32Array): number {
    const { point, planar2, surelyIn2, surelyOut2 } = this
    const at = k * STRIDE
    const lng = point[at]!, lat = point[at + 1]!, cos = point[at + 2]!, x = point[at + 3]!
    let found = 0
    for (let j = from; j < to; j++) {
      const b = j * STRIDE
      const dx = point[b + 3]! - x, dy = point[b + 1]! - lat
      // The planar distance never exceeds the ground distance: beyond the radius, never a neighbour.
      if (dx * dx + dy * dy > planar2) continue
      // Equirectangular at the mean latitude (the same either way round): off from haversine by far less than the band.
      const dLat = dy * RADIANS, dLon = (point[b]! - lng) * RADIANS * 0.5 * (cos + point[b + 2]!)
      const angle2 = dLat * dLat + dLon * dLon
      if (angle2 > surelyOut2) continue
      // Surely in: within the distance both ways, and inside both turf boxes (see bandFor).
      const directions = angle2 < surelyIn2 ? BOTH : this.nearThreshold(at, b)
      if (directions & FORWARD) found++
      if (directions & BACKWARD) count[j]! += 1
      if (directions) out[size++] = j * 4 + directions
    }
    count[k]! += found
    return size
  }

  /** turf's own box and formula, from each side, since its rounding depends on which point is `from`. */
  private nearThreshold(at: number, b: number): number {
    const { point, maxKm } = this, latDegrees = this.frame.latDegrees
    const lng = point[at]!, lat = point[at + 1]!, lngJ = point[b]!, latJ = point[b + 1]!
    const forward = inTurfBox(lng, lat, latDegrees, lngJ, latJ) && turfDistanceKm(lng, lat, lngJ, latJ) <= maxKm
    const backward = inTurfBox(lngJ, latJ, latDegrees, lng, lat) && turfDistanceKm(lngJ, latJ, lng, lat) <= maxKm
    return (forward ? FORWARD : 0) + (backward ? BACKWARD : 0)
  }
}

/**
 * Longitudes are scaled by the smallest cos(latitude) the points (plus the radius) reach, so the planar
 * distance never exceeds the ground distance and a planar radius a hair over the angular one finds every
 * neighbour turf finds.
 */
function planarFrame(lats: Float64Array, maxKm: number): Frame {
  const latDegrees = radiansToDegrees(maxKm / EARTH_RADIUS_KM)
  const band = bandFor(latDegrees)
  let maxAbsLat = 0
  for (let i = 0; i < lats.length; i++) maxAbsLat = Math.max(maxAbsLat, Math.abs(lats[i]!))
  const kx = Math.cos(degreesToRadians(Math.min(89.9, maxAbsLat + latDegrees)))
  return { kx, radius: latDegrees * (1 + band) + 1e-12, latDegrees, band }
}

/** The planar frame of the grid and the tolerance of the cheap distance. */
interface Frame { kx: number, radius: number, latDegrees: number, band: number }

/** Narrowest band in degrees (radius × band): half of it is still far wider than the rounding of coordinates up to 360° (~1e-13°). */
const MIN_BAND_DEGREES = 1e-11

/**
 * Relative half-width of the band around the threshold where the cheap distance defers to turf's exact
 * formula: the equirectangular estimate is off by about the square of the angle, so the band grows with it.
 *
 * Below the band a pair is also inside both turf boxes, so they need no test there: the latitude difference
 * is at most the estimated angle, and the longitude difference at most the angle over the pair's mean cos,
 * which is no smaller than cos at the box's edge farther from the equator (or, across the equator, than
 * cos of the radius, within angle² of 1); so the pair stays inside the box by at least half the band, which
 * is never narrower than MIN_BAND_DEGREES.
 */
function bandFor(latDegrees: number): number {
  const angle = degreesToRadians(latDegrees)
  return Math.min(1, Math.max(1e-7 + 4 * angle * angle, MIN_BAND_DEGREES / latDegrees))
}

function grow(list: Int32Array, needed: number): Int32Array {
  const next = new Int32Array(Math.max(needed, list.length * 2))
  next.set(list)
  return next
}

/**
 * Whether (x, y) is in turf's regionQuery box around (queryX, queryY): ±the radius in latitude, in longitude
 * widened by cos at the edge farther from the equator.
 */
function inTurfBox(queryX: number, queryY: number, latDegrees: number, x: number, y: number): boolean {
  const minY = Math.max(queryY - latDegrees, -90)
  const maxY = Math.min(queryY + latDegrees, 90)
  let lngDegrees = latDegrees
  if (!(minY < 0 && maxY > 0)) {
    lngDegrees = Math.abs(minY) < Math.abs(maxY)
      ? latDegrees / Math.cos(degreesToRadians(maxY))
      : latDegrees / Math.cos(degreesToRadians(minY))
  }
  return x >= Math.max(queryX - lngDegrees, -360) && x <= Math.min(queryX + lngDegrees, 360) && y >= minY && y <= maxY
}

/** @turf/distance in kilometres, operation for operation, so a tie is decided as turf decides it. */
export function turfDistanceKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = degreesToRadians(lat2 - lat1)
  const dLon = degreesToRadians(lng2 - lng1)
  const a = Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLon / 2), 2) * Math.cos(degreesToRadians(lat1)) * Math.cos(degreesToRadians(lat2))
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_KM
}

function degreesToRadians(degrees: number): number {
  return ((degrees % 360) * Math.PI) / 180
}

function radiansToDegrees(radians: number): number {
  return ((radians % (2 * Math.PI)) * 180) / Math.PI
}
