import { describe, expect, it } from 'vitest'
import { packSites } from '@/map/site-layer/pack-sites'
import { BIN_PX, binDiameterPx, binsPay, buildBins, recountBins, recountSlot, STYLE_SIZE } from '@/map/site-layer/site-bins'
import { STYLE_STATUS, STYLE_STRIDE, STYLE_VISIBLE } from '@/map/site-layer/site-codes'
import { writeVisibility } from '@/map/site-layer/site-mask'
import { worldSizePx } from '@/map/site-layer/mercator'
import { pointSite, scatteredSites } from './fixtures'

describe('aggregated bins', () => {
  // Three candidates and a live site within metres of each other, and one far away.
  const sites = [
    pointSite('a', 116.3, 36.3), pointSite('b', 116.30001, 36.3), pointSite('c', 116.3, 36.30001),
    pointSite('d', 116.30002, 36.30002, 'school', 'live'), pointSite('far', 116.6, 36.1, 'merchant', 'live'),
  ]
  const byte = (styles: Uint8Array, bin: number, offset: number) => styles[bin * STYLE_STRIDE + offset]

  it('group nearby sites into one dot at their centroid, coloured by the most common status, sized by count', () => {
    const packed = packSites(sites)
    const bins = buildBins(packed, 10)!
    expect(bins.count).toBe(2)
    const near = bins.binOfSlot[packed.slotOfSite[0]!]!
    expect(new Set([0, 1, 2, 3].map((i) => bins.binOfSlot[packed.slotOfSite[i]!]))).toEqual(new Set([near]))
    const slots = [0, 1, 2, 3].map((i) => packed.slotOfSite[i]!)
    const centroidX = slots.reduce((sum, slot) => sum + packed.positions[slot * 2]!, 0) / 4
    expect(bins.positions[near * 2]).toBeCloseTo(centroidX, 12)
    expect([byte(bins.styles, near, STYLE_STATUS), byte(bins.styles, near, STYLE_SIZE)]).toEqual([0, binDiameterPx(4)])
  })

  it('count only shown sites, and hide a bin with none', () => {
    const packed = packSites(sites)
    const bins = buildBins(packed, 10)!
    writeVisibility(packed, Uint8Array.of(0, 0, 0, 1, 0))
    recountBins(bins, packed)
    const near = bins.binOfSlot[packed.slotOfSite[3]!]!
    const far = bins.binOfSlot[packed.slotOfSite[4]!]!
    expect([byte(bins.styles, near, STYLE_STATUS), byte(bins.styles, near, STYLE_SIZE)]).toEqual([3, binDiameterPx(1)])
    expect(byte(bins.styles, far, STYLE_VISIBLE)).toBe(0)
  })

  it('follow one edit without a recount', () => {
    const packed = packSites(sites)
    const bins = buildBins(packed, 10)!
    const slot = packed.slotOfSite[0]!
    const bin = recountSlot(bins, slot, { status: 0, shown: true }, { status: 3, shown: true })
    recountSlot(bins, packed.slotOfSite[1]!, { status: 0, shown: true }, { status: 3, shown: true })
    expect(byte(bins.styles, bin, STYLE_STATUS)).toBe(3)
  })

  it('keep bins about BIN_PX apart at their level, far fewer than the sites at county zoom', () => {
    const packed = packSites(scatteredSites(50_000))
    const bins = buildBins(packed, 10)!
    const extentPx = (packed.grid.columns * packed.grid.cellSize * worldSizePx(10)) / BIN_PX
    expect(bins.count).toBeLessThanOrEqual((extentPx + 1) ** 2)
    expect(bins.count).toBeLessThan(packed.count / 4)
  })

  it('replace the points only when they hold four sites or more on average', () => {
    expect(binsPay({ count: 100 }, 400)).toBe(true)
    expect(binsPay({ count: 100 }, 399)).toBe(false)
  })

  it('grow with the logarithm of the count, up to twice the bin', () => {
    expect(binDiameterPx(1)).toBe(3)
    expect(binDiameterPx(8)).toBeGreaterThan(binDiameterPx(2))
    expect(binDiameterPx(1e6)).toBe(2 * BIN_PX)
  })
})
