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
