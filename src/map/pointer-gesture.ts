import type { Map as MapLibreMap } from 'maplibre-gl'

/** A point on the map in CSS pixels from its top-left corner, as MapLibre events and project() give. */
export interface ScreenPoint {
  x: number
  y: number
}

/** One press-drag-release on the map that a tool takes over from panning. */
export interface PressDrag {
  /** Whether this press starts the tool's gesture; false leaves it to the map (it pans). */
  press(point: ScreenPoint, event: PointerEvent): boolean
  move(point: ScreenPoint): void
  release(point: ScreenPoint): void
  /** Esc, a second finger (a pinch), or the browser taking the pointer: the gesture is abandoned. */
  cancel(): void
}

/**
 * Hands presses on the map to `gesture` until the returned function is called. A press the gesture takes turns
 * panning off before MapLibre sees it (pointer events come before the mouse and touch events MapLibre listens to)
 * and on again at release, so a tool's drag never fights the map; pointer events, so a finger works as a mouse.
 * `touchAction: 'none'` while on: tools that take every press keep the browser from claiming a finger.
 */
export function handMapPresses(map: MapLibreMap, gesture: PressDrag, options: { touchAction?: 'none' } = {}): () => void {
  const container = map.getCanvasContainer()
  let pointerId: number | null = null
  /** Whether MapLibre's Shift-drag zoom was on when the gesture began (a Shift-drag adds to a selection instead). */
  let boxZoomWasOn = false
  const point = (event: PointerEvent): ScreenPoint => {
    const rect = container.getBoundingClientRect()
    return { x: event.clientX - rect.left, y: event.clientY - rect.top }
  }
  const finish = (): void => {
    if (pointerId !== null && container.hasPointerCapture(pointerId)) container.releasePointerCapture(pointerId)
    pointerId = null
    map.dragPan.enable()
    if (boxZoomWasOn) map.boxZoom.enable()
    boxZoomWasOn = false
  }
  const cancel = (): void => {
    if (pointerId === null) return
    finish()
    gesture.cancel()
  }
  const down = (event: PointerEvent): void => {
    if (pointerId !== null) return cancel()
    if (event.button !== 0 || !gesture.press(point(event), event)) return
    pointerId = event.pointerId
    map.dragPan.disable()
    boxZoomWasOn = map.boxZoom.isEnabled()
    map.boxZoom.disable()
    container.setPointerCapture(event.pointerId)
  }
  const move = (event: PointerEvent): void => {
    if (event.pointerId === pointerId) gesture.move(point(event))
  }
  const up = (event: PointerEvent): void => {
    if (event.pointerId !== pointerId) return
    finish()
    gesture.release(point(event))
  }
  const key = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || pointerId === null) return
    // Handled: this Esc abandons the gesture, nothing else (listeners after this one, e.g. clearing a selection).
    event.preventDefault()
    cancel()
  }
  const listeners = [['pointerdown', down], ['pointermove', move], ['pointerup', up], ['pointercancel', cancel]] as const
  for (const [type, listener] of listeners) container.addEventListener(type, listener as EventListener)
  // Capture, so this runs before the page's other Esc listeners and they can see it was handled.
  window.addEventListener('keydown', key, true)
  const touchAction = [container.style.touchAction, map.getCanvas().style.touchAction]
  if (options.touchAction) container.style.touchAction = map.getCanvas().style.touchAction = options.touchAction
  return () => {
    cancel()
    for (const [type, listener] of listeners) container.removeEventListener(type, listener as EventListener)
    window.removeEventListener('keydown', key, true)
    container.style.touchAction = touchAction[0]!
    map.getCanvas().style.touchAction = touchAction[1]!
  }
}
