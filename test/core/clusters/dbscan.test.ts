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

  it('marks core points and noise', () => {
    const lngs = Float64Array.from([116.4, 116.4, 116.4001, 117])
    const lats = Float64Array.from([36.2, 36.2001, 36.2, 36])
    const result = dbscan(lngs, lats, { maxDistanceMeters: 50, minPoints: 3 })
    expect([Array.from(result.clusterOf), Array.from(result.core)]).toEqual([[0, 0, 0, -1], [1, 1, 1, 0]])
  })
})
