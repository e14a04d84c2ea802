import type { Map as MapLibreMap } from 'maplibre-gl'

export type LngLatBounds = [[number, number], [number, number]]

/**
 * A drag draws a rectangle on the map and reports it in lng/lat; the map does not pan meanwhile. Returns the
 * function that ends the mode. Pointer events, so it works with a finger on a tablet too.
 */
export function startBoxSelect(map: MapLibreMap, done: (bounds: LngLatBounds) => void): () => void {
  const canvas = map.getCanvasContainer()
  const box = document.createElement('div')
  box.className = 'box-select'
  let start: { x: number, y: number } | null = null
  const point = (event: PointerEvent): { x: number, y: number } => {
    const rect = canvas.getBoundingClientRect()
    return { x: event.clientX - rect.left, y: event.clientY - rect.top }
  }
  const down = (event: PointerEvent): void => {
    start = point(event)
    canvas.setPointerCapture(event.pointerId)
    canvas.appendChild(box)
    move(event)
  }
  const move = (event: PointerEvent): void => {
    if (!start) return
    const now = point(event)
    Object.assign(box.style, { left: `${Math.min(start.x, now.x)}px`, top: `${Math.min(start.y, now.y)}px`, width: `${Math.abs(now.x - start.x)}px`, height: `${Math.abs(now.y - start.y)}px` })
  }
  const up = (event: PointerEvent): void => {
    if (!start) return
    const end = point(event)
    const a = map.unproject([Math.min(start.x, end.x), Math.max(start.y, end.y)])
    const b = map.unproject([Math.max(start.x, end.x), Math.min(start.y, end.y)])
    start = null
    box.remove()
    done([[a.lng, a.lat], [b.lng, b.lat]])
  }
  map.dragPan.disable()
  canvas.addEventListener('pointerdown', down)
  canvas.addEventListener('pointermove', move)
  canvas.addEventListener('pointerup', up)
  return () => {
    canvas.removeEventListener('pointerdown', down)
    canvas.removeEventListener('pointermove', move)
    canvas.removeEventListener('pointerup', up)
    box.remove()
    map.dragPan.enable()
  }
}
