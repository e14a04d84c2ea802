import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl'
import type { Site } from '@/core/model'
import { showPlan, siteFeatures, SOURCE_IDS, TOGGLED_LAYERS } from '@/map/plan-layers'
import { createSiteLayer } from '@/map/site-layer'
import type { BenchMode } from './bench-api'

/** One way of drawing the sites, behind the three operations the benchmark times. */
export interface SiteRenderer {
  /** The style layers that draw the sites (hidden to measure the empty map). */
  layerIds: readonly string[]
  add(map: MapLibreMap, sites: Site[]): void
  edit(index: number, site: Site): void
  filter(sites: Site[], keep: ((site: Site) => boolean) | null): void
  /** Highlights a box selection (ids); only the custom layer has one. */
  select?(ids: readonly string[]): void
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** The custom layer over typed arrays (src/map/site-layer). */
function layerRenderer(): SiteRenderer {
  const layer = createSiteLayer()
  return {
    layerIds: [layer.id],
    add(map, sites) {
      layer.setSites(sites)
      map.addLayer(layer)
    },
    edit: (index, site) => layer.updateSite(index, site),
    filter: (_sites, keep) => layer.setFilter(keep),
    select: (ids) => layer.setSelection(ids),
  }
}

/**
 * The plain approach: the app's own GeoJSON source and layers (plan-layers.ts), edits by updateData, filters by
 * setData of the kept features, as MapCanvas does today. The sites source is added first with promoteId, which
 * updateData needs; showPlan then adds the other (empty) sources and all the layers.
 */
function geojsonRenderer(): SiteRenderer {
  let source: GeoJSONSource | undefined
  return {
    layerIds: [...TOGGLED_LAYERS.sites, ...TOGGLED_LAYERS.busLines, 'site-selected'],
    add(map, sites) {
      map.addSource(SOURCE_IDS.sites, { type: 'geojson', data: siteFeatures(sites), promoteId: 'id' })
      showPlan(map, { [SOURCE_IDS.regions]: EMPTY, [SOURCE_IDS.clusters]: EMPTY })
      source = map.getSource(SOURCE_IDS.sites) as GeoJSONSource
    },
    edit(_index, site) {
      source!.updateData({ update: [{ id: site.id, addOrUpdateProperties: [{ key: 'status', value: site.status }] }] })
    },
    filter: (sites, keep) => source!.setData(siteFeatures(keep ? sites.filter(keep) : sites)),
  }
}

function emptyRenderer(): SiteRenderer {
  return { layerIds: [], add: () => {}, edit: () => {}, filter: () => {} }
}

export const RENDERERS: Record<BenchMode, () => SiteRenderer> = { layer: layerRenderer, geojson: geojsonRenderer, empty: emptyRenderer }
