import { describe, expect, it } from 'vitest'
import { packSites } from '@/map/site-layer/pack-sites'
import { isSlotVisible, maskFromPredicate, writeVisibility } from '@/map/site-layer/site-mask'
import { busLine, pointSite } from './fixtures'

const sites = [pointSite('a', 116.2, 36.2, 'merchant', 'live'), busLine('line'), pointSite('b', 116.5, 36.4, 'school', 'candidate')]

describe('filter mask', () => {
  it('has one byte per input site, bus lines included', () => {
    expect([...maskFromPredicate(sites, (site) => site.status === 'live')]).toEqual([1, 1, 0])
    expect([...maskFromPredicate(sites, (_, index) => index === 2)]).toEqual([0, 0, 1])
  })

  it('lands in the slot of each site, and null shows all again', () => {
    const packed = packSites(sites)
    const visible = (index: number) => isSlotVisible(packed.styles, packed.slotOfSite[index]!)
    writeVisibility(packed, Uint8Array.of(0, 1, 1))
    expect([visible(0), visible(2)]).toEqual([false, true])
    writeVisibility(packed, null)
    expect([visible(0), visible(2)]).toEqual([true, true])
  })

  it('hides sites a short (stale) mask says nothing about', () => {
    const packed = packSites(sites)
    writeVisibility(packed, Uint8Array.of(1))
    expect(isSlotVisible(packed.styles, packed.slotOfSite[2]!)).toBe(false)
  })

  it('filters 200,000 sites well inside the 100 ms budget', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => pointSite(`s${i}`, 116.1 + (i % 600) / 1000, 36 + (i % 500) / 1000))
    const packed = packSites(many)
    const start = performance.now()
    writeVisibility(packed, maskFromPredicate(many, (site, i) => site.kind === 'merchant' && i % 2 === 0))
    // Generous for a shared 2-core machine: the browser benchmark is the real measure.
    expect(performance.now() - start).toBeLessThan(100)
  })
})
