import type { CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl'
import { anchoredMatrix } from './anchored-matrix'
import { bindCacheTarget, drawCacheQuad } from './cache-gl'
import { bindSiteResources, createSiteGlResources, unbindSiteResources, uploadAtlas, type GL, type SiteGlResources } from './gl-resources'
import { mercatorX, mercatorY, worldSizePx } from './mercator'
import type { PackedSites } from './pack-sites'
import { flushUploads } from './pending-uploads'
import { buildBins } from './site-bins'
import { cacheMatrix, cacheServes, planCache, type CachePlan } from './site-cache'
import { isSlotVisible } from './site-mask'
import type { SiteLayerState } from './site-layer-state'
import { HIGHLIGHT_COLOR, HIGHLIGHT_RADIUS_PX, HIGHLIGHT_STROKE_PX, hexToRgb, pointSizes, statusColorTable } from './site-style'
import { visibleRanges, type RelativeBox } from './visible-ranges'

const STATUS_COLORS = statusColorTable()
const HIGHLIGHT_RGB = hexToRgb(HIGHLIGHT_COLOR)
const HIGHLIGHT_PX = 2 * (HIGHLIGHT_RADIUS_PX + HIGHLIGHT_STROKE_PX)

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

/** Sets the point program's uniforms for a matrix (the map's, or the cache texture's); returns the largest sprite. */
function setUniforms(gl: GL, resources: SiteGlResources, state: SiteLayerState, matrix: Float32Array): number {
  const { uniforms: u } = resources
  const map = state.map!
  const ratio = map.getPixelRatio()
  const sizes = pointSizes(map.getZoom())
  const atlas = state.atlas!
  gl.uniformMatrix4fv(u.u_matrix, false, matrix)
  gl.uniform3fv(u.u_colors, STATUS_COLORS)
  gl.uniform1f(u.u_merchant_px, sizes.merchantPx * ratio)
  gl.uniform1f(u.u_symbol_px, sizes.symbolPx * ratio)
  gl.uniform1f(u.u_merchant_fill, sizes.merchantFill)
  gl.uniform1f(u.u_highlight, 0)
  gl.uniform1f(u.u_highlight_px, HIGHLIGHT_PX * ratio)
  gl.uniform1f(u.u_pixel_ratio, ratio)
  gl.uniform1f(u.u_ring_inner, HIGHLIGHT_RADIUS_PX / (HIGHLIGHT_RADIUS_PX + HIGHLIGHT_STROKE_PX))
  gl.uniform3f(u.u_highlight_color, ...HIGHLIGHT_RGB)
  gl.uniform2f(u.u_atlas_cell, atlas.cellPx / atlas.width, atlas.cellPx / atlas.height)
  gl.uniform2f(u.u_atlas_pad, atlas.paddingPx / atlas.width, atlas.paddingPx / atlas.height)
  gl.uniform1f(u.u_atlas_stride, (atlas.cellPx + 2 * atlas.paddingPx) / atlas.width)
  gl.uniform1i(u.u_atlas, 0)
  gl.activeTexture(gl.TEXTURE0)
  gl.bindTexture(gl.TEXTURE_2D, resources.atlas)
  return Math.max(sizes.merchantPx, sizes.symbolPx)
}

/** Draws the points whose cells meet the box (plus the strays), or all bins, with the program already set up. */
function drawPoints(gl: GL, state: SiteLayerState, resources: SiteGlResources, box: RelativeBox): void {
  if (state.aggregated) {
    bindSiteResources(gl, resources, true)
    gl.drawArrays(gl.POINTS, 0, state.bins!.count)
    bindSiteResources(gl, resources)
    return
  }
  const ranges = visibleRanges(state.packed, box)
  for (let i = 0; i < ranges.length; i += 2) gl.drawArrays(gl.POINTS, ranges[i]!, ranges[i + 1]!)
  // Sites dragged out of their cell: few, so drawn one by one wherever they are.
  for (const slot of state.strays) gl.drawArrays(gl.POINTS, slot, 1)
}

function drawHighlight(gl: GL, state: SiteLayerState, resources: SiteGlResources): void {
  const selected = state.selectedSite >= 0 ? state.packed.slotOfSite[state.selectedSite]! : -1
  if (selected < 0 || !isSlotVisible(state.packed.styles, selected)) return
  gl.uniform1f(resources.uniforms.u_highlight, 1)
  gl.drawArrays(gl.POINTS, selected, 1)
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
  bindSiteResources(gl, resources)
  const spritePx = setUniforms(gl, resources, state, cacheMatrix(plan.box))
  drawPoints(gl, state, resources, padded(plan.box, spritePx, state.map!.getZoom()))
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
  state.aggregated = level !== null && state.bins !== null
}

function uploadBins(gl: GL, state: SiteLayerState, resources: SiteGlResources): void {
  if (!state.binsDirty || !state.bins) return
  gl.bindBuffer(gl.ARRAY_BUFFER, resources.binPositionBuffer)
  gl.bufferData(gl.ARRAY_BUFFER, state.bins.positions, gl.DYNAMIC_DRAW)
  gl.bindBuffer(gl.ARRAY_BUFFER, resources.binStyleBuffer)
  gl.bufferData(gl.ARRAY_BUFFER, state.bins.styles, gl.DYNAMIC_DRAW)
  state.binsDirty = false
}

/** Sends pending uploads; a change the texture cannot show by an overlay retires it. Returns whether one did. */
function flushChanges(gl: GL, state: SiteLayerState, resources: SiteGlResources): boolean {
  bindSiteResources(gl, resources)
  flushUploads(gl, state.pending, resources, state.packed)
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

/** The layer's render(): the texture as one quad and the edited sites, or the on-screen cell ranges; then the highlight. */
export function renderSites(gl: GL, state: SiteLayerState, options: CustomRenderMethodInput): void {
  const resources = state.resources
  if (!state.map || !resources || state.packed.count === 0) return
  const matrix = anchoredMatrix(options.defaultProjectionData.mainMatrix, state.packed.anchorX, state.packed.anchorY)
  gl.disable(gl.DEPTH_TEST)
  gl.disable(gl.STENCIL_TEST)
  if (state.drawFromCache) drawCacheQuad(gl, resources.cache, resources.vertexArrays, state.cachePlan!, matrix)
  bindSiteResources(gl, resources)
  const spritePx = setUniforms(gl, resources, state, matrix)
  if (!state.drawFromCache) drawPoints(gl, state, resources, padded(viewBox(state.map, state.packed), spritePx, state.map.getZoom()))
  // Recoloured since the texture was drawn: on top, in their new colour.
  else for (const slot of state.overlay) gl.drawArrays(gl.POINTS, slot, 1)
  drawHighlight(gl, state, resources)
  unbindSiteResources(gl, resources)
}
