import { describe, expect, it } from 'vitest'
import type { Site } from '@/core/model'
import { compileFilter, EMPTY_FILTER, isEmptyFilter, type SiteFilter } from '@/core/workspace/site-filter'

const site = (patch: Partial<Site>): Site => ({
  id: 'm-1', name: '王记面馆', kind: 'merchant', geometry: { type: 'Point', coordinates: [116.45, 36.28] }, status: 'live',
  methods: ['static_qr'], operator: 'abc', plannedDate: '2023-04-01', liveDate: '2023-04-10', units: 1, address: '榆山路 12 号', ...patch,
})
const sites = [
  site({}),
  site({ id: 'm-2', name: '惠民超市', status: 'candidate', operator: null, liveDate: null, plannedDate: null, address: '锦水路 3 号' }),
  site({ id: 's-1', name: '榆山小学', kind: 'school', status: 'retrofitting', operator: 'icbc', liveDate: null, plannedDate: '2023-11-20' }),
]
const regions: Record<string, string[]> = { 'm-1': ['T1'], 'm-2': ['T2'], 's-1': ['T1'] }
const ids = (filter: Partial<SiteFilter>): string[] => sites.filter(compileFilter({ ...EMPTY_FILTER, ...filter }, (id) => regions[id])).map((s) => s.id)

describe('site filters', () => {
  it('let everything through when empty', () => {
    expect(ids({})).toEqual(['m-1', 'm-2', 's-1'])
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true)
    expect(isEmptyFilter({ ...EMPTY_FILTER, text: ' x' })).toBe(false)
  })

  it('filter by kind, status, operator (with "none") and town', () => {
    expect(ids({ kinds: ['school'] })).toEqual(['s-1'])
    expect(ids({ statuses: ['live', 'candidate'] })).toEqual(['m-1', 'm-2'])
    expect(ids({ operators: ['none'] })).toEqual(['m-2'])
    expect(ids({ operators: ['abc', 'icbc'] })).toEqual(['m-1', 's-1'])
    expect(ids({ regionCodes: ['T2'] })).toEqual(['m-2'])
    expect(ids({ kinds: ['merchant'], regionCodes: ['T1'] })).toEqual(['m-1'])
  })

  it('filter by go-live (else planned) date; undated sites fall outside a date range', () => {
    expect(ids({ dateFrom: '2023-06-01' })).toEqual(['s-1'])
    expect(ids({ dateTo: '2023-06-01' })).toEqual(['m-1'])
  })

  it('search name, address and id, case-insensitively', () => {
    expect(ids({ text: '超市' })).toEqual(['m-2'])
    expect(ids({ text: '榆山' })).toEqual(['m-1', 's-1'])
    expect(ids({ text: 'S-1' })).toEqual(['s-1'])
  })
})
