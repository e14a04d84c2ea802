import type { Region } from '../../core/model'

const ENGLISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** 'YYYY-MM' when year and month are plausible, else null. */
function month(year: number, m: number): string | null {
  if (year < 2000 || year > 2100 || m < 1 || m > 12) return null
  return `${year}-${String(m).padStart(2, '0')}`
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug folded in): a serial as 'YYYY-MM'. */
function excelSerialMonth(serial: number): string | null {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000)
  return month(date.getUTCFullYear(), date.getUTCMonth() + 1)
}

/**
 * The month a cell names, as 'YYYY-MM': 2023-06, 2023/6, 2023.06, 202306, 2023年6月(份/末), a date (2023-06-30,
 * 2023/6/30, an XLSX date cell), an Excel day serial (45107) as a CSV saved from Excel holds it, or "Jun 2023".
 * null when it names no month.
 */
export function parseMonth(text: string): string | null {
  const cell = text.normalize('NFKC').trim()
  let m: RegExpMatchArray | null
  if ((m = /^(\d{4})\s*年\s*(\d{1,2})\s*月/.exec(cell))) return month(Number(m[1]), Number(m[2]))
  if ((m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T\s].*)?)?$/.exec(cell))) {
    if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 31)) return null
    return month(Number(m[1]), Number(m[2]))
  }
  if ((m = /^(\d{4})(\d{2})$/.exec(cell))) return month(Number(m[1]), Number(m[2]))
  if ((m = /^(\d{5})(?:\.\d+)?$/.exec(cell)) && Number(m[1]) >= 36_526 && Number(m[1]) <= 73_051) return excelSerialMonth(Number(m[1]))
  if ((m = /^([a-z]{3})[a-z]*\.?\s+(\d{4})$/i.exec(cell))) {
    const index = ENGLISH_MONTHS.indexOf(m[1]!.toLowerCase())
    return index < 0 ? null : month(Number(m[2]), index + 1)
  }
  return null
}

/**
 * A reported figure as a number: thousands separators, full-width digits and a unit word (个, 户, 笔, 元) are
 * dropped; a trailing 万 or 亿 multiplies. null for text that is not a figure, and for a negative one.
 */
export function parseFigure(text: string): number | null {
  let cell = text.normalize('NFKC').replace(/[,\s]/g, '')
  let factor = 1
  cell = cell.replace(/(个|户|笔|元)$/, '')
  if (cell.endsWith('亿')) factor = 100_000_000
  else if (cell.endsWith('万')) factor = 10_000
  if (factor !== 1) cell = cell.slice(0, -1)
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(cell)) return null
  return Number(cell) * factor
}

/** Words that stand for the whole plan area in an operator's sheet (its total row). */
const TOTAL_WORDS = new Set(['合计', '总计', '全县', '全市', '全区', '汇总', 'total', 'all'])

/** How a region cell was read: the region, or why none. */
export type RegionMatch = { region: Region } | { problem: 'unknown' | 'ambiguous', candidates?: string[] }

/**
 * Finds regions by what operators write: the 12-digit code, its 6- or 9-digit prefix (370124001), the name
 * ("榆山街道"), the name without its 街道/镇/乡 suffix ("榆山"), or a total word for the plan's root. Villages are
 * matched only by code or exact name, and a name shared by two regions is ambiguous.
 */
export function createRegionMatcher(regions: readonly Region[], rootCode: string): (text: string) => RegionMatch {
  const byCode = new Map(regions.map((r) => [r.code, r]))
  const byName = new Map<string, Region[]>()
  const add = (name: string, region: Region): void => {
    const list = byName.get(name) ?? []
    if (!list.includes(region)) list.push(region)
    byName.set(name, list)
  }
  for (const region of regions) {
    add(region.name, region)
    const short = region.name.replace(/(街道办事处|街道|镇|乡|办事处)$/, '')
    if (region.level !== 'village' && short.length >= 2 && short !== region.name) add(short, region)
  }
  return (text) => {
    const cell = text.normalize('NFKC').replace(/\s+/g, '')
    if (/^\d{6,12}$/.test(cell)) {
      const region = byCode.get(cell.padEnd(12, '0'))
      return region ? { region } : { problem: 'unknown' }
    }
    const root = byCode.get(rootCode)
    if (root && TOTAL_WORDS.has(cell.toLowerCase())) return { region: root }
    const found = byName.get(cell) ?? []
    if (found.length === 1) return { region: found[0]! }
    return found.length > 1 ? { problem: 'ambiguous', candidates: found.map((r) => r.code) } : { problem: 'unknown' }
  }
}
