import { SITE_KINDS, SITE_STATUSES, type Region, type Site, type SiteKind, type SiteStatus } from '../model'
import type { RegionIndex } from '../geometry/region-index'
import { buildRegionTree, rollUpRows, unionOfChains, type RegionTree } from '../geometry/region-tree'
import { locateSite, type SiteAssignment } from './assign-sites'

/** Counts of one kind of site in one region, as of the coverage's date. */
export interface KindCounts {
  /** Every site of the kind, whatever its status (suspended included: it is still there to convert). */
  total: number
  /** Sites live on the as-of date (see isLiveOn). */
  live: number
  /** Counting units (bus vehicles, staff) of all sites / of live sites. */
  totalUnits: number
  liveUnits: number
  /**
   * Sites per status as of the date. A site marked live whose go-live date is after the as-of date was not
   * live yet then: it is counted as retrofitting, so the statuses always sum to `total`.
   */
  byStatus: Record<SiteStatus, number>
}

/** Coverage counters per (region, kind, status), rolled up the region tree, updated incrementally. */
export interface Coverage {
  /** Counts for a region code (any level) and kind; zeros for an unknown code. */
  get(regionCode: string, kind: SiteKind): KindCounts
  /**
   * Applies one site edit: `before` is the stored site (null when added), `after` the new one (null when
   * deleted). Costs O(tree depth) for a point. When the geometry changed, the site is located again with
   * the index given to createCoverage, and the assignment is updated in place.
   */
  applyEdit(before: Site | null, after: Site | null): void
  readonly asOfDate: string
  /** The region tree the counters are laid out on. */
  readonly tree: RegionTree
  /** Tree positions of the regions a site counts in (its regions and their ancestors, each once). */
  chainOf(siteId: string): Int32Array
}

const KIND_COUNT = SITE_KINDS.length
const STATUS_COUNT = SITE_STATUSES.length
const LIVE_SLOT = SITE_STATUSES.indexOf('live')
const RETROFITTING_SLOT = SITE_STATUSES.indexOf('retrofitting')
const KIND_INDEX = Object.fromEntries(SITE_KINDS.map((k, i) => [k, i])) as Record<SiteKind, number>
const STATUS_INDEX = Object.fromEntries(SITE_STATUSES.map((s, i) => [s, i])) as Record<SiteStatus, number>

/** Index of a kind in SITE_KINDS (the counters' layout). */
export function kindIndex(kind: SiteKind): number {
  return KIND_INDEX[kind]
}

/** The status slot a site counts in on `asOfDate` (live-in-the-future counts as retrofitting). */
export function statusSlotOn(site: Pick<Site, 'status' | 'liveDate'>, asOfDate: string): number {
  if (site.status !== 'live') return STATUS_INDEX[site.status]
  return site.liveDate !== null && site.liveDate > asOfDate ? RETROFITTING_SLOT : LIVE_SLOT
}

/**
 * Counts every site into each region of its chain. A site in several regions (a bus line) counts once in each
 * region of the union of their chains — so a line crossing two towns of one county counts once in the county.
 */
export function createCoverage(
  regions: Region[], sites: Site[], assignment: SiteAssignment, asOfDate: string, index?: RegionIndex,
  /**
   * Called with every site and its regions in the same pass, so other counters need not walk the sites again.
   * `leaf` is the site's one narrowest region when its regions are just that region's chain (a point), else -1.
   */
  onSite?: (site: Site, chain: Int32Array, leaf: number) => void,
): Coverage {
  const tree = index?.tree ?? buildRegionTree(regions)
  const counters = new CoverageCounters(tree, assignment, asOfDate, index)
  const chainAt = siteChains(tree, assignment, sites, (id) => counters.chainOf(id))
  // Points are counted at their narrowest region only and summed up the tree once at the end; sites in several
  // regions (lines) go straight into every region of their chain union, which the roll-up must not see.
  const leaf = new CoverageCounters(tree, assignment, asOfDate, index)
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i]!, chain = chainAt(i)
    const single = chain.length > 0 && chain === tree.chains[chain[0]!] ? chain[0]! : -1
    if (single >= 0) leaf.addAt(site, single, 1)
    else counters.add(site, chain, 1)
    onSite?.(site, chain, single)
  }
  counters.absorbRolledUp(leaf)
  return counters
}

/**
 * The regions site i of `sites` counts in. Uses the assignment's positions when they were computed for this very
 * array (no id lookups: what makes a million sites cheap), else the id map through `byId`.
 */
export function siteChains(tree: RegionTree, assignment: SiteAssignment, sites: readonly Site[], byId: (id: string) => Int32Array): (i: number) => Int32Array {
  const fast = assignment.positions?.sites === sites && assignment.positions.position.length === sites.length ? assignment.positions.position : null
  if (!fast) return (i) => byId(sites[i]!.id)
  return (i) => {
    const p = fast[i]!
    return p >= 0 ? tree.chains[p]! : p === -1 ? EMPTY : byId(sites[i]!.id)
  }
}

class CoverageCounters implements Coverage {
  /** (region × kind × status) site counts. */
  readonly counts: Int32Array
  /** (region × kind) × [all units, live units]. */
  readonly units: Float64Array
  /** Chain per shared code array: sites of one region share one array, so this stays small. */
  private readonly chains = new Map<readonly string[], Int32Array>()

  constructor(
    readonly tree: RegionTree,
    private readonly assignment: SiteAssignment,
    readonly asOfDate: string,
    private readonly index?: RegionIndex,
  ) {
    this.counts = new Int32Array(tree.codes.length * KIND_COUNT * STATUS_COUNT)
    this.units = new Float64Array(tree.codes.length * KIND_COUNT * 2)
  }

  /** Regions a site counts in: the union of its regions' chains (empty when it is outside every region). */
  chainOf(siteId: string): Int32Array {
    const codes = this.assignment.regionsBySite.get(siteId)
    if (!codes || codes.length === 0) return EMPTY
    let chain = this.chains.get(codes)
    if (!chain) {
      const positions = codes.map((code) => this.tree.positionOf.get(code)).filter((p) => p !== undefined)
      chain = unionOfChains(this.tree, positions)
      this.chains.set(codes, chain)
    }
    return chain
  }

  add(site: Site, chain: Int32Array, sign: 1 | -1): void {
    const kind = KIND_INDEX[site.kind]
    const slot = statusSlotOn(site, this.asOfDate)
    const units = sign * site.units
    const liveUnits = slot === LIVE_SLOT ? units : 0
    for (let i = 0; i < chain.length; i++) {
      const cell = chain[i]! * KIND_COUNT + kind
      this.counts[cell * STATUS_COUNT + slot]! += sign
      this.units[cell * 2]! += units
      this.units[cell * 2 + 1]! += liveUnits
    }
  }

  /** Counts a site in one region only (see createCoverage). */
  addAt(site: Site, position: number, sign: 1 | -1): void {
    const cell = position * KIND_COUNT + KIND_INDEX[site.kind]
    const slot = statusSlotOn(site, this.asOfDate)
    this.counts[cell * STATUS_COUNT + slot]! += sign
    this.units[cell * 2]! += sign * site.units
    if (slot === LIVE_SLOT) this.units[cell * 2 + 1]! += sign * site.units
  }

  /** Adds `leaf`'s counts, summed up the region tree, to these. */
  absorbRolledUp(leaf: CoverageCounters): void {
    rollUpRows(this.tree, leaf.counts, KIND_COUNT * STATUS_COUNT)
    rollUpRows(this.tree, leaf.units, KIND_COUNT * 2)
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += leaf.counts[i]!
    for (let i = 0; i < this.units.length; i++) this.units[i]! += leaf.units[i]!
  }

  applyEdit(before: Site | null, after: Site | null): void {
    if (before) this.add(before, this.chainOf(before.id), -1)
    if (!after) {
      if (before) this.forget(before.id)
      return
    }
    if (!before || before.id !== after.id || !sameGeometry(before, after) || !this.assignment.regionsBySite.has(after.id)) {
      if (before && before.id !== after.id) this.forget(before.id)
      this.relocate(after)
    }
    this.add(after, this.chainOf(after.id), 1)
  }

  private relocate(site: Site): void {
    if (!this.index) throw new Error(`coverage: site ${site.id} is new or moved; pass the region index to createCoverage`)
    const codes = locateSite(this.index, site)
    delete this.assignment.positions
    this.assignment.regionsBySite.set(site.id, codes)
    const outsideAt = this.assignment.outside.indexOf(site.id)
    if (codes.length === 0 && outsideAt < 0) this.assignment.outside.push(site.id)
    if (codes.length > 0 && outsideAt >= 0) this.assignment.outside.splice(outsideAt, 1)
  }

  private forget(siteId: string): void {
    delete this.assignment.positions
    this.assignment.regionsBySite.delete(siteId)
    const outsideAt = this.assignment.outside.indexOf(siteId)
    if (outsideAt >= 0) this.assignment.outside.splice(outsideAt, 1)
  }

  get(regionCode: string, kind: SiteKind): KindCounts {
    const position = this.tree.positionOf.get(regionCode)
    if (position === undefined) return { total: 0, live: 0, totalUnits: 0, liveUnits: 0, byStatus: { candidate: 0, contacted: 0, retrofitting: 0, live: 0, suspended: 0 } }
    const cell = position * KIND_COUNT + KIND_INDEX[kind]
    const at = cell * STATUS_COUNT, c = this.counts
    // Literal keys in SITE_STATUSES order: cheaper than building the record in a loop, and evaluate() calls this a lot.
    const byStatus = { candidate: c[at]!, contacted: c[at + 1]!, retrofitting: c[at + 2]!, live: c[at + 3]!, suspended: c[at + 4]! }
    const total = byStatus.candidate + byStatus.contacted + byStatus.retrofitting + byStatus.live + byStatus.suspended
    return { total, live: byStatus.live, totalUnits: this.units[cell * 2]!, liveUnits: this.units[cell * 2 + 1]!, byStatus }
  }
}

const EMPTY = new Int32Array(0)

function sameGeometry(a: Site, b: Site): boolean {
  if (a.geometry === b.geometry) return true
  if (a.geometry.type !== b.geometry.type) return false
  if (a.geometry.type === 'Point') {
    const p = a.geometry.coordinates, q = b.geometry.coordinates as number[]
    return p[0] === q[0] && p[1] === q[1]
  }
  return JSON.stringify(a.geometry.coordinates) === JSON.stringify(b.geometry.coordinates)
}
