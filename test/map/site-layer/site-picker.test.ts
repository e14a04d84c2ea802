import { describe, expect, it } from 'vitest'
import { packSites } from '@/map/site-layer/pack-sites'
import { writeVisibility } from '@/map/site-layer/site-mask'
import { buildPickIndex, pickSlot } from '@/map/site-layer/site-picker'
import { mercatorX, mercatorY } from '@/map/site-layer/mercator'
import { pointSite } from './fixtures'

describe('picking', () => {
  const sites = [pointSite('a', 116.3, 36.3), pointSite('b', 116.3005, 36.3), pointSite('c', 116.6, 36.1)]
  const packed = packSites(sites)
  const index = buildPickIndex(packed)
  const at = (lng: number, lat: number) => [mercatorX(lng) - packed.anchorX, mercatorY(lat) - packed.anchorY] as const
  const idAt = (lng: number, lat: number, radius: number) => {
    const slot = pickSlot(index, packed, ...at(lng, lat), radius)
    return slot < 0 ? null : sites[packed.siteOfSlot[slot]!]!.id
  }
  const metres = (m: number) => m / 40_075_016 / Math.cos((36.3 * Math.PI) / 180)

  it('finds the nearest site within the radius', () => {
    expect(idAt(116.3001, 36.3, metres(30))).toBe('a')
    expect(idAt(116.3004, 36.3, metres(30))).toBe('b')
  })

  it('finds nothing beyond the radius', () => {
    expect(idAt(116.45, 36.2, metres(30))).toBeNull()
  })

  it('skips hidden sites and takes the next visible one', () => {
    writeVisibility(packed, Uint8Array.of(0, 1, 1))
    expect(idAt(116.3001, 36.3, metres(100))).toBe('b')
    writeVisibility(packed, null)
  })

  it('has no index and picks nothing when there are no sites', () => {
    const empty = packSites([])
    expect(pickSlot(buildPickIndex(empty), empty, 0, 0, 1)).toBe(-1)
  })
})
