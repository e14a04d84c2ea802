import { clustersDbscan, featureCollection, point } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { dbscan, turfDistanceKm } from '@/core/clusters/dbscan'
import { seededRandom } from '../geometry/fixtures'

/** turf's cluster number per point (-1 for noise), on the same points and parameters. */
function turfClusters(lngs: Float64Array, lats: Float64Array, maxDistanceMeters: number, minPoints: number): number[] {
  const points = featureCollection(Array.from(lngs, (lng, i) => point([lng, lats[i]!])))
  const result = clustersDbscan(points, maxDistanceMeters / 1e3, { minPoints, units: 'kilometers' })
  return result.features.map((f) => f.properties.cluster ?? -1)
}

/** Blobs of merchants around random centres plus scattered ones, near Pingyin; some exact duplicates. */
function merchantsLike(seed: number, n: number): { lngs: Float64Array, lats: Float64Array } {
  const random = seededRandom(seed)
  const centres = Array.from({ length: 12 }, () => [116.3 + random() * 0.3, 36.1 + random() * 0.3] as const)
  const lngs = new Float64Array(n), lats = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    if (i > 0 && random() < 0.03) {
      lngs[i] = lngs[i - 1]!
      lats[i] = lats[i - 1]!
      continue
    }
    const [cx, cy] = random() < 0.8 ? centres[Math.floor(random() * centres.length)]! : [116.3 + random() * 0.3, 36.1 + random() * 0.3]
    const r = random() * 0.006, angle = random() * 2 * Math.PI
    lngs[i] = cx + r * Math.cos(angle)
    lats[i] = cy + r * Math.sin(angle)
  }
  return { lngs, lats }
}

/** A threshold in metres that turns back into exactly `km` (dbscan and turf both divide it by 1000), or null. */
function exactMeters(km: number): number | null {
  const meters = km * 1e3
  return meters / 1e3 === km ? meters : null
}

/** The latitude span turf's regionQuery box gives a radius of `km` (its lengthToDegrees), to put points on the box's edge. */
function latDegrees(km: number): number {
  return (((km / (6371008.8 / 1e3)) % (2 * Math.PI)) * 180) / Math.PI
}

/**
 * Points made to sit on the threshold: it is the turf distance of a pair of them, taken, where it can be, from
 * a pair whose distance depends on the direction (turf's haversine rounds differently from each side); some
 * points get a partner exactly the box's latitude span north, and some of those a duplicate. Seed 4k + 2 puts
 * the points on the equator, 4k + 3 near 60°N.
 */
function onTheThreshold(seed: number): { lngs: Float64Array, lats: Float64Array, meters: number, minPoints: number } {
  const random = seededRandom(seed * 7919)
  const base = merchantsLike(seed, 300 + Math.floor(random() * 200))
  // Most cases where the plans are; some moved onto the equator (turf's box straddles it) or far north.
  const shift = [0, 0, -36.25, 24][seed % 4]!
  const lngs = Array.from(base.lngs), lats = Array.from(base.lats, (lat) => lat + shift)
  let meters: number | null = null
  for (let attempt = 0; attempt < 200 && meters === null; attempt++) {
    const i = Math.floor(random() * lngs.length), j = Math.floor(random() * lngs.length)
    const there = turfDistanceKm(lngs[i]!, lats[i]!, lngs[j]!, lats[j]!), back = turfDistanceKm(lngs[j]!, lats[j]!, lngs[i]!, lats[i]!)
    if (there < 0.03 || there > 0.4 || (there === back && attempt < 150)) continue
    meters = exactMeters(Math.min(there, back))
  }
  meters ??= 150
  const span = latDegrees(meters / 1e3)
  for (let k = 0, partners = Math.floor(lngs.length / 10); k < partners; k++) {
    const i = Math.floor(random() * lngs.length)
    lngs.push(lngs[i]!)
    lats.push(lats[i]! + span)
    if (random() < 0.3) {
      lngs.push(lngs[i]!)
      lats.push(lats[i]! + span)
    }
  }
  return { lngs: Float64Array.from(lngs), lats: Float64Array.from(lats), meters, minPoints: 2 + Math.floor(random() * 6) }
}

/** Two points ~100 m apart whose turf distance is shorter from a to b than back, and that distance. */
function oneWayPair(random: () => number): { a: [number, number], b: [number, number], km: number } {
  for (;;) {
    const a: [number, number] = [116.3 + random() * 0.3, 36.1 + random() * 0.3]
    const b: [number, number] = [a[0] + (random() - 0.5) * 0.003, a[1] + (random() - 0.5) * 0.003]
    const km = turfDistanceKm(...a, ...b)
    if (km < turfDistanceKm(...b, ...a) && exactMeters(km) !== null) return { a, b, km }
  }
}

describe('dbscan', () => {
  it.each([
    [1, 1500, 150, 5],
    [2, 2000, 100, 3],
    [3, 1200, 300, 12],
    [4, 800, 60, 2],
  ])('gives the same clusters as @turf/clusters-dbscan (seed %i, %i points, %i m, minPoints %i)', (seed, n, meters, minPoints) => {
    const { lngs, lats } = merchantsLike(seed, n)
    const ours = dbscan(lngs, lats, { maxDistanceMeters: meters, minPoints })
    expect(Array.from(ours.clusterOf)).toEqual(turfClusters(lngs, lats, meters, minPoints))
    expect(ours.clusterCount).toBeGreaterThan(1)
  })

  it('gives a border point within reach of two clusters to the one numbered first, as turf does', () => {
    // Two tight blobs of 4 growing away from each other, their nearest points 300 m apart (0.0027° of latitude),
    // and one point halfway: 150 m from one point of each blob, farther from the rest, so not core (minPoints 4).
    const blob = (lat: number, step: number): [number, number][] => [[116.4, lat], [116.4, lat + step], [116.4001, lat + step], [116.4, lat + 2 * step]]
    const [a, b] = [blob(36.2, -0.0001), blob(36.2027, 0.0001)]
    const bridge: [number, number] = [116.4, 36.20135]
    for (const order of [[bridge, ...a, ...b], [...b, bridge, ...a], [...a, ...b, bridge]]) {
      const lngs = Float64Array.from(order, (p) => p[0]), lats = Float64Array.from(order, (p) => p[1])
      const ours = dbscan(lngs, lats, { maxDistanceMeters: 160, minPoints: 4 })
      expect(Array.from(ours.clusterOf)).toEqual(turfClusters(lngs, lats, 160, 4))
      expect(ours.clusterCount).toBe(2)
      expect(ours.core[order.indexOf(bridge)]).toBe(0)
      expect(ours.clusterOf[order.indexOf(bridge)]).toBe(0)
    }
  })

  it('decides a neighbour exactly at the threshold as turf does (distance ≤ maxDistance)', () => {
    const lngs = Float64Array.from([116.4, 116.4, 116.4, 116.4021])
    const lats = Float64Array.from([36.2, 36.2001, 36.2002, 36.2001])
    // Set the threshold to the exact turf distance from point 1 to point 3: point 3 is then a neighbour.
    const meters = turfDistanceKm(lngs[1]!, lats[1]!, lngs[3]!, lats[3]!) * 1e3
    for (const m of [meters, meters * (1 - 1e-12)]) {
      const ours = dbscan(lngs, lats, { maxDistanceMeters: m, minPoints: 3 })
      expect(Array.from(ours.clusterOf)).toEqual(turfClusters(lngs, lats, m, 3))
    }
  })

  it('gives the same clusters as turf with points on the threshold, duplicates, and clustered and sparse points mixed (property)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { lngs, lats, meters, minPoints } = onTheThreshold(seed)
      const ours = dbscan(lngs, lats, { maxDistanceMeters: meters, minPoints })
      expect(Array.from(ours.clusterOf), `seed ${seed}`).toEqual(turfClusters(lngs, lats, meters, minPoints))
    }
  })

  it('follows turf where a pair is neighbours one way only: the cluster grown first takes the other point in', () => {
    // a sees b (its distance to b is the threshold) but b does not see a (turf's distance back rounds higher).
    const { a, b, km } = oneWayPair(seededRandom(11))
    // Three points close behind each of a and b (a tenth of the threshold, away from the other): two blobs.
    const behind = (p: [number, number], q: [number, number]): [number, number][] => {
      const away = Math.atan2(p[1] - q[1], p[0] - q[0]), step = 0.1 * Math.hypot(p[0] - q[0], p[1] - q[1])
      return [-0.2, 0, 0.2].map((turn) => [p[0] + step * Math.cos(away + turn), p[1] + step * Math.sin(away + turn)])
    }
    const [behindA, behindB] = [behind(a, b), behind(b, a)]
    // Whichever blob is seeded first decides; a and b each come first in some order, so that neither
    // direction's test can stand in for the other's.
    const orders = [
      [[a, ...behindA, b, ...behindB], 1],
      [[...behindA, b, a, ...behindB], 1],
      [[b, ...behindB, a, ...behindA], 2],
      [[...behindB, a, b, ...behindA], 2],
    ] as const
    for (const [order, clusters] of orders) {
      const lngs = Float64Array.from(order, (p) => p[0]), lats = Float64Array.from(order, (p) => p[1])
      const ours = dbscan(lngs, lats, { maxDistanceMeters: exactMeters(km)!, minPoints: 4 })
      expect(Array.from(ours.clusterOf)).toEqual(turfClusters(lngs, lats, exactMeters(km)!, 4))
      expect(ours.clusterCount).toBe(clusters)
    }
  })

  it('counts only duplicates as neighbours at a distance of 0, as turf does, and takes no points', () => {
    const { lngs, lats } = merchantsLike(5, 600)
    const ours = dbscan(lngs, lats, { maxDistanceMeters: 0, minPoints: 2 })
    expect(Array.from(ours.clusterOf)).toEqual(turfClusters(lngs, lats, 0, 2))
    expect(ours.clusterCount).toBeGreaterThan(0)
    expect(dbscan(new Float64Array(0), new Float64Array(0), { maxDistanceMeters: 100, minPoints: 3 }).clusterCount).toBe(0)
  })

  it('gives the same clusters as turf at a radius of a metre, on points a few centimetres to metres apart', () => {
    const random = seededRandom(3)
    const lngs = new Float64Array(800), lats = new Float64Array(800)
    for (let i = 0; i < 800; i++) {
      const blob = Math.floor(random() * 20), spread = random() < 0.5 ? 3e-7 : 1.5e-5
      lngs[i] = 116.4 + blob * 1e-4 + (random() - 0.5) * spread
      lats[i] = 36.2 + (random() - 0.5) * spread
    }
    for (const meters of [1, 0.05]) {
      const ours = dbscan(lngs, lats, { maxDistanceMeters: meters, minPoints: 4 })
      expect(Array.from(ours.clusterOf)).toEqual(turfClusters(lngs, lats, meters, 4))
      expect(ours.clusterCount).toBeGreaterThan(1)
    }
  })

  it('marks core points and noise', () => {
    const lngs = Float64Array.from([116.4, 116.4, 116.4001, 117])
    const lats = Float64Array.from([36.2, 36.2001, 36.2, 36])
    const result = dbscan(lngs, lats, { maxDistanceMeters: 50, minPoints: 3 })
    expect([Array.from(result.clusterOf), Array.from(result.core)]).toEqual([[0, 0, 0, -1], [1, 1, 1, 0]])
  })
})
