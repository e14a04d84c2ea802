import { describe, expect, it } from 'vitest'
import type { PlanData, Site, Target } from '@/core/model'
import { comparePlans, diffSites } from '@/core/scenarios/compare-plans'
import { instantiateTemplate } from '@/core/templates'
import { readDemoFiles } from '../../support/demo-expectations'
import { site, twoCounties } from '../coverage/fixtures'

const shareEachTown: Target = { id: 'share', title: '30% 商户', scope: { regionCode: 'C', eachLevel: 'town' }, metric: 'share', kind: 'merchant', threshold: 0.3, dueDate: '2023-12-31', milestone: 'year' }
const countyCount: Target = { id: 'count', title: '10 家商户', scope: { regionCode: 'C' }, metric: 'count', kind: 'merchant', threshold: 10, dueDate: '2023-09-30', milestone: 'Q3' }

function planData(id: string, sites: Site[], targets: Target[] = [shareEachTown, countyCount]): PlanData {
  return {
    plan: { id, name: id, rootRegionCode: 'C', templateId: null, settings: { clusterRule: { minLiveMerchants: 2, minLiveShare: 0.5 } }, isDemo: false, createdAt: '', updatedAt: '' },
    regions: twoCounties(), sites, clusters: [], targets, indicators: [],
  }
}

/** Ten merchants in town `x` (T0…T3), the first `live` of them live. */
const town = (x: number, live: number): Site[] => Array.from({ length: 10 }, (_, i) => site(`m${x}-${i}`, x + (i + 0.5) / 11, 0.5, i < live ? { status: 'live', liveDate: '2023-01-01' } : {}))

describe('comparePlans', () => {
  it('puts each town and milestone side by side and flags the towns whose status differs', () => {
    const base = [...town(0, 3), ...town(1, 1), ...town(2, 0)]
    const changed = base.map((s) => s.id === 'm1-5' || s.id === 'm1-6' ? { ...s, status: 'contacted' as const, plannedDate: '2023-11-01' } : s)
    const result = comparePlans(planData('a', base), planData('b', changed), '2023-06-30')
    expect(result.regions.map((r) => [r.regionCode, r.differs])).toEqual([['C', false], ['T0', false], ['T1', true], ['T2', false], ['T3', false]])
    expect(result.differingRegions).toEqual(['T1'])
    const t1 = result.regions.find((r) => r.regionCode === 'T1')!.targets[0]!
    expect(t1).toMatchObject({ targetId: 'share', milestone: 'year', left: { value: 0.1, status: 'off_track', gap: 2 }, right: { value: 0.1, status: 'on_track', projectedDate: '2023-11-01' }, differs: true })
    // The county count is off track on both sides (the two new sites come after Q3), so only its projection moves.
    const county = result.regions[0]!.targets.find((t) => t.targetId === 'count')!
    expect(county).toMatchObject({ left: { status: 'off_track', value: 4 }, right: { status: 'off_track', value: 4 }, differs: false })
    expect(result.milestones).toEqual([{ milestone: 'Q3', dueDate: '2023-09-30' }, { milestone: 'year', dueDate: '2023-12-31' }])
  })

  it('flags a value that differs even when the status does not', () => {
    const left = [...town(0, 4)]
    const right = left.map((s) => s.id === 'm0-9' ? { ...s, status: 'live' as const, liveDate: '2023-02-01' } : s)
    const result = comparePlans(planData('a', left), planData('b', right), '2023-06-30')
    const t0 = result.regions.find((r) => r.regionCode === 'T0')!.targets[0]!
    expect([t0.left!.status, t0.right!.status, t0.left!.value, t0.right!.value, t0.differs]).toEqual(['met', 'met', 0.4, 0.5, true])
  })

  it('shows a target only one plan has with an empty side', () => {
    const result = comparePlans(planData('a', town(0, 3), [shareEachTown]), planData('b', town(0, 3), [shareEachTown, countyCount]), '2023-06-30')
    const county = result.regions[0]!.targets
    expect(county.map((t) => [t.targetId, t.left === null, t.right === null, t.differs])).toEqual([['count', true, false, true]])
  })

  it('finds nothing to flag between the demo plan and an exact duplicate', () => {
    const { regions, sites } = readDemoFiles()
    const root = regions.find((r) => r.parentCode === null)!.code
    const data = { ...planData('a', sites, instantiateTemplate('pingyin-2023', root)), regions, plan: { ...planData('a', []).plan, rootRegionCode: root } }
    const result = comparePlans(data, { ...data, plan: { ...data.plan, id: 'b' } }, '2023-09-30')
    expect(result.regions.length).toBe(1 + regions.filter((r) => r.level === 'town').length)
    expect(result.differingRegions).toEqual([])
    expect(result.sites).toEqual([])
    expect(result.regions[0]!.targets.length).toBeGreaterThan(10)
  })
})

describe('diffSites', () => {
  it('lists changed fields, removed and added sites', () => {
    const left = [site('a', 0, 0), site('b', 0, 0), site('c', 0, 0, { operator: 'icbc' })]
    const right = [site('c', 0, 0, { operator: 'abc', plannedDate: '2023-09-01' }), site('a', 0, 0), site('d', 0, 0)]
    expect(diffSites(left, right)).toEqual([
      { siteId: 'b', name: 'b', change: 'removed', fields: [] },
      { siteId: 'c', name: 'c', change: 'changed', fields: [{ field: 'plannedDate', left: null, right: '2023-09-01' }, { field: 'operator', left: 'icbc', right: 'abc' }] },
      { siteId: 'd', name: 'd', change: 'added', fields: [] },
    ])
  })

  it('reports a status change with its go-live date', () => {
    const right = [site('a', 0, 0, { status: 'live', liveDate: '2023-05-01' })]
    expect(diffSites([site('a', 0, 0)], right)[0]!.fields.map((f) => f.field)).toEqual(['status', 'liveDate'])
  })
})
