import type { CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl'
import { anchoredMatrix } from './anchored-matrix'
import { bindCacheTarget, drawCacheQuad } from './cache-gl'
import { drawHighlight, drawOverlay, drawSelection, drawSites, largestSpritePx } from './draw-sites'
import { bindVertices, createSiteGlResources, unbindSiteResources, uploadAtlas, type GL, type SiteGlResources } from './gl-resources'
import { mercatorX, mercatorY, worldSizePx } from './mercator'
import type { PackedSites } from './pack-sites'
import { flushUploads } from './pending-uploads'
import { binsPay, buildBins } from './site-bins'
import { cacheMatrix, cacheServes, planCache, type CachePlan } from './site-cache'
import { ensureSelectionSlots, type SiteLayerState } from './site-layer-state'
import type { RelativeBox } from './visible-ranges'

/** The screen's bounds relative to the anchor. */
function viewBox(map: MapLibreMap, packed: PackedSites): RelativeBox {
  const bounds = map.getBounds()
  return {
    minX: mercatorX(bounds.getWest()) - packed.anchorX,
    maxX: mercatorX(bounds.getEast()) - packed.anchorX,
    // Mercator y grows southwards.
    minY: mercatorY(bounds.getNorth()) - packed.anchorY,
    maxY: mercatorY(bounds.getSouth()) - packed.anchorY,
  }
}

/** A box widened by half the largest sprite, so points just outside it that overlap into it are drawn. */
function padded(box: RelativeBox, spritePx: number, zoom: number): RelativeBox {
  const pad = spritePx / 2 / worldSizePx(zoom)
  return { minX: box.minX - pad, minY: box.minY - pad, maxX: box.maxX + pad, maxY: box.maxY + pad }
}

function ensureResources(gl: GL, state: SiteLayerState): SiteGlResources {
  if (!state.resources) {
    state.resources = createSiteGlResources(gl)
    uploadAtlas(gl, state.resources.atlas, state.atlas!)
  }
  return state.resources
}

/** Draws all sites of the plan's area into the cache texture. */
function drawIntoCache(gl: GL, state: SiteLayerState, resources: SiteGlResources, plan: CachePlan): void {
  bindCacheTarget(gl, resources.cache, plan)
  gl.disable(gl.DEPTH_TEST)
  gl.disable(gl.STENCIL_TEST)
  gl.disable(gl.SCISSOR_TEST)
  gl.enable(gl.BLEND)
  gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA)
  const matrix = cacheMatrix(plan.box)
  drawSites(gl, state, resources, padded(plan.box, largestSpritePx(state), state.map!.getZoom()), matrix)
  drawSelection(gl, state, resources, matrix)
  unbindSiteResources(gl, resources)
}

/** Time without zooming or data changes after which the texture is drawn, so it is ready for the next pan or edit. */
const CACHE_DELAY_MS = 200

/** Asks for one more frame once the view has held still: that frame draws the texture. */
function scheduleCache(state: SiteLayerState): void {
  if (state.cacheTimer !== null) clearTimeout(state.cacheTimer)
  state.cacheTimer = setTimeout(() => {
    state.cacheTimer = null
    state.map?.triggerRepaint()
  }, CACHE_DELAY_MS)
}

/** Bins for the zoom's level when it is aggregated (built on first need); sets state.aggregated. */
function updateBins(state: SiteLayerState, zoom: number): void {
  const level = zoom < state.aggregateBelowZoom ? Math.max(0, Math.floor(zoom)) : null
  if (level !== null && state.bins?.level !== level) {
    state.bins = buildBins(state.packed, level)
    state.binsDirty = true
  }
  state.aggregated = level !== null && state.bins !== null && binsPay(state.bins, state.packed.count)
}

function uploadBins(gl: GL, state: SiteLayerState, resources: SiteGlResources): void {
  if (!state.binsDirty || !state.bins) return
  gl.bindBuffer(gl.ARRAY_BUFFER, resources.binPositionBuffer)
  gl.bufferData(gl.ARRAY_BUFFER, state.bins.positions, gl.DYNAMIC_DRAW)
  gl.bindBuffer(gl.ARRAY_BUFFER, resources.binStyleBuffer)
  gl.bufferData(gl.ARRAY_BUFFER, state.bins.styles, gl.DYNAMIC_DRAW)
  state.binsDirty = false
}

/** Sends the selection's slots when they changed; call with the sites' vertex array bound, which keeps the binding. */
function uploadSelection(gl: GL, state: SiteLayerState, resources: SiteGlResources): void {
  const selection = ensureSelectionSlots(state)
  if (!selection.dirty) return
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, resources.selectionBuffer)
  gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, selection.slots!, gl.DYNAMIC_DRAW)
  selection.dirty = false
}

/** Sends pending uploads; a change the texture cannot show by an overlay retires it. Returns whether one did. */
function flushChanges(gl: GL, state: SiteLayerState, resources: SiteGlResources): boolean {
  bindVertices(gl, resources)
  flushUploads(gl, state.pending, resources, state.packed)
  uploadSelection(gl, state, resources)
  if (state.aggregated) uploadBins(gl, state, resources)
  unbindSiteResources(gl, resources)
  if (!state.cacheStale) return false
  state.cacheStale = false
  state.dataVersion++
  state.overlay.clear()
  return true
}

/** Makes the texture serve the view (drawing it again if it does not); false if no texture can (too large). */
function ensureCache(gl: GL, state: SiteLayerState, resources: SiteGlResources, zoom: number): boolean {
  const map = state.map!
  const view = viewBox(map, state.packed)
  const key = { zoom, pixelRatio: map.getPixelRatio(), dataVersion: state.dataVersion }
  if (cacheServes(state.cachePlan, state.cacheKey, view, key)) return true
  const plan = planCache(view, worldSizePx(zoom) * key.pixelRatio, resources.maxTextureSize)
  if (!plan) return false
  drawIntoCache(gl, state, resources, plan)
  state.cachePlan = plan
  state.cacheKey = key
  // The new texture shows every edit.
  state.overlay.clear()
  return true
}

/**
 * The layer's prerender(): sends pending uploads and decides how this frame draws. While the zoom or the data
 * change, frames draw the points directly (a texture would be redrawn every frame); once both hold still, a frame
 * draws the texture and the frames after it (panning, recolouring) draw only the texture, the edited sites and the
 * highlight. MapLibre rebinds its own framebuffer after prerender.
 */
export function prerenderSites(gl: GL, state: SiteLayerState): void {
  const map = state.map
  state.drawFromCache = false
  if (!map || !state.atlas) return
  const resources = ensureResources(gl, state)
  const zoom = map.getZoom()
  updateBins(state, zoom)
  const stale = flushChanges(gl, state, resources)
  // The first frame draws the texture at once: drawing the points directly first would draw them all twice.
  const first = Number.isNaN(state.lastZoom)
  const zooming = zoom !== state.lastZoom
  state.lastZoom = zoom
  if (state.packed.count === 0 || map.getBearing() !== 0 || map.getPitch() !== 0) return
  if (!first && (zooming || stale)) return scheduleCache(state)
  state.drawFromCache = ensureCache(gl, state, resources, zoom)
}

/**
 * The layer's render(): the texture as one quad (the selection's halos are in it) and the edited sites, or the
 * on-screen cell ranges and the selection; then the selected site's ring.
 */
export function renderSites(gl: GL, state: SiteLayerState, options: CustomRenderMethodInput): void {
  const resources = state.resources
  if (!state.map || !resources || state.packed.count === 0) return
  const matrix = anchoredMatrix(options.defaultProjectionData.mainMatrix, state.packed.anchorX, state.packed.anchorY)
  gl.disable(gl.DEPTH_TEST)
  gl.disable(gl.STENCIL_TEST)
  if (state.drawFromCache) {
    drawCacheQuad(gl, resources.cache, resources.vertexArrays, state.cachePlan!, matrix)
    drawOverlay(gl, state, resources, matrix)
  } else {
    drawSites(gl, state, resources, padded(viewBox(state.map, state.packed), largestSpritePx(state), state.map.getZoom()), matrix)
    drawSelection(gl, state, resources, matrix)
  }
  drawHighlight(gl, state, resources, matrix)
  unbindSiteResources(gl, resources)
}
