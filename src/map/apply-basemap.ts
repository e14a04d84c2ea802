import type { ErrorEvent, Map as MapLibreMap } from 'maplibre-gl'
import { BASEMAP_PREFIX, type BasemapLayers } from './basemap-style'

const isBasemap = (id: string): boolean => id.startsWith(BASEMAP_PREFIX)

/**
 * Replaces the basemap's sources and layers, leaving the plan's alone: the new basemap goes right above the
 * style's background and below the first plan layer, so choropleth, sites and clusters stay on top. (No
 * setStyle: it would drop the plan's sources, feature states and the custom site layer.)
 */
export function setBasemap(map: MapLibreMap, basemap: BasemapLayers): void {
  // getLayersOrder, not getStyle: the style's serialisation leaves out custom layers (the site layer).
  const order = map.getLayersOrder()
  for (const id of order) if (isBasemap(id)) map.removeLayer(id)
  for (const id of Object.keys(map.getStyle().sources)) if (isBasemap(id)) map.removeSource(id)
  const firstPlanLayer = order.find((id) => !isBasemap(id) && map.getLayer(id)?.type !== 'background')
  for (const [id, source] of Object.entries(basemap.sources)) map.addSource(id, source)
  for (const layer of basemap.layers) map.addLayer(layer, firstPlanLayer)
}

/** Calls back with the HTTP status (undefined: no response) of every basemap tile that fails to load. */
export function onBasemapTileError(map: MapLibreMap, report: (status: number | undefined) => void): void {
  map.on('error', (event: ErrorEvent & { sourceId?: string }) => {
    // A tile's error is an AJAXError with the response's status (0 or none: the request never got an answer).
    const status = (event.error as Error & { status?: number }).status
    if (event.sourceId && isBasemap(event.sourceId)) report(status || undefined)
  })
}
