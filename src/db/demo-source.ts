import {
  clustersFromCollection, DEMO_REPORT_DATE, regionsFromCollection, sitesFromCollection,
  type ClusterCollection, type RegionCollection, type SiteCollection,
} from '@/core/demo'
import { DEFAULT_CLUSTER_RULE, type PlanData } from '@/core/model'
import { instantiateTemplate } from '@/core/templates'
import { DEMO_PLAN_ID } from './demo-plan'

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(`${import.meta.env.BASE_URL}geo/${path}`)
  if (!response.ok) throw new Error(`geo/${path}: HTTP ${response.status}`)
  return await response.json() as T
}

/** The built-in demo plan (Pingyin County, the Pingyin 2023 targets), from the files in public/geo. */
export async function loadDemoPlanData(): Promise<PlanData> {
  const [regions, sites, clusters] = await Promise.all([
    fetchJson<RegionCollection>('pingyin-regions.geojson'),
    fetchJson<SiteCollection>('pingyin-demo-sites.geojson'),
    fetchJson<ClusterCollection>('pingyin-demo-clusters.geojson'),
  ])
  const now = new Date().toISOString()
  const rootRegionCode = '370124000000'
  return {
    plan: {
      id: DEMO_PLAN_ID,
      name: '平阴县 2023 数字人民币试点（示例）',
      rootRegionCode,
      templateId: 'pingyin-2023',
      settings: { clusterRule: DEFAULT_CLUSTER_RULE, asOfDate: DEMO_REPORT_DATE },
      isDemo: true,
      createdAt: now,
      updatedAt: now,
    },
    regions: regionsFromCollection(regions),
    sites: sitesFromCollection(sites),
    clusters: clustersFromCollection(clusters),
    targets: instantiateTemplate('pingyin-2023', rootRegionCode),
    indicators: [],
  }
}
