import { describe, expect, it } from 'vitest'
import { DayHistograms } from '@/core/targets/pending-index'

const AS_OF = 19_500
const sum = (values: ArrayLike<number>) => Array.from(values).reduce((total, value) => total + value, 0)

describe('pending-day histograms', () => {
  // Slipped (before the as-of day), soon, a year out, and past the five-year horizon (not projected).
  const days = [AS_OF - 30, AS_OF + 3, AS_OF + 365, AS_OF + 6 * 365]

  it('keep each row total equal to the sum of its buckets, past-horizon days counted in neither', () => {
    const histograms = new DayHistograms(2, AS_OF, 4)
    for (const day of days) histograms.add(1, day, 2, 1)
    const row = histograms.view(1)
    expect(row.totalCount).toBe(3)
    expect(row.totalUnits).toBe(6)
    expect(sum(row.counts)).toBe(row.totalCount)
    expect(sum(row.units)).toBe(row.totalUnits)
    // Removing the far-out one again leaves the totals alone, as adding it did.
    histograms.add(1, AS_OF + 6 * 365, 2, -1)
    expect(histograms.view(1).totalCount).toBe(3)
  })

  it('build the same rows through addUntallied and one retally as through add', () => {
    const added = new DayHistograms(2, AS_OF, 4)
    const built = new DayHistograms(2, AS_OF, 4)
    for (const day of days) {
      added.add(0, day, 1.5, 1)
      built.addUntallied(0, day, 1.5)
    }
    built.retally()
    for (const row of [0, 1]) {
      const [a, b] = [added.view(row), built.view(row)]
      expect([b.totalCount, b.totalUnits, Array.from(b.counts), Array.from(b.units)]).toEqual([a.totalCount, a.totalUnits, Array.from(a.counts), Array.from(a.units)])
    }
  })
})
