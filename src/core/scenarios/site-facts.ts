import { SITE_KINDS, isLiveOn, type PlanData, type Site } from '../model'
import { locateLinePositions } from '../geometry/locate-line'
import { buildRegionIndex, locatePosition, type RegionIndex } from '../geometry/region-index'
import { unionOfChains } from '../geometry/region-tree'
import { kindIndex } from '../coverage/coverage'
import { isConvertible, isPlannedFrom } from '../clusters/suggest-clusters'
import { toDay } from '../targets/dates'
import { PlannedDays } from './planned-days'

export const KIND_COUNT = SITE_KINDS.length

/** What a site is to the generator on the as-of date. */
export const LIVE = 0, PLANNED = 1, CONVERTIBLE = 2, FIXED = 3

/**
 * The plan's sites reduced to what the generator reads, in typed arrays (a city plan has a million sites):
 * where each counts, what it is now, and per (region, kind) the totals and live counts the targets measure.
 */
export interface SiteFacts {
  index: RegionIndex
  /** Regions each site counts in (its regions and their ancestors, each once; empty outside every region). */
  chains: Int32Array[]
  /** Narrowest region position per site (a line: the first it crosses), -1 outside. */
  positions: Int32Array
  /** LIVE, PLANNED (a go-live date on or after the as-of date), CONVERTIBLE (can be given one), FIXED (the rest). */
  state: Uint8Array
  /** Per (region × KIND_COUNT + kind): every site / unit, and those live on the as-of date. */
  totalSites: Float64Array
  totalUnits: Float64Array
  liveSites: Float64Array
  liveUnits: Float64Array
  /** The same for the CONVERTIBLE sites: what the generator has to work with. */
  convertibleSites: Float64Array
  convertibleUnits: Float64Array
  /** Go-live days per (region, kind) of the PLANNED sites. */
  planned: PlannedDays
}

/** Options shared with generatePlan: reuse the index the caller has; whether suspended sites may be converted. */
export interface SiteFactsOptions {
  index?: RegionIndex
  includeSuspended?: boolean
}

/** Builds the facts in one pass over the sites (plus the region location of each). */
export function buildSiteFacts(data: PlanData, asOfDate: string, options: SiteFactsOptions = {}): SiteFacts {
  const index = options.index ?? buildRegionIndex(data.regions)
  const { tree } = index
  const n = data.sites.length
  const positions = new Int32Array(n)
  const chains: Int32Array[] = new Array<Int32Array>(n)
  const state = new Uint8Array(n)
  const cells = tree.codes.length * KIND_COUNT
  const counts = {
    totalSites: new Float64Array(cells), totalUnits: new Float64Array(cells), liveSites: new Float64Array(cells),
    liveUnits: new Float64Array(cells), convertibleSites: new Float64Array(cells), convertibleUnits: new Float64Array(cells),
  }
  data.sites.forEach((site, i) => {
    const located = locate(index, site)
    positions[i] = located.position
    chains[i] = located.chain
    state[i] = stateOf(site, asOfDate, options.includeSuspended ?? false)
    const kind = kindIndex(site.kind)
    for (const r of located.chain) tally(counts, r * KIND_COUNT + kind, site.units, state[i]!)
  })
  const planned = new PlannedDays(tree.codes.length, data.sites, (i) => chains[i]!, (i) => state[i] === PLANNED ? plannedDayOf(data.sites[i]!) : null)
  return { index, chains, positions, state, ...counts, planned }
}

type Counts = Pick<SiteFacts, 'totalSites' | 'totalUnits' | 'liveSites' | 'liveUnits' | 'convertibleSites' | 'convertibleUnits'>

function tally(counts: Counts, cell: number, units: number, state: number): void {
  counts.totalSites[cell]! += 1
  counts.totalUnits[cell]! += units
  if (state === LIVE) {
    counts.liveSites[cell]! += 1
    counts.liveUnits[cell]! += units
  } else if (state === CONVERTIBLE) {
    counts.convertibleSites[cell]! += 1
    counts.convertibleUnits[cell]! += units
  }
}

const NOWHERE = new Int32Array(0)

function locate(index: RegionIndex, site: Site): { position: number, chain: Int32Array } {
  const g = site.geometry
  if (g.type === 'Point') {
    const position = locatePosition(index, g.coordinates[0]!, g.coordinates[1]!)
    return { position, chain: position < 0 ? NOWHERE : index.tree.chains[position]! }
  }
  const crossed = locateLinePositions(index, g.coordinates)
  return { position: crossed[0] ?? -1, chain: crossed.length === 0 ? NOWHERE : unionOfChains(index.tree, crossed) }
}

/** The go-live day of a PLANNED site: its later go-live date when marked live, else its planned date. */
function plannedDayOf(site: Site): number {
  return toDay(site.status === 'live' ? site.liveDate! : site.plannedDate!)
}

function stateOf(site: Site, asOfDate: string, includeSuspended: boolean): number {
  if (isLiveOn(site, asOfDate)) return LIVE
  if (isPlannedFrom(site, asOfDate)) return PLANNED
  // A planned date before the as-of date has slipped: the site is re-planned like any candidate.
  if (isConvertible(site) || (includeSuspended && site.status === 'suspended')) return CONVERTIBLE
  return FIXED
}
