import type { CustomLayerInterface, Map as MapLibreMap } from 'maplibre-gl'
import type { Site } from '@/core/model'
import { addKindIcons, iconName } from '../kind-icons'
import { deleteSiteGlResources, type GL } from './gl-resources'
import { buildKindAtlas, type RgbaImage } from './kind-atlas'
import { mercatorX, mercatorY, worldSizePx } from './mercator'
import { prerenderSites, renderSites } from './render-sites'
import { maskFromPredicate, writeVisibility } from './site-mask'
import { applySite, createState, ensurePickIndex, replaceSites, selectSites, siteIndexOf, type SiteLayerState, type SitePredicate } from './site-layer-state'
import { recountBins } from './site-bins'
import { pickSlot } from './site-picker'
import { createRepainter, type Repainter } from './repaint'

export type { SitePredicate } from './site-layer-state'

export interface SiteLayerOptions {
  /** The style layer id; 'site-points-gl' unless given. */
  id?: string
  /** Hit radius of pick() in CSS pixels when the caller gives none. */
  pickRadiusPx?: number
  /**
   * Below this zoom (default 12) overlapping sites are drawn as one dot per small grid bin, coloured by the bin's
   * most common status and sized by its count (issue 6: "at county zoom … aggregate them"), when that pays: at
   * least four sites per bin on average (200,000 sites in a county, not the demo's 3,000). 0 turns this off.
   * pick() still finds single sites there.
   */
  aggregateBelowZoom?: number
}

/**
 * Point sites (merchants as dots, other kinds as their icons, coloured by status) drawn by one MapLibre custom layer
 * from typed arrays. Bus lines (LineStrings) are not drawn here: they stay on the GeoJSON line layer. Add it with
 * `map.addLayer(siteLayer)`; every method may be called before that.
 */
export interface SiteLayer extends CustomLayerInterface {
  /**
   * Replaces all sites (one pass into typed arrays; the upload happens on the next frame). A filter set with
   * setFilter is applied to the new sites; a mask from setVisible is dropped (it described the old array). The
   * selected site and the selection are kept by id (ids no longer there are dropped).
   */
  setSites(sites: readonly Site[]): void
  /** Replaces one site, by its index in the last setSites array or by id; false if there is no such site. */
  updateSite(key: number | string, site: Site): boolean
  /** Shows only the sites whose byte is 1 (one byte per site, setSites order); null shows all. */
  setVisible(mask: Uint8Array | null): void
  /** Shows only the sites the predicate keeps, and keeps applying it to edited sites; null shows all. */
  setFilter(keep: SitePredicate | null): void
  /** Rings one site (by id), as the 'site-selected' layer did; null for none. */
  setSelected(id: string | null): void
  /**
   * Highlights many sites (a box or lasso selection) by id: a halo in the selection colour, drawn with them above
   * every other site, also while the others are aggregated into bins. Follows their edits; hidden sites (filtered
   * out) are not drawn. An empty list clears it.
   */
  setSelection(ids: Iterable<string>): void
  /** The id of the nearest shown site within radiusPx of a screen point (CSS px, as MapLibre events give), or null. */
  pick(point: { x: number, y: number }, radiusPx?: number): string | null
  /** Whether the last frame drew the sites aggregated into bins (see aggregateBelowZoom), for the legend. */
  isAggregated(): boolean
}

function iconOf(map: MapLibreMap) {
  return (kind: Parameters<typeof iconName>[0]): RgbaImage | null => map.getImage(iconName(kind))?.data ?? null
}

function pickSite(state: SiteLayerState, point: { x: number, y: number }, radiusPx: number): string | null {
  const { map, packed } = state
  if (!map || packed.count === 0) return null
  const { lng, lat } = map.unproject([point.x, point.y])
  const radius = radiusPx / worldSizePx(map.getZoom())
  const slot = pickSlot(ensurePickIndex(state), packed, mercatorX(lng) - packed.anchorX, mercatorY(lat) - packed.anchorY, radius)
  return slot < 0 ? null : state.sites[packed.siteOfSlot[slot]!]!.id
}

function setMask(state: SiteLayerState, mask: Uint8Array | null, predicate: SitePredicate | null): void {
  state.mask = mask
  state.predicate = predicate
  writeVisibility(state.packed, mask)
  state.pending.allStyles = true
  state.cacheStale = true
  if (state.bins) recountBins(state.bins, state.packed)
  state.binsDirty = true
}

/** Builds the hit-test index when the browser is idle, after the first frames, so the first hover is instant. */
function schedulePickIndex(state: SiteLayerState): void {
  if (typeof requestIdleCallback !== 'function') return
  const packed = state.packed
  requestIdleCallback(() => {
    if (state.packed === packed) ensurePickIndex(state)
  }, { timeout: 2000 })
}

function lifecycle(state: SiteLayerState, repainter: Repainter): Pick<SiteLayer, 'onAdd' | 'onRemove' | 'prerender' | 'render'> {
  const framed = () => repainter.framed()
  return {
    onAdd(map: MapLibreMap) {
      state.map = map
      map.on('render', framed)
      // The same icons as the GeoJSON symbol layer and the legend (registering twice is a no-op).
      addKindIcons(map)
      state.atlas = buildKindAtlas(iconOf(map))
    },
    onRemove(map: MapLibreMap, gl: GL) {
      map.off('render', framed)
      if (state.resources) deleteSiteGlResources(gl, state.resources)
      state.resources = null
      state.map = null
      // A later addLayer starts from scratch on a new context: upload everything again, draw a new cache.
      state.pending.all = true
      state.selection.dirty = true
      state.binsDirty = true
      state.lastZoom = Number.NaN
      state.cachePlan = null
      state.cacheKey = null
      if (state.cacheTimer !== null) clearTimeout(state.cacheTimer)
      state.cacheTimer = null
    },
    prerender: (gl) => prerenderSites(gl, state),
    render: (gl, options) => renderSites(gl, state, options),
  }
}

/** Creates the site layer; see SiteLayer. */
export function createSiteLayer(options: SiteLayerOptions = {}): SiteLayer {
  const state = createState()
  state.aggregateBelowZoom = options.aggregateBelowZoom ?? state.aggregateBelowZoom
  const repainter = createRepainter()
  const repaint = () => {
    if (state.map) repainter.request(state.map)
  }
  return {
    id: options.id ?? 'site-points-gl',
    type: 'custom',
    renderingMode: '2d',
    ...lifecycle(state, repainter),
    setSites(sites) {
      replaceSites(state, sites)
      schedulePickIndex(state)
      repaint()
    },
    updateSite(key, site) {
      const index = typeof key === 'number' ? key : siteIndexOf(state, key)
      if (index < 0 || index >= state.sites.length) return false
      applySite(state, index, site)
      repaint()
      return true
    },
    setVisible(mask) {
      setMask(state, mask, null)
      repaint()
    },
    setFilter(keep) {
      setMask(state, keep ? maskFromPredicate(state.sites, keep) : null, keep)
      repaint()
    },
    setSelected(id) {
      state.selectedSite = id === null ? -1 : siteIndexOf(state, id)
      repaint()
    },
    setSelection(ids) {
      selectSites(state, ids)
      repaint()
    },
    pick: (point, radiusPx) => pickSite(state, point, radiusPx ?? options.pickRadiusPx ?? 8),
    isAggregated: () => state.aggregated && state.packed.count > 0,
  }
}
