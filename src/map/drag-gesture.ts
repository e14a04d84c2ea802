import type { ScreenPoint } from './pointer-gesture'

/** Travel in CSS pixels before a press on a site becomes a move; a shorter press stays a click (MapLibre's tolerance is 3). */
export const DRAG_TOLERANCE_PX = 4

/** What the map should do after a pointer step of a site drag; null: nothing. */
export type DragStep
  = | { type: 'preview', siteId: string, point: ScreenPoint }
    | { type: 'drop', siteId: string, point: ScreenPoint }
    | { type: 'restore', siteId: string }
    | null

/**
 * The state of dragging one site: pressed on it, moving it (past the tolerance), released (dropped) or cancelled
 * (Esc, a pinch), framework-free. Only a drag that moved drops or needs restoring.
 */
export class DragGesture {
  private held: { siteId: string, start: ScreenPoint, moving: boolean } | null = null

  constructor(private readonly tolerancePx = DRAG_TOLERANCE_PX) {}

  get active(): boolean {
    return this.held !== null
  }

  press(siteId: string, point: ScreenPoint): void {
    this.held = { siteId, start: point, moving: false }
  }

  move(point: ScreenPoint): DragStep {
    const held = this.held
    if (!held) return null
    held.moving ||= Math.hypot(point.x - held.start.x, point.y - held.start.y) >= this.tolerancePx
    return held.moving ? { type: 'preview', siteId: held.siteId, point } : null
  }

  release(point: ScreenPoint): DragStep {
    const step = this.move(point)
    this.held = null
    return step ? { type: 'drop', siteId: step.siteId, point } : null
  }

  cancel(): DragStep {
    const held = this.held
    this.held = null
    return held?.moving ? { type: 'restore', siteId: held.siteId } : null
  }
}
