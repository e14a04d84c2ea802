import Flatbush from 'flatbush'
import type { PackedSites } from './pack-sites'
import { isSlotVisible } from './site-mask'

/** A static spatial index over the slots' positions (relative mercator), for hit tests on the CPU. */
export function buildPickIndex(packed: Pick<PackedSites, 'count' | 'positions'>): Flatbush | null {
  if (packed.count === 0) return null
  const index = new Flatbush(packed.count)
  for (let slot = 0; slot < packed.count; slot++) index.add(packed.positions[slot * 2]!, packed.positions[slot * 2 + 1]!)
  index.finish()
  return index
}

/**
 * The visible slot nearest to (x, y) within maxDistance (relative mercator units), or -1. Flatbush item i is slot i,
 * because buildPickIndex adds the slots in order.
 */
export function pickSlot(
  index: Flatbush | null, packed: Pick<PackedSites, 'styles'>, x: number, y: number, maxDistance: number,
): number {
  if (!index) return -1
  const [slot] = index.neighbors(x, y, 1, maxDistance, (i) => isSlotVisible(packed.styles, i))
  return slot ?? -1
}
