import { describe, expect, it } from 'vitest'
import { GRID_CELLS, keyOf, packSites } from '@/map/site-layer/pack-sites'
import { mercatorX, mercatorY } from '@/map/site-layer/mercator'
import { STYLE_KIND, STYLE_STATUS, STYLE_STRIDE, STYLE_VISIBLE } from '@/map/site-layer/site-codes'
import { busLine, pointSite, scatteredSites } from './fixtures'

describe('mercator conversion', () => {
  it('maps the world to 0..1 like MapLibre', () => {
    expect(mercatorX(-180)).toBe(0)
    expect(mercatorX(0)).toBe(0.5)
    expect(mercatorX(180)).toBe(1)
    expect(mercatorY(0)).toBeCloseTo(0.5, 12)
    expect(mercatorY(85.051129)).toBeCloseTo(0, 6)
    // Beyond the limit it clamps instead of running off to infinity.
    expect(mercatorY(90)).toBeCloseTo(mercatorY(85.051129), 12)
  })
})

describe('packing sites into typed arrays', () => {
  it('keeps points only, with a slot per point and the way back to the input', () => {
    const sites = [pointSite('a', 116.2, 36.2), busLine('line'), pointSite('b', 116.5, 36.4, 'school', 'live')]
    const packed = packSites(sites)
    expect(packed.count).toBe(2)
    expect(packed.slotOfSite[1]).toBe(-1)
    for (const index of [0, 2]) expect(packed.siteOfSlot[packed.slotOfSite[index]!]).toBe(index)
    const slot = packed.slotOfSite[2]!
    const at = (offset: number) => packed.styles[slot * STYLE_STRIDE + offset]
    // live is status 3, school kind 1; everything starts visible.
    expect([at(STYLE_STATUS), at(STYLE_KIND), at(STYLE_VISIBLE)]).toEqual([3, 1, 1])
  })

  it('stores mercator minus the anchor with sub-decimetre precision in float32', () => {
    const sites = scatteredSites(2000)
    const packed = packSites(sites)
    let worst = 0
    sites.forEach((site, i) => {
      const [lng, lat] = site.geometry.coordinates as number[]
      const slot = packed.slotOfSite[i]!
      worst = Math.max(worst, Math.abs(packed.anchorX + packed.positions[slot * 2]! - mercatorX(lng!)))
      worst = Math.max(worst, Math.abs(packed.anchorY + packed.positions[slot * 2 + 1]! - mercatorY(lat!)))
    })
    // One mercator unit is the equator's 40,075 km: 2.5e-9 is 10 cm.
    expect(worst).toBeLessThan(2.5e-9)
  })

  it('sorts slots by draw group (merchants first), then grid cell, with cellStart marking each', () => {
    const sites = scatteredSites(5000).map((site, i) => (i % 10 === 0 ? { ...site, kind: 'school' as const } : site))
    const packed = packSites(sites)
    const { grid, cellStart } = packed
    expect(grid.columns).toBeLessThanOrEqual(GRID_CELLS + 1)
    expect(cellStart[cellStart.length - 1]).toBe(packed.count)
    for (let key = 0; key < cellStart.length - 1; key++) {
      const group = key < grid.columns * grid.rows ? 0 : 1
      for (let slot = cellStart[key]!; slot < cellStart[key + 1]!; slot++) {
        expect(keyOf(grid, group, packed.positions[slot * 2]!, packed.positions[slot * 2 + 1]!)).toBe(key)
        expect(sites[packed.siteOfSlot[slot]!]!.kind === 'merchant').toBe(group === 0)
      }
    }
  })

  it('packs nothing, or a single site, without dividing by zero', () => {
    expect(packSites([]).count).toBe(0)
    const one = packSites([pointSite('a', 116.3, 36.3)])
    expect(one.count).toBe(1)
    expect([...one.positions]).toEqual([0, 0])
  })
})
