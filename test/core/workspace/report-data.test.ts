import { describe, expect, it } from 'vitest'
import type { Site } from '@/core/model'
import { monthEnd, nextMonth, plannedForMonth } from '@/core/workspace/report-data'
import { boxOf, fitProjection, polygonPath } from '@/core/workspace/svg-map'

const site = (id: string, patch: Partial<Site>): Site => ({
  id, name: id, kind: 'merchant', geometry: { type: 'Point', coordinates: [0, 0] }, status: 'contacted', methods: [], operator: null, plannedDate: null, liveDate: null, units: 1, ...patch,
})

describe('monthly report data', () => {
  it('computes month ends (leap years included) and the next month', () => {
    expect(monthEnd('2023-02')).toBe('2023-02-28')
    expect(monthEnd('2024-02')).toBe('2024-02-29')
    expect(monthEnd('2023-12')).toBe('2023-12-31')
    expect(nextMonth('2023-12')).toBe('2024-01')
    expect(nextMonth('2023-09')).toBe('2023-10')
  })

  it('lists sites planned for the next month that are not live yet, by date', () => {
    const sites = [
      site('b', { plannedDate: '2023-11-20' }),
      site('a', { plannedDate: '2023-11-02', status: 'retrofitting' }),
      site('live', { plannedDate: '2023-11-05', status: 'live', liveDate: '2023-10-30' }),
      site('suspended', { plannedDate: '2023-11-05', status: 'suspended' }),
      site('december', { plannedDate: '2023-12-01' }),
    ]
    expect(plannedForMonth(sites, '2023-11', '2023-10-31').map((s) => s.id)).toEqual(['a', 'b'])
  })
})

describe('svg map projection', () => {
  it('fits a box into the frame, north up, keeping the aspect at that latitude', () => {
    const box = boxOf([{ type: 'Polygon', coordinates: [[[116, 36], [117, 36], [117, 37], [116, 37], [116, 36]]] }])
    expect(box).toEqual([116, 36, 117, 37])
    const projection = fitProjection(box, 200, 200, 0)
    const [x0, y0] = projection.project([116, 37])
    const [x1, y1] = projection.project([117, 36])
    expect(y0).toBeCloseTo(0)
    expect(y1).toBeCloseTo(200)
    expect(x1 - x0).toBeCloseTo(200 * Math.cos(36.5 * Math.PI / 180))
    expect(polygonPath({ type: 'Polygon', coordinates: [[[116, 36], [117, 36], [116, 37], [116, 36]]] }, projection)).toMatch(/^M[\d.]+,200\.0L.*Z$/)
  })
})
