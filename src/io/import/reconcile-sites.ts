import type { Site } from '../../core/model'
import type { SiteField } from '../sites/site-fields'
import { distanceMeters, DUPLICATE_METERS, type AcceptedRow } from './analyse-sites'
import type { ColumnMapping } from './column-mapping'

/** What an import does to the plan: the sites to put, and how many are new, changed or already so. */
export interface Reconciliation {
  sites: Site[]
  added: number
  updated: number
  unchanged: number
}

const MERGED_FIELDS: ReadonlyArray<SiteField & keyof Site> = ['name', 'kind', 'status', 'plannedDate', 'liveDate', 'units', 'operator', 'methods', 'address']

/**
 * Matches imported rows with the plan's sites — by id, else by the same name within DUPLICATE_METERS — so
 * re-importing an updated register updates sites instead of duplicating them. A matched site keeps its id and
 * every field the file does not fill (an empty cell is "not known here", not "clear it").
 */
export function reconcileSites(rows: readonly AcceptedRow[], existing: readonly Site[], mapping: ColumnMapping): Reconciliation {
  const byId = new Map(existing.map((s) => [s.id, s]))
  const byName = new Map<string, Site[]>()
  for (const site of existing) if (site.name) byName.set(site.name, [...(byName.get(site.name) ?? []), site])
  const result: Reconciliation = { sites: [], added: 0, updated: 0, unchanged: 0 }
  for (const { site, record } of rows) {
    const match = (mapping.id ? byId.get(site.id) : undefined) ?? nearbyNamesake(site, byName.get(site.name))
    if (!match) {
      result.added++
      result.sites.push(site)
      continue
    }
    const merged = mergeSite(match, site, (field) => String(record[mapping[field] ?? ''] ?? '').trim() !== '')
    if (sameSite(match, merged)) {
      result.unchanged++
    } else {
      result.updated++
      result.sites.push(merged)
    }
  }
  return result
}

function nearbyNamesake(site: Site, namesakes: Site[] | undefined): Site | undefined {
  if (!namesakes || site.geometry.type !== 'Point') return undefined
  const [x, y] = site.geometry.coordinates as [number, number]
  return namesakes.find((s) => s.geometry.type === 'Point' && distanceMeters(x, y, s.geometry.coordinates[0]!, s.geometry.coordinates[1]!) <= DUPLICATE_METERS)
}

function mergeSite(existing: Site, imported: Site, filled: (field: SiteField) => boolean): Site {
  const merged: Site = { ...existing, geometry: imported.geometry }
  for (const field of MERGED_FIELDS) {
    if (filled(field)) (merged as unknown as Record<string, unknown>)[field] = imported[field]
  }
  return merged
}

/** Equal records, positions compared to 1e-9° (a round trip through a conversion can move the last digit). */
function sameSite(a: Site, b: Site): boolean {
  const strip = (s: Site): string => JSON.stringify({ ...s, geometry: null })
  if (strip(a) !== strip(b) || a.geometry.type !== b.geometry.type) return false
  const pa = (a.geometry.type === 'Point' ? [a.geometry.coordinates] : a.geometry.coordinates).flat()
  const pb = (b.geometry.type === 'Point' ? [b.geometry.coordinates] : b.geometry.coordinates).flat()
  return pa.length === pb.length && pa.every((v, i) => Math.abs(v - pb[i]!) < 1e-9)
}
