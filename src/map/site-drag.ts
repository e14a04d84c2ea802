import type { Map as MapLibreMap } from 'maplibre-gl'
import { DragGesture } from './drag-gesture'
import { handMapPresses, type ScreenPoint } from './pointer-gesture'

/** What a site drag needs from the app. */
export interface SiteDragHandlers {
  /** The id of the site a press here picks up (the selected one, under the pointer), or null: the map pans. */
  grab(point: ScreenPoint, pointerType: string): string | null
  /** Shows the site at a position while it is dragged (nothing stored). */
  preview(siteId: string, lngLat: [number, number]): void
  /** The site was let go there: store the move. */
  drop(siteId: string, lngLat: [number, number]): void
  /** Esc or a pinch: show the site where it was. */
  restore(siteId: string): void
}

/** Lets the user drag sites with mouse or finger until the returned function is called (which restores a drag in progress). */
export function enableSiteDrag(map: MapLibreMap, handlers: SiteDragHandlers): () => void {
  const gesture = new DragGesture()
  const lngLat = (point: ScreenPoint): [number, number] => map.unproject([point.x, point.y]).toArray()
  const run = (step: ReturnType<DragGesture['move']>): void => {
    if (step?.type === 'preview') handlers.preview(step.siteId, lngLat(step.point))
    else if (step?.type === 'drop') handlers.drop(step.siteId, lngLat(step.point))
    else if (step?.type === 'restore') handlers.restore(step.siteId)
  }
  return handMapPresses(map, {
    press(point, event) {
      const siteId = handlers.grab(point, event.pointerType)
      if (siteId) gesture.press(siteId, point)
      return siteId !== null
    },
    move: (point) => run(gesture.move(point)),
    release: (point) => run(gesture.release(point)),
    cancel: () => run(gesture.cancel()),
  })
}
