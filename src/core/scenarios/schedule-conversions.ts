import type { Operator, Site } from '../model'
import { fromDay, toDay } from '../targets/dates'
import type { Selection } from './choose-conversions'
import { PLANNED, type SiteFacts } from './site-facts'

/** The capacity setting and who may do the work. */
export interface ScheduleSettings {
  /** Conversions one operator can make in one calendar month. */
  capacityPerOperatorPerMonth: number
  /** Operators that may take a site without one. */
  operators: readonly Operator[]
  asOfDay: number
  /** How many months after the last due day a conversion that missed its own may still be placed. */
  lateMonths: number
}

/** When and by whom each chosen site is converted. */
export interface Schedule {
  /** Planned go-live day per site (-1 when not scheduled: no capacity left at all). */
  plannedDay: Int32Array
  operator: (Operator | null)[]
  /** 1 when the site could only be placed after its due day. */
  late: Uint8Array
}

/** Month number (year × 12 + month index) of a day. */
function monthOf(day: number): number {
  const iso = fromDay(day)
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1
}

function lastDayOfMonth(month: number): number {
  const next = month + 1
  return toDay(`${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}-01`) - 1
}

/**
 * Places the chosen conversions in months, earliest due first: each in the least loaded (operator, month)
 * between the previous milestone and its own due day — so the work is spread over the months before each
 * milestone — else in any earlier month from the as-of month, else (late) in the first month after with
 * room. Sites with an operator keep it. Planned go-live sites with an operator already take their month's
 * capacity. With every window starting at the as-of month, placing the earliest due first never takes a
 * slot a later one needed: a conversion is late only when the capacity truly cannot make its due day.
 * The planned date is the month's last day, or the due day in the due month — never before the as-of date.
 */
export function scheduleConversions(sites: Site[], facts: SiteFacts, selection: Selection, settings: ScheduleSettings): Schedule {
  const n = sites.length
  const schedule: Schedule = { plannedDay: new Int32Array(n).fill(-1), operator: new Array<Operator | null>(n).fill(null), late: new Uint8Array(n) }
  const jobs = selection.order.slice().sort((a, b) => selection.dueDay[a]! - selection.dueDay[b]!)
  if (jobs.length === 0) return schedule
  const dueDays = [...new Set(jobs.map((j) => selection.dueDay[j]!))].sort((a, b) => a - b)
  const firstMonth = monthOf(settings.asOfDay)
  const lastMonth = monthOf(dueDays[dueDays.length - 1]!) + settings.lateMonths
  const load = new Loads(firstMonth, lastMonth, settings.capacityPerOperatorPerMonth)
  sites.forEach((site, i) => {
    if (facts.state[i] === PLANNED && site.operator && site.status !== 'live' && site.plannedDate) load.add(site.operator, monthOf(toDay(site.plannedDate)))
  })
  for (const job of jobs) {
    const dueDay = selection.dueDay[job]!
    const previous = dueDays.filter((d) => d < dueDay).pop()
    const dueMonth = monthOf(dueDay)
    const from = Math.max(firstMonth, previous === undefined ? firstMonth : Math.min(dueMonth, monthOf(previous) + 1))
    const operators = sites[job]!.operator ? [sites[job]!.operator!] : settings.operators
    const slot = load.least(operators, from, dueMonth) ?? load.least(operators, firstMonth, dueMonth) ?? load.first(operators, dueMonth + 1, lastMonth)
    if (!slot) continue
    load.add(slot.operator, slot.month)
    const day = Math.max(settings.asOfDay, Math.min(lastDayOfMonth(slot.month), slot.month <= dueMonth ? dueDay : Infinity))
    schedule.plannedDay[job] = day
    schedule.operator[job] = slot.operator
    schedule.late[job] = day > dueDay ? 1 : 0
  }
  return schedule
}

/** Conversions per (operator, month) over the planning horizon. */
class Loads {
  private readonly counts = new Map<Operator, Int32Array>()

  constructor(private readonly firstMonth: number, private readonly lastMonth: number, private readonly capacity: number) {}

  private row(operator: Operator): Int32Array {
    let row = this.counts.get(operator)
    if (!row) {
      row = new Int32Array(this.lastMonth - this.firstMonth + 1)
      this.counts.set(operator, row)
    }
    return row
  }

  add(operator: Operator, month: number): void {
    if (month >= this.firstMonth && month <= this.lastMonth) this.row(operator)[month - this.firstMonth]!++
  }

  /** The least loaded (operator, month) with room in [from, to]; the earlier month, then the earlier operator, on ties. */
  least(operators: readonly Operator[], from: number, to: number): { operator: Operator, month: number } | null {
    let best: { operator: Operator, month: number } | null = null
    let bestLoad = Infinity
    for (let month = Math.max(from, this.firstMonth); month <= Math.min(to, this.lastMonth); month++) {
      for (const operator of operators) {
        const count = this.row(operator)[month - this.firstMonth]!
        if (count < this.capacity && count < bestLoad) {
          best = { operator, month }
          bestLoad = count
        }
      }
    }
    return best
  }

  /** The first month in [from, to] where one of the operators has room. */
  first(operators: readonly Operator[], from: number, to: number): { operator: Operator, month: number } | null {
    for (let month = from; month <= to; month++) {
      const slot = this.least(operators, month, month)
      if (slot) return slot
    }
    return null
  }
}
