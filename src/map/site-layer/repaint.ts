/** The map's frame controls the site layer uses (MapLibre's Map has them all). */
export interface RepaintTarget {
  /** Asks for a frame on the next animation frame. */
  triggerRepaint(): void
  /** Draws a frame now (and drops a requested one). */
  redraw(): unknown
  isMoving(): boolean
}

/** How long the map must have drawn no frame for a change to be drawn at once rather than on the next animation frame. */
export const STILL_MS = 100

const pageShown = (): boolean => typeof document === 'undefined' || document.visibilityState !== 'hidden'

export interface Repainter {
  /** Call at every frame the map draws (its 'render' event). */
  framed(): void
  /** Asks for the frame that shows a change to the sites. */
  request(map: RepaintTarget): void
}

/**
 * When a change to the sites is drawn. With software WebGL a frame takes 30–45 ms to rasterise, and on a still map
 * the next animation frame is up to a vsync away; waiting for it made an edit take 60 ms to show. So a change on a
 * map that has held still for STILL_MS (a user's edit, filter or selection) is drawn at once, at the end of the task
 * that made it: the changes of one task (a bulk edit, the coverage table's update) share that one frame, and the
 * table and the map show in the same displayed frame. While the map moves, or when frames came lately (a stream of
 * changes, as from another tab), frames stay paced by the animation frame, so changes never queue synchronous frames.
 * A hidden page draws nothing at once: the browser draws no animation frames there, and the map catches up when shown.
 */
export function createRepainter(now: () => number = () => performance.now(), shown: () => boolean = pageShown): Repainter {
  let lastFrameAt = Number.NEGATIVE_INFINITY
  return {
    framed() {
      lastFrameAt = now()
    },
    request(map) {
      // A frame is asked for in any case: it is what a frame drawn at once replaces (redraw drops it).
      map.triggerRepaint()
      // Checked at the end of the task, so its changes share one frame: the first check draws it, the others find it drawn.
      queueMicrotask(() => {
        if (shown() && !map.isMoving() && now() - lastFrameAt >= STILL_MS) map.redraw()
      })
    },
  }
}
