import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { booleanPointInPolygon } from '@turf/turf'
import { regionsFromCollection, sitesFromCollection, type RegionCollection, type SiteCollection } from '@/core/demo'
import type { Region, Site } from '@/core/model'

const geoDir = resolve(import.meta.dirname, '../../public/geo')

export function readDemoFiles(): { regions: Region[], sites: Site[] } {
  const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(geoDir, name), 'utf8')) as T
  return {
    regions: regionsFromCollection(read<RegionCollection>('pingyin-regions.geojson')),
    sites: sitesFromCollection(read<SiteCollection>('pingyin-demo-sites.geojson')),
  }
}

export interface ExpectedTownCoverage {
  code: string
  name: string
  live: number
  total: number
  /** Merchants still needed for 30%: ceil(30% of total) − live, at least 0 (integer arithmetic, no float ceil). */
  gap: number
}

/**
 * Merchant coverage per town counted independently of the engine: turf's point-in-polygon over the files in
 * public/geo. The demo's points never lie on a town boundary, so no boundary rule is involved.
 */
export function expectedMerchantCoverage(asOfDate: string): ExpectedTownCoverage[] {
  const { regions, sites } = readDemoFiles()
  const merchants = sites.filter((s) => s.kind === 'merchant')
  return regions.filter((r) => r.level === 'town').map((town) => {
    const inside = merchants.filter((m) => m.geometry.type === 'Point' && booleanPointInPolygon(m.geometry.coordinates, town.geometry!))
    const live = inside.filter((m) => m.status === 'live' && m.liveDate !== null && m.liveDate <= asOfDate).length
    return { code: town.code, name: town.name, live, total: inside.length, gap: Math.max(0, Math.ceil((3 * inside.length) / 10) - live) }
  })
}
