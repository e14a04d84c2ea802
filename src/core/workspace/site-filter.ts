import type { Operator, Site, SiteKind, SiteStatus } from '../model'

/** What the map and lists show. Empty sets mean "any". Dates are ISO; a bound applies to the go-live date. */
export interface SiteFilter {
  kinds: SiteKind[]
  statuses: SiteStatus[]
  /** Operators; 'none' matches sites without one. */
  operators: Array<Operator | 'none'>
  /** Town/street codes (a site in any of them matches; a bus line crossing one matches). */
  regionCodes: string[]
  /** Go-live (actual, else planned) date on or after / on or before. */
  dateFrom: string | null
  dateTo: string | null
  /** Case-insensitive substring of name, address or id. */
  text: string
}

export const EMPTY_FILTER: SiteFilter = { kinds: [], statuses: [], operators: [], regionCodes: [], dateFrom: null, dateTo: null, text: '' }

/** True when the filter lets every site through. */
export function isEmptyFilter(filter: SiteFilter): boolean {
  return filter.kinds.length === 0 && filter.statuses.length === 0 && filter.operators.length === 0
    && filter.regionCodes.length === 0 && !filter.dateFrom && !filter.dateTo && filter.text.trim() === ''
}

/**
 * A predicate for the filter, built once so a pass over many sites does no per-site set building.
 * `regionsOf` gives the narrowest region codes a site lies in (from the engine's assignment).
 */
export function compileFilter(filter: SiteFilter, regionsOf: (siteId: string) => readonly string[] | undefined): (site: Site) => boolean {
  const kinds = new Set(filter.kinds)
  const statuses = new Set(filter.statuses)
  const operators = new Set(filter.operators)
  const regions = new Set(filter.regionCodes)
  const text = filter.text.trim().toLowerCase()
  return (site) => {
    if (kinds.size > 0 && !kinds.has(site.kind)) return false
    if (statuses.size > 0 && !statuses.has(site.status)) return false
    if (operators.size > 0 && !operators.has(site.operator ?? 'none')) return false
    if (regions.size > 0 && !(regionsOf(site.id) ?? []).some((code) => regions.has(code))) return false
    const date = site.liveDate ?? site.plannedDate
    if (filter.dateFrom && (!date || date < filter.dateFrom)) return false
    if (filter.dateTo && (!date || date > filter.dateTo)) return false
    if (text && !`${site.name}\u0000${site.address ?? ''}\u0000${site.id}`.toLowerCase().includes(text)) return false
    return true
  }
}
