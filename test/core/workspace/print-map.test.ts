import { describe, expect, it } from 'vitest'
import type { Region } from '@/core/model'
import { layoutPrintMap, scaleBarLength, separateLabels } from '@/core/workspace/print-map'
import type { TownRow } from '@/core/workspace/town-view'

const square = (code: string, west: number, level: Region['level']): Region => ({
  code, name: code, level, parentCode: null, approximate: false,
  geometry: { type: 'Polygon', coordinates: [[[west, 36], [west + 0.1, 36], [west + 0.1, 36.1], [west, 36.1], [west, 36]]] },
})
const row = (code: string, status: TownRow['status']): TownRow => ({
  code, name: code, live: 3, total: 10, share: 0.3, targetId: 't', threshold: 0.3, metric: 'share', dueDate: '2023-12-31', gap: 0, status, projectedDate: null,
})

describe('the printed map', () => {
  it('picks a round scale bar length that fits', () => {
    expect(scaleBarLength(10, 700)).toEqual({ meters: 5000, px: 500 })
    expect(scaleBarLength(10, 450)).toEqual({ meters: 2000, px: 200 })
    expect(scaleBarLength(3, 100)).toEqual({ meters: 200, px: 200 / 3 })
  })

  it('colours each town by its row\'s status, labels it at its centre and counts towns per status', () => {
    const county: Region = { ...square('c', 116, 'county'), geometry: { type: 'Polygon', coordinates: [[[116, 36], [116.2, 36], [116.2, 36.1], [116, 36.1], [116, 36]]] } }
    const layout = layoutPrintMap([county, square('a', 116, 'town'), square('b', 116.1, 'town')], [row('a', 'met'), row('b', 'off_track')], 1000, 500)
    expect(layout.areas.map((a) => [a.code, a.status])).toEqual([['c', null], ['a', 'met'], ['b', 'off_track']])
    expect(layout.statusCounts).toEqual({ met: 1, off_track: 1 })
    const [a, b] = layout.labels
    expect(a!.row.code).toBe('a')
    expect(b!.x).toBeGreaterThan(a!.x)
    expect(a!.y).toBeCloseTo(250, 0)
    // 0.2° of longitude at 36.05°N is about 18 km across ~940 px: the bar is a round length in the first fifth.
    expect(layout.scaleBar.meters).toBe(2000)
    expect(layout.scaleBar.px).toBeLessThanOrEqual(200)
  })
})

describe('printed labels', () => {
  it('move a label that would overlap one above it to just below, and leave distant ones alone', () => {
    const label = (code: string, x: number, y: number) => ({ x, y, row: row(code, 'met') })
    const moved = separateLabels([label('b', 110, 120), label('a', 100, 100), label('far', 900, 105)], { width: 300, height: 100 })
    expect(moved.map((l) => [l.row.code, l.x, l.y])).toEqual([['b', 110, 200], ['a', 100, 100], ['far', 900, 105]])
  })
})
