import type { Site } from '../model'
import { locateSite } from '../coverage/assign-sites'
import { roundPosition } from '../demo/round'
import type { RegionIndex } from '../geometry/region-index'

/** A point site at a new lng/lat, stored to 1e-7° like every other site; a bus line is returned unchanged. */
export function movedSite(site: Site, lngLat: [number, number]): Site {
  if (site.geometry.type !== 'Point') return site
  return { ...site, geometry: { type: 'Point', coordinates: roundPosition(lngLat) } }
}

/**
 * Where a move takes a site: the narrowest region it lay in and the one it lands in (codes; null outside every
 * region — the engine keeps such a site and lists it as outside, it does not drop it).
 */
export interface RegionChange {
  from: string | null
  to: string | null
}

export function regionChange(index: RegionIndex, before: Site, after: Site): RegionChange {
  return { from: locateSite(index, before)[0] ?? null, to: locateSite(index, after)[0] ?? null }
}
