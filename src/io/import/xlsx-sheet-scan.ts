import { decodeXml, runText, serialToIsoDate, type XlsxWorkbook } from './xlsx-sheet-reader'

/** One sheet's cells as text: rows by their sheet row number, each cell by its column (0 = A). */
export type SheetRows = Map<number, string[]>

const LT = 0x3c, GT = 0x3e, SLASH = 0x2f, QUOTE = 0x22, EQUALS = 0x3d
const A = 0x41, Z = 0x5a, ZERO = 0x30, NINE = 0x39
const LOWER_C = 0x63, LOWER_R = 0x72, LOWER_S = 0x73, LOWER_T = 0x74, LOWER_V = 0x76, LOWER_I = 0x69, LOWER_O = 0x6f, LOWER_W = 0x77

/** A cell's type attribute, by its first letter (t="s", "str", "inlineStr", "b", "e", "d"; none: a number). */
const enum CellType { Number, Shared, String, Inline, Boolean, Error, Date }

/** What the start tag of a cell says, and where it ends. */
interface CellTag { end: number, empty: boolean, column: number, style: number, type: CellType }

const utf8 = new TextDecoder()

function isBreak(byte: number | undefined): boolean {
  return byte === 0x20 || byte === GT || byte === SLASH || byte === 0x09 || byte === 0x0a || byte === 0x0d
}

/** The digits from `at` as a number (row numbers, style and shared-string indexes). */
function digitsAt(bytes: Uint8Array, at: number): number {
  let value = 0
  for (let i = at; bytes[i]! >= ZERO && bytes[i]! <= NINE; i++) value = value * 10 + bytes[i]! - ZERO
  return value
}

function typeAt(bytes: Uint8Array, at: number): CellType {
  switch (bytes[at]) {
    case LOWER_S: return bytes[at + 1] === QUOTE ? CellType.Shared : CellType.String
    case LOWER_I: return CellType.Inline
    case 0x62: return CellType.Boolean
    case 0x65: return CellType.Error
    case 0x64: return CellType.Date
    default: return CellType.Number
  }
}

/** Just past the next quote from `from`; the end of the bytes when there is none (a cut-off sheet ends the scan). */
function pastQuote(bytes: Uint8Array, from: number): number {
  const quote = bytes.indexOf(QUOTE, from)
  return quote < 0 ? bytes.length : quote + 1
}

/** Reads the one-letter attributes of a <c> start tag (r, s, t); `previous` is the column before it. */
function cellTag(bytes: Uint8Array, at: number, previous: number): CellTag {
  const tag: CellTag = { end: at, empty: false, column: previous + 1, style: 0, type: CellType.Number }
  let i = at + 2
  while (i < bytes.length && bytes[i] !== GT) {
    if (bytes[i] === QUOTE) {
      i = pastQuote(bytes, i + 1)
      continue
    }
    if (bytes[i] === 0x20 && bytes[i + 2] === EQUALS && bytes[i + 3] === QUOTE) {
      const name = bytes[i + 1], value = i + 4
      if (name === LOWER_R) {
        let column = 0
        for (let k = value; bytes[k]! >= A && bytes[k]! <= Z; k++) column = column * 26 + bytes[k]! - A + 1
        tag.column = column - 1
      } else if (name === LOWER_S) {
        tag.style = digitsAt(bytes, value)
      } else if (name === LOWER_T) {
        tag.type = typeAt(bytes, value)
      }
      i = pastQuote(bytes, value)
      continue
    }
    i++
  }
  tag.end = i
  tag.empty = bytes[i - 1] === SLASH
  return tag
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return to - from < 64 ? String.fromCharCode(...bytes.subarray(from, to)) : utf8.decode(bytes.subarray(from, to))
}

/** The text of a cell's <v> value, by its type and style. */
function valueText(book: XlsxWorkbook, bytes: Uint8Array, tag: CellTag, from: number, to: number): string {
  switch (tag.type) {
    case CellType.Shared: return (book.sharedStrings[digitsAt(bytes, from)] ?? '').trim()
    case CellType.String: return decodeXml(utf8.decode(bytes.subarray(from, to))).trim()
    case CellType.Boolean: return bytes[from] === 0x31 ? 'true' : 'false'
    case CellType.Error: return ''
    case CellType.Date: return ascii(bytes, from, Math.min(to, from + 10))
  }
  const raw = ascii(bytes, from, to)
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(value)) return decodeXml(utf8.decode(bytes.subarray(from, to))).trim()
  return book.dateStyles[tag.style] ? serialToIsoDate(value, book.date1904) : String(value)
}

/** A cell's text, reading its children up to </c> (a <v> value, an <is> inline string; <f> is skipped); and where it ends. */
function cellText(book: XlsxWorkbook, bytes: Uint8Array, tag: CellTag): { text: string, end: number } {
  let text = ''
  for (let at = bytes.indexOf(LT, tag.end); at >= 0; at = bytes.indexOf(LT, at + 1)) {
    const next = bytes[at + 1]
    if (next === SLASH && bytes[at + 2] === LOWER_C && bytes[at + 3] === GT) return { text, end: at + 4 }
    if (next === LOWER_V && bytes[at + 2] === GT) {
      const end = bytes.indexOf(LT, at + 3)
      if (end < 0) break
      text = valueText(book, bytes, tag, at + 3, end)
      at = end
    } else if (next === LOWER_I && bytes[at + 2] === LOWER_S && bytes[at + 3] === GT) {
      const end = findClose(bytes, at + 4, '</is>')
      text = runText(utf8.decode(bytes.subarray(at + 4, end))).trim()
      at = end
    }
  }
  return { text, end: bytes.length }
}

function findClose(bytes: Uint8Array, from: number, close: string): number {
  const codes = Array.from(close, (c) => c.charCodeAt(0))
  for (let at = bytes.indexOf(LT, from); at >= 0; at = bytes.indexOf(LT, at + 1)) {
    if (codes.every((code, k) => bytes[at + k] === code)) return at
  }
  return bytes.length
}

/**
 * Every non-empty cell of a sheet as text, by row number and column. Scans the sheet's bytes: a 100,000-row
 * sheet is 30 MB of XML, and decoding it to a string and matching it would cost more than everything else in
 * the import. Only text values (shared strings aside) are decoded, cell by cell.
 */
export function readSheetRows(book: XlsxWorkbook, bytes: Uint8Array): SheetRows {
  const rows: SheetRows = new Map()
  let cells: string[] = []
  let rowNumber = 0, column = -1
  for (let at = bytes.indexOf(LT); at >= 0; at = bytes.indexOf(LT, at + 1)) {
    const next = bytes[at + 1]
    if (next === LOWER_C && isBreak(bytes[at + 2])) {
      const tag = cellTag(bytes, at, column)
      column = tag.column
      if (tag.empty) continue
      const { text, end } = cellText(book, bytes, tag)
      if (text !== '') cells[column] = text
      at = end - 1
    } else if (next === LOWER_R && bytes[at + 2] === LOWER_O && bytes[at + 3] === LOWER_W && isBreak(bytes[at + 4])) {
      if (cells.length > 0) rows.set(rowNumber, cells)
      cells = []
      column = -1
      const end = bytes.indexOf(GT, at)
      if (end < 0) break
      const r = findAttribute(bytes, at, end, LOWER_R)
      rowNumber = r >= 0 ? digitsAt(bytes, r) : rowNumber + 1
    }
  }
  if (cells.length > 0) rows.set(rowNumber, cells)
  return rows
}

/** Where the value of the one-letter attribute `name` starts in the tag from `at` to `end`, or -1. */
function findAttribute(bytes: Uint8Array, at: number, end: number, name: number): number {
  for (let i = at; i < end; i++) {
    if (bytes[i] === 0x20 && bytes[i + 1] === name && bytes[i + 2] === EQUALS && bytes[i + 3] === QUOTE) return i + 4
  }
  return -1
}
