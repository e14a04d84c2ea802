import type { Region, RegionLevel, Site } from '../model'
import { locateLinePositions } from '../geometry/locate-line'
import { locatePosition, type RegionIndex } from '../geometry/region-index'

/**
 * Position (in the region array) of the narrowest region of each site, -1 when outside every region — the
 * same answer as assignSites, as plain integers, which a million sites need (no Map of code arrays). A line
 * takes the first region it crosses; callers that count lines in every region they cross use its chain.
 */
export function locateSitePositions(index: RegionIndex, sites: readonly Site[]): Int32Array {
  const out = new Int32Array(sites.length)
  sites.forEach((site, i) => {
    const g = site.geometry
    out[i] = g.type === 'Point'
      ? locatePosition(index, g.coordinates[0]!, g.coordinates[1]!)
      : locateLinePositions(index, g.coordinates)[0] ?? -1
  })
  return out
}

/** Position of the region of `level` that holds `position` (itself or an ancestor), or -1. */
export function ancestorAtLevel(chains: readonly Int32Array[], regions: readonly Region[], position: number, level: RegionLevel): number {
  if (position < 0) return -1
  for (const at of chains[position]!) if (regions[at]!.level === level) return at
  return -1
}
