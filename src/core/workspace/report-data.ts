import type { Site } from '../model'

/** The last day of a month 'YYYY-MM', as an ISO date: the report's as-of date. */
export function monthEnd(month: string): string {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10)
}

/** 'YYYY-MM' of the month after. */
export function nextMonth(month: string): string {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
}

/**
 * Sites planned to go live in the month after the report's: not live on the report date, not suspended, with a
 * planned date in that month — what each town has to deliver next (a line on its atlas page).
 */
export function plannedForMonth(sites: Site[], month: string, asOfDate: string): Site[] {
  return sites
    .filter((s) => s.status !== 'suspended' && !(s.status === 'live' && (s.liveDate ?? '') <= asOfDate) && s.plannedDate?.startsWith(month))
    .toSorted((a, b) => (a.plannedDate ?? '').localeCompare(b.plannedDate ?? '') || a.name.localeCompare(b.name, 'zh-CN'))
}
