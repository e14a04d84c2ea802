import 'fake-indexeddb/auto'
import {
  DEFAULT_CLUSTER_RULE, SITE_KINDS, SITE_STATUSES,
  type Cluster, type PlanData, type Site, type Target,
} from '@/core/model'
import { PlannerDatabase } from '@/db/database'

/** A fresh database (fake-indexeddb) with a name no other test uses. */
export function openTestDatabase(): PlannerDatabase {
  return new PlannerDatabase(`test-${crypto.randomUUID()}`)
}

/** Sites that use every field: points and lines, dates, methods, operators, optional text and attributes. */
export function makeSites(count: number, prefix = 's'): Site[] {
  return Array.from({ length: count }, (_, i) => makeSite(i, prefix))
}

function makeSite(i: number, prefix: string): Site {
  const site: Site = {
    id: `${prefix}-${String(i).padStart(6, '0')}`,
    name: `${['孙记早餐店', '新华手机店', 'School', '卫生院'][i % 4]}${i}`,
    kind: SITE_KINDS[i % SITE_KINDS.length]!,
    geometry: i % 17 === 3
      ? { type: 'LineString', coordinates: [[116.4 + i * 1e-5, 36.2], [116.41, 36.21 + i * 1e-7], [116.42, 36.19]] }
      : { type: 'Point', coordinates: [116.3 + (i % 1000) * 1e-4 + 1e-9, 36.1 + (i % 777) * 1e-4] },
    status: SITE_STATUSES[i % SITE_STATUSES.length]!,
    methods: i % 3 === 0 ? [] : i % 3 === 1 ? ['static_qr'] : ['static_qr', 'nfc', 'pos'],
    operator: i % 5 === 0 ? null : (['icbc', 'abc', 'psbc', 'webank'] as const)[i % 4]!,
    plannedDate: i % 4 === 0 ? null : `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    liveDate: i % 5 === 3 ? '2023-06-30' : null,
    units: i % 17 === 3 ? 40 : 1,
  }
  if (i % 2 === 0) site.address = `平阴县榆山街道龙桥路${i}号`
  if (i % 7 === 0) site.contact = `张经理 138${String(i).padStart(8, '0')}`
  if (i % 11 === 0) site.notes = i % 22 === 0 ? '' : '店主同意下周安装'
  if (i % 13 === 0) site.attributes = i % 26 === 0 ? {} : { 来源行: String(i), 统一社会信用代码: `9137${i}` }
  return site
}

/** A small but complete plan. */
export function makePlanData(id = 'plan-a', siteCount = 40): PlanData {
  const cluster: Cluster = { id: 'c-1', name: '银座商圈', geometry: { type: 'Polygon', coordinates: [[[116.4, 36.2], [116.5, 36.2], [116.5, 36.3], [116.4, 36.2]]] } }
  const target: Target = { id: 't-1', title: '30% of merchants', scope: { regionCode: '370124000000', eachLevel: 'town' }, metric: 'share', kind: 'merchant', threshold: 0.3, dueDate: '2023-12-31', milestone: 'year' }
  return {
    plan: { id, name: `Plan ${id}`, rootRegionCode: '370124000000', templateId: null, settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: false, createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' },
    regions: [
      { code: '370124000000', name: '平阴县', level: 'county', parentCode: null, geometry: null, approximate: false },
      { code: '370124001000', name: '榆山街道', level: 'town', parentCode: '370124000000', geometry: { type: 'Polygon', coordinates: [[[116.4, 36.2], [116.5, 36.2], [116.5, 36.3], [116.4, 36.2]]] }, approximate: true },
    ],
    sites: makeSites(siteCount),
    clusters: [cluster],
    targets: [target, { ...target, id: 't-2', metric: 'count', threshold: 5, kind: 'payroll_unit' }],
    indicators: [{ id: 'i-1', regionCode: '370124000000', date: '2023-06-30', indicator: 'personal_wallets', value: 1200 }],
  }
}

/** Every row of every table, to check that a failed write changed nothing. */
export async function dumpDatabase(db: PlannerDatabase): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {}
  for (const table of db.tables) dump[table.name] = await table.toArray()
  return dump
}

/** The plan's data with everything but the plan's timestamps, for comparisons across writes. */
export function withoutTimestamps(data: PlanData | null): unknown {
  if (!data) return data
  const { updatedAt: _updatedAt, ...plan } = data.plan
  return { ...data, plan }
}
