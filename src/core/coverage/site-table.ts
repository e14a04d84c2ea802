import { SITE_KINDS, SITE_STATUSES, type Site, type SiteKind, type SiteStatus } from '../model'
import { toDay } from '../targets/dates'
import { IdSlots } from './id-slots'

/** A slot whose site was deleted (its status code). */
export const FREE_SLOT = 255
/** No date (liveDay, plannedDay). */
export const NO_DAY = -2147483648
/** A site in several regions (a line): its codes are in `several`. */
export const SEVERAL = -2
/** A site outside every region. */
export const NOWHERE = -1

const KIND_CODE = Object.fromEntries(SITE_KINDS.map((k, i) => [k, i])) as Record<SiteKind, number>
const STATUS_CODE = Object.fromEntries(SITE_STATUSES.map((s, i) => [s, i])) as Record<SiteStatus, number>
export const LIVE_CODE = STATUS_CODE.live
export const SUSPENDED_CODE = STATUS_CODE.suspended
export const MERCHANT_CODE = KIND_CODE.merchant
/**
 * The kind code of a site whose kind or status the model does not know (a record kept as it was stored): it
 * counts nowhere, as the counters' object path ignores it too.
 */
export const UNCOUNTED = 254

/**
 * The open plan's sites as columns: what the counters read (kind, status, dates, units, where), one slot per
 * site, so that counting a million sites for another date walks typed arrays instead of a million objects.
 *
 * Slots are in no particular order (counting does not care): an edited site keeps its slot, an added one takes a
 * freed slot or a new one, a deleted one frees its slot. The table is kept current edit by edit by the coverage
 * counters that own it (see Coverage.applyEdit), so evaluating the plan on any date reads the sites as they are.
 */
export class SiteTable {
  /** Slots in use or freed: every column is valid up to here. */
  length = 0
  /** Sites in the table (slots in use). */
  count = 0
  kind: Uint8Array
  /** SITE_STATUSES index, or FREE_SLOT. */
  status: Uint8Array
  /** Days since 1970-01-01, or NO_DAY. */
  liveDay: Int32Array
  plannedDay: Int32Array
  units: Float64Array
  /** A point's coordinates; NaN for a line (clusters count points only). */
  x: Float64Array
  y: Float64Array
  /** Narrowest region position (in the region index's array), NOWHERE, or SEVERAL. */
  position: Int32Array
  /** Codes of the regions of each SEVERAL slot (frozen arrays). */
  readonly several = new Map<number, readonly string[]>()
  /** Per kind: the latest go-live or planned day a site of the kind could be pending on (see latestPendingDays). */
  readonly pendingBound = new Int32Array(SITE_KINDS.length).fill(NO_DAY)
  /** Id per slot; the id slots read this very array, so it is never replaced. */
  private readonly ids: string[]
  private slots: IdSlots | null = null
  private readonly freeSlots: number[] = []

  constructor(capacity: number) {
    const n = Math.max(16, capacity)
    this.kind = new Uint8Array(n)
    this.status = new Uint8Array(n)
    this.liveDay = new Int32Array(n)
    this.plannedDay = new Int32Array(n)
    this.units = new Float64Array(n)
    this.x = new Float64Array(n)
    this.y = new Float64Array(n)
    this.position = new Int32Array(n)
    this.ids = new Array<string>(capacity)
  }

  /** Adds a site in a new slot (building: slots follow the input order); returns the slot. */
  append(site: Site, position: number, codes?: readonly string[]): number {
    const slot = this.length++
    if (slot >= this.kind.length) this.grow(slot + 1)
    this.write(slot, site, position, codes)
    this.count++
    this.slots?.set(site.id, slot)
    return slot
  }

  private write(slot: number, site: Site, position: number, codes?: readonly string[]): void {
    this.ids[slot] = site.id
    this.writeFacts(slot, site)
    const point = site.geometry.type === 'Point' ? site.geometry.coordinates : null
    this.x[slot] = point ? point[0]! : NaN
    this.y[slot] = point ? point[1]! : NaN
    this.position[slot] = position
    if (position === SEVERAL) this.several.set(slot, codes!)
    else this.several.delete(slot)
  }

  /** Kind, status, days and units: what an edit in place changes. */
  private writeFacts(slot: number, site: Site): void {
    const kindCode = KIND_CODE[site.kind] as number | undefined, statusCode = STATUS_CODE[site.status] as number | undefined
    const kind = kindCode === undefined || statusCode === undefined ? UNCOUNTED : kindCode, status = statusCode ?? 0
    const liveDay = site.liveDate === null ? NO_DAY : toDay(site.liveDate)
    const plannedDay = site.plannedDate === null ? NO_DAY : toDay(site.plannedDate)
    this.kind[slot] = kind
    this.status[slot] = status
    this.liveDay[slot] = liveDay
    this.plannedDay[slot] = plannedDay
    this.units[slot] = site.units
    // (An UNCOUNTED kind is past the end of pendingBound: typed arrays ignore that write.)
    const bound = status === LIVE_CODE ? liveDay : status === SUSPENDED_CODE ? NO_DAY : plannedDay
    if (bound > this.pendingBound[kind]!) this.pendingBound[kind] = bound
  }

  /**
   * Writes a new version of the site in `slot` that stays where it was: same id, same place, same regions, so only
   * the facts an edit changes are written (each column is another cache miss at a random slot).
   */
  rewrite(slot: number, site: Site): void {
    this.writeFacts(slot, site)
  }

  /** The slot of a site id, or undefined. The id map is built on the first call (a million ids: once). */
  slotOf(id: string): number | undefined {
    if (!this.slots) {
      this.slots = new IdSlots(this.ids, this.count)
      for (let slot = 0; slot < this.length; slot++) if (this.status[slot] !== FREE_SLOT) this.slots.set(this.ids[slot]!, slot)
    }
    return this.slots.get(id)
  }

  /** Writes a site into its slot, or a freed or new one when the table does not hold its id; returns the slot. */
  put(site: Site, position: number, codes?: readonly string[]): number {
    const slot = this.slotOf(site.id)
    if (slot !== undefined) {
      this.write(slot, site, position, codes)
      return slot
    }
    const free = this.freeSlots.pop()
    if (free === undefined) return this.append(site, position, codes)
    this.write(free, site, position, codes)
    this.slots!.set(site.id, free)
    this.count++
    return free
  }

  /** Frees the slot of a site id (nothing when the table does not hold it). */
  remove(id: string): void {
    const slot = this.slotOf(id)
    if (slot === undefined) return
    this.slots!.delete(id)
    this.status[slot] = FREE_SLOT
    this.several.delete(slot)
    this.freeSlots.push(slot)
    this.count--
  }

  private grow(needed: number): void {
    const n = Math.max(needed, this.kind.length * 2)
    const grown = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n)
      b.set(a)
      return b
    }
    this.kind = grown(this.kind)
    this.status = grown(this.status)
    this.liveDay = grown(this.liveDay)
    this.plannedDay = grown(this.plannedDay)
    this.units = grown(this.units)
    this.x = grown(this.x)
    this.y = grown(this.y)
    this.position = grown(this.position)
  }
}

/** Status slot of a table slot on `asOfDay` (a site live after that day counts as retrofitting), as statusSlotOn. */
export function tableStatusOn(table: SiteTable, slot: number, asOfDay: number): number {
  const status = table.status[slot]!
  if (status !== LIVE_CODE) return status
  const live = table.liveDay[slot]!
  return live !== NO_DAY && live > asOfDay ? STATUS_CODE.retrofitting : LIVE_CODE
}

/** The day a table slot's site is expected to go live, after `asOfDay`, or null (as pendingDayOf). */
export function tablePendingDay(table: SiteTable, slot: number, asOfDay: number): number | null {
  const status = table.status[slot]!
  if (status === LIVE_CODE) {
    const live = table.liveDay[slot]!
    return live !== NO_DAY && live > asOfDay ? live : null
  }
  const planned = table.plannedDay[slot]!
  return status === SUSPENDED_CODE || planned === NO_DAY ? null : planned
}

/**
 * Per kind (SITE_KINDS index): a day no pending day of the table's sites (see tablePendingDay) is after, and not
 * before asOfDay. The latest date ever written for the kind: exact after a build, an upper bound after edits.
 */
export function latestPendingDays(table: SiteTable, asOfDay: number): Int32Array {
  return table.pendingBound.map((day) => Math.max(day, asOfDay))
}
