import type { LineString, Position } from 'geojson'
import {
  ACCEPTANCE_METHODS, OPERATORS, SITE_KINDS, SITE_STATUSES,
  type AcceptanceMethod, type Site,
} from '@/core/model'
import { decodeStrings, encodeStrings, StringReader, type StringColumn } from './string-column'

/** Free attributes of many sites: a key dictionary, then per site how many pairs, each a key index and a value. */
export interface AttributeColumns {
  keys: string[]
  counts: Uint16Array
  keyIndexes: Uint32Array
  values: StringColumn
}

/**
 * Many sites as columns: typed arrays for the numbers and codes, packed strings for the text. It is lossless:
 * a site that does not fit the columns exactly (an unknown kind, a 3D coordinate, an extra field) is kept as
 * it is in `raw`, so every site decodes to an object deep-equal to the one encoded.
 */
export interface SiteColumns {
  count: number
  ids: StringColumn
  names: StringColumn
  /** Index into SITE_KINDS / SITE_STATUSES / OPERATORS (NO_CODE: none). */
  kinds: Uint8Array
  statuses: Uint8Array
  operators: Uint8Array
  /** Bit i set: ACCEPTANCE_METHODS[i] accepted (methods are kept in that order, without repeats). */
  methods: Uint8Array
  /** Days since 1970-01-01 (NO_DAY: null). */
  plannedDays: Int32Array
  liveDays: Int32Array
  units: Float64Array
  /** A point's coordinates; a line's first vertex. */
  lng: Float64Array
  lat: Float64Array
  /** FLAG_* bits: which optional fields a site has, whether it is a line, whether it is raw. */
  flags: Uint8Array
  /** Vertex count of each line, in site order, and their coordinates as lng, lat pairs. */
  lineCounts: Uint32Array
  lineCoords: Float64Array
  addresses: StringColumn
  contacts: StringColumn
  notes: StringColumn
  attributes: AttributeColumns | null
  /** Sites kept as they are, by their index. */
  raw: Array<{ index: number, site: Site }>
}

const NO_CODE = 255
const NO_DAY = -2147483648
const DAY_MS = 86_400_000
const FLAG_ADDRESS = 1
const FLAG_CONTACT = 2
const FLAG_NOTES = 4
const FLAG_ATTRIBUTES = 8
const FLAG_LINE = 16
const FLAG_RAW = 32

/** id, name, kind, geometry, status, methods, operator, plannedDate, liveDate, units */
const REQUIRED_KEYS = 10
const codesOf = (values: readonly string[]): Map<string, number> => new Map(values.map((value, index) => [value, index]))
const KIND_CODES = codesOf(SITE_KINDS)
const STATUS_CODES = codesOf(SITE_STATUSES)
const OPERATOR_CODES = codesOf(OPERATORS)
const METHOD_CODES = codesOf(ACCEPTANCE_METHODS)

/** Encodes sites into columns, in their order. */
export function encodeSites(sites: readonly Site[]): SiteColumns {
  const n = sites.length
  const columns = allocateColumns(n)
  const strings = { ids: new Array<string>(n), names: new Array<string>(n), addresses: new Array<string>(n), contacts: new Array<string>(n), notes: new Array<string>(n) }
  const lines = { counts: [] as number[], coords: [] as number[] }
  const attributes = new AttributeWriter(n)
  for (let i = 0; i < n; i++) {
    const site = sites[i]!
    if (fitsColumns(site)) {
      writeSite(columns, i, site, lines)
      strings.ids[i] = site.id
      strings.names[i] = site.name
      strings.addresses[i] = site.address ?? ''
      strings.contacts[i] = site.contact ?? ''
      strings.notes[i] = site.notes ?? ''
      if (site.attributes) attributes.add(i, site.attributes)
    } else {
      columns.flags[i] = FLAG_RAW
      columns.raw.push({ index: i, site })
      strings.ids[i] = strings.names[i] = strings.addresses[i] = strings.contacts[i] = strings.notes[i] = ''
    }
  }
  return {
    ...columns,
    ids: encodeStrings(strings.ids),
    names: encodeStrings(strings.names),
    addresses: encodeStrings(strings.addresses),
    contacts: encodeStrings(strings.contacts),
    notes: encodeStrings(strings.notes),
    lineCounts: Uint32Array.from(lines.counts),
    lineCoords: Float64Array.from(lines.coords),
    attributes: attributes.finish(),
  }
}

function allocateColumns(n: number): SiteColumns {
  return {
    count: n, ids: null, names: null,
    kinds: new Uint8Array(n), statuses: new Uint8Array(n), operators: new Uint8Array(n), methods: new Uint8Array(n),
    plannedDays: new Int32Array(n), liveDays: new Int32Array(n), units: new Float64Array(n),
    lng: new Float64Array(n), lat: new Float64Array(n), flags: new Uint8Array(n),
    lineCounts: new Uint32Array(0), lineCoords: new Float64Array(0),
    addresses: null, contacts: null, notes: null, attributes: null, raw: [],
  }
}

function writeSite(columns: SiteColumns, i: number, site: Site, lines: { counts: number[], coords: number[] }): void {
  columns.kinds[i] = KIND_CODES.get(site.kind)!
  columns.statuses[i] = STATUS_CODES.get(site.status)!
  columns.operators[i] = site.operator === null ? NO_CODE : OPERATOR_CODES.get(site.operator)!
  columns.methods[i] = methodMask(site.methods)
  columns.plannedDays[i] = site.plannedDate === null ? NO_DAY : dayOf(site.plannedDate)!
  columns.liveDays[i] = site.liveDate === null ? NO_DAY : dayOf(site.liveDate)!
  columns.units[i] = site.units
  let flags = (site.address === undefined ? 0 : FLAG_ADDRESS) | (site.contact === undefined ? 0 : FLAG_CONTACT)
    | (site.notes === undefined ? 0 : FLAG_NOTES) | (site.attributes === undefined ? 0 : FLAG_ATTRIBUTES)
  if (site.geometry.type === 'Point') {
    columns.lng[i] = site.geometry.coordinates[0]!
    columns.lat[i] = site.geometry.coordinates[1]!
  } else {
    flags |= FLAG_LINE
    const vertices = site.geometry.coordinates
    columns.lng[i] = vertices[0]?.[0] ?? Number.NaN
    columns.lat[i] = vertices[0]?.[1] ?? Number.NaN
    lines.counts.push(vertices.length)
    for (const [lng, lat] of vertices) lines.coords.push(lng!, lat!)
  }
  columns.flags[i] = flags
}

function methodMask(methods: readonly AcceptanceMethod[]): number {
  let mask = 0
  for (const method of methods) mask |= 1 << METHOD_CODES.get(method)!
  return mask
}

class AttributeWriter {
  private readonly keyCodes = new Map<string, number>()
  private readonly counts: Uint16Array
  private readonly keyIndexes: number[] = []
  private readonly values: string[] = []

  constructor(n: number) {
    this.counts = new Uint16Array(n)
  }

  add(index: number, attributes: Record<string, string>): void {
    let count = 0
    for (const key in attributes) {
      let code = this.keyCodes.get(key)
      if (code === undefined) this.keyCodes.set(key, code = this.keyCodes.size)
      this.keyIndexes.push(code)
      this.values.push(attributes[key]!)
      count++
    }
    this.counts[index] = count
  }

  finish(): AttributeColumns | null {
    if (this.keyIndexes.length === 0) return null
    return { keys: [...this.keyCodes.keys()], counts: this.counts, keyIndexes: Uint32Array.from(this.keyIndexes), values: encodeStrings(this.values) }
  }
}

/** Decodes every site of the columns, in order. */
export function decodeSites(columns: SiteColumns): Site[] {
  const { count, flags } = columns
  const text = {
    ids: new StringReader(columns.ids), names: new StringReader(columns.names), addresses: new StringReader(columns.addresses),
    contacts: new StringReader(columns.contacts), notes: new StringReader(columns.notes),
  }
  const attributes = new AttributeReader(columns.attributes)
  const lines = new LineReader(columns)
  const dates = new DateFormatter()
  const sites = new Array<Site>(count)
  for (let i = 0; i < count; i++) {
    const flag = flags[i]!
    // Every reader advances for every site, raw ones included (their strings are empty).
    const id = text.ids.next()
    const name = text.names.next()
    const address = text.addresses.next()
    const contact = text.contacts.next()
    const note = text.notes.next()
    if (flag & FLAG_RAW) continue
    const site: Site = {
      id, name,
      kind: SITE_KINDS[columns.kinds[i]!]!,
      geometry: flag & FLAG_LINE ? lines.next() : { type: 'Point', coordinates: [columns.lng[i]!, columns.lat[i]!] },
      status: SITE_STATUSES[columns.statuses[i]!]!,
      methods: methodsOf(columns.methods[i]!),
      operator: columns.operators[i] === NO_CODE ? null : OPERATORS[columns.operators[i]!]!,
      plannedDate: dates.format(columns.plannedDays[i]!),
      liveDate: dates.format(columns.liveDays[i]!),
      units: columns.units[i]!,
    }
    if (flag & FLAG_ADDRESS) site.address = address
    if (flag & FLAG_CONTACT) site.contact = contact
    if (flag & FLAG_NOTES) site.notes = note
    if (flag & FLAG_ATTRIBUTES) site.attributes = attributes.read(i)
    sites[i] = site
  }
  for (const { index, site } of columns.raw) sites[index] = structuredClone(site)
  return sites
}

function methodsOf(mask: number): AcceptanceMethod[] {
  const methods: AcceptanceMethod[] = []
  for (let bit = 0; mask >> bit; bit++) {
    if (mask & (1 << bit)) methods.push(ACCEPTANCE_METHODS[bit]!)
  }
  return methods
}

class AttributeReader {
  private readonly values: string[]
  private readonly starts: Uint32Array

  constructor(private readonly columns: AttributeColumns | null) {
    const counts = columns?.counts ?? new Uint16Array(0)
    this.starts = new Uint32Array(counts.length)
    let total = 0
    for (let i = 0; i < counts.length; i++) {
      this.starts[i] = total
      total += counts[i]!
    }
    this.values = decodeStrings(columns?.values ?? null, total)
  }

  read(index: number): Record<string, string> {
    const attributes: Record<string, string> = {}
    if (!this.columns) return attributes
    const start = this.starts[index]!
    const end = start + this.columns.counts[index]!
    for (let j = start; j < end; j++) attributes[this.columns.keys[this.columns.keyIndexes[j]!]!] = this.values[j]!
    return attributes
  }
}

class LineReader {
  private line = 0
  private offset = 0

  constructor(private readonly columns: SiteColumns) {}

  next(): LineString {
    const vertices = this.columns.lineCounts[this.line++]!
    const coordinates: Position[] = new Array<Position>(vertices)
    for (let v = 0; v < vertices; v++, this.offset += 2) {
      coordinates[v] = [this.columns.lineCoords[this.offset]!, this.columns.lineCoords[this.offset + 1]!]
    }
    return { type: 'LineString', coordinates }
  }
}

/** Day numbers back to ISO dates; a plan has few distinct dates, so each is formatted once. */
class DateFormatter {
  private readonly cache = new Map<number, string>()

  format(day: number): string | null {
    if (day === NO_DAY) return null
    let text = this.cache.get(day)
    if (text === undefined) this.cache.set(day, text = new Date(day * DAY_MS).toISOString().slice(0, 10))
    return text
  }
}

const dayCache = new Map<string, number | undefined>()

/** The day number of an ISO date, or undefined when the text would not come back the same (not a real date). */
function dayOf(date: string): number | undefined {
  if (dayCache.has(date)) return dayCache.get(date)
  let day: number | undefined
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const ms = Date.parse(`${date}T00:00:00Z`)
    if (Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date) day = ms / DAY_MS
  }
  if (dayCache.size > 100_000) dayCache.clear()
  dayCache.set(date, day)
  return day
}

/** True when the columns hold the site exactly; anything unusual is stored raw instead. */
function fitsColumns(site: Site): boolean {
  return typeof site.id === 'string' && typeof site.name === 'string' && typeof site.units === 'number'
    && KIND_CODES.has(site.kind) && STATUS_CODES.has(site.status)
    && (site.operator === null || OPERATOR_CODES.has(site.operator))
    && isDateOrNull(site.plannedDate) && isDateOrNull(site.liveDate)
    && canonicalMethods(site.methods) && fitsGeometry(site.geometry)
    && isOptionalString(site.address) && isOptionalString(site.contact) && isOptionalString(site.notes)
    && fitsAttributes(site.attributes)
    // Any other key, or an optional one present with the value undefined, makes the count differ.
    && countKeys(site) === REQUIRED_KEYS + presentOptionalKeys(site)
}

/** Counts keys without allocating (Object.keys would make an array per site of a 500,000-site import). */
function countKeys(value: object): number {
  let count = 0
  for (const _key in value) count++
  return count
}

function presentOptionalKeys(site: Site): number {
  return (site.address === undefined ? 0 : 1) + (site.contact === undefined ? 0 : 1) + (site.notes === undefined ? 0 : 1) + (site.attributes === undefined ? 0 : 1)
}

function isDateOrNull(date: string | null): boolean {
  return date === null || (typeof date === 'string' && dayOf(date) !== undefined)
}

/** Methods survive as a bit mask only when they are listed once each, in ACCEPTANCE_METHODS order. */
function canonicalMethods(methods: readonly AcceptanceMethod[]): boolean {
  if (!Array.isArray(methods)) return false
  let previous = -1
  for (const method of methods) {
    const code = METHOD_CODES.get(method)
    if (code === undefined || code <= previous) return false
    previous = code
  }
  return true
}

function isOptionalString(value: string | undefined): boolean {
  return value === undefined || typeof value === 'string'
}

function fitsAttributes(attributes: Record<string, string> | undefined): boolean {
  if (attributes === undefined) return true
  if (typeof attributes !== 'object' || attributes === null || Object.getPrototypeOf(attributes) !== Object.prototype) return false
  let count = 0
  for (const key in attributes) {
    // Decoding assigns keys one by one, and assigning '__proto__' would set the prototype instead.
    if (key === '__proto__' || typeof attributes[key] !== 'string' || ++count > 65_535) return false
  }
  return true
}

function fitsGeometry(geometry: Site['geometry']): boolean {
  if (typeof geometry !== 'object' || geometry === null || countKeys(geometry) !== 2) return false
  if (geometry.type === 'Point') return isPair(geometry.coordinates)
  return geometry.type === 'LineString' && Array.isArray(geometry.coordinates) && geometry.coordinates.every(isPair)
}

function isPair(position: Position): boolean {
  return Array.isArray(position) && position.length === 2 && typeof position[0] === 'number' && typeof position[1] === 'number'
}

/** The sites start ≤ i < end of the columns, as columns of their own (what decoding one site needs). */
export function sliceColumns(columns: SiteColumns, start: number, end: number): SiteColumns {
  const lineStart = countLines(columns.flags, 0, start)
  const lineEnd = lineStart + countLines(columns.flags, start, end)
  const coordStart = 2 * sum(columns.lineCounts, 0, lineStart)
  const coordEnd = coordStart + 2 * sum(columns.lineCounts, lineStart, lineEnd)
  return {
    count: end - start,
    ids: sliceStrings(columns.ids, start, end),
    names: sliceStrings(columns.names, start, end),
    kinds: columns.kinds.subarray(start, end),
    statuses: columns.statuses.subarray(start, end),
    operators: columns.operators.subarray(start, end),
    methods: columns.methods.subarray(start, end),
    plannedDays: columns.plannedDays.subarray(start, end),
    liveDays: columns.liveDays.subarray(start, end),
    units: columns.units.subarray(start, end),
    lng: columns.lng.subarray(start, end),
    lat: columns.lat.subarray(start, end),
    flags: columns.flags.subarray(start, end),
    lineCounts: columns.lineCounts.subarray(lineStart, lineEnd),
    lineCoords: columns.lineCoords.subarray(coordStart, coordEnd),
    addresses: sliceStrings(columns.addresses, start, end),
    contacts: sliceStrings(columns.contacts, start, end),
    notes: sliceStrings(columns.notes, start, end),
    attributes: sliceAttributes(columns.attributes, start, end),
    raw: columns.raw.filter(({ index }) => index >= start && index < end).map(({ index, site }) => ({ index: index - start, site })),
  }
}

function sliceStrings(column: StringColumn, start: number, end: number): StringColumn {
  if (!column) return null
  const from = sum(column.lengths, 0, start)
  return { text: column.text.slice(from, from + sum(column.lengths, start, end)), lengths: column.lengths.subarray(start, end) }
}

function sliceAttributes(columns: AttributeColumns | null, start: number, end: number): AttributeColumns | null {
  if (!columns) return null
  const from = sum(columns.counts, 0, start)
  const to = from + sum(columns.counts, start, end)
  return { keys: columns.keys, counts: columns.counts.subarray(start, end), keyIndexes: columns.keyIndexes.subarray(from, to), values: sliceStrings(columns.values, from, to) }
}

function countLines(flags: Uint8Array, start: number, end: number): number {
  let lines = 0
  for (let i = start; i < end; i++) lines += (flags[i]! & FLAG_LINE) === 0 ? 0 : 1
  return lines
}

function sum(values: ArrayLike<number>, start: number, end: number): number {
  let total = 0
  for (let i = start; i < end; i++) total += values[i]!
  return total
}
