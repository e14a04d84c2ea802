import { describe, expect, it } from 'vitest'
import { IdSlots } from '@/core/coverage/id-slots'
import { seededRandom } from '../geometry/fixtures'

describe('IdSlots', () => {
  it('agrees with a Map through a long random run of sets, replacements and deletes, growing from a small table', () => {
    const random = seededRandom(7)
    const ids: string[] = []
    // Few distinct ids (so sets replace and deletes hit) that share long prefixes, as site ids do.
    const pool = Array.from({ length: 600 }, (_, i) => `site-${String(i % 300).padStart(6, '0')}${i >= 300 ? '-b' : ''}`)
    const slots = new IdSlots(ids, 1)
    const reference = new Map<string, number>()
    for (let step = 0; step < 20_000; step++) {
      const id = pool[Math.floor(random() * pool.length)]!
      if (random() < 0.35) {
        slots.delete(id)
        reference.delete(id)
      } else {
        // The table keys its entries by the ids array, as SiteTable does: the slot holds the id first.
        const slot = ids.length
        ids.push(id)
        slots.set(id, slot)
        reference.set(id, slot)
      }
      if (step % 97 === 0) for (const probe of pool) expect(slots.get(probe), probe).toBe(reference.get(probe))
    }
    for (const probe of pool) expect(slots.get(probe)).toBe(reference.get(probe))
    expect(reference.size).toBeGreaterThan(100)
  })

  it('keeps every id findable after deleting every other one (entries further along a probe run shift back)', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `x${i}`)
    const slots = new IdSlots(ids, 2000)
    ids.forEach((id, slot) => slots.set(id, slot))
    for (let slot = 0; slot < ids.length; slot += 2) slots.delete(ids[slot]!)
    ids.forEach((id, slot) => expect(slots.get(id)).toBe(slot % 2 === 0 ? undefined : slot))
    expect(slots.get('absent')).toBeUndefined()
  })
})
