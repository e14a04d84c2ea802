type NumberArray = Int32Array | Float64Array

/** A growable typed array: the index's building block, without boxing numbers in a JS array. */
class GrowableArray<T extends NumberArray> {
  length = 0

  constructor(public data: T) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new (this.data.constructor as new (n: number) => T)(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }
}

/** Growable Int32Array. */
export class IntList extends GrowableArray<Int32Array> {
  constructor(capacity = 1024) {
    super(new Int32Array(Math.max(16, capacity)))
  }
}

/** Growable Float64Array. */
export class FloatList extends GrowableArray<Float64Array> {
  constructor(capacity = 1024) {
    super(new Float64Array(Math.max(16, capacity)))
  }
}

/**
 * Groups `values` by `keys` (each key in 0..keyCount-1) with a counting sort.
 * Returns CSR arrays: the values of key k are `values[start[k] .. start[k+1])`, in their original order.
 */
export function groupByKey(keys: IntList, values: IntList, keyCount: number): { start: Int32Array, values: Int32Array } {
  const start = new Int32Array(keyCount + 1)
  const n = keys.length
  const k = keys.data
  for (let i = 0; i < n; i++) start[k[i]! + 1]!++
  for (let i = 0; i < keyCount; i++) start[i + 1]! += start[i]!
  const cursor = start.slice(0, keyCount)
  const grouped = new Int32Array(n)
  const v = values.data
  for (let i = 0; i < n; i++) grouped[cursor[k[i]!]!++] = v[i]!
  return { start, values: grouped }
}
