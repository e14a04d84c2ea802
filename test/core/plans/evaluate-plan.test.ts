import { describe, expect, it } from 'vitest'
import { evaluateClusters } from '@/core/clusters/evaluate-clusters'
import { DEFAULT_CLUSTER_RULE, type Cluster, type PlanData, type Site, type Target } from '@/core/model'
import { createPlanEvaluator, evaluatePlan } from '@/core/plans/evaluate-plan'
import { instantiateTemplate } from '@/core/templates'
import { seededRandom, squareRing } from '../geometry/fixtures'
import { busLine, site, twoCounties } from '../coverage/fixtures'

function plan(sites: Site[], targets: Target[], clusters: Cluster[] = [], indicators: PlanData['indicators'] = []): PlanData {
  return {
    plan: { id: 'p', name: 'p', rootRegionCode: 'X', templateId: null, settings: { clusterRule: { minLiveMerchants: 2, minLiveShare: 0.5 } }, isDemo: false, createdAt: '', updatedAt: '' },
    regions: twoCounties(), sites, clusters, targets, indicators,
  }
}

const merchants = (n: number, x: number, live: number, planned: string | null = null): Site[] =>
  Array.from({ length: n }, (_, i) => site(`m${x}-${i}`, x + (i + 0.5) / (n + 1), 0.5, i < live
    ? { status: 'live', liveDate: '2023-01-01' }
    : { status: 'contacted', plannedDate: planned }))

describe('evaluatePlan', () => {
  it('expands an eachLevel target to every region of the level under the scope', () => {
    const share: Target = { id: 'share', title: '', scope: { regionCode: 'C', eachLevel: 'town' }, metric: 'share', kind: 'merchant', threshold: 0.3, dueDate: '2023-12-31', milestone: 'year' }
    const sites = [...merchants(10, 0, 3), ...merchants(10, 1, 1, '2023-09-01'), ...merchants(10, 2, 0)]
    const result = evaluatePlan(plan(sites, [share]), '2023-06-30')
    expect(result.targets.map((e) => [e.regionCode, e.gap, e.status])).toEqual([
      ['T0', 0, 'met'], ['T1', 2, 'on_track'], ['T2', 3, 'off_track'], ['T3', 0, 'at_risk'],
    ])
    expect(result.targets[3]!.noSites).toBe(true)
  })

  it('reports a target whose scope region is not in the plan, and sites outside every region', () => {
    const lost: Target = { id: 'lost', title: '', scope: { regionCode: 'nowhere' }, metric: 'count', kind: 'school', threshold: 1, dueDate: '2023-12-31', milestone: 'year' }
    const result = evaluatePlan(plan([site('far', 50, 50)], [lost]), '2023-06-30')
    expect(result.problems).toEqual([{ targetId: 'lost', message: 'scope region nowhere is not in the plan' }])
    expect(result.assignment.outside).toEqual(['far'])
  })

  it('counts all bus vehicles once in the county for a complete target', () => {
    const all: Target = { id: 'bus', title: '', scope: { regionCode: 'C' }, metric: 'complete', kind: 'bus_line', countUnits: true, threshold: 1, dueDate: '2023-12-31', milestone: 'year' }
    const sites = [busLine('L1', [[0.5, 0.5], [2.5, 0.5]], { status: 'live', units: 12 }), busLine('L2', [[1.5, 0.5], [3.5, 0.5]], { status: 'retrofitting', units: 8, plannedDate: '2023-10-01' })]
    const [e] = evaluatePlan(plan(sites, [all]), '2023-06-30').targets
    expect(e).toMatchObject({ live: 12, total: 20, gap: 8, gapUnit: 'units', status: 'on_track', projectedDate: '2023-10-01' })
  })

  it('evaluates cluster existence per town from established clusters', () => {
    const exists: Target = { id: 'cl', title: '', scope: { regionCode: 'C', eachLevel: 'town' }, metric: 'exists', threshold: 1, dueDate: '2023-12-31', milestone: 'year' }
    const clusters: Cluster[] = [
      { id: 'k0', name: '', geometry: { type: 'Polygon', coordinates: [squareRing(0, 0, 1, 1)] } },
      { id: 'k1', name: '', geometry: { type: 'Polygon', coordinates: [squareRing(1, 0, 2, 1)] } },
    ]
    const sites = [...merchants(4, 0, 2), ...merchants(4, 1, 1, '2023-08-01')]
    const result = evaluatePlan(plan(sites, [exists], clusters), '2023-06-30')
    expect(result.clusters.map((c) => [c.clusterId, c.regionCode, c.merchants, c.liveMerchants, c.established, c.projectedDate]))
      .toEqual([['k0', 'T0', 4, 2, true, '2023-06-30'], ['k1', 'T1', 4, 1, false, '2023-08-01']])
    expect(result.targets.map((e) => [e.regionCode, e.status, e.projectedDate])).toEqual([
      ['T0', 'met', '2023-06-30'], ['T1', 'on_track', '2023-08-01'], ['T2', 'off_track', null], ['T3', 'off_track', null],
    ])
  })

  it('reads indicators from the region or sums its children, with a linear trend', () => {
    const wallets: Target = { id: 'w', title: '', scope: { regionCode: 'X' }, metric: 'indicator', indicator: 'personal_wallets', threshold: 1000, dueDate: '2023-12-31', milestone: 'year' }
    const obs = (id: string, regionCode: string, date: string, value: number) => ({ id, regionCode, date, indicator: 'personal_wallets' as const, value })
    const children = evaluatePlan(plan([], [wallets], [], [obs('1', 'C', '2023-05-01', 300), obs('2', 'D', '2023-05-01', 200), obs('3', 'D', '2023-07-01', 900)]), '2023-06-30')
    expect(children.targets[0]).toMatchObject({ value: 500, gap: 500, projectedDate: null })
    const own = evaluatePlan(plan([], [wallets], [], [obs('1', 'X', '2023-01-01', 100), obs('2', 'X', '2023-06-01', 700)]), '2023-06-30')
    expect(own.targets[0]).toMatchObject({ value: 700, status: 'on_track', projectedDate: '2023-08-16' })
  })

  it('evaluates a whole template without problems on a region tree that has its regions', () => {
    const regions = twoCounties().map((r) => r.code === 'C' ? { ...r, code: '370124000000' } : r.parentCode === 'C' ? { ...r, parentCode: '370124000000' } : r)
    regions.push({ code: '370124002000', name: '锦水街道', level: 'town', parentCode: '370124000000', geometry: null, approximate: false })
    const data = { ...plan(merchants(10, 0, 4), instantiateTemplate('pingyin-2023', '370124000000')), regions }
    const result = evaluatePlan(data, '2023-06-30')
    expect(result.problems).toEqual([])
    expect(result.targets.find((e) => e.targetId === 'pingyin-2023/r8-year-merchant')).toMatchObject({ live: 4, total: 10, met: true })
  })
})

describe('evaluateClusters', () => {
  it('counts a merchant in every cluster that holds it and applies both parts of the rule', () => {
    const clusters: Cluster[] = [
      { id: 'a', name: '', geometry: { type: 'Polygon', coordinates: [squareRing(0, 0, 1, 1)] } },
      { id: 'b', name: '', geometry: { type: 'Polygon', coordinates: [squareRing(0.5, 0, 1.5, 1)] } },
    ]
    const sites = Array.from({ length: 30 }, (_, i) => site(`m${i}`, 0.55 + (i % 10) * 0.01, 0.5, i < 12 ? { status: 'live' } : {}))
    const states = evaluateClusters(clusters, sites, DEFAULT_CLUSTER_RULE, '2023-06-30')
    expect(states.map((s) => [s.merchants, s.liveMerchants, s.established])).toEqual([[30, 12, true], [30, 12, true]])
    const strict = evaluateClusters(clusters, sites, { minLiveMerchants: 13, minLiveShare: 0 }, '2023-06-30')
    expect(strict.map((s) => s.established)).toEqual([false, false])
    const shareRule = evaluateClusters(clusters, sites, { minLiveMerchants: 1, minLiveShare: 0.5 }, '2023-06-30')
    expect(shareRule.map((s) => s.established)).toEqual([false, false])
  })
})

describe('createPlanEvaluator', () => {
  it('re-evaluates after edits exactly as a fresh evaluation of the edited plan', () => {
    const random = seededRandom(7)
    const targets = instantiateTemplate('pingyin-2023', 'C').concat([
      { id: 'town-share', title: '', scope: { regionCode: 'C', eachLevel: 'town' }, metric: 'share', kind: 'merchant', threshold: 0.3, dueDate: '2023-12-31', milestone: 'year' },
      { id: 'town-cluster', title: '', scope: { regionCode: 'C', eachLevel: 'town' }, metric: 'exists', threshold: 1, dueDate: '2023-12-31', milestone: 'year' },
    ])
    const clusters: Cluster[] = [0, 1, 2].map((i) => ({ id: `k${i}`, name: '', geometry: { type: 'Polygon', coordinates: [squareRing(i, 0, i + 0.6, 1)] } }))
    const day = () => `2023-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`
    const randomSite = (id: string): Site => random() < 0.1
      ? busLine(id, [[random() * 4, 0.5], [random() * 4, 0.5]], { status: random() < 0.5 ? 'live' : 'retrofitting', plannedDate: day(), units: 5 })
      : site(id, random() * 4, random(), { kind: random() < 0.7 ? 'merchant' : 'school', status: (['candidate', 'contacted', 'retrofitting', 'live', 'suspended'] as const)[Math.floor(random() * 5)], liveDate: random() < 0.5 ? day() : null, plannedDate: random() < 0.7 ? day() : null })
    const sites = new Map(Array.from({ length: 300 }, (_, i) => [`s${i}`, randomSite(`s${i}`)]))
    const evaluator = createPlanEvaluator(plan([...sites.values()], targets, clusters), '2023-06-30')
    for (let step = 0; step < 500; step++) {
      const id = `s${Math.floor(random() * 320)}`
      const before = sites.get(id) ?? null
      const after = random() < 0.1 ? null : randomSite(id)
      evaluator.applyEdit(before, after)
      if (after) sites.set(id, after)
      else sites.delete(id)
    }
    const fresh = evaluatePlan(plan([...sites.values()], targets, clusters), '2023-06-30')
    const incremental = evaluator.evaluate()
    expect(incremental.targets).toEqual(fresh.targets)
    expect(incremental.clusters).toEqual(fresh.clusters)
  })
})

describe('ClusterBook', () => {
  it('counts the merchants inside each cluster, edges included, the same from the plan\'s table as from the sites', async () => {
    const { buildRegionIndex } = await import('@/core/geometry/region-index')
    const { inRings } = await import('@/core/geometry/edge-test')
    const random = seededRandom(99)
    const clusters: Cluster[] = Array.from({ length: 12 }, (_, i) => {
      const x = random() * 3.5, y = random() * 0.7, w = 0.1 + random() * 0.5
      return { id: `k${i}`, name: '', geometry: { type: 'Polygon', coordinates: [squareRing(x, y, x + w, y + w / 2)] } }
    })
    // Points on a 0.05 lattice: many lie exactly on cluster and town edges.
    const sites = Array.from({ length: 2000 }, (_, i) => site(`m${i}`, Math.round(random() * 80) / 20, Math.round(random() * 20) / 20, { status: i % 3 === 0 ? 'live' : 'candidate' }))
    const regions = twoCounties()
    const withIndex = evaluatePlan({ ...plan(sites, [], clusters), regions }, '2023-06-30').clusters
    const withGrid = evaluateClusters(clusters, sites, { minLiveMerchants: 2, minLiveShare: 0.5 }, '2023-06-30', buildRegionIndex(regions))
    const bruteForce = clusters.map((cluster) => {
      const inside = sites.filter((s) => inRings(cluster.geometry.coordinates, ...(s.geometry.coordinates as [number, number])))
      return [inside.length, inside.filter((s) => s.status === 'live').length]
    })
    expect(withIndex.map((c) => [c.merchants, c.liveMerchants])).toEqual(bruteForce)
    expect(withGrid.map((c) => [c.merchants, c.liveMerchants])).toEqual(bruteForce)
    expect(withIndex.some((c) => c.merchants > 0)).toBe(true)
  })

  it('counts merchants on the edges and corners of the clusters\' extent', () => {
    const clusters: Cluster[] = [
      { id: 'a', name: '', geometry: { type: 'Polygon', coordinates: [squareRing(0, 0, 1, 1)] } },
      { id: 'b', name: '', geometry: { type: 'Polygon', coordinates: [squareRing(3, 2, 4, 3)] } },
    ]
    const corners = [[0, 0], [1, 1], [1, 0.5], [0.5, 1], [4, 3], [4, 2.5], [3.5, 3], [3, 2]]
    const sites = corners.map(([x, y], i) => site(`m${i}`, x!, y!, { status: 'live' }))
    const outside = [site('o1', 4.000001, 3), site('o2', 1, 1.000001)]
    const states = evaluateClusters(clusters, [...sites, ...outside], DEFAULT_CLUSTER_RULE, '2023-06-30')
    expect(states.map((c) => c.merchants)).toEqual([4, 4])
    const fromTable = evaluatePlan({ ...plan([...sites, ...outside], [], clusters), regions: twoCounties() }, '2023-06-30').clusters
    expect(fromTable.map((c) => c.merchants)).toEqual([4, 4])
  })
})
