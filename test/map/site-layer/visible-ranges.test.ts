import { describe, expect, it } from 'vitest'
import { packSites } from '@/map/site-layer/pack-sites'
import { visibleRanges, type RelativeBox } from '@/map/site-layer/visible-ranges'
import { random, scatteredSites } from './fixtures'

const slotsIn = (ranges: number[]): Set<number> => {
  const slots = new Set<number>()
  for (let i = 0; i < ranges.length; i += 2) for (let s = ranges[i]!; s < ranges[i]! + ranges[i + 1]!; s++) slots.add(s)
  return slots
}

describe('visible ranges', () => {
  const packed = packSites(scatteredSites(20_000))
  const everything: RelativeBox = { minX: -1, minY: -1, maxX: 1, maxY: 1 }

  it('draw everything in one range when the whole extent is on screen', () => {
    expect(visibleRanges(packed, everything)).toEqual([0, packed.count])
  })

  it('draw each draw group from its own ranges: icons after all dots', () => {
    const mixed = packSites(scatteredSites(2000).map((site, i) => (i % 4 === 0 ? { ...site, kind: 'hospital' as const } : site)))
    expect(visibleRanges(mixed, everything, 0)).toEqual([0, 1500])
    expect(visibleRanges(mixed, everything, 1)).toEqual([1500, 500])
  })

  it('draw nothing when the view is off the sites', () => {
    expect(visibleRanges(packed, { minX: 0.1, minY: 0.1, maxX: 0.2, maxY: 0.2 })).toEqual([])
  })

  it('cover every site inside a small view, and far fewer than all', () => {
    const next = random(7)
    for (let trial = 0; trial < 20; trial++) {
      const size = packed.grid.cellSize * (1 + 8 * next())
      const minX = packed.grid.minX + next() * packed.grid.columns * packed.grid.cellSize
      const minY = packed.grid.minY + next() * packed.grid.rows * packed.grid.cellSize
      const box = { minX, minY, maxX: minX + size, maxY: minY + size }
      const drawn = slotsIn(visibleRanges(packed, box))
      for (let slot = 0; slot < packed.count; slot++) {
        const [x, y] = [packed.positions[slot * 2]!, packed.positions[slot * 2 + 1]!]
        if (x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY) expect(drawn.has(slot)).toBe(true)
      }
      expect(drawn.size).toBeLessThan(packed.count / 4)
    }
  })
})
