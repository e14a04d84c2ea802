import type { Crs } from '../crs'
import { FIELD_ALIASES, mapColumns, type SiteField } from '../sites/site-fields'

/** Which column holds each site field (the user's choice, starting from guessMapping). */
export type ColumnMapping = Partial<Record<SiteField, string>>

/** The site fields in the order the mapping step shows them. */
export const SITE_FIELDS = Object.keys(FIELD_ALIASES) as SiteField[]

/**
 * Guesses the mapping from the header: an exact alias first (名称, lng, 经度 …), then a header that contains a
 * Chinese alias ("经度(GCJ-02)", "商户名称（全称）"), as registers exported from AMap or Excel tend to decorate them.
 */
export function guessMapping(columns: readonly string[]): ColumnMapping {
  const mapping = mapColumns(columns)
  const used = new Set(Object.values(mapping))
  for (const field of SITE_FIELDS) {
    if (mapping[field]) continue
    const aliases = (FIELD_ALIASES[field] as readonly string[]).filter((a) => /[\u4e00-\u9fff]/.test(a) && a.length >= 2)
    const column = columns.find((c) => !used.has(c) && aliases.some((a) => c.includes(a)))
    if (column !== undefined) {
      mapping[field] = column
      used.add(column)
    }
  }
  return mapping
}

/** The coordinate system a header names ("经度(GCJ02)", "bd_lng", "高德经度"), or null. */
export function guessCrs(columns: readonly string[]): Crs | null {
  const header = columns.join(' ').toLowerCase()
  if (/gcj|高德|amap|腾讯/.test(header)) return 'gcj02'
  if (/bd-?09|bd_|百度|baidu/.test(header)) return 'bd09'
  if (/wgs|gps/.test(header)) return 'wgs84'
  return null
}
