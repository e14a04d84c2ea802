import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { booleanPointInPolygon, booleanValid, kinks, polygon } from '@turf/turf'
import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { clusterHull } from '@/core/clusters/cluster-hull'
import { evaluateClusters } from '@/core/clusters/evaluate-clusters'
import { suggestClusters, suggestionToCluster } from '@/core/clusters/suggest-clusters'
import { clustersFromCollection, type ClusterCollection } from '@/core/demo'
import { buildRegionIndex } from '@/core/geometry/region-index'
import type { Cluster, PlanData, Site } from '@/core/model'
import { squareRing, seededRandom } from '../geometry/fixtures'
import { site, twoCounties } from '../coverage/fixtures'
import { readDemoFiles } from '../../support/demo-expectations'

const RULE = { minLiveMerchants: 5, minLiveShare: 0.3 }
const AS_OF = '2023-06-30'

function planData(sites: Site[], clusters: Cluster[] = []): PlanData {
  return {
    plan: { id: 'p', name: 'p', rootRegionCode: 'C', templateId: null, settings: { clusterRule: RULE }, isDemo: false, createdAt: '', updatedAt: '' },
    regions: twoCounties(), sites, clusters, targets: [], indicators: [],
  }
}

/** `n` merchants within ~60 m of (x, y) — a street's worth — the first `live` of them live. */
function street(prefix: string, x: number, y: number, n: number, live: number, random = seededRandom(n)): Site[] {
  return Array.from({ length: n }, (_, i) => site(`${prefix}${i}`, x + (random() - 0.5) * 0.001, y + (random() - 0.5) * 0.0005, i < live ? { status: 'live', liveDate: '2023-01-01' } : {}))
}

/** Merchants ~5 km apart: never neighbours. */
const scattered = (x: number, n: number): Site[] => Array.from({ length: n }, (_, i) => site(`s${x}-${i}`, x + 0.1 + i * 0.05, 0.1 + (i % 2) * 0.05))

const isValid = (geometry: Polygon): boolean => booleanValid(polygon(geometry.coordinates)) && kinks(polygon(geometry.coordinates)).features.length === 0

describe('suggestClusters', () => {
  it('suggests the dense street of a town that lacks a cluster, with the conversions the rule needs', () => {
    const established: Cluster = { id: 'k0', name: '', geometry: { type: 'Polygon', coordinates: [squareRing(0.4, 0.4, 0.6, 0.6)] } }
    const sites = [...street('a', 0.5, 0.5, 12, 6), ...street('b', 1.5, 0.5, 20, 2), ...scattered(1, 6), ...scattered(2, 8)]
    const [suggestion, ...rest] = suggestClusters(planData(sites, [established]), AS_OF)
    expect(rest).toEqual([])
    // 20 merchants: max(5, ceil(0.3 × 20) = 6) live needed, 2 live → 4 more; the 18 others can be converted.
    expect(suggestion).toMatchObject({ regionCode: 'T1', merchants: 20, liveMerchants: 2, requiredLive: 6, neededConversions: 4, plannedMerchants: 0, feasible: true })
    expect(suggestion!.memberIds.sort()).toEqual(sites.filter((s) => s.id.startsWith('b')).map((s) => s.id).sort())
    expect(suggestion!.convertibleIds).toHaveLength(18)
    expect(isValid(suggestion!.geometry)).toBe(true)
    for (const s of sites.filter((x) => x.id.startsWith('b'))) expect(booleanPointInPolygon(s.geometry.coordinates as number[], suggestion!.geometry)).toBe(true)
  })

  it('counts as the engine does: accepted and converted as said, the cluster is established, one fewer is not', () => {
    const sites = [...street('b', 1.5, 0.5, 30, 1), ...scattered(1, 3)]
    const [suggestion] = suggestClusters(planData(sites), AS_OF)
    const cluster = suggestionToCluster(suggestion!)
    const convert = (count: number): Site[] => sites.map((s) => suggestion!.convertibleIds.slice(0, count).includes(s.id) ? { ...s, status: 'live', liveDate: AS_OF } : s)
    const state = (count: number) => evaluateClusters([cluster], convert(count), RULE, AS_OF, buildRegionIndex(twoCounties()))[0]!
    expect(state(0)).toMatchObject({ regionCode: 'T1', merchants: suggestion!.merchants, liveMerchants: suggestion!.liveMerchants })
    expect(suggestion!.neededConversions).toBe(8)
    expect(state(suggestion!.neededConversions).established).toBe(true)
    expect(state(suggestion!.neededConversions - 1).established).toBe(false)
  })

  it('counts planned merchants and reports a group that cannot be established from its own merchants', () => {
    const random = seededRandom(3)
    const sites = street('b', 1.5, 0.5, 10, 0, random).map((s, i) => i < 3 ? { ...s, status: 'contacted' as const, plannedDate: '2023-08-01' } : i < 9 ? { ...s, status: 'suspended' as const } : s)
    const [suggestion] = suggestClusters(planData(sites), AS_OF, { minPoints: 5 })
    expect(suggestion).toMatchObject({ merchants: 10, requiredLive: 5, neededConversions: 5, plannedMerchants: 3, feasible: false })
    expect(suggestion!.convertibleIds).toHaveLength(1)
  })

  it('keeps the cheapest suggestions per town, at most perRegion', () => {
    const sites = [...street('x', 1.2, 0.3, 15, 4), ...street('y', 1.7, 0.7, 15, 1), ...street('z', 1.5, 0.1, 15, 0)]
    const all = suggestClusters(planData(sites), AS_OF)
    expect(all.map((s) => [s.name, s.neededConversions])).toEqual([['T1建议集聚区 1', 1], ['T1建议集聚区 2', 4], ['T1建议集聚区 3', 5]])
    expect(suggestClusters(planData(sites), AS_OF, { perRegion: 1 }).map((s) => s.id)).toEqual(['suggested:T1:1'])
  })

  it('suggests only for demo towns without an established cluster, valid polygons each', () => {
    const { regions, sites } = readDemoFiles()
    const collection = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/geo/pingyin-demo-clusters.geojson'), 'utf8')) as ClusterCollection
    const clusters = clustersFromCollection(collection)
    const root = regions.find((r) => r.parentCode === null)!.code
    const data: PlanData = { ...planData(sites, clusters), regions, plan: { ...planData([]).plan, rootRegionCode: root, settings: { clusterRule: { minLiveMerchants: 10, minLiveShare: 0.3 } } } }
    const index = buildRegionIndex(regions)
    const establishedTowns = new Set(evaluateClusters(clusters, sites, data.plan.settings.clusterRule, '2023-12-31', index).filter((c) => c.established).map((c) => c.regionCode))
    const suggestions = suggestClusters(data, '2023-12-31', { index })
    expect(suggestions.length).toBeGreaterThan(0)
    for (const s of suggestions) {
      expect(establishedTowns.has(s.regionCode)).toBe(false)
      expect(isValid(s.geometry)).toBe(true)
      expect(s.merchants).toBeGreaterThanOrEqual(s.memberIds.length)
    }
  })
})

describe('clusterHull', () => {
  it('returns a valid counter-clockwise polygon holding every point, for blobs, rows and single spots', () => {
    const random = seededRandom(9)
    const blob = Array.from({ length: 200 }, () => [116.4 + random() * 0.01, 36.2 + random() * 0.004])
    const row = Array.from({ length: 8 }, (_, i) => [116.4 + i * 0.0002, 36.2])
    const spot = [[116.4, 36.2], [116.4, 36.2], [116.4, 36.2]]
    for (const points of [blob, row, spot]) {
      const hull = clusterHull(points)
      expect(isValid(hull)).toBe(true)
      const ring = hull.coordinates[0]!
      const area = ring.slice(0, -1).reduce((sum, p, i) => sum + p[0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * p[1]!, 0)
      expect(area).toBeGreaterThan(0)
      for (const p of points) expect(booleanPointInPolygon(p, hull)).toBe(true)
    }
  })
})
