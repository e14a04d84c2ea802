import { SITE_STATUSES } from '@/core/model'
import { STATUS_COLORS } from '../status-style'

type Stops = ReadonlyArray<readonly [zoom: number, value: number]>

/** Linear interpolation between zoom stops, clamped at both ends (MapLibre's `interpolate linear zoom`). */
export function interpolateZoom(stops: Stops, zoom: number): number {
  const first = stops[0]!
  if (zoom <= first[0]) return first[1]
  for (let i = 1; i < stops.length; i++) {
    const [z1, v1] = stops[i]!
    if (zoom > z1) continue
    const [z0, v0] = stops[i - 1]!
    return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0)
  }
  return stops[stops.length - 1]![1]
}

// The same stops as the GeoJSON layers in plan-layers.ts, so switching renderers does not change what users see.
const MERCHANT_RADIUS: Stops = [[9, 1.8], [12, 3.5], [15, 6]]
const MERCHANT_STROKE: Stops = [[9, 0], [12, 0.6], [15, 1]]
const ICON_SCALE: Stops = [[9, 0.45], [12, 0.7], [15, 1]]
/** The kind icons are 40 px drawn at pixel ratio 2 (kind-icons.ts): 20 CSS px at icon-size 1. */
const ICON_PX = 20
/** The selection ring of plan-layers.ts: radius 11 px, stroke 2.5 px. */
export const HIGHLIGHT_RADIUS_PX = 11
export const HIGHLIGHT_STROKE_PX = 2.5
export const HIGHLIGHT_COLOR = '#1d3b57'
/** The halo around each site of a box or lasso selection, beyond the site's own symbol, and its darker rim beyond that. */
export const SELECTION_HALO_PX = 3
export const SELECTION_RIM_PX = 1

/** Sprite sizes in CSS pixels at a zoom. */
export interface PointSizes {
  /** Diameter of a merchant dot including its white stroke. */
  merchantPx: number
  /** Share of the merchant's radius that is the status colour (the rest is the white stroke). */
  merchantFill: number
  /** Side of the square sprite of the other kinds' symbols. */
  symbolPx: number
}

export function pointSizes(zoom: number): PointSizes {
  const radius = interpolateZoom(MERCHANT_RADIUS, zoom)
  const stroke = interpolateZoom(MERCHANT_STROKE, zoom)
  return { merchantPx: 2 * (radius + stroke), merchantFill: radius / (radius + stroke), symbolPx: ICON_PX * interpolateZoom(ICON_SCALE, zoom) }
}

/** '#rrggbb' as 0..1 floats. */
export function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16)
  return [((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255]
}

/** RGB per status code (SITE_STATUSES order), from the colours the legend also reads. */
export function statusColorTable(): Float32Array {
  return new Float32Array(SITE_STATUSES.flatMap((status) => hexToRgb(STATUS_COLORS[status])))
}
