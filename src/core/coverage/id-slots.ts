/** FNV-1a over UTF-16 code units, the same for an id string and for its range in a packed column. */
export function hashChars(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  // FNV's low bits, which pick the slot, mix poorly when ids differ only in their last characters.
  hash ^= hash >>> 15
  return Math.imul(hash, 0x2c1b3c6d) >>> 0
}

/**
 * The slot of each site id, for SiteTable: open addressing with linear probing over two Int32Arrays, keyed by the
 * table's own id strings. For a million ids that is 16 MB of typed arrays and no object per entry for the garbage
 * collector, and it is built in about 170 ms where a Map took 340–480 ms (the first edit after a plan opens pays
 * for it). A lookup costs about what a Map's does: at this size both are bound by memory, not by hashing.
 */
export class IdSlots {
  /** Slot + 1 per entry (0: empty); a power of two, at least twice the entries. */
  private entries: Int32Array
  /** The id's hash per entry: compared before the strings, and where an entry belongs when the table is rebuilt. */
  private hashes: Int32Array
  private size = 0

  /** `ids`: the table's id per slot, read as it changes. */
  constructor(private readonly ids: readonly string[], capacity: number) {
    const length = tableLength(capacity)
    this.entries = new Int32Array(length)
    this.hashes = new Int32Array(length)
  }

  get(id: string): number | undefined {
    const at = this.find(id, hashChars(id, 0, id.length) | 0)
    return at < 0 ? undefined : this.entries[at]! - 1
  }

  /** Maps `id` to `slot`, replacing the slot it had. */
  set(id: string, slot: number): void {
    const hash = hashChars(id, 0, id.length) | 0
    const at = this.find(id, hash)
    if (at >= 0) {
      this.entries[at] = slot + 1
      return
    }
    if (2 * (this.size + 1) > this.entries.length) this.rehash(2 * this.entries.length)
    this.insert(hash, slot + 1)
    this.size++
  }

  delete(id: string): void {
    let hole = this.find(id, hashChars(id, 0, id.length) | 0)
    if (hole < 0) return
    // Backward shift: an entry further along moves into the hole unless the hole is before its own place.
    const { entries, hashes } = this, mask = entries.length - 1
    for (let j = (hole + 1) & mask; entries[j] !== 0; j = (j + 1) & mask) {
      if (((j - (hashes[j]! & mask)) & mask) >= ((j - hole) & mask)) {
        entries[hole] = entries[j]!
        hashes[hole] = hashes[j]!
        hole = j
      }
    }
    entries[hole] = 0
    this.size--
  }

  /** The entry holding `id`, or -1. */
  private find(id: string, hash: number): number {
    const { entries, hashes, ids } = this, mask = entries.length - 1
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = entries[at]!
      if (entry === 0) return -1
      if (hashes[at] === hash && ids[entry - 1] === id) return at
    }
  }

  private insert(hash: number, entry: number): void {
    this.hashes[probeInsert(this.entries, hash, entry)] = hash
  }

  private rehash(length: number): void {
    const { entries, hashes } = this
    this.entries = new Int32Array(length)
    this.hashes = new Int32Array(length)
    for (let i = 0; i < entries.length; i++) if (entries[i] !== 0) this.insert(hashes[i]!, entries[i]!)
  }
}

/**
 * Puts a non-zero entry in the first empty place (0) from its hash's on, probing linearly, and returns that place:
 * equal keys keep the order they were inserted in. `slots.length` is a power of two with room to spare.
 */
export function probeInsert(slots: Int32Array, hash: number, entry: number): number {
  const mask = slots.length - 1
  let at = hash & mask
  while (slots[at] !== 0) at = (at + 1) & mask
  slots[at] = entry
  return at
}

/** Entries of an open-addressing table for `capacity` keys: a power of two, at least twice as many. */
export function tableLength(capacity: number): number {
  let length = 16
  while (length < 2 * capacity) length *= 2
  return length
}
