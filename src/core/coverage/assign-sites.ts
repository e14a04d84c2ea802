import type { Site } from '../model'
import { locateLinePositions } from '../geometry/locate-line'
import { locatePosition, type RegionIndex } from '../geometry/region-index'
import { NOWHERE, SEVERAL, SiteTable } from './site-table'

/** Site id → codes of the narrowest regions it lies in (a point: 0 or 1; a line: every region crossed). */
export interface RegionLookup {
  /** Undefined for a site the assignment does not hold; the arrays are frozen and shared: never mutate them. */
  get(siteId: string): string[] | undefined
  has(siteId: string): boolean
}

/** Which regions each site lies in. */
export interface SiteAssignment {
  regionsBySite: RegionLookup
  /** Ids of sites in no region: reported, never silently dropped. */
  outside: string[]
  /**
   * The sites as columns (see SiteTable), with their narrowest region. It is the assignment's own record: the
   * coverage counters keep it current as sites are edited, so a new evaluation (another date) reads it and not
   * the site objects.
   */
  table: SiteTable
}

const NOWHERE_CODES: string[] = Object.freeze([]) as unknown as string[]

/**
 * Assigns every site to its narrowest regions (see RegionIndex for the boundary rule; lines: see
 * locateLinePositions). Wider levels follow from the region tree.
 */
export function assignSites(index: RegionIndex, sites: Site[]): SiteAssignment {
  const single = index.tree.codes.map((code) => Object.freeze([code]) as unknown as string[])
  const outside: string[] = []
  const table = new SiteTable(sites.length)
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i]!
    if (site.geometry.type === 'Point') {
      const position = locatePosition(index, site.geometry.coordinates[0]!, site.geometry.coordinates[1]!)
      if (position === NOWHERE) outside.push(site.id)
      table.append(site, position)
      continue
    }
    const { position, codes } = locateSlot(index, site)
    if (position === NOWHERE) outside.push(site.id)
    table.append(site, position, codes)
  }
  return {
    regionsBySite: {
      get(siteId) {
        const slot = table.slotOf(siteId)
        if (slot === undefined) return undefined
        const position = table.position[slot]!
        return position >= 0 ? single[position]! : position === NOWHERE ? NOWHERE_CODES : table.several.get(slot) as string[]
      },
      has: (siteId) => table.slotOf(siteId) !== undefined,
    },
    outside,
    table,
  }
}

/** A site's narrowest region position, or NOWHERE, or SEVERAL with the codes of the regions (a line). */
export function locateSlot(index: RegionIndex, site: Site): { position: number, codes?: readonly string[] } {
  const geometry = site.geometry
  if (geometry.type === 'Point') return { position: locatePosition(index, geometry.coordinates[0]!, geometry.coordinates[1]!) }
  const positions = locateLinePositions(index, geometry.coordinates)
  if (positions.length <= 1) return { position: positions[0] ?? NOWHERE }
  return { position: SEVERAL, codes: Object.freeze(positions.map((p) => index.tree.codes[p]!)) }
}

/** Codes of the narrowest regions of one site. */
export function locateSite(index: RegionIndex, site: Site): string[] {
  const { position, codes } = locateSlot(index, site)
  return position >= 0 ? [index.tree.codes[position]!] : position === NOWHERE ? NOWHERE_CODES : [...codes!]
}
