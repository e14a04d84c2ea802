import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson'
import type { Cluster, Region, RegionLevel, Site } from '../model'

/**
 * The demo ships as plain GeoJSON (public/geo), so it opens in any GIS and feeds the CLI; these convert it to and
 * from the model. Property names match the model's field names.
 */
export type RegionCollection = FeatureCollection<Polygon | MultiPolygon, Omit<Region, 'geometry'>>
export type SiteCollection = FeatureCollection<Point | LineString, Omit<Site, 'geometry'>>
export type ClusterCollection = FeatureCollection<Polygon, Omit<Cluster, 'geometry'>>

export function regionsToCollection(regions: Region[]): RegionCollection {
  return {
    type: 'FeatureCollection',
    features: regions.filter((r) => r.geometry).map(({ geometry, ...properties }) => feature(geometry!, properties)),
  }
}

export function regionsFromCollection(collection: RegionCollection): Region[] {
  return collection.features.map(({ geometry, properties }) => ({
    code: properties.code,
    name: properties.name,
    level: properties.level as RegionLevel,
    parentCode: properties.parentCode,
    approximate: properties.approximate,
    geometry,
  }))
}

export function sitesToCollection(sites: Site[]): SiteCollection {
  return { type: 'FeatureCollection', features: sites.map(({ geometry, ...properties }) => feature(geometry, properties)) }
}

export function sitesFromCollection(collection: SiteCollection): Site[] {
  return collection.features.map(({ geometry, properties }) => ({ ...properties, geometry }))
}

export function clustersToCollection(clusters: Cluster[]): ClusterCollection {
  return { type: 'FeatureCollection', features: clusters.map(({ geometry, ...properties }) => feature(geometry, properties)) }
}

export function clustersFromCollection(collection: ClusterCollection): Cluster[] {
  return collection.features.map(({ geometry, properties }) => ({ ...properties, geometry }))
}

function feature<G extends Feature['geometry'], P>(geometry: G, properties: P): Feature<G, P> {
  return { type: 'Feature', properties, geometry }
}
