import type { Feature, FeatureCollection } from 'geojson'
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import { SITE_STATUSES, type Cluster, type Region, type Site } from '@/core/model'
import { addKindIcons } from './kind-icons'
import { CLUSTER_COLOR, COUNTY_LINE_COLOR, STATUS_COLORS, TARGET_STATUS_COLORS, TOWN_LINE_COLOR } from './status-style'

/** The custom layer drawing the point sites (see site-layer/): GeoJSON points do not scale to city plans. */
export const SITE_LAYER_ID = 'site-points-gl'

export const SOURCE_IDS = { regions: 'plan-regions', sites: 'plan-sites', clusters: 'plan-clusters' } as const

/** Layers a layer toggle switches, by toggle. */
export const TOGGLED_LAYERS = {
  sites: [SITE_LAYER_ID],
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
    [SOURCE_IDS.sites]: siteFeatures(sites.filter((s) => s.geometry.type === 'LineString')),
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
}

export function setClusters(map: MapLibreMap, clusters: Cluster[]): void {
  (map.getSource(SOURCE_IDS.clusters) as GeoJSONSource | undefined)?.setData(planSources([], [], clusters)[SOURCE_IDS.clusters]!)
}

/** Replaces the drawn bus lines (the only sites still on a GeoJSON source: there are few). */
export function setLines(map: MapLibreMap, sites: Site[]): void {
  (map.getSource(SOURCE_IDS.sites) as GeoJSONSource | undefined)?.setData(siteFeatures(sites.filter((s) => s.geometry.type === 'LineString')))
}

export function applyLayerChoice(map: MapLibreMap, choice: Record<keyof typeof TOGGLED_LAYERS, boolean>): void {
  for (const [toggle, ids] of Object.entries(TOGGLED_LAYERS)) {
    for (const id of ids) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', choice[toggle as keyof typeof TOGGLED_LAYERS] ? 'visible' : 'none')
    }
  }
}

/** Colours each town by the status of the target shown (feature state: no source update, no re-tiling). */
export function paintTownStatuses(map: MapLibreMap, statuses: ReadonlyArray<{ code: string, status: string | null }>): void {
  if (!map.getSource(SOURCE_IDS.regions)) return
  for (const { code, status } of statuses) map.setFeatureState({ source: SOURCE_IDS.regions, id: code }, { status: status ?? 'none' })
}

export const CLICKABLE_LINE_LAYERS = ['bus-lines'] as const
