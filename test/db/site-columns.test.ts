import { describe, expect, it } from 'vitest'
import type { Site } from '@/core/model'
import { decodeSites, encodeSites, sliceColumns } from '@/db/site-columns'
import { makeSites } from './support'

const base: Site = {
  id: 'x', name: 'n', kind: 'merchant', geometry: { type: 'Point', coordinates: [116.1, 36.2] }, status: 'live',
  methods: ['nfc'], operator: 'boc', plannedDate: '2023-01-31', liveDate: '2023-02-01', units: 1,
}

/** Sites the columns cannot hold as such: each must come back exactly, from the raw list. */
const unusual: Site[] = [
  { ...base, id: 'kind', kind: 'spaceport' as Site['kind'] },
  { ...base, id: 'status', status: 'thinking' as Site['status'] },
  { ...base, id: 'operator', operator: 'some-bank' as Site['operator'] },
  { ...base, id: 'order', methods: ['pos', 'static_qr'] },
  { ...base, id: 'repeat', methods: ['nfc', 'nfc'] },
  { ...base, id: 'date', plannedDate: '2023-02-30' },
  { ...base, id: 'date-format', liveDate: '2023-2-1' },
  { ...base, id: 'z', geometry: { type: 'Point', coordinates: [116.1, 36.2, 55] } },
  { ...base, id: 'bbox', geometry: { type: 'Point', coordinates: [1, 2], bbox: [1, 2, 1, 2] } },
  { ...base, id: 'extra', ...{ colour: 'red' } },
  { ...base, id: 'undefined-address', address: undefined },
  { ...base, id: 'proto', attributes: JSON.parse('{"__proto__":"x","a":"b"}') as Record<string, string> },
  { ...base, id: 'number-attribute', attributes: { a: 1 as unknown as string } },
]

describe('site columns', () => {
  it('round-trip every field of points and lines exactly', () => {
    const sites = makeSites(500)
    expect(decodeSites(encodeSites(sites))).toEqual(sites)
  })

  it('keep optional fields absent, empty or present as they were', () => {
    const sites: Site[] = [base, { ...base, id: 'e', address: '', contact: '', notes: '', attributes: {} }, { ...base, id: 'f', notes: '备注' }]
    const decoded = decodeSites(encodeSites(sites))
    expect(decoded).toStrictEqual(sites)
    expect(Object.keys(decoded[0]!)).not.toContain('address')
  })

  it('keep strings with any UTF-16 content, dates, -0 and odd unit counts', () => {
    const sites: Site[] = [
      { ...base, id: '\uD800lone', name: '𠀀 emoji 🚌 \u0000', address: '\n\t', units: -0, plannedDate: '1900-02-28', liveDate: '2100-12-31' },
      { ...base, id: '', name: '', units: 1.5, geometry: { type: 'LineString', coordinates: [] } },
      { ...base, id: 'attr', attributes: { b: '1', a: '2', 10: 'ten' } },
    ]
    expect(decodeSites(encodeSites(sites))).toStrictEqual(sites)
  })

  it('store sites that do not fit the columns as they are, and lose none of them', () => {
    const columns = encodeSites([base, ...unusual, base])
    expect(columns.raw.map(({ site }) => site.id)).toEqual(unusual.map((site) => site.id))
    expect(decodeSites(columns)).toStrictEqual([base, ...unusual, base])
  })

  it('decode one site from a slice', () => {
    const sites = [...makeSites(60), ...unusual]
    const columns = encodeSites(sites)
    for (const index of [0, 3, 20, 37, 59, 60, sites.length - 1]) {
      expect(decodeSites(sliceColumns(columns, index, index + 1))).toStrictEqual([sites[index]])
    }
    expect(decodeSites(sliceColumns(columns, 10, 45))).toStrictEqual(sites.slice(10, 45))
  })

  it('encode no sites', () => {
    expect(decodeSites(encodeSites([]))).toEqual([])
  })
})
