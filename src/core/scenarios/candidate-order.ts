import type { Position } from 'geojson'
import type { Site, SiteStatus } from '../model'
import { buildPolygonGrid, locateParts } from '../geometry/polygon-grid'
import type { ClusterPlan } from './cluster-plan'

/** Where a merchant stands to the clusters, best first: what the generator converts first. */
export const IN_CHOSEN = 0, IN_CLUSTER = 1, NEAR_CLUSTER = 2, ELSEWHERE = 3

/** Per site: its cluster tier and the cluster option it was ranked by (-1 for none). */
export interface ClusterTiers {
  tier: Uint8Array
  option: Int32Array
}

/** Further along the pipeline first: fewer steps (and less risk) to go live. */
const STATUS_RANK: Record<SiteStatus, number> = { retrofitting: 0, contacted: 1, candidate: 2, suspended: 3, live: 4 }

/**
 * Ranks the merchants by cluster: inside a cluster the generator establishes, inside another cluster of the
 * plan (drawn, or a suggestion it adds), within `nearMeters` of one (of its bounding box, grown), elsewhere.
 * Converting the first ones helps establish clusters as well as meet the share targets.
 */
export function clusterTiers(sites: Site[], clusters: ClusterPlan, nearMeters: number): ClusterTiers {
  const tier = new Uint8Array(sites.length).fill(ELSEWHERE)
  const option = new Int32Array(sites.length).fill(-1)
  const inPlan = clusters.options.map((o, k) => o.suggestion === null || clusters.choices.some((c) => c.option === k))
  const chosen = new Set(clusters.choices.map((c) => c.option))
  markNear(sites, clusters, inPlan, nearMeters, tier, option)
  clusters.options.forEach((o, k) => {
    if (!inPlan[k]) return
    const t = chosen.has(k) ? IN_CHOSEN : IN_CLUSTER
    for (const i of o.convertible) {
      if (t < tier[i]!) {
        tier[i] = t
        option[i] = k
      }
    }
  })
  return { tier, option }
}

function markNear(sites: Site[], clusters: ClusterPlan, inPlan: boolean[], nearMeters: number, tier: Uint8Array, option: Int32Array): void {
  const kept = clusters.options.flatMap((o, k) => inPlan[k] ? [k] : [])
  if (kept.length === 0 || nearMeters <= 0) return
  const grid = buildPolygonGrid(kept.map((k) => [grownBox(clusters.options[k]!.geometry.coordinates[0]!, nearMeters)]))
  sites.forEach((site, i) => {
    if (site.kind !== 'merchant' || site.geometry.type !== 'Point') return
    const part = locateParts(grid, site.geometry.coordinates[0]!, site.geometry.coordinates[1]!)
    if (part >= 0) {
      tier[i] = NEAR_CLUSTER
      option[i] = kept[part]!
    }
  })
}

function grownBox(ring: Position[], meters: number): Position[] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (const [x, y] of ring as [number, number][]) {
    minX = Math.min(minX, x)
    maxX = Math.max(maxX, x)
    minY = Math.min(minY, y)
    maxY = Math.max(maxY, y)
  }
  const dy = meters / 111_320
  const dx = dy / Math.cos(((minY + maxY) / 2) * (Math.PI / 180))
  return [[minX - dx, minY - dy], [maxX + dx, minY - dy], [maxX + dx, maxY + dy], [minX - dx, maxY + dy], [minX - dx, minY - dy]]
}

/**
 * Conversion order of a kind's candidates (site indices, best first): for a kind counted in units, the
 * largest first (fewest conversions for a unit target); then the cluster tier; then the pipeline status;
 * then the plan's own order. Keys and indices are packed in one float so a native sort does the work.
 */
export function orderCandidates(sites: Site[], candidates: number[], tiers: ClusterTiers, byUnits: boolean): Int32Array {
  if (candidates.length >= 2 ** 21) return Int32Array.from(candidates.slice().sort((a, b) => key(sites, a, tiers, byUnits) - key(sites, b, tiers, byUnits) || a - b))
  const packed = Float64Array.from(candidates, (i) => key(sites, i, tiers, byUnits) * 2 ** 21 + i)
  packed.sort()
  return Int32Array.from(packed, (v) => v % 2 ** 21)
}

function key(sites: Site[], i: number, tiers: ClusterTiers, byUnits: boolean): number {
  const site = sites[i]!
  const size = byUnits ? 2 ** 20 - Math.min(2 ** 20 - 1, Math.max(0, Math.round(site.units))) : 0
  return size * 32 + tiers.tier[i]! * 8 + STATUS_RANK[site.status]
}
