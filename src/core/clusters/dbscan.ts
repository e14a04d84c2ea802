import KDBush from 'kdbush'

/** DBSCAN parameters, with the meaning @turf/clusters-dbscan gives them. */
export interface DbscanOptions {
  /** Two points are neighbours when their great-circle distance (haversine, turf's) is at most this. */
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
 * DBSCAN over lng/lat points with a static k-d tree (kdbush): the same clusters, numbered the same way, as
 * @turf/clusters-dbscan with units 'kilometers' — so the same points land in the same clusters — in a small
 * fraction of its time.
 *
 * Equal by construction: neighbours are what turf's regionQuery returns (its bounding box, then its haversine
 * distance ≤ maxDistance, the query point as `from`; computed exactly the same way whenever a cheaper planar
 * distance is close to the threshold); clusters are numbered in the order of their lowest-index core
 * point; and a border point within reach of several clusters' core points joins the lowest-numbered one —
 * which is what turf's first-come assignment gives, since it expands each cluster completely before
 * starting the next. Points must not straddle the antimeridian (true of any Chinese plan).
 */
export function dbscan(lngs: Float64Array, lats: Float64Array, options: DbscanOptions): DbscanResult {
  const n = lngs.length
  const neighbours = findNeighbours(lngs, lats, options.maxDistanceMeters / 1e3)
  const core = new Uint8Array(n)
  const { row, start, list } = neighbours
  for (let i = 0; i < n; i++) core[i] = start[row[i]! + 1]! - start[row[i]!]! >= options.minPoints ? 1 : 0
  const clusterOf = new Int32Array(n).fill(-1)
  const queue = new Int32Array(n)
  let clusterCount = 0
  for (let seed = 0; seed < n; seed++) {
    if (!core[seed] || clusterOf[seed]! >= 0) continue
    const id = clusterCount++
    clusterOf[seed] = id
    let head = 0, tail = 0
    queue[tail++] = seed
    while (head < tail) {
      const p = queue[head++]!
      for (let k = start[row[p]!]!; k < start[row[p]! + 1]!; k++) {
        const q = list[k]!
        if (clusterOf[q]! >= 0) continue
        clusterOf[q] = id
        // Only core points spread the cluster; a border point stays with the first cluster that reached it.
        if (core[q]) queue[tail++] = q
      }
    }
  }
  return { clusterOf, clusterCount, core }
}

/**
 * Neighbour lists (compressed rows) in the k-d tree's order: the neighbours of point i are
 * list[start[row[i]] … start[row[i] + 1]).
 */
interface Neighbours { row: Int32Array, start: Int32Array, list: Int32Array }

/** Points queried together: consecutive in the tree's order, so they sit close together. */
const BLOCK = 16

/**
 * One k-d tree query per block of nearby points (their box grown by the radius) instead of one per point:
 * a tenth of the tree walks, and the candidates of a block are checked against each of its points.
 */
function findNeighbours(lngs: Float64Array, lats: Float64Array, maxKm: number): Neighbours {
  const n = lngs.length
  const frame = planarFrame(lats, maxKm)
  const index = new KDBush(n)
  for (let i = 0; i < n; i++) index.add(lngs[i]! * frame.kx, lats[i]!)
  index.finish()
  const pairs = new PairTest(lngs, lats, maxKm, frame)
  const row = new Int32Array(n)
  const start = new Int32Array(n + 1)
  let list: Int32Array = new Int32Array(Math.max(16, n * 8))
  let size = 0
  for (let first = 0; first < n; first += BLOCK) {
    const last = Math.min(n, first + BLOCK)
    const candidates = blockCandidates(index, first, last, frame.radius)
    for (let k = first; k < last; k++) {
      const i = index.ids[k]!
      row[i] = k
      if (size + candidates.length > list.length) list = grow(list, size + candidates.length)
      size = pairs.collect(i, candidates, list, size)
      start[k + 1] = size
    }
  }
  return { row, start, list: list.subarray(0, size) }
}

function blockCandidates(index: KDBush, first: number, last: number, radius: number): number[] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (let k = first; k < last; k++) {
    const x = index.coords[2 * k]!, y = index.coords[2 * k + 1]!
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  return index.range(minX - radius, minY - radius, maxX + radius, maxY + radius)
}

/** Decides which candidates are neighbours of a point, as turf's regionQuery would. */
class PairTest {
  /** Per point: lng, lat, cos(lat), planar x — interleaved, so a candidate costs one cache line, not four. */
  private readonly point: Float64Array
  private readonly planar2: number
  /** Squared angles (radians²) below which a pair surely is, and above which it surely is not, a neighbour. */
  private readonly surelyIn2: number
  private readonly surelyOut2: number

  constructor(lngs: Float64Array, lats: Float64Array, private readonly maxKm: number, private readonly frame: Frame) {
    this.point = new Float64Array(lngs.length * 4)
    for (let i = 0; i < lngs.length; i++) {
      this.point[i * 4] = lngs[i]!
      this.point[i * 4 + 1] = lats[i]!
      this.point[i * 4 + 2] = Math.cos(lats[i]! * RADIANS)
      this.point[i * 4 + 3] = lngs[i]! * frame.kx
    }
    this.planar2 = frame.radius * frame.radius
    const angle = maxKm / EARTH_RADIUS_KM
    this.surelyIn2 = (angle * (1 - frame.band)) ** 2
    this.surelyOut2 = (angle * (1 + frame.band)) ** 2
  }

  /** Appends the neighbours of i among `candidates` to `out` from `size` on; returns the new size. */
  collect(i: number, candidates: number[], out: Int32Array, size: number): number {
    const { point, planar2, surelyIn2, surelyOut2 } = this
    const lng = point[i * 4]!, lat = point[i * 4 + 1]!, cos = point[i * 4 + 2]!, x = point[i * 4 + 3]!
    const box = turfBox(lng, lat, this.frame.latDegrees)
    for (let c = 0; c < candidates.length; c++) {
      const j = candidates[c]! * 4
      const dx = point[j + 3]! - x, dy = point[j + 1]! - lat
      // The planar distance never exceeds the ground distance: beyond the radius, never a neighbour.
      if (dx * dx + dy * dy > planar2) continue
      // Equirectangular at the mean latitude: off from haversine by far less than the band at DBSCAN's distances.
      const dLat = dy * RADIANS, dLon = (point[j]! - lng) * RADIANS * 0.5 * (cos + point[j + 2]!)
      const angle2 = dLat * dLat + dLon * dLon
      if (angle2 > surelyOut2 || !inBox(box, point[j]!, point[j + 1]!)) continue
      if (angle2 < surelyIn2 || turfDistanceKm(lng, lat, point[j]!, point[j + 1]!) <= this.maxKm) out[size++] = candidates[c]!
    }
    return size
  }
}

/**
 * Longitudes are scaled by the smallest cos(latitude) the points (plus the radius) reach, so the planar
 * distance never exceeds the ground distance and a planar radius a hair over the angular one finds every
 * neighbour turf finds.
 */
function planarFrame(lats: Float64Array, maxKm: number): Frame {
  const latDegrees = radiansToDegrees(maxKm / EARTH_RADIUS_KM)
  const band = bandFor(maxKm)
  let maxAbsLat = 0
  for (let i = 0; i < lats.length; i++) maxAbsLat = Math.max(maxAbsLat, Math.abs(lats[i]!))
  const kx = Math.cos(degreesToRadians(Math.min(89.9, maxAbsLat + latDegrees)))
  return { kx, radius: latDegrees * (1 + band) + 1e-12, latDegrees, band }
}

/** The planar frame of the index and the tolerance of the cheap distance. */
interface Frame { kx: number, radius: number, latDegrees: number, band: number }

/**
 * Relative half-width of the band around the threshold where the cheap distance defers to turf's exact
 * formula: the equirectangular estimate is off by about the square of the angle, so the band grows with it.
 */
function bandFor(maxKm: number): number {
  const angle = maxKm / EARTH_RADIUS_KM
  return 1e-7 + 4 * angle * angle
}

function grow(list: Int32Array, needed: number): Int32Array {
  const next = new Int32Array(Math.max(needed, list.length * 2))
  next.set(list)
  return next
}

type Box = [number, number, number, number]

/** turf's regionQuery box: ±the radius in latitude, in longitude widened by cos at the edge farther from the equator. */
function turfBox(x: number, y: number, latDegrees: number): Box {
  const minY = Math.max(y - latDegrees, -90)
  const maxY = Math.min(y + latDegrees, 90)
  let lngDegrees = latDegrees
  if (!(minY < 0 && maxY > 0)) {
    lngDegrees = Math.abs(minY) < Math.abs(maxY)
      ? latDegrees / Math.cos(degreesToRadians(maxY))
      : latDegrees / Math.cos(degreesToRadians(minY))
  }
  return [Math.max(x - lngDegrees, -360), minY, Math.min(x + lngDegrees, 360), maxY]
}

function inBox(box: Box, x: number, y: number): boolean {
  return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3]
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
