import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import { offlineStyle } from './offline-style'
import type { Bounds } from './bounds'

// MapLibre 6 loads its worker from a URL; Vite hands us the bundled file's.
setWorkerUrl(workerUrl)

export interface CreateMapOptions {
  container: HTMLElement
  bounds: Bounds
  attribution: string
}

/** The planner's map on the offline basemap. The caller owns it (keep it out of reactive state) and removes it. */
export function createMap({ container, bounds, attribution }: CreateMapOptions): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: offlineStyle(),
    bounds,
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    maxZoom: 19,
  })
  map.addControl(new AttributionControl({ compact: false, customAttribution: attribution }), 'bottom-right')
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left')
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left')
  map.touchZoomRotate.disableRotation()
  return map
}
