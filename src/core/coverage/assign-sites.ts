import type { Site } from '../model'
import { locateLinePositions } from '../geometry/locate-line'
import { locatePosition, type RegionIndex } from '../geometry/region-index'

/** Which regions each site lies in. */
export interface SiteAssignment {
  /**
   * Site id → codes of the narrowest regions it lies in (a point: 0 or 1; a line: every region crossed).
   * The arrays are frozen and shared between sites of one region: replace an entry, never mutate it.
   */
  regionsBySite: Map<string, string[]>
  /** Ids of sites in no region, in input order: reported, never silently dropped. */
  outside: string[]
  /**
   * Fast path for code that walks the same `sites` array again (coverage, projections): the narrowest region
   * position (in the index's region array) of each site, -1 outside, -2 in several regions (see
   * regionsBySite). Dropped as soon as an edit changes the assignment.
   */
  positions?: { sites: readonly Site[], position: Int32Array }
}

const NOWHERE: string[] = Object.freeze([]) as unknown as string[]

/**
 * Assigns every site to its narrowest regions (see RegionIndex for the boundary rule; lines: see
 * locateLinePositions). Wider levels follow from the region tree.
 */
export function assignSites(index: RegionIndex, sites: Site[]): SiteAssignment {
  const single = index.tree.codes.map((code) => Object.freeze([code]) as unknown as string[])
  const outside: string[] = []
  const position = new Int32Array(sites.length)
  /** Sites in several regions (lines), by their index: few, so kept as they are. */
  const several = new Map<number, string[]>()
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i]!
    if (site.geometry.type === 'Point') {
      const [lng, lat] = site.geometry.coordinates as [number, number]
      const p = locatePosition(index, lng, lat)
      if (p < 0) outside.push(site.id)
      position[i] = p
      continue
    }
    const codes = locateSite(index, site, single)
    if (codes.length === 0) outside.push(site.id)
    if (codes.length > 1) several.set(i, codes)
    position[i] = codes.length === 0 ? -1 : codes.length > 1 ? -2 : index.tree.positionOf.get(codes[0]!)!
  }
  // The id map costs more than locating the points (a million ids hashed into a Map): it is built on first use,
  // from this call's own copy of the positions, and most evaluations never need it (they use `positions`).
  let byId: Map<string, string[]> | null = null
  const buildById = (): Map<string, string[]> => {
    const map = new Map<string, string[]>()
    for (let i = 0; i < sites.length; i++) {
      const p = position[i]!
      map.set(sites[i]!.id, p >= 0 ? single[p]! : p === -1 ? NOWHERE : several.get(i)!)
    }
    return map
  }
  return {
    get regionsBySite() {
      return (byId ??= buildById())
    },
    outside,
    positions: { sites, position },
  }
}

/** Codes of the narrowest regions of one site; `single` holds the shared one-code arrays per position. */
export function locateSite(index: RegionIndex, site: Site, single?: string[][]): string[] {
  const geometry = site.geometry
  if (geometry.type === 'Point') {
    const [lng, lat] = geometry.coordinates as [number, number]
    const position = locatePosition(index, lng, lat)
    if (position < 0) return NOWHERE
    return single ? single[position]! : [index.tree.codes[position]!]
  }
  const positions = locateLinePositions(index, geometry.coordinates)
  if (positions.length === 0) return NOWHERE
  return Object.freeze(positions.map((p) => index.tree.codes[p]!)) as unknown as string[]
}
