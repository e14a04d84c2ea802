import { describe, expect, it } from 'vitest'
import { packSites } from '@/map/site-layer/pack-sites'
import { resolveSelection, selectedSlots } from '@/map/site-layer/site-selection'
import { busLine, scatteredSites } from './fixtures'

describe('the slots of a box or lasso selection', () => {
  it('resolves ids to site indexes, dropping unknown ids and repeats', () => {
    const ids = new Map([['a', 0], ['b', 1], ['c', 2]])
    expect([...resolveSelection(['c', 'gone', 'a', 'c'], (id) => ids.get(id) ?? -1)]).toEqual([2, 0])
  })

  it('lists the selected sites\' slots ascending, each once, skipping sites that are not drawn', () => {
    const sites = [...scatteredSites(500), busLine('line')]
    const packed = packSites(sites)
    const chosen = Int32Array.of(400, 3, 500, 77, 3)
    const { slots } = selectedSlots(chosen, packed)
    expect([...slots]).toEqual([400, 3, 77].map((i) => packed.slotOfSite[i]!).sort((a, b) => a - b))
  })

  it('counts the merchant dots, which come first, so the icons are drawn from where they end', () => {
    const sites = scatteredSites(300).map((site, i) => (i % 3 === 0 ? { ...site, kind: 'hospital' as const } : site))
    const packed = packSites(sites)
    const chosen = Int32Array.from({ length: 60 }, (_, i) => i)
    const { slots, dots } = selectedSlots(chosen, packed)
    expect(dots).toBe(40)
    const kinds = [...slots].map((slot) => sites[packed.siteOfSlot[slot]!]!.kind)
    expect(kinds.slice(0, dots).every((kind) => kind === 'merchant')).toBe(true)
    expect(kinds.slice(dots).every((kind) => kind === 'hospital')).toBe(true)
  })

  it('is empty for an empty selection', () => {
    expect(selectedSlots(new Int32Array(0), packSites(scatteredSites(10)))).toEqual({ slots: new Uint32Array(0), dots: 0 })
  })
})
