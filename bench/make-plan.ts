import type { Cluster, PlanData, Region, Site, SiteKind, SiteStatus } from '../src/core/model'
import { DEFAULT_CLUSTER_RULE } from '../src/core/model'
import { instantiateTemplate } from '../src/core/templates'
import { seeded } from './make-jinan-dataset'

const KINDS: [SiteKind, number][] = [['merchant', 0.9], ['school', 0.02], ['hospital', 0.02], ['postal_outlet', 0.01], ['utility_point', 0.01], ['parking', 0.01], ['venue', 0.01], ['payroll_unit', 0.01], ['union', 0.01]]
const STATUSES: SiteStatus[] = ['candidate', 'contacted', 'retrofitting', 'live', 'live', 'suspended']

function pick<T>(weighted: [T, number][], r: number): T {
  for (const [value, weight] of weighted) {
    if (r < weight) return value
    r -= weight
  }
  return weighted[weighted.length - 1]![0]
}

const isoDay = (offset: number): string => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10)

/** A plan with one site per point: mostly merchants, mixed statuses, go-live and planned dates across 2023–24. */
export function makePlan(regions: Region[], xy: Float64Array): PlanData {
  const random = seeded(11)
  const sites: Site[] = []
  for (let i = 0; i < xy.length / 2; i++) {
    const status = STATUSES[Math.floor(random() * STATUSES.length)]!
    sites.push({
      id: `s${i}`, name: '', kind: pick(KINDS, random()),
      geometry: { type: 'Point', coordinates: [xy[2 * i]!, xy[2 * i + 1]!] },
      status, methods: [], operator: null,
      liveDate: status === 'live' ? isoDay(Math.floor(random() * 300)) : null,
      plannedDate: status !== 'live' && random() < 0.7 ? isoDay(Math.floor(random() * 600)) : null,
      units: 1,
    })
  }
  const now = new Date().toISOString()
  return {
    plan: { id: 'bench', name: 'bench', rootRegionCode: '370100000000', templateId: 'pingyin-2023', settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: false, createdAt: now, updatedAt: now },
    regions,
    sites,
    clusters: makeClusters(regions),
    targets: instantiateTemplate('pingyin-2023', '370100000000'),
    indicators: [],
  }
}

/** One small square cluster near the middle of each town's box. */
function makeClusters(regions: Region[]): Cluster[] {
  return regions.filter((r) => r.level === 'town').map((town, i) => {
    const ring = (town.geometry!.type === 'Polygon' ? town.geometry!.coordinates[0] : town.geometry!.coordinates[0]![0])!
    const xs = ring.map((p) => p[0]!), ys = ring.map((p) => p[1]!)
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2, h = 0.004
    return { id: `k${i}`, name: `${town.name} 集聚区`, geometry: { type: 'Polygon', coordinates: [[[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h], [cx - h, cy - h]]] } }
  })
}

/** `count` status edits (candidate ↔ live) on point sites, as [before, after] pairs that share the geometry. */
export function statusEdits(sites: Site[], count: number): [Site, Site][] {
  const step = Math.floor(sites.length / count)
  return Array.from({ length: count }, (_, k) => {
    const before = sites[k * step]!
    const after: Site = before.status === 'live' ? { ...before, status: 'contacted', liveDate: null } : { ...before, status: 'live', liveDate: '2023-06-01' }
    return [before, after]
  })
}
