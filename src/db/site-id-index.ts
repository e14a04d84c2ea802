import { hashChars, probeInsert, tableLength } from '@/core/coverage/id-slots'
import type { SiteColumns } from './site-columns'

/** False matches a scan of one chunk tolerates (ids inside other ids) before it builds the chunk's hash table. */
const SCAN_FALSE_MATCHES = 16

/**
 * Finds a site of one chunk by id, in the chunk's packed id column, without a string per id: 500,000 id
 * strings, or a Map of them, are tens of megabytes of objects for the garbage collector, and building any index
 * of a city plan's ids costs tens of milliseconds. So a lookup first searches the packed text natively (about
 * 2 ms for 500,000 ids); a hash table of offsets in typed arrays is built when many ids are looked up at once,
 * or when the text search keeps finding an id inside longer ones.
 */
export class ChunkIdIndex {
  private readonly text: string
  private readonly lengths: Uint32Array
  /** Sites stored as they are: their ids are not in the column (theirs is ''), and may be anything. */
  private readonly rawIds: Map<number, unknown>
  private table: HashTable | null = null

  constructor(columns: SiteColumns) {
    this.text = columns.ids?.text ?? ''
    this.lengths = columns.ids?.lengths ?? new Uint32Array(columns.count)
    this.rawIds = new Map(columns.raw.map(({ index, site }) => [index, site.id]))
  }

  /** The offset of the first site with this id in the chunk, or undefined. */
  offsetOf(id: string): number | undefined {
    if (!this.table && id.length > 0) {
      const found = this.scan(id)
      if (found !== 'gave up') return found
    }
    return this.indexed().offsetOf(id)
  }

  /** Builds the hash table now (a change that looks up many ids). */
  indexed(): HashTable {
    this.table ??= new HashTable(this.text, this.lengths, this.rawIds)
    return this.table
  }

  private scan(id: string): number | undefined | 'gave up' {
    const { text, lengths } = this
    let raw: number | undefined
    for (const [offset, rawId] of this.rawIds) {
      if (rawId === id && (raw === undefined || offset < raw)) raw = offset
    }
    // Walks the offsets along with the matches, which only move forward: one pass over the lengths at most.
    let offset = 0
    let start = 0
    let falseMatches = 0
    for (let at = text.indexOf(id); at >= 0 && (raw === undefined || offset < raw); at = text.indexOf(id, at + 1)) {
      while (offset < lengths.length && (start < at || (start === at && lengths[offset] === 0))) start += lengths[offset++]!
      if (start === at && lengths[offset] === id.length) return raw !== undefined && raw < offset ? raw : offset
      if (++falseMatches > SCAN_FALSE_MATCHES) return 'gave up'
    }
    return raw
  }
}

/** Offsets by id: open addressing with linear probing, so equal ids keep their order and the first one wins. */
class HashTable {
  /** Where each site's id starts in the text. */
  private readonly starts: Uint32Array
  /** Offset + 1 of a site in each slot (0: empty); a power of two, at least twice the sites. */
  private readonly slots: Int32Array

  constructor(private readonly text: string, private readonly lengths: Uint32Array, private readonly rawIds: Map<number, unknown>) {
    this.starts = new Uint32Array(lengths.length)
    this.slots = new Int32Array(tableLength(lengths.length))
    let start = 0
    for (let offset = 0; offset < lengths.length; offset++) {
      this.starts[offset] = start
      const end = start + lengths[offset]!
      if (rawIds.size === 0 || !rawIds.has(offset)) probeInsert(this.slots, hashChars(text, start, end), offset + 1)
      else {
        const rawId = rawIds.get(offset)
        // A raw site whose id is not a string never equals the id looked up.
        if (typeof rawId === 'string') probeInsert(this.slots, hashChars(rawId, 0, rawId.length), offset + 1)
      }
      start = end
    }
  }

  offsetOf(id: string): number | undefined {
    const mask = this.slots.length - 1
    for (let slot = hashChars(id, 0, id.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!
      if (entry === 0) return undefined
      if (this.idIs(entry - 1, id)) return entry - 1
    }
  }

  private idIs(offset: number, id: string): boolean {
    if (this.rawIds.size > 0 && this.rawIds.has(offset)) return this.rawIds.get(offset) === id
    return this.lengths[offset] === id.length && this.text.startsWith(id, this.starts[offset])
  }
}
