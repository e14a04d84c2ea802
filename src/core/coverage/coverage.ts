import { SITE_KINDS, SITE_STATUSES, type Region, type Site, type SiteKind, type SiteStatus } from '../model'
import type { RegionIndex } from '../geometry/region-index'
import { buildRegionTree, rollUpRows, unionOfChains, type RegionTree } from '../geometry/region-tree'
import { locateSlot, type SiteAssignment } from './assign-sites'
import { FREE_SLOT, NOWHERE, tableStatusOn, UNCOUNTED, type SiteTable } from './site-table'
import { toDay } from '../targets/dates'

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
 *
 * The count reads the assignment's table (its columns), not the site objects: `sites` only checks that the
 * assignment is for them. The coverage then keeps that table current through applyEdit.
 */
export function createCoverage(
  regions: Region[], sites: readonly Site[], assignment: SiteAssignment, asOfDate: string, index?: RegionIndex,
  /**
   * Called with every table slot and its regions in the same pass, so other counters need not walk the sites
   * again. `leaf` is the slot's one narrowest region when its regions are just that region's chain (a point),
   * else -1.
   */
  onSlot?: (table: SiteTable, slot: number, chain: Int32Array, leaf: number) => void,
): Coverage {
  const table = assignment.table
  if (table.count !== sites.length) throw new Error(`coverage: the assignment holds ${table.count} sites, the plan ${sites.length}`)
  const tree = index?.tree ?? buildRegionTree(regions)
  const counters = new CoverageCounters(tree, assignment, asOfDate, index)
  // Points are counted at their narrowest region only and summed up the tree once at the end; sites in several
  // regions (lines) go straight into every region of their chain union, which the roll-up must not see.
  const leaf = new CoverageCounters(tree, assignment, asOfDate, index)
  const asOfDay = toDay(asOfDate)
  const { status, position } = table
  const { kind } = table
  for (let slot = 0; slot < table.length; slot++) {
    if (status[slot] === FREE_SLOT || kind[slot] === UNCOUNTED) continue
    const p = position[slot]!
    if (p >= 0) {
      leaf.addSlotAt(slot, p, asOfDay)
      onSlot?.(table, slot, tree.chains[p]!, p)
      continue
    }
    const chain = p === NOWHERE ? EMPTY : counters.chainOfSlot(slot)
    counters.addSlot(slot, chain, asOfDay)
    onSlot?.(table, slot, chain, -1)
  }
  counters.absorbRolledUp(leaf)
  return counters
}

class CoverageCounters implements Coverage {
  /** (region × kind × status) site counts. */
  readonly counts: Int32Array
  /** (region × kind) × [all units, live units]. */
  readonly units: Float64Array
  /** Chain per code array of a site in several regions (lines: few). */
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
    return this.chainAtSlot(this.assignment.table.slotOf(siteId))
  }

  private chainAtSlot(slot: number | undefined): Int32Array {
    if (slot === undefined) return EMPTY
    const p = this.assignment.table.position[slot]!
    return p >= 0 ? this.tree.chains[p]! : p === NOWHERE ? EMPTY : this.chainOfSlot(slot)
  }

  /** The chain union of a slot in several regions. */
  chainOfSlot(slot: number): Int32Array {
    const codes = this.assignment.table.several.get(slot)
    if (!codes) return EMPTY
    let chain = this.chains.get(codes)
    if (!chain) {
      const positions = codes.map((code) => this.tree.positionOf.get(code)).filter((p) => p !== undefined)
      chain = unionOfChains(this.tree, positions)
      this.chains.set(codes, chain)
    }
    return chain
  }

  /** Counts table slot `slot` in every region of `chain` (see createCoverage). */
  addSlot(slot: number, chain: Int32Array, asOfDay: number): void {
    const table = this.assignment.table
    const kind = table.kind[slot]!, units = table.units[slot]!
    const statusSlot = tableStatusOn(table, slot, asOfDay)
    for (let i = 0; i < chain.length; i++) {
      const cell = chain[i]! * KIND_COUNT + kind
      this.counts[cell * STATUS_COUNT + statusSlot]! += 1
      this.units[cell * 2]! += units
      if (statusSlot === LIVE_SLOT) this.units[cell * 2 + 1]! += units
    }
  }

  /** Counts table slot `slot` in region `position` only (see createCoverage). */
  addSlotAt(slot: number, position: number, asOfDay: number): void {
    const table = this.assignment.table
    const cell = position * KIND_COUNT + table.kind[slot]!
    const statusSlot = tableStatusOn(table, slot, asOfDay)
    const units = table.units[slot]!
    this.counts[cell * STATUS_COUNT + statusSlot]! += 1
    this.units[cell * 2]! += units
    if (statusSlot === LIVE_SLOT) this.units[cell * 2 + 1]! += units
  }

  add(site: Site, chain: Int32Array, sign: 1 | -1): void {
    const kind = KIND_INDEX[site.kind] as number | undefined
    const slot = statusSlotOn(site, this.asOfDate) as number | undefined
    // A kind or status the model does not know counts nowhere (as UNCOUNTED in the table).
    if (kind === undefined || slot === undefined) return
    const units = sign * site.units
    const liveUnits = slot === LIVE_SLOT ? units : 0
    for (let i = 0; i < chain.length; i++) {
      const cell = chain[i]! * KIND_COUNT + kind
      this.counts[cell * STATUS_COUNT + slot]! += sign
      this.units[cell * 2]! += units
      this.units[cell * 2 + 1]! += liveUnits
    }
  }

  /** Adds `leaf`'s counts, summed up the region tree, to these. */
  absorbRolledUp(leaf: CoverageCounters): void {
    rollUpRows(this.tree, leaf.counts, KIND_COUNT * STATUS_COUNT)
    rollUpRows(this.tree, leaf.units, KIND_COUNT * 2)
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += leaf.counts[i]!
    for (let i = 0; i < this.units.length; i++) this.units[i]! += leaf.units[i]!
  }

  applyEdit(before: Site | null, after: Site | null): void {
    const table = this.assignment.table
    // One id lookup per edit: the slot says where the site counted, and is where its new version goes.
    const slot = before ? table.slotOf(before.id) : undefined
    if (before) this.add(before, this.chainAtSlot(slot), -1)
    if (before && (!after || before.id !== after.id)) this.forget(before.id)
    if (!after) return
    if (slot !== undefined && before!.id === after.id && sameGeometry(before!, after)) {
      table.rewrite(slot, after)
      this.add(after, this.chainAtSlot(slot), 1)
    } else {
      this.add(after, this.chainAtSlot(this.relocate(after)), 1)
    }
  }

  /** Locates a new or moved site again, records where it now is, and returns its slot. */
  private relocate(site: Site): number {
    if (!this.index) throw new Error(`coverage: site ${site.id} is new or moved; pass the region index to createCoverage`)
    const { position, codes } = locateSlot(this.index, site)
    const slot = this.assignment.table.put(site, position, codes)
    const outsideAt = this.assignment.outside.indexOf(site.id)
    if (position === NOWHERE && outsideAt < 0) this.assignment.outside.push(site.id)
    if (position !== NOWHERE && outsideAt >= 0) this.assignment.outside.splice(outsideAt, 1)
    return slot
  }

  private forget(siteId: string): void {
    this.assignment.table.remove(siteId)
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
