import type { RelativeBox } from './visible-ranges'

/**
 * Panning at a fixed zoom redraws the same sites shifted. With software WebGL each point costs setup and fill, so
 * the sites are drawn once into a texture larger than the screen and panning frames draw that texture as one quad,
 * like a raster tile. The texture is drawn again when the view leaves it, the zoom changes or the data changes.
 */
export interface CachePlan {
  /** The area the texture covers, relative to the anchor; its size is a whole number of device pixels. */
  box: RelativeBox
  widthPx: number
  heightPx: number
}

/** What the texture holds: invalid as soon as any of it differs from the frame's. */
export interface CacheKey {
  zoom: number
  pixelRatio: number
  dataVersion: number
}

/** Share of the screen's width and height the texture extends beyond each edge. */
export const CACHE_MARGIN = 0.25

/** The texture for a view: the view widened by CACHE_MARGIN each side, or null if it would exceed maxSizePx. */
export function planCache(view: RelativeBox, pxPerUnit: number, maxSizePx: number): CachePlan | null {
  const marginX = (view.maxX - view.minX) * CACHE_MARGIN
  const marginY = (view.maxY - view.minY) * CACHE_MARGIN
  const widthPx = Math.ceil((view.maxX - view.minX + 2 * marginX) * pxPerUnit)
  const heightPx = Math.ceil((view.maxY - view.minY + 2 * marginY) * pxPerUnit)
  if (widthPx > maxSizePx || heightPx > maxSizePx || widthPx < 1 || heightPx < 1) return null
  const minX = view.minX - marginX
  const minY = view.minY - marginY
  // Whole device pixels, so the texture's texels are the screen's pixels at this zoom.
  return { widthPx, heightPx, box: { minX, minY, maxX: minX + widthPx / pxPerUnit, maxY: minY + heightPx / pxPerUnit } }
}

/** Whether the texture still serves a view: same key, and the view (padded for sprites) inside its area. */
export function cacheServes(plan: CachePlan | null, planKey: CacheKey | null, view: RelativeBox, key: CacheKey): boolean {
  if (!plan || !planKey) return false
  if (planKey.zoom !== key.zoom || planKey.pixelRatio !== key.pixelRatio || planKey.dataVersion !== key.dataVersion) return false
  return view.minX >= plan.box.minX && view.maxX <= plan.box.maxX && view.minY >= plan.box.minY && view.maxY <= plan.box.maxY
}

/**
 * Clip-space matrix (column-major) for drawing into the texture: the box's west edge to x = -1, its north edge
 * (smaller mercator y) to y = +1, so the texture's top row is the north.
 */
export function cacheMatrix(box: RelativeBox): Float32Array {
  const width = box.maxX - box.minX
  const height = box.maxY - box.minY
  const m = new Float32Array(16)
  m[0] = 2 / width
  m[5] = -2 / height
  m[10] = 1
  m[12] = (-2 * box.minX) / width - 1
  m[13] = 1 + (2 * box.minY) / height
  m[15] = 1
  return m
}
