import type { Site } from '@/core/model'
import type { PackedSites } from './pack-sites'
import { STYLE_STRIDE, STYLE_VISIBLE } from './site-codes'

/** One byte per input site: 1 where the predicate keeps it. */
export function maskFromPredicate(sites: readonly Site[], keep: (site: Site, index: number) => boolean): Uint8Array {
  const mask = new Uint8Array(sites.length)
  for (let i = 0; i < sites.length; i++) mask[i] = keep(sites[i]!, i) ? 1 : 0
  return mask
}

/**
 * Copies a per-site mask (input order) into the slots' visible bytes; null shows every site. A mask shorter than
 * the sites hides the rest, so a stale mask never shows what it did not decide on.
 */
export function writeVisibility(packed: Pick<PackedSites, 'count' | 'siteOfSlot' | 'styles'>, mask: Uint8Array | null): void {
  const { count, siteOfSlot, styles } = packed
  for (let slot = 0; slot < count; slot++) {
    styles[slot * STYLE_STRIDE + STYLE_VISIBLE] = mask === null || mask[siteOfSlot[slot]!] ? 1 : 0
  }
}

/** Whether a slot is shown by the current mask. */
export function isSlotVisible(styles: Uint8Array, slot: number): boolean {
  return styles[slot * STYLE_STRIDE + STYLE_VISIBLE] === 1
}
