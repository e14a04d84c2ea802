import { describe, expect, it } from 'vitest'
import type { Site } from '@/core/model'
import { createNearestIndex, distanceMeters, siteDistanceMeters } from '@/core/workspace/nearest-sites'

const site = (id: string, lng: number, lat: number, patch: Partial<Site> = {}): Site => ({
  id, name: id, kind: 'merchant', geometry: { type: 'Point', coordinates: [lng, lat] }, status: 'candidate', methods: [], operator: null, plannedDate: null, liveDate: null, units: 1, ...patch,
})
describe('nearest sites', () => {
  it('measures ground distance (1° of latitude ≈ 111.2 km)', () => {
    expect(distanceMeters([116, 36], [116, 37])).toBeCloseTo(111_195, -2)
    expect(distanceMeters([116.45, 36.28], [116.45, 36.28])).toBe(0)
  })

  it('lists the nearest sites in order of distance, with a filter', () => {
    const sites = [site('far', 116.5, 36.3), site('near', 116.451, 36.281), site('mid', 116.46, 36.28), site('live', 116.4501, 36.2801, { status: 'live' })]
    const nearest = createNearestIndex(sites)
    expect(nearest([116.45, 36.28], 3).map((n) => n.site.id)).toEqual(['live', 'near', 'mid'])
    expect(nearest([116.45, 36.28], 2, (s) => s.status !== 'live').map((n) => n.site.id)).toEqual(['near', 'mid'])
    const [first] = nearest([116.45, 36.28], 1)
    expect(first!.distanceMeters).toBeCloseTo(distanceMeters([116.45, 36.28], [116.4501, 36.2801]))
  })

  it('measures a bus line by its nearest part, not its first stop', () => {
    const line = site('line', 0, 0, { kind: 'bus_line', geometry: { type: 'LineString', coordinates: [[116.4, 36.28], [116.5, 36.28]] } })
    expect(siteDistanceMeters(line, [116.45, 36.281])).toBeCloseTo(111.2, 0)
    const nearest = createNearestIndex([site('point', 116.45, 36.2805), line])
    expect(nearest([116.45, 36.281], 2).map((n) => n.site.id)).toEqual(['point', 'line'])
  })
})
