import { describe, expect, it } from 'vitest'
import { buildRegionIndex } from '@/core/geometry/region-index'
import type { Site } from '@/core/model'
import { movedSite, regionChange } from '@/core/workspace/move-site'
import { region, squareRing } from '../geometry/fixtures'

const merchant: Site = {
  id: 'm1', name: '小店', kind: 'merchant', geometry: { type: 'Point', coordinates: [0.5, 0.5] }, status: 'live', methods: ['static_qr'], operator: 'icbc', plannedDate: null, liveDate: '2023-05-01', units: 1,
}

describe('moving a site', () => {
  it('keeps everything but the position, stored to 1e-7°', () => {
    const after = movedSite(merchant, [1.234567891, 0.000000049])
    expect(after).toEqual({ ...merchant, geometry: { type: 'Point', coordinates: [1.2345679, 0] } })
    expect(merchant.geometry.coordinates).toEqual([0.5, 0.5])
  })

  it('leaves a bus line where it is', () => {
    const line: Site = { ...merchant, kind: 'bus_line', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }
    expect(movedSite(line, [5, 5])).toBe(line)
  })

  it('tells the town a site leaves and the one it lands in, or null outside every town', () => {
    const index = buildRegionIndex([
      region('A', { type: 'Polygon', coordinates: [squareRing(0, 0, 1, 1)] }),
      region('B', { type: 'Polygon', coordinates: [squareRing(1, 0, 2, 1)] }),
    ])
    expect(regionChange(index, merchant, movedSite(merchant, [1.5, 0.5]))).toEqual({ from: 'A', to: 'B' })
    expect(regionChange(index, merchant, movedSite(merchant, [0.2, 0.8]))).toEqual({ from: 'A', to: 'A' })
    expect(regionChange(index, merchant, movedSite(merchant, [5, 5]))).toEqual({ from: 'A', to: null })
  })
})
