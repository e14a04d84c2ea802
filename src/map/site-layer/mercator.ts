/** MapLibre's latitude limit: beyond it web mercator goes to infinity. */
const MAX_LATITUDE = 85.051129

/** Web mercator x in 0..1 (west to east), as MapLibre's `MercatorCoordinate.fromLngLat`. */
export function mercatorX(lng: number): number {
  return (180 + lng) / 360
}

/** Web mercator y in 0..1 (north to south), as MapLibre's `MercatorCoordinate.fromLngLat`. */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat))
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360
}

/** Size of the mercator world in CSS pixels at a zoom (MapLibre's 512-pixel tiles). */
export function worldSizePx(zoom: number): number {
  return 512 * 2 ** zoom
}
