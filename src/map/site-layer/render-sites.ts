import type { CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl'
import { anchoredMatrix } from './anchored-matrix'
import { bindSiteResources, createSiteGlResources, unbindSiteResources, uploadAtlas, type GL, type SiteGlResources } from './gl-resources'
import { mercatorX, mercatorY, worldSizePx } from './mercator'
import type { PackedSites } from './pack-sites'
import { flushUploads } from './pending-uploads'
import { isSlotVisible } from './site-mask'
import type { SiteLayerState } from './site-layer-state'
import { HIGHLIGHT_COLOR, HIGHLIGHT_RADIUS_PX, HIGHLIGHT_STROKE_PX, hexToRgb, pointSizes, statusColorTable } from './site-style'
import { visibleRanges, type RelativeBox } from './visible-ranges'

const STATUS_COLORS = statusColorTable()
const HIGHLIGHT_RGB = hexToRgb(HIGHLIGHT_COLOR)
const HIGHLIGHT_PX = 2 * (HIGHLIGHT_RADIUS_PX + HIGHLIGHT_STROKE_PX)

/** The screen's bounds relative to the anchor, widened by half the largest sprite so edge points are not cut. */
function viewBox(map: MapLibreMap, packed: PackedSites, spritePx: number): RelativeBox {
  const bounds = map.getBounds()
  const pad = spritePx / 2 / worldSizePx(map.getZoom())
  return {
    minX: mercatorX(bounds.getWest()) - packed.anchorX - pad,
    maxX: mercatorX(bounds.getEast()) - packed.anchorX + pad,
    // Mercator y grows southwards.
    minY: mercatorY(bounds.getNorth()) - packed.anchorY - pad,
    maxY: mercatorY(bounds.getSouth()) - packed.anchorY + pad,
  }
}

function setUniforms(gl: GL, resources: SiteGlResources, state: SiteLayerState, options: CustomRenderMethodInput): number {
  const { uniforms: u } = resources
  const map = state.map!
  const ratio = map.getPixelRatio()
  const sizes = pointSizes(map.getZoom())
  const atlas = state.atlas!
  gl.uniformMatrix4fv(u.u_matrix, false, anchoredMatrix(options.defaultProjectionData.mainMatrix, state.packed.anchorX, state.packed.anchorY))
  gl.uniform3fv(u.u_colors, STATUS_COLORS)
  gl.uniform1f(u.u_merchant_px, sizes.merchantPx * ratio)
  gl.uniform1f(u.u_symbol_px, sizes.symbolPx * ratio)
  gl.uniform1f(u.u_merchant_fill, sizes.merchantFill)
  gl.uniform1f(u.u_highlight, 0)
  gl.uniform1f(u.u_highlight_px, HIGHLIGHT_PX * ratio)
  gl.uniform1f(u.u_ring_inner, HIGHLIGHT_RADIUS_PX / (HIGHLIGHT_RADIUS_PX + HIGHLIGHT_STROKE_PX))
  gl.uniform3f(u.u_highlight_color, ...HIGHLIGHT_RGB)
  gl.uniform2f(u.u_atlas_cell, atlas.cellPx / atlas.width, atlas.cellPx / atlas.height)
  gl.uniform2f(u.u_atlas_pad, atlas.paddingPx / atlas.width, atlas.paddingPx / atlas.height)
  gl.uniform1f(u.u_atlas_stride, (atlas.cellPx + 2 * atlas.paddingPx) / atlas.width)
  gl.uniform1i(u.u_atlas, 0)
  return Math.max(sizes.merchantPx, sizes.symbolPx)
}

function drawPoints(gl: GL, state: SiteLayerState, resources: SiteGlResources, spritePx: number): void {
  const ranges = visibleRanges(state.packed, viewBox(state.map!, state.packed, spritePx))
  for (let i = 0; i < ranges.length; i += 2) gl.drawArrays(gl.POINTS, ranges[i]!, ranges[i + 1]!)
  // Sites dragged out of their cell: few, so drawn one by one wherever they are.
  for (const slot of state.strays) gl.drawArrays(gl.POINTS, slot, 1)
  const selected = state.selectedSite >= 0 ? state.packed.slotOfSite[state.selectedSite]! : -1
  if (selected >= 0 && isSlotVisible(state.packed.styles, selected)) {
    gl.uniform1f(resources.uniforms.u_highlight, 1)
    gl.drawArrays(gl.POINTS, selected, 1)
  }
}

/** The layer's render(): first-time GL setup, pending uploads, then the on-screen cell ranges and the highlight. */
export function renderSites(gl: GL, state: SiteLayerState, options: CustomRenderMethodInput): void {
  if (!state.map || !state.atlas) return
  if (!state.resources) {
    state.resources = createSiteGlResources(gl)
    uploadAtlas(gl, state.resources.atlas, state.atlas)
  }
  const resources = state.resources
  bindSiteResources(gl, resources)
  flushUploads(gl, state.pending, resources, state.packed)
  if (state.packed.count > 0) {
    gl.disable(gl.DEPTH_TEST)
    gl.disable(gl.STENCIL_TEST)
    gl.activeTexture(gl.TEXTURE0)
    gl.bindTexture(gl.TEXTURE_2D, resources.atlas)
    drawPoints(gl, state, resources, setUniforms(gl, resources, state, options))
  }
  unbindSiteResources(gl, resources)
}
