import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import {
  buildDemo, clustersToCollection, DEMO_SEED, regionsToCollection, sitesToCollection, type DemoData, type OfficialTown,
} from '../src/core/demo'
import { serializeCollection } from '../src/core/demo/serialize'

export const DEMO_FILES = {
  regions: 'pingyin-regions.geojson',
  sites: 'pingyin-demo-sites.geojson',
  clusters: 'pingyin-demo-clusters.geojson',
} as const

/** Reads the Pingyin sources and builds the demo; `seed` defaults to the shipped demo's. */
export function buildPingyinDemo(sourceDir: string, seed = DEMO_SEED): DemoData {
  const readJson = <T>(name: string): T => JSON.parse(readFileSync(resolve(sourceDir, name), 'utf8')) as T
  const county = readJson<FeatureCollection<Polygon | MultiPolygon>>('pingyin-county.wgs84.geojson').features[0]?.geometry
  if (!county) throw new Error('pingyin-county.wgs84.geojson has no feature')
  const seats = readJson<FeatureCollection<Point, { code: string, name: string }>>('pingyin-town-seats.wgs84.geojson')
  return buildDemo({
    countyCode: '370124000000',
    countyName: '平阴县',
    county,
    towns: readJson<OfficialTown[]>('pingyin-towns.json'),
    seats: seats.features.map((f) => ({
      code: f.properties.code, name: f.properties.name, lng: f.geometry.coordinates[0] ?? 0, lat: f.geometry.coordinates[1] ?? 0,
    })),
    seed,
  })
}

/** The files of public/geo, as text, keyed by file name. */
export function serializeDemo(demo: DemoData, seed = DEMO_SEED): Record<string, string> {
  return {
    [DEMO_FILES.regions]: serializeCollection(regionsToCollection(demo.regions), { attribution: '边界: DataV.GeoAtlas（县界）；乡镇边界为近似示意' }),
    [DEMO_FILES.sites]: serializeCollection(sitesToCollection(demo.sites), { seed }),
    [DEMO_FILES.clusters]: serializeCollection(clustersToCollection(demo.clusters), {}),
  }
}
