import { describe, expect, it } from 'vitest'
import { DEFAULT_CLUSTER_RULE, type PlanData } from '@/core/model'
import { newPlanData } from '@/core/workspace/new-plan'
import { readDemoFiles } from '../../support/demo-expectations'

describe('a new plan over a region of the open plan', () => {
  it('takes that region (as root) and the ones under it, no sites, and the template placed under the root', () => {
    const { regions, sites } = readDemoFiles()
    const source: PlanData = {
      plan: { id: 'p', name: 'p', rootRegionCode: '370124000000', templateId: null, settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: true, createdAt: '', updatedAt: '' },
      regions, sites, clusters: [], targets: [], indicators: [],
    }
    const town = newPlanData(source, { name: '孔村镇', templateId: 'pingyin-2023', rootRegionCode: '370124104000' }, 'new', '2024-01-01T00:00:00Z')
    expect(town.regions.map((r) => [r.code, r.parentCode])).toEqual([['370124104000', null]])
    expect(town.sites).toEqual([])
    expect(town.plan).toMatchObject({ id: 'new', rootRegionCode: '370124104000', isDemo: false, createdAt: '2024-01-01T00:00:00Z' })
    expect(town.targets.length).toBeGreaterThan(0)
    expect(town.targets.every((t) => t.scope.regionCode === '370124104000' || t.scope.regionCode === '370124002000')).toBe(true)
    const county = newPlanData(source, { name: 'c', templateId: null, rootRegionCode: '370124000000' }, 'c', '')
    expect(county.regions).toHaveLength(9)
    expect(county.targets).toEqual([])
  })
})
