/**
 * Many strings as one: their concatenation and their lengths. IndexedDB clones one long string and one typed
 * array far faster than 50,000 separate strings, and the round trip keeps every UTF-16 code unit (even lone
 * surrogates), so nothing is lost. null when every string is empty (columns such as notes usually are).
 */
export type StringColumn = { text: string, lengths: Uint32Array } | null

/** Packs strings into one column. */
export function encodeStrings(values: readonly string[]): StringColumn {
  const lengths = new Uint32Array(values.length)
  let total = 0
  for (let i = 0; i < values.length; i++) {
    lengths[i] = values[i]!.length
    total += lengths[i]!
  }
  return total === 0 ? null : { text: values.join(''), lengths }
}

/** Unpacks a column of `count` strings. */
export function decodeStrings(column: StringColumn, count: number): string[] {
  const values = new Array<string>(count)
  if (!column) return values.fill('')
  const { text, lengths } = column
  let offset = 0
  for (let i = 0; i < count; i++) {
    const end = offset + lengths[i]!
    values[i] = text.slice(offset, end)
    offset = end
  }
  return values
}

/** Reads a column's strings one after the other, without building an array of them first. */
export class StringReader {
  private offset = 0
  private index = 0

  constructor(private readonly column: StringColumn) {}

  /** The next string ('' for every string of an all-empty column). */
  next(): string {
    if (!this.column) return ''
    const end = this.offset + this.column.lengths[this.index++]!
    const value = this.column.text.slice(this.offset, end)
    this.offset = end
    return value
  }
}
