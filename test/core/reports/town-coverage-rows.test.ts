import { describe, expect, it } from 'vitest'
import { DEMO_REPORT_DATE } from '@/core/demo'
import { DEFAULT_CLUSTER_RULE, type PlanData, type Target } from '@/core/model'
import { buildTownCoverageRows } from '@/core/reports/town-coverage-rows'
import { expectedMerchantCoverage, readDemoFiles } from '../../support/demo-expectations'

const yearEnd: Target = {
  id: 'merchants-30', title: '全县 30% 的商户', scope: { regionCode: '370124000000' }, metric: 'share', kind: 'merchant',
  threshold: 0.3, dueDate: '2023-12-31', milestone: 'year',
}

function demoPlan(targets: Target[]): PlanData {
  const { regions, sites } = readDemoFiles()
  return {
    plan: {
      id: 'p', name: 'demo', rootRegionCode: '370124000000', templateId: null, settings: { clusterRule: DEFAULT_CLUSTER_RULE },
      isDemo: true, createdAt: '', updatedAt: '',
    },
    regions, sites, clusters: [], targets, indicators: [],
  }
}

describe('merchant coverage rows of the demo', () => {
  it('equal an independent turf count per town, exactly', () => {
    const rows = buildTownCoverageRows(demoPlan([yearEnd]), DEMO_REPORT_DATE)
    expect(rows.towns.map(({ code, name, live, total, gap }) => ({ code, name, live, total, gap }))).toEqual(expectedMerchantCoverage(DEMO_REPORT_DATE))
  })

  it('leave some towns short of 30% and some over it', () => {
    const rows = buildTownCoverageRows(demoPlan([yearEnd]), DEMO_REPORT_DATE).towns
    expect(rows.filter((r) => r.gap === 0).length).toBeGreaterThanOrEqual(2)
    expect(rows.filter((r) => (r.gap ?? 0) > 0).length).toBeGreaterThanOrEqual(2)
  })

  it('count only merchants live on the date', () => {
    const early = expectedMerchantCoverage('2023-03-31')
    const rows = buildTownCoverageRows(demoPlan([yearEnd]), '2023-03-31').towns
    expect(rows.map((r) => r.live)).toEqual(early.map((r) => r.live))
    expect(rows.reduce((sum, r) => sum + r.live, 0)).toBeLessThan(buildTownCoverageRows(demoPlan([yearEnd]), DEMO_REPORT_DATE).root!.live)
  })

  it('roll the towns up into the county row', () => {
    const { root, towns } = buildTownCoverageRows(demoPlan([yearEnd]), DEMO_REPORT_DATE)
    expect(root?.total).toBe(towns.reduce((sum, r) => sum + r.total, 0))
    expect(root?.live).toBe(towns.reduce((sum, r) => sum + r.live, 0))
  })

  it('prefer a town-level target over the county one, and show none without a target', () => {
    const perTown: Target = { ...yearEnd, id: 'each', threshold: 0.5, scope: { regionCode: '370124000000', eachLevel: 'town' } }
    const rows = buildTownCoverageRows(demoPlan([yearEnd, perTown]), DEMO_REPORT_DATE)
    expect(rows.towns.every((r) => r.threshold === 0.5)).toBe(true)
    expect(rows.root?.threshold).toBe(0.3)
    const none = buildTownCoverageRows(demoPlan([]), DEMO_REPORT_DATE)
    expect(none.towns.every((r) => r.threshold === null && r.gap === null)).toBe(true)
  })

  it('show the target due next after the date', () => {
    const h1: Target = { ...yearEnd, id: 'h1', threshold: 0.1, dueDate: '2023-06-30', milestone: 'H1' }
    expect(buildTownCoverageRows(demoPlan([yearEnd, h1]), '2023-05-01').root?.threshold).toBe(0.1)
    expect(buildTownCoverageRows(demoPlan([yearEnd, h1]), '2023-07-01').root?.threshold).toBe(0.3)
    expect(buildTownCoverageRows(demoPlan([yearEnd, h1]), '2024-02-01').root?.threshold).toBe(0.3)
  })
})
