import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clustersFromCollection, type ClusterCollection } from '@/core/demo'
import type { Cluster, PlanData, Site, Target } from '@/core/model'
import { evaluatePlan } from '@/core/plans/evaluate-plan'
import { generatePlan, type GeneratedPlan } from '@/core/scenarios/generate-plan'
import { instantiateTemplate } from '@/core/templates'
import { readDemoFiles } from '../../support/demo-expectations'
import { seededRandom, squareRing } from '../geometry/fixtures'
import { site, twoCounties } from '../coverage/fixtures'
import { followPlan, reachableTargetsOnTrack } from './plan-checks'

const RULE = { minLiveMerchants: 5, minLiveShare: 0.3 }
const AS_OF = '2023-07-01'

function planData(sites: Site[], targets: Target[], clusters: Cluster[] = []): PlanData {
  return {
    plan: { id: 'p', name: '方案', rootRegionCode: 'C', templateId: null, settings: { clusterRule: RULE }, isDemo: false, createdAt: '', updatedAt: '' },
    regions: twoCounties(), sites, clusters, targets, indicators: [],
  }
}

/** `n` merchants spread over town `x` (T0…T3), the first `live` of them live. */
const town = (x: number, n: number, live = 0, overrides: Partial<Site> = {}): Site[] => Array.from({ length: n }, (_, i) => site(`m${x}-${i}`, x + 0.05 + (0.9 * (i % 10)) / 10, 0.05 + 0.9 * Math.floor(i / 10) / Math.max(1, Math.ceil(n / 10)), i < live ? { status: 'live', liveDate: '2023-01-01' } : overrides))

const target = (id: string, fields: Partial<Target>): Target => ({ id, title: id, scope: { regionCode: 'C' }, metric: 'share', kind: 'merchant', threshold: 0.3, dueDate: '2023-12-31', milestone: 'year', ...fields })
const eachTown = (id: string, fields: Partial<Target>): Target => target(id, { scope: { regionCode: 'C', eachLevel: 'town' }, ...fields })

const generate = (data: PlanData, capacity = 1000): GeneratedPlan => generatePlan(data, { asOfDate: AS_OF, capacityPerOperatorPerMonth: capacity, operators: ['icbc', 'abc'], now: '2023-07-01T00:00:00Z' })

describe('generatePlan: the fewest conversions', () => {
  it('meets town and county targets together with the bottom-up minimum, an early county target included', () => {
    // Towns need 3, 3, 3 and 9 by year end (30%); the county 40% of 60 = 24 by year end and 20% = 12 by Q3.
    const sites = [...town(0, 10), ...town(1, 10), ...town(2, 10), ...town(3, 30)]
    const targets = [target('county-q3', { threshold: 0.2, dueDate: '2023-09-30', milestone: 'Q3' }), target('county', { threshold: 0.4 }), eachTown('towns', {})]
    const result = generate(planData(sites, targets))
    // The bound: max(24, 3 + 3 + 3 + 9) = 24 — a county top-up at Q3 that ignored the towns' later needs
    // (e.g. all 12 in T0) would end with 25.
    expect(result.conversions).toHaveLength(24)
    expect(result.infeasible).toEqual([])
    expect(reachableTargetsOnTrack(result, AS_OF)).toEqual([])
    const byTown = (x: number) => result.conversions.filter((c) => c.siteId.startsWith(`m${x}-`)).length
    expect(byTown(0) >= 3 && byTown(1) >= 3 && byTown(2) >= 3 && byTown(3) >= 9).toBe(true)
    expect(result.conversions.filter((c) => c.dueDate === '2023-09-30')).toHaveLength(12)
  })

  it('matches the bound on random town/county needs (the greedy is minimal when candidates suffice)', () => {
    const random = seededRandom(5)
    for (let run = 0; run < 8; run++) {
      const sizes = [0, 1, 2, 3].map(() => 10 + Math.floor(random() * 30))
      const live = sizes.map((n) => Math.floor(random() * n * 0.3))
      const sites = sizes.flatMap((n, x) => town(x, n, live[x]))
      const townShare = 0.2 + random() * 0.3, countyShare = 0.2 + random() * 0.4
      const targets = [eachTown('towns', { threshold: townShare, dueDate: '2023-09-30' }), target('county', { threshold: countyShare })]
      const townNeeds = sizes.map((n, x) => Math.max(0, Math.ceil(townShare * n - 1e-9) - live[x]!))
      const total = sizes.reduce((a, b) => a + b, 0), totalLive = live.reduce((a, b) => a + b, 0)
      const bound = Math.max(townNeeds.reduce((a, b) => a + b, 0), Math.ceil(countyShare * total - 1e-9) - totalLive)
      const result = generate(planData(sites, targets))
      expect(result.conversions).toHaveLength(bound)
      expect(reachableTargetsOnTrack(result, AS_OF)).toEqual([])
    }
  })

  it('converts the largest bus lines first for a vehicle target, and counts lines for a line target', () => {
    const line = (id: string, x: number, units: number): Site => site(id, 0, 0, { kind: 'bus_line', units, geometry: { type: 'LineString', coordinates: [[x, 0.2], [x + 0.5, 0.2]] } })
    const sites = [line('L1', 0.1, 5), line('L2', 1.1, 40), line('L3', 2.1, 12), line('L4', 3.1, 30)]
    const targets = [target('vehicles', { metric: 'count', kind: 'bus_line', countUnits: true, threshold: 60 }), target('lines', { metric: 'count', kind: 'bus_line', threshold: 1, dueDate: '2023-09-30' })]
    const result = generate(planData(sites, targets))
    expect(result.conversions.map((c) => [c.siteId, c.dueDate])).toEqual([['L2', '2023-09-30'], ['L4', '2023-12-31']])
  })
})

describe('generatePlan: infeasible targets', () => {
  it('reports the shortfall when the candidates are not enough, and the rest is still met', () => {
    const schools = [site('s1', 0.5, 0.5, { kind: 'school', status: 'live', liveDate: '2023-01-01' }), site('s2', 1.5, 0.5, { kind: 'school' }), site('s3', 2.5, 0.5, { kind: 'school', status: 'suspended' })]
    const postal = [site('p1', 0.5, 0.6, { kind: 'postal_outlet', status: 'suspended' }), site('p2', 1.5, 0.6, { kind: 'postal_outlet' })]
    const targets = [target('schools', { metric: 'count', kind: 'school', threshold: 5 }), target('postal', { metric: 'complete', kind: 'postal_outlet', threshold: 1 })]
    const result = generate(planData([...schools, ...postal], targets))
    expect(result.infeasible.map((t) => [t.targetId, t.needed, t.reachable, t.shortfall, t.reason])).toEqual([
      ['schools', 5, 2, 3, 'candidates'],
      ['postal', 2, 1, 1, 'candidates'],
    ])
    expect(result.conversions.map((c) => c.siteId).sort()).toEqual(['p2', 's2'])
    expect(engineGapsAtDue(result)).toEqual([['schools', 3], ['postal', 1]])
  })

  it('converts the suspended sites too when asked, as contacted', () => {
    const postal = [site('p1', 0.5, 0.6, { kind: 'postal_outlet', status: 'suspended' }), site('p2', 1.5, 0.6, { kind: 'postal_outlet' })]
    const result = generatePlan(planData(postal, [target('postal', { metric: 'complete', kind: 'postal_outlet', threshold: 1 })]), { asOfDate: AS_OF, includeSuspended: true })
    expect(result.infeasible).toEqual([])
    expect(result.data.sites.map((s) => s.status)).toEqual(['contacted', 'candidate'])
  })

  it('reports an overdue target with its gap on the as-of date', () => {
    const result = generate(planData(town(0, 10, 1), [target('h1', { threshold: 0.5, dueDate: '2023-06-30', milestone: 'H1' })]))
    expect(result.infeasible.map((t) => [t.targetId, t.shortfall, t.reason])).toEqual([['h1', 4, 'overdue']])
    expect(result.conversions).toEqual([])
  })

  it('skips indicator and checklist targets with the reason', () => {
    const result = generate(planData([], [target('w', { metric: 'indicator', indicator: 'personal_wallets', threshold: 10 }), target('task', { metric: 'checklist', threshold: 1 })]))
    expect(result.skipped.map((s) => [s.targetId, s.reason])).toEqual([['w', 'not_sites'], ['task', 'not_sites']])
  })
})

describe('generatePlan: capacity and dates', () => {
  it('spreads the work over the months before the milestone within the capacity', () => {
    const result = generatePlan(planData(town(0, 20), [target('q3', { threshold: 0.3, dueDate: '2023-09-30' })]), { asOfDate: AS_OF, capacityPerOperatorPerMonth: 2, operators: ['icbc'] })
    expect(result.conversions.map((c) => c.plannedDate).sort()).toEqual(['2023-07-31', '2023-07-31', '2023-08-31', '2023-08-31', '2023-09-30', '2023-09-30'])
    expect(result.conversions.every((c) => c.operator === 'icbc' && !c.late)).toBe(true)
  })

  it('spreads each milestone over its own months: Q3 work before Q3, year work after it', () => {
    const targets = [target('q3', { threshold: 0.3, dueDate: '2023-09-30' }), target('year', { threshold: 0.6 })]
    const result = generatePlan(planData(town(0, 20), targets), { asOfDate: AS_OF, capacityPerOperatorPerMonth: 5, operators: ['icbc'] })
    const months = (due: string) => [...new Set(result.conversions.filter((c) => c.dueDate === due).map((c) => c.plannedDate.slice(0, 7)))].sort()
    expect(months('2023-09-30')).toEqual(['2023-07', '2023-08', '2023-09'])
    expect(months('2023-12-31')).toEqual(['2023-10', '2023-11', '2023-12'])
  })

  it('places what the capacity cannot make late, and reports the shortfall the engine sees on the due date', () => {
    const result = generatePlan(planData(town(0, 30), [target('q3', { threshold: 0.3, dueDate: '2023-09-30' })]), { asOfDate: '2023-08-15', capacityPerOperatorPerMonth: 3, operators: ['icbc'] })
    // 9 needed by 09-30; August and September take 3 each: 6 on time, 3 in October.
    expect(result.conversions.filter((c) => c.late).map((c) => c.plannedDate)).toEqual(['2023-10-31', '2023-10-31', '2023-10-31'])
    expect(result.conversions.filter((c) => !c.late).every((c) => c.plannedDate >= '2023-08-15' && c.plannedDate <= '2023-09-30')).toBe(true)
    expect(result.infeasible.map((t) => [t.targetId, t.shortfall, t.reason])).toEqual([['q3', 3, 'capacity']])
    expect(engineGapsAtDue(result)).toEqual([['q3', 3]])
  })

  it('keeps a site\'s operator, fills the others, never plans before the as-of date, counts planned sites', () => {
    const sites = town(0, 10, 0).map((s, i) => i === 0 ? { ...s, operator: 'boc' as const } : i === 1 ? { ...s, status: 'contacted' as const, plannedDate: '2023-08-10' } : i === 2 ? { ...s, status: 'contacted' as const, plannedDate: '2023-03-01' } : s)
    const result = generate(planData(sites, [target('year', { threshold: 0.5 })]))
    // 5 needed: m0-1 is already planned, so 4 more; the slipped m0-2 is re-planned like a candidate.
    expect(result.conversions).toHaveLength(4)
    expect(result.conversions.find((c) => c.siteId === 'm0-0')?.operator).toBe('boc')
    expect(result.conversions.every((c) => c.plannedDate >= AS_OF && ['icbc', 'abc', 'boc'].includes(c.operator))).toBe(true)
    expect(result.data.sites.find((s) => s.id === 'm0-1')!.plannedDate).toBe('2023-08-10')
  })

  it('returns a duplicate with a new id and name and leaves the input alone', () => {
    const data = planData(town(0, 10), [target('year', {})])
    const before = JSON.stringify(data)
    const result = generate(data)
    expect(JSON.stringify(data)).toBe(before)
    expect(result.data.plan).toMatchObject({ id: 'p-generated-2023-07-01', name: '方案（生成 2023-07-01）', createdAt: '2023-07-01T00:00:00Z' })
    expect(result.data.sites.filter((s) => s.plannedDate !== null)).toHaveLength(3)
  })
})

describe('generatePlan: clusters', () => {
  /** A dense street around (x, y) of `n` merchants, `live` of them live. */
  const street = (prefix: string, x: number, y: number, n: number, live: number): Site[] => {
    const random = seededRandom(n + Math.round(x * 10))
    return Array.from({ length: n }, (_, i) => site(`${prefix}${i}`, x + (random() - 0.5) * 0.001, y + (random() - 0.5) * 0.0005, i < live ? { status: 'live', liveDate: '2023-01-01' } : {}))
  }
  const drawn: Cluster = { id: 'k1', name: '锦水商业街', geometry: { type: 'Polygon', coordinates: [squareRing(1.4, 0.4, 1.6, 0.6)] } }

  it('establishes the drawn cluster, adopts a suggestion where a town has none, reports a town with no group', () => {
    const sites = [...street('a', 1.5, 0.5, 20, 2), ...street('b', 2.5, 0.5, 15, 0), ...town(3, 6), ...town(0, 8)]
    const exists = eachTown('clusters', { metric: 'exists', threshold: 1, kind: undefined })
    const result = generate(planData(sites, [exists], [drawn]))
    const establishing = (prefix: string) => result.conversions.filter((c) => c.siteId.startsWith(prefix) && c.clusterRelation === 'establish')
    // 锦水商业街: max(5, ceil(0.3 × 20) = 6) − 2 live = 4; the suggested street: max(5, 5) = 5.
    expect(establishing('a')).toHaveLength(4)
    expect(establishing('a')[0]!.explanation).toBe('to establish cluster 锦水商业街 in T1 by 2023-12-31')
    expect(establishing('b')).toHaveLength(5)
    expect(result.adoptedClusters.map((c) => c.name)).toEqual(['T2建议集聚区 1'])
    expect(result.infeasible.map((t) => [t.regionCode, t.shortfall, t.reason]).sort()).toEqual([['T0', 1, 'clusters'], ['T3', 1, 'clusters']])
    expect(reachableTargetsOnTrack(result, AS_OF)).toEqual([])
    expect(engineGapsAtDue(result).sort()).toEqual([['clusters', 1], ['clusters', 1]])
  })

  it('converts merchants inside a cluster first for a share target and says so', () => {
    const sites = [...town(1, 30), ...street('a', 1.5, 0.5, 10, 0)]
    const result = generate(planData(sites, [eachTown('towns', { threshold: 0.1 })], [drawn]))
    // 40 merchants in T1: 4 needed, all from inside the cluster.
    expect(result.conversions.map((c) => c.siteId.startsWith('a'))).toEqual([true, true, true, true])
    expect(result.conversions[0]!.explanation).toBe('to reach 10% of merchants in T1 by 2023-12-31; inside cluster 锦水商业街')
  })
})

/** The engine's gap per infeasible target on its due date when the generated plan is followed. */
function engineGapsAtDue(result: GeneratedPlan): [string, number][] {
  return result.infeasible.filter((t) => t.reason !== 'overdue').map((t) => {
    const evaluation = evaluatePlan(followPlan(result.data, AS_OF), t.dueDate).targets.find((e) => e.targetId === t.targetId && e.regionCode === t.regionCode)!
    return [t.targetId, evaluation.gap]
  })
}

describe('generatePlan on the Pingyin demo with the 2023 template', () => {
  it('meets every reachable target by its due date, and the engine sees each reported shortfall', () => {
    const { regions, sites } = readDemoFiles()
    const root = regions.find((r) => r.parentCode === null)!.code
    const clusters = clustersFromCollection(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/geo/pingyin-demo-clusters.geojson'), 'utf8')) as ClusterCollection)
    const data: PlanData = { ...planData(sites, instantiateTemplate('pingyin-2023', root), clusters), regions, plan: { ...planData([], []).plan, rootRegionCode: root, settings: { clusterRule: { minLiveMerchants: 10, minLiveShare: 0.3 } } } }
    const result = generatePlan(data, { asOfDate: AS_OF, capacityPerOperatorPerMonth: 60 })
    expect(result.conversions.length).toBeGreaterThan(20)
    // With ample capacity nothing is short for lack of it; the demo lacks postal, parking, school and hospital
    // candidates (some are suspended) and one town has no group of merchants dense enough for a cluster.
    expect(result.infeasible.filter((t) => t.reason === 'capacity')).toEqual([])
    expect(result.infeasible.map((t) => t.reason).sort()).toEqual(['candidates', 'candidates', 'candidates', 'candidates', 'clusters', 'no_sites', 'no_sites', 'no_sites'])
    expect(result.adoptedClusters.length).toBeGreaterThan(0)
    expect(reachableTargetsOnTrack(result, AS_OF)).toEqual([])
    const gaps = engineGapsAtDue(result)
    expect(gaps).toEqual(result.infeasible.filter((t) => t.reason !== 'overdue').map((t) => [t.targetId, t.shortfall]))
    expect(result.conversions.every((c) => c.plannedDate >= AS_OF && c.plannedDate <= c.dueDate)).toBe(true)
  })
})
