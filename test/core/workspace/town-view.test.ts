import { describe, expect, it } from 'vitest'
import { DEMO_REPORT_DATE } from '@/core/demo'
import { DEFAULT_CLUSTER_RULE, type PlanData, type Target } from '@/core/model'
import { instantiateTemplate } from '@/core/templates'
import { evaluateTownView, pickTarget } from '@/core/workspace/town-view'
import { expectedMerchantCoverage, readDemoFiles } from '../../support/demo-expectations'

const COUNTY = '370124000000'
const yearEnd: Target = {
  id: 'merchants-30', title: '全县 30% 的商户', scope: { regionCode: COUNTY }, metric: 'share', kind: 'merchant',
  threshold: 0.3, dueDate: '2023-12-31', milestone: 'year',
}

function demoPlan(targets: Target[]): PlanData {
  const { regions, sites } = readDemoFiles()
  return {
    plan: { id: 'p', name: 'demo', rootRegionCode: COUNTY, templateId: null, settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: true, createdAt: '', updatedAt: '' },
    regions, sites, clusters: [], targets, indicators: [],
  }
}
const merchantsYear = { kind: 'merchant', milestone: 'year' } as const

describe('the town view of the demo', () => {
  it('equals an independent turf count per town, exactly, with the gap to 30%', () => {
    const view = evaluateTownView(demoPlan(instantiateTemplate('pingyin-2023', COUNTY)), DEMO_REPORT_DATE, merchantsYear)
    expect(view.towns.map(({ code, name, live, total, gap }) => ({ code, name, live, total, gap }))).toEqual(expectedMerchantCoverage(DEMO_REPORT_DATE))
    expect(view.target?.source?.row).toBe('附件 8')
  })

  it('leaves some towns short of 30% and some over it, with statuses', () => {
    const { towns } = evaluateTownView(demoPlan([yearEnd]), DEMO_REPORT_DATE, merchantsYear)
    expect(towns.filter((r) => r.status === 'met').length).toBeGreaterThanOrEqual(2)
    const short = towns.filter((r) => (r.gap ?? 0) > 0)
    expect(short.length).toBeGreaterThanOrEqual(2)
    expect(short.every((r) => r.status === 'on_track' || r.status === 'at_risk' || r.status === 'off_track')).toBe(true)
  })

  it('counts only merchants live on the date', () => {
    const early = evaluateTownView(demoPlan([yearEnd]), '2023-03-31', merchantsYear).towns
    expect(early.map((r) => r.live)).toEqual(expectedMerchantCoverage('2023-03-31').map((r) => r.live))
  })

  it('rolls the towns up into the county row', () => {
    const { root, towns } = evaluateTownView(demoPlan([yearEnd]), DEMO_REPORT_DATE, merchantsYear)
    expect(root?.total).toBe(towns.reduce((sum, r) => sum + r.total, 0))
    expect(root?.live).toBe(towns.reduce((sum, r) => sum + r.live, 0))
    expect(root?.threshold).toBe(0.3)
  })

  it('does not split a county-wide count target over the towns', () => {
    const schools: Target = { ...yearEnd, id: 'schools', kind: 'school', metric: 'count', threshold: 20 }
    const view = evaluateTownView(demoPlan([schools]), DEMO_REPORT_DATE, { kind: 'school', milestone: 'year' })
    expect(view.root?.threshold).toBe(20)
    expect(view.towns.every((r) => r.threshold === null && r.status === null)).toBe(true)
  })

  it('shows no target when the plan has none for the kind', () => {
    const view = evaluateTownView(demoPlan([]), DEMO_REPORT_DATE, merchantsYear)
    expect(view.towns.every((r) => r.threshold === null && r.gap === null)).toBe(true)
    expect(view.towns.reduce((sum, r) => sum + r.total, 0)).toBeGreaterThan(2700)
  })
})

describe('picking the target to show', () => {
  const h1: Target = { ...yearEnd, id: 'h1', threshold: 0.1, dueDate: '2023-06-30', milestone: 'H1' }
  it('takes the milestone asked for, or the one due next', () => {
    expect(pickTarget([yearEnd, h1], { kind: 'merchant', milestone: 'H1' }, '2023-10-01')?.id).toBe('h1')
    expect(pickTarget([yearEnd, h1], { kind: 'merchant', milestone: 'next' }, '2023-05-01')?.id).toBe('h1')
    expect(pickTarget([yearEnd, h1], { kind: 'merchant', milestone: 'next' }, '2023-07-01')?.id).toBe('merchants-30')
    expect(pickTarget([yearEnd, h1], { kind: 'merchant', milestone: 'next' }, '2024-02-01')?.id).toBe('merchants-30')
    expect(pickTarget([yearEnd, h1], { kind: 'merchant', milestone: 'Q3' }, '2023-07-01')).toBeNull()
  })
})
