import type { Map as MapLibreMap } from 'maplibre-gl'
import { handMapPresses, type ScreenPoint } from './pointer-gesture'

export type LngLatBounds = [[number, number], [number, number]]

/**
 * A drag draws a rectangle on the map and reports it in lng/lat; the map does not pan meanwhile, Esc drops the
 * rectangle. Returns the function that ends the mode.
 */
export function startBoxSelect(map: MapLibreMap, done: (bounds: LngLatBounds) => void): () => void {
  const box = document.createElement('div')
  box.className = 'box-select'
  let start: ScreenPoint | null = null
  const draw = (now: ScreenPoint): void => {
    if (!start) return
    Object.assign(box.style, { left: `${Math.min(start.x, now.x)}px`, top: `${Math.min(start.y, now.y)}px`, width: `${Math.abs(now.x - start.x)}px`, height: `${Math.abs(now.y - start.y)}px` })
  }
  const stop = handMapPresses(map, {
    press(point) {
      start = point
      map.getCanvasContainer().appendChild(box)
      draw(point)
      return true
    },
    move: draw,
    release(end) {
      if (!start) return
      const a = map.unproject([Math.min(start.x, end.x), Math.max(start.y, end.y)])
      const b = map.unproject([Math.max(start.x, end.x), Math.min(start.y, end.y)])
      start = null
      box.remove()
      done([[a.lng, a.lat], [b.lng, b.lat]])
    },
    cancel() {
      start = null
      box.remove()
    },
  }, { touchAction: 'none' })
  return () => {
    stop()
    box.remove()
  }
}
