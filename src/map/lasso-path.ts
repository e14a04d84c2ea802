import type { ScreenPoint } from './pointer-gesture'

/** A lasso keeps a vertex per this many CSS pixels of travel: a hand's path at 60 events a second, without the jitter. */
export const LASSO_STEP_PX = 4

/** Appends `point` to the path when it lies at least `stepPx` from the last vertex kept; returns whether it did. */
export function extendPath(path: ScreenPoint[], point: ScreenPoint, stepPx = LASSO_STEP_PX): boolean {
  const last = path.at(-1)
  if (last && Math.hypot(point.x - last.x, point.y - last.y) < stepPx) return false
  path.push(point)
  return true
}
