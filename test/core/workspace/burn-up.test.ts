import { describe, expect, it } from 'vitest'
import type { Site, Target } from '@/core/model'
import { breakdown, burnUp, monthRange, targetMarkers } from '@/core/workspace/burn-up'

const site = (id: string, patch: Partial<Site>): Site => ({
  id, name: id, kind: 'merchant', geometry: { type: 'Point', coordinates: [0, 0] }, status: 'candidate', methods: [], operator: null,
  plannedDate: null, liveDate: null, units: 1, ...patch,
})

describe('burn-up', () => {
  it('lists months across a year boundary', () => {
    expect(monthRange('2023-11-15', '2024-02-01')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02'])
    expect(monthRange('2023-05-01', '2023-04-01')).toEqual([])
  })

  it('accumulates live and planned counts by month; earlier dates count from the start', () => {
    const sites = [
      site('a', { status: 'live', liveDate: '2022-12-20', plannedDate: '2022-12-01' }),
      site('b', { status: 'live', liveDate: '2023-02-10', plannedDate: '2023-01-05' }),
      site('c', { status: 'retrofitting', plannedDate: '2023-03-31' }),
      site('d', { status: 'suspended', plannedDate: '2023-02-01' }),
      site('e', { status: 'candidate' }),
    ]
    const result = burnUp(sites, monthRange('2023-01', '2023-04'))
    expect(result).toEqual({ months: ['2023-01', '2023-02', '2023-03', '2023-04'], live: [1, 2, 2, 2], planned: [1, 2, 3, 3], total: 5 })
  })

  it('counts units (bus vehicles) when asked', () => {
    const lines = [site('l1', { kind: 'bus_line', units: 8, status: 'live', liveDate: '2023-01-10' }), site('l2', { kind: 'bus_line', units: 5, plannedDate: '2023-02-10' })]
    expect(burnUp(lines, ['2023-01', '2023-02'], { units: true })).toMatchObject({ live: [8, 8], planned: [8, 13], total: 13 })
  })

  it('places share, complete and count targets as needed counts at their due month', () => {
    const base = { scope: { regionCode: 'c' }, kind: 'merchant', milestone: 'year' } as const
    const targets: Target[] = [
      { ...base, id: 's', title: '30%', metric: 'share', threshold: 0.3, dueDate: '2023-12-31' },
      { ...base, id: 'c', title: 'all', metric: 'complete', threshold: 1, dueDate: '2023-09-30' },
      { ...base, id: 'n', title: '5', metric: 'count', threshold: 5, dueDate: '2023-06-30' },
      { ...base, id: 'x', title: 'task', metric: 'checklist', threshold: 1, dueDate: '2023-06-30' },
    ]
    expect(targetMarkers(targets, 10)).toEqual([
      { targetId: 's', title: '30%', month: '2023-12', needed: 3 },
      { targetId: 'c', title: 'all', month: '2023-09', needed: 10 },
      { targetId: 'n', title: '5', month: '2023-06', needed: 5 },
    ])
  })

  it('breaks live sites down by operator and by method on a date', () => {
    const sites = [
      site('a', { status: 'live', liveDate: '2023-01-01', operator: 'abc', methods: ['static_qr', 'pos'] }),
      site('b', { status: 'live', liveDate: '2023-05-01', operator: 'abc', methods: ['static_qr'] }),
      site('c', { status: 'live', liveDate: '2023-09-01', operator: 'icbc', methods: ['nfc'] }),
      site('d', { status: 'contacted', operator: 'icbc' }),
    ]
    expect(breakdown(sites, '2023-06-30', (s) => [s.operator ?? 'none'])).toEqual(new Map([['abc', 2]]))
    expect(breakdown(sites, '2023-12-31', (s) => s.methods)).toEqual(new Map([['static_qr', 2], ['pos', 1], ['nfc', 1]]))
  })
})
