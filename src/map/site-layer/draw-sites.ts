import { bindVertices, programOf, type GL, type SiteGlResources, type SiteProgram } from './gl-resources'
import type { FragmentVariant } from './shaders'
import { STYLE_KIND, STYLE_STRIDE } from './site-codes'
import type { SiteLayerState } from './site-layer-state'
import { isSlotVisible } from './site-mask'
import { SELECTION_COLOR, SELECTION_RIM_COLOR } from '../status-style'
import {
  HIGHLIGHT_COLOR, HIGHLIGHT_RADIUS_PX, HIGHLIGHT_STROKE_PX, hexToRgb, pointSizes, SELECTION_HALO_PX, SELECTION_RIM_PX, statusColorTable,
} from './site-style'
import { visibleRanges, type RelativeBox } from './visible-ranges'

const STATUS_COLORS = statusColorTable()
const HIGHLIGHT_RGB = hexToRgb(HIGHLIGHT_COLOR)
const HIGHLIGHT_PX = 2 * (HIGHLIGHT_RADIUS_PX + HIGHLIGHT_STROKE_PX)
/** The selection halo's two discs, drawn in this order: the rim (the wider one), then the halo's colour over it. */
const SELECTION_DISCS = [
  { rgb: hexToRgb(SELECTION_RIM_COLOR), widthPx: SELECTION_HALO_PX + SELECTION_RIM_PX },
  { rgb: hexToRgb(SELECTION_COLOR), widthPx: SELECTION_HALO_PX },
] as const

/** Uses a variant's program with this frame's uniforms (matrix: the map's, or the cache texture's); returns it. */
function useVariant(gl: GL, resources: SiteGlResources, variant: FragmentVariant, state: SiteLayerState, matrix: Float32Array): SiteProgram {
  const used = programOf(gl, resources, variant)
  const { program, uniforms: u } = used
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
  gl.uniform1f(u.u_halo_px, 0)
  gl.uniform1f(u.u_pixel_ratio, ratio)
  gl.uniform1f(u.u_ring_inner, HIGHLIGHT_RADIUS_PX / (HIGHLIGHT_RADIUS_PX + HIGHLIGHT_STROKE_PX))
  gl.uniform3f(u.u_highlight_color, ...HIGHLIGHT_RGB)
  gl.uniform2f(u.u_atlas_cell, atlas.cellPx / atlas.width, atlas.cellPx / atlas.height)
  gl.uniform2f(u.u_atlas_pad, atlas.paddingPx / atlas.width, atlas.paddingPx / atlas.height)
  gl.uniform1f(u.u_atlas_stride, (atlas.cellPx + 2 * atlas.paddingPx) / atlas.width)
  gl.uniform1i(u.u_atlas, 0)
  return used
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

/** `count` selected slots from the `first`th: one indexed draw, or one draw per slot without 32-bit indices. */
function drawSelected(gl: GL, resources: SiteGlResources, slots: Uint32Array, first: number, count: number): void {
  if (count <= 0) return
  if (resources.uintIndices) gl.drawElements(gl.POINTS, count, gl.UNSIGNED_INT, first * Uint32Array.BYTES_PER_ELEMENT)
  else for (let i = first; i < first + count; i++) gl.drawArrays(gl.POINTS, slots[i]!, 1)
}

/**
 * The box or lasso selection, over all other sites (and over the bins at county zoom): behind each selected site a
 * disc in the selection colour with a darker rim, all rims first so overlapping halos merge into one outlined area;
 * then the selected sites themselves again, on top, dots before icons. Hidden (filtered out) slots draw nothing.
 */
export function drawSelection(gl: GL, state: SiteLayerState, resources: SiteGlResources, matrix: Float32Array): void {
  const { slots, dots } = state.selection
  if (!slots?.length) return
  gl.activeTexture(gl.TEXTURE0)
  gl.bindTexture(gl.TEXTURE_2D, resources.atlas)
  bindVertices(gl, resources)
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, resources.selectionBuffer)
  const ratio = state.map!.getPixelRatio()
  const { uniforms } = useVariant(gl, resources, 'DISC', state, matrix)
  for (const disc of SELECTION_DISCS) {
    gl.uniform3f(uniforms.u_highlight_color, ...disc.rgb)
    gl.uniform1f(uniforms.u_halo_px, 2 * disc.widthPx * ratio)
    drawSelected(gl, resources, slots, 0, slots.length)
  }
  useVariant(gl, resources, 'DOT', state, matrix)
  drawSelected(gl, resources, slots, 0, dots)
  useVariant(gl, resources, 'ICON', state, matrix)
  drawSelected(gl, resources, slots, dots, slots.length - dots)
}
