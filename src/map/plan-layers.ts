import type { Feature, FeatureCollection } from 'geojson'
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import { SITE_STATUSES, type Cluster, type Region, type Site } from '@/core/model'
import { addKindIcons } from './kind-icons'
import { CLUSTER_COLOR, COUNTY_LINE_COLOR, STATUS_COLORS, TARGET_STATUS_COLORS, TOWN_LINE_COLOR } from './status-style'

export const SOURCE_IDS = { regions: 'plan-regions', sites: 'plan-sites', clusters: 'plan-clusters' } as const

/** Layers a layer toggle switches, by toggle. */
export const TOGGLED_LAYERS = {
  sites: ['site-points', 'site-symbols'],
  busLines: ['bus-lines'],
  clusters: ['cluster-fill', 'cluster-line'],
  choropleth: ['town-fill'],
} as const

const statusColor = [
  'match', ['get', 'status'],
  ...SITE_STATUSES.flatMap((status) => [status, STATUS_COLORS[status]]),
  '#000000',
] as unknown as ExpressionSpecification

const townStatusColor = [
  'match', ['coalesce', ['feature-state', 'status'], 'none'],
  ...Object.entries(TARGET_STATUS_COLORS).flat(),
  TARGET_STATUS_COLORS.none,
] as unknown as ExpressionSpecification

const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point']

export function siteFeatures(sites: Site[]): FeatureCollection {
  return { type: 'FeatureCollection', features: sites.map((s): Feature => ({ type: 'Feature', geometry: s.geometry, properties: { id: s.id, kind: s.kind, status: s.status } })) }
}

/** The plan's data as map sources: regions, sites (points and bus lines) and clusters. */
export function planSources(regions: Region[], sites: Site[], clusters: Cluster[]): Record<string, FeatureCollection> {
  return {
    [SOURCE_IDS.regions]: {
      type: 'FeatureCollection',
      features: regions.filter((r) => r.geometry).map((r) => ({
        type: 'Feature', id: r.code, geometry: r.geometry!, properties: { code: r.code, name: r.name, level: r.level },
      })),
    },
    [SOURCE_IDS.sites]: siteFeatures(sites),
    [SOURCE_IDS.clusters]: {
      type: 'FeatureCollection',
      features: clusters.map((c) => ({ type: 'Feature', geometry: c.geometry, properties: { id: c.id, name: c.name } })),
    },
  }
}

/** Adds (or refreshes) the plan's sources and layers; safe to call again after a style reload. */
export function showPlan(map: MapLibreMap, sources: Record<string, FeatureCollection>): void {
  for (const [id, data] of Object.entries(sources)) {
    const existing = map.getSource(id) as GeoJSONSource | undefined
    if (existing) existing.setData(data)
    // Regions are keyed by their code, so the choropleth can set each town's status as feature state.
    else map.addSource(id, id === SOURCE_IDS.regions ? { type: 'geojson', data, promoteId: 'code' } : { type: 'geojson', data })
  }
  if (!map.getLayer('town-fill')) addLayers(map)
}

function addLayers(map: MapLibreMap): void {
  addKindIcons(map)
  const town: ExpressionSpecification = ['==', ['get', 'level'], 'town']
  map.addLayer({ id: 'town-fill', type: 'fill', source: SOURCE_IDS.regions, filter: town, paint: { 'fill-color': townStatusColor, 'fill-opacity': 0.5 } })
  map.addLayer({ id: 'town-line', type: 'line', source: SOURCE_IDS.regions, filter: town, paint: { 'line-color': TOWN_LINE_COLOR, 'line-width': 1.2, 'line-dasharray': [3, 2] } })
  map.addLayer({ id: 'county-line', type: 'line', source: SOURCE_IDS.regions, filter: ['==', ['get', 'level'], 'county'], paint: { 'line-color': COUNTY_LINE_COLOR, 'line-width': 2.4 } })
  map.addLayer({ id: 'cluster-fill', type: 'fill', source: SOURCE_IDS.clusters, paint: { 'fill-color': CLUSTER_COLOR, 'fill-opacity': 0.14 } })
  map.addLayer({ id: 'cluster-line', type: 'line', source: SOURCE_IDS.clusters, paint: { 'line-color': CLUSTER_COLOR, 'line-width': 2 } })
  map.addLayer({
    id: 'bus-lines', type: 'line', source: SOURCE_IDS.sites, filter: ['==', ['geometry-type'], 'LineString'],
    paint: { 'line-color': statusColor, 'line-width': 2.5, 'line-opacity': 0.85 },
  })
  map.addLayer({
    id: 'site-points', type: 'circle', source: SOURCE_IDS.sites, filter: ['all', isPoint, ['==', ['get', 'kind'], 'merchant']],
    paint: {
      'circle-color': statusColor,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 1.8, 12, 3.5, 15, 6],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 0, 12, 0.6, 15, 1],
    },
  })
  map.addLayer({
    id: 'site-symbols', type: 'symbol', source: SOURCE_IDS.sites, filter: ['all', isPoint, ['!=', ['get', 'kind'], 'merchant']],
    layout: {
      'icon-image': ['concat', 'kind-', ['get', 'kind']],
      'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.45, 12, 0.7, 15, 1],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
    paint: { 'icon-color': statusColor, 'icon-halo-color': '#ffffff', 'icon-halo-width': 1.2 },
  })
  map.addLayer({
    id: 'site-selected', type: 'circle', source: SOURCE_IDS.sites, filter: ['==', ['get', 'id'], ''],
    paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#1d3b57', 'circle-stroke-width': 2.5 },
  })
}

/** Replaces the drawn sites (after a filter change or an edit). */
export function setSites(map: MapLibreMap, sites: Site[]): void {
  (map.getSource(SOURCE_IDS.sites) as GeoJSONSource | undefined)?.setData(siteFeatures(sites))
}

export function applyLayerChoice(map: MapLibreMap, choice: Record<keyof typeof TOGGLED_LAYERS, boolean>): void {
  for (const [toggle, ids] of Object.entries(TOGGLED_LAYERS)) {
    for (const id of ids) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', choice[toggle as keyof typeof TOGGLED_LAYERS] ? 'visible' : 'none')
    }
  }
}

export function highlightSite(map: MapLibreMap, siteId: string | null): void {
  if (map.getLayer('site-selected')) map.setFilter('site-selected', ['==', ['get', 'id'], siteId ?? ''])
}

/** Colours each town by the status of the target shown (feature state: no source update, no re-tiling). */
export function paintTownStatuses(map: MapLibreMap, statuses: ReadonlyArray<{ code: string, status: string | null }>): void {
  if (!map.getSource(SOURCE_IDS.regions)) return
  for (const { code, status } of statuses) map.setFeatureState({ source: SOURCE_IDS.regions, id: code }, { status: status ?? 'none' })
}

export const CLICKABLE_SITE_LAYERS = ['site-points', 'site-symbols', 'bus-lines'] as const
