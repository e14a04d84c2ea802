/**
 * A fast reader of XLSX cell text, for import: the workbook's XML parts are unzipped with fflate and scanned with
 * regular expressions, with no object model per cell (exceljs builds one, which made a 100,000-row workbook
 * import 3.5× slower than the same rows as CSV). It reads what registers hold: shared and inline strings,
 * numbers, booleans, formula results, and dates — cells with a date format, in the 1900 or 1904 date system.
 */

/** An unzipped workbook: its sheets, in order, and what reading any of them needs. */
export interface XlsxWorkbook {
  sheets: Array<{ name: string, path: string }>
  sharedStrings: string[]
  /** Per cell style index: true when its number format shows a date. */
  dateStyles: boolean[]
  date1904: boolean
  /** The XML of a part, by its path in the zip (xl/worksheets/sheet1.xml). */
  part: (path: string) => string | null
}

const SLASH = 47

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: '\'' }

/** XML text with its entity and character references resolved. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole
    return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)))
  })
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const match of tag.matchAll(/([\w:]+)="([^"]*)"/g)) found[match[1]!] = match[2]!
  return found
}

/** The text of the <t> runs in a string item, phonetic guides (<rPh>) left out. */
export function runText(xml: string): string {
  const plain = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml
  let text = ''
  for (const match of plain.matchAll(/<t\b[^>]*?(?:\/>|>([^<]*)<\/t>)/g)) text += match[1] ?? ''
  return decodeXml(text)
}

function readSharedStrings(xml: string | null): string[] {
  const strings: string[] = []
  if (xml === null) return strings
  for (let at = xml.indexOf('<si'); at >= 0; at = xml.indexOf('<si', at)) {
    const open = xml.indexOf('>', at)
    if (xml.charCodeAt(open - 1) === SLASH) {
      strings.push('')
      at = open
      continue
    }
    const end = xml.indexOf('</si>', open)
    const item = xml.slice(open + 1, end)
    // The usual item is one plain run, <t>text</t>: no need for the general run scan.
    const plain = item.startsWith('<t>') && item.indexOf('<', 3) === item.length - 4
    strings.push(plain ? decodeXml(item.slice(3, -4)) : runText(item))
    at = end
  }
  return strings
}

/** Built-in number formats that show dates: 14–22 and 45–47, and the East Asian ones (27–36, 50–58). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58])

/** A custom format code shows a date when, outside quoted text, escapes and [colour] brackets, it has y, m, d, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '')
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim())
}

function readDateStyles(xml: string | null): boolean[] {
  if (xml === null) return []
  const custom = new Map<number, string>()
  for (const match of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const { numFmtId, formatCode } = attributes(match[1]!)
    if (numFmtId !== undefined) custom.set(Number(numFmtId), decodeXml(formatCode ?? ''))
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? ''
  return Array.from(cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g), (m) => {
    const id = Number(attributes(m[1]!).numFmtId ?? 0)
    return BUILT_IN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))
  })
}

/** Where a relationship target points in the zip (targets are relative to xl/, or absolute from the root). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`
}

/**
 * Opens a workbook: sheet names and paths, shared strings, date styles and the date system. Throws (with
 * fflate's or its own message) when the bytes are not an XLSX workbook.
 */
export function openWorkbook(entries: Record<string, Uint8Array>): XlsxWorkbook {
  const decoder = new TextDecoder()
  const part = (path: string): string | null => (entries[path] ? decoder.decode(entries[path]) : null)
  const workbook = part('xl/workbook.xml')
  if (workbook === null) throw new Error('no xl/workbook.xml')
  const targets = new Map<string, string>()
  for (const match of (part('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const { Id, Target } = attributes(match[1]!)
    if (Id !== undefined && Target !== undefined) targets.set(Id, partPath(Target))
  }
  const sheets = Array.from(workbook.matchAll(/<sheet\b([^>]*)\/?>/g), (m) => {
    const found = attributes(m[1]!)
    return { name: decodeXml(found.name ?? ''), path: targets.get(found['r:id'] ?? '') ?? '' }
  })
  const pr = attributes(/<workbookPr\b([^>]*)\/?>/.exec(workbook)?.[1] ?? '')
  return {
    sheets, part,
    sharedStrings: readSharedStrings(part('xl/sharedStrings.xml')),
    dateStyles: readDateStyles(part('xl/styles.xml')),
    date1904: pr.date1904 === '1' || pr.date1904 === 'true',
  }
}

/** The column index of a cell reference's letters: A → 0, Z → 25, AA → 26, XFD → 16383. */
export function columnIndex(letters: string): number {
  let index = 0
  for (let i = 0; i < letters.length; i++) index = index * 26 + (letters.charCodeAt(i) - 64)
  return index - 1
}

/** An Excel date serial as an ISO date; 1900 system: serial 60 is the 29 February 1900 Excel counts. */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const days = date1904 ? serial - 24107 : serial < 60 ? serial - 25568 : serial - 25569
  return new Date(Math.round(days * 86_400_000)).toISOString().slice(0, 10)
}
