import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import type { Region } from '@/core/model'
import type { PreviewPoint } from '@/io/import/preview-sites'
import { geometryBounds, type Bounds } from './bounds'
import { COUNTY_LINE_COLOR, TOWN_LINE_COLOR } from './status-style'

/** Points inside a region of the plan, and the ones outside every region (drawn larger, in an alarm colour). */
export const PREVIEW_COLORS = { inside: '#1d3b57', outside: '#d93025' } as const

const SOURCES = { regions: 'import-preview-regions', points: 'import-preview-points' } as const

function pointFeatures(points: readonly PreviewPoint[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({ type: 'Feature', properties: { row: p.row, inside: p.inside }, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } })),
  }
}

function regionFeatures(regions: readonly Region[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: regions.filter((r) => r.geometry).map((r) => ({ type: 'Feature', properties: { code: r.code, level: r.level }, geometry: r.geometry! })),
  }
}

/** The import preview's layers: the plan's boundaries and the previewed points, outside ones on top. */
export function addImportPreview(map: MapLibreMap, regions: readonly Region[]): void {
  map.addSource(SOURCES.regions, { type: 'geojson', data: regionFeatures(regions) })
  map.addSource(SOURCES.points, { type: 'geojson', data: pointFeatures([]) })
  map.addLayer({ id: 'import-preview-town', type: 'line', source: SOURCES.regions, filter: ['!=', ['get', 'level'], 'county'], paint: { 'line-color': TOWN_LINE_COLOR, 'line-width': 1, 'line-dasharray': [3, 2] } })
  map.addLayer({ id: 'import-preview-county', type: 'line', source: SOURCES.regions, filter: ['==', ['get', 'level'], 'county'], paint: { 'line-color': COUNTY_LINE_COLOR, 'line-width': 2 } })
  map.addLayer({
    id: 'import-preview-points', type: 'circle', source: SOURCES.points,
    layout: { 'circle-sort-key': ['case', ['get', 'inside'], 0, 1] },
    paint: {
      'circle-color': ['case', ['get', 'inside'], PREVIEW_COLORS.inside, PREVIEW_COLORS.outside],
      'circle-radius': ['case', ['get', 'inside'], 3, 5],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  })
}

/** Shows new preview points and frames them with the plan's boundaries, so points far off stay in view. */
export function setImportPreviewPoints(map: MapLibreMap, regions: readonly Region[], points: readonly PreviewPoint[]): void {
  ;(map.getSource(SOURCES.points) as GeoJSONSource | undefined)?.setData(pointFeatures(points))
  const bounds = previewBounds(regions, points)
  if (bounds) map.fitBounds(bounds, { padding: 16, duration: 0, maxZoom: 14 })
}

/** The box around the regions and the points, or null when there is nothing to frame. */
export function previewBounds(regions: readonly Region[], points: readonly PreviewPoint[]): Bounds | null {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity]
  const add = (x: number, y: number): void => {
    west = Math.min(west, x)
    south = Math.min(south, y)
    east = Math.max(east, x)
    north = Math.max(north, y)
  }
  for (const region of regions) {
    if (!region.geometry) continue
    const [[w, s], [e, n]] = geometryBounds(region.geometry)
    add(w, s)
    add(e, n)
  }
  for (const p of points) add(p.lng, p.lat)
  return west <= east ? [[west, south], [east, north]] : null
}
