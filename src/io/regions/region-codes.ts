import type { RegionLevel } from '../../core/model'

/**
 * Level of a statistical division code: 6-digit adcodes (370124 county, 370100 city, 370000 province),
 * 9-digit town codes (370124001), or 12-digit 统计用区划代码 (370124001000 town, 370124001001 village).
 * Null for anything else (user ids).
 */
export function levelOfCode(code: string): RegionLevel | null {
  if (/^\d{9}$/.test(code)) return 'town'
  if (/^\d{6}$/.test(code)) return code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county'
  if (!/^\d{12}$/.test(code)) return null
  if (code.slice(9) !== '000') return 'village'
  if (code.slice(6, 9) !== '000') return 'town'
  if (code.slice(4, 6) !== '00') return 'county'
  return code.slice(2, 4) !== '00' ? 'city' : 'province'
}

const PARENT_LENGTH: Record<number, Partial<Record<RegionLevel, number>>> = {
  12: { village: 9, town: 6, county: 4, city: 2 },
  9: { town: 6 },
  6: { county: 4, city: 2 },
}

/** The enclosing division's code in the same style (12-digit stays 12-digit; 9-digit towns go to 6-digit counties). */
export function parentOfCode(code: string): string | null {
  const level = levelOfCode(code)
  const keep = level ? PARENT_LENGTH[code.length]?.[level] : undefined
  if (keep === undefined) return null
  const width = code.length === 9 ? 6 : code.length
  return code.slice(0, keep).padEnd(width, '0')
}
