import { bindVertices, type GL, type SiteGlResources } from './gl-resources'
import type { FragmentVariant } from './shaders'
import { STYLE_KIND, STYLE_STRIDE } from './site-codes'
import type { SiteLayerState } from './site-layer-state'
import { isSlotVisible } from './site-mask'
import { HIGHLIGHT_COLOR, HIGHLIGHT_RADIUS_PX, HIGHLIGHT_STROKE_PX, hexToRgb, pointSizes, statusColorTable } from './site-style'
import { visibleRanges, type RelativeBox } from './visible-ranges'

const STATUS_COLORS = statusColorTable()
const HIGHLIGHT_RGB = hexToRgb(HIGHLIGHT_COLOR)
const HIGHLIGHT_PX = 2 * (HIGHLIGHT_RADIUS_PX + HIGHLIGHT_STROKE_PX)

/** Uses a variant's program with this frame's uniforms (matrix: the map's, or the cache texture's). */
function useVariant(gl: GL, resources: SiteGlResources, variant: FragmentVariant, state: SiteLayerState, matrix: Float32Array): void {
  const { program, uniforms: u } = resources.programs[variant]
  const map = state.map!
  const ratio = map.getPixelRatio()
  const sizes = pointSizes(map.getZoom())
  const atlas = state.atlas!
  gl.useProgram(program)
  gl.uniformMatrix4fv(u.u_matrix, false, matrix)
  gl.uniform3fv(u.u_colors, STATUS_COLORS)
  gl.uniform1f(u.u_merchant_px, sizes.merchantPx * ratio)
  gl.uniform1f(u.u_symbol_px, sizes.symbolPx * ratio)
  gl.uniform1f(u.u_merchant_fill, sizes.merchantFill)
  gl.uniform1f(u.u_highlight, variant === 'RING' ? 1 : 0)
  gl.uniform1f(u.u_highlight_px, HIGHLIGHT_PX * ratio)
  gl.uniform1f(u.u_pixel_ratio, ratio)
  gl.uniform1f(u.u_ring_inner, HIGHLIGHT_RADIUS_PX / (HIGHLIGHT_RADIUS_PX + HIGHLIGHT_STROKE_PX))
  gl.uniform3f(u.u_highlight_color, ...HIGHLIGHT_RGB)
  gl.uniform2f(u.u_atlas_cell, atlas.cellPx / atlas.width, atlas.cellPx / atlas.height)
  gl.uniform2f(u.u_atlas_pad, atlas.paddingPx / atlas.width, atlas.paddingPx / atlas.height)
  gl.uniform1f(u.u_atlas_stride, (atlas.cellPx + 2 * atlas.paddingPx) / atlas.width)
  gl.uniform1i(u.u_atlas, 0)
}

/** The largest sprite at the map's zoom, in CSS px: how far beyond a box a point can still reach into it. */
export function largestSpritePx(state: SiteLayerState): number {
  const sizes = pointSizes(state.map!.getZoom())
  return Math.max(sizes.merchantPx, sizes.symbolPx)
}

const groupOfSlot = (state: SiteLayerState, slot: number) => (state.packed.styles[slot * STYLE_STRIDE + STYLE_KIND] === 0 ? 0 : 1)

function drawGroup(gl: GL, state: SiteLayerState, box: RelativeBox, group: number): void {
  const ranges = visibleRanges(state.packed, box, group)
  for (let i = 0; i < ranges.length; i += 2) gl.drawArrays(gl.POINTS, ranges[i]!, ranges[i + 1]!)
  // Sites dragged out of their cell: few, so drawn one by one wherever they are.
  for (const slot of state.strays) if (groupOfSlot(state, slot) === group) gl.drawArrays(gl.POINTS, slot, 1)
}

/** Draws the sites whose cells meet the box, dots first and icons above them; or, when aggregated, all bins. */
export function drawSites(gl: GL, state: SiteLayerState, resources: SiteGlResources, box: RelativeBox, matrix: Float32Array): void {
  gl.activeTexture(gl.TEXTURE0)
  gl.bindTexture(gl.TEXTURE_2D, resources.atlas)
  useVariant(gl, resources, 'DOT', state, matrix)
  if (state.aggregated) {
    bindVertices(gl, resources, true)
    gl.drawArrays(gl.POINTS, 0, state.bins!.count)
    return
  }
  bindVertices(gl, resources)
  drawGroup(gl, state, box, 0)
  useVariant(gl, resources, 'ICON', state, matrix)
  drawGroup(gl, state, box, 1)
}

/** Sites recoloured since the cache texture was drawn, over it in their new colour. */
export function drawOverlay(gl: GL, state: SiteLayerState, resources: SiteGlResources, matrix: Float32Array): void {
  if (state.overlay.size === 0) return
  gl.activeTexture(gl.TEXTURE0)
  gl.bindTexture(gl.TEXTURE_2D, resources.atlas)
  bindVertices(gl, resources)
  for (const [variant, group] of [['DOT', 0], ['ICON', 1]] as const) {
    useVariant(gl, resources, variant, state, matrix)
    for (const slot of state.overlay) if (groupOfSlot(state, slot) === group) gl.drawArrays(gl.POINTS, slot, 1)
  }
}

/** The ring around the selected site, if it is shown. */
export function drawHighlight(gl: GL, state: SiteLayerState, resources: SiteGlResources, matrix: Float32Array): void {
  const selected = state.selectedSite >= 0 ? state.packed.slotOfSite[state.selectedSite]! : -1
  if (selected < 0 || !isSlotVisible(state.packed.styles, selected)) return
  bindVertices(gl, resources)
  useVariant(gl, resources, 'RING', state, matrix)
  gl.drawArrays(gl.POINTS, selected, 1)
}
