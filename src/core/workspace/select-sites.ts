import type { Position } from 'geojson'
import type { Site } from '../model'
import { inRings } from '../geometry/edge-test'

/** A lng/lat box as [[west, south], [east, north]]. */
export type LngLatBox = [[number, number], [number, number]]

/** The closed ring of a box (counter-clockwise from the south-west corner). */
export function boxRing([[west, south], [east, north]]: LngLatBox): Position[] {
  return [[west, south], [east, south], [east, north], [west, north], [west, south]]
}

/** The ring closed (first vertex repeated at the end) unless it already is. */
export function closeRing(ring: readonly Position[]): Position[] {
  const first = ring[0]
  const last = ring.at(-1)
  if (!first || !last || (first[0] === last[0] && first[1] === last[1])) return ring.slice()
  return [...ring, first]
}

/**
 * Ids of the point sites inside a free-hand ring (a lasso or a box; lng/lat, boundary included, even-odd so a
 * lasso crossing itself selects what a fill would cover), in the order given. Fewer than three distinct vertices
 * enclose nothing. Bus lines are not picked: a bulk edit of a line belongs in its own panel.
 */
export function sitesInRing(sites: readonly Site[], ring: readonly Position[]): string[] {
  const closed = closeRing(ring)
  if (closed.length < 4) return []
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x = 0, y = 0] of closed) {
    west = Math.min(west, x)
    east = Math.max(east, x)
    south = Math.min(south, y)
    north = Math.max(north, y)
  }
  const ids: string[] = []
  for (const site of sites) {
    if (site.geometry.type !== 'Point') continue
    const [x = 0, y = 0] = site.geometry.coordinates
    if (x < west || x > east || y < south || y > north) continue
    if (inRings([closed], x, y)) ids.push(site.id)
  }
  return ids
}

/** How a new box or lasso combines with the current selection. */
export type SelectionMode = 'replace' | 'add' | 'subtract'

/**
 * The selection after picking `picked` in `mode`: the picked ids alone, the current ones followed by the newly
 * picked, or the current ones without the picked. Order is kept and no id appears twice.
 */
export function combineSelection(current: readonly string[], picked: readonly string[], mode: SelectionMode): string[] {
  if (mode === 'replace') return [...new Set(picked)]
  if (mode === 'add') return [...new Set([...current, ...picked])]
  const dropped = new Set(picked)
  return current.filter((id) => !dropped.has(id))
}

/**
 * The ids that still name a site, in their order: a site deleted while selected (an undone placement, a re-import)
 * leaves the selection. Returns the same array when nothing was dropped, so a caller can tell by identity.
 */
export function keepExistingIds(ids: readonly string[], sites: readonly Site[]): readonly string[] {
  if (ids.length === 0) return ids
  const wanted = new Set(ids)
  const existing = new Set<string>()
  for (const site of sites) if (wanted.has(site.id)) existing.add(site.id)
  return existing.size === wanted.size ? ids : ids.filter((id) => existing.has(id))
}
