/** A growable Int32Array: the index's building block, without boxing numbers in a JS array. */
export class IntList {
  length = 0
  data: Int32Array

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity))
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }
}
