import type { Region, Site } from '@/core/model'
import { region, squareRing } from '../geometry/fixtures'

/**
 * A county 'C' (no geometry of its own) with four unit-square towns in a row: T0 [0,1]×[0,1] … T3 [3,4]×[0,1],
 * and a second county 'D' with one town U0 [0,1]×[2,3]; a city 'X' above both.
 */
export function twoCounties(): Region[] {
  return [
    region('X', null, 'city'),
    region('C', null, 'county', 'X'),
    region('D', null, 'county', 'X'),
    ...[0, 1, 2, 3].map((i) => region(`T${i}`, { type: 'Polygon', coordinates: [squareRing(i, 0, i + 1, 1)] }, 'town', 'C')),
    region('U0', { type: 'Polygon', coordinates: [squareRing(0, 2, 1, 3)] }, 'town', 'D'),
  ]
}

/** A site fixture: a point merchant unless overridden. */
export function site(id: string, x: number, y: number, overrides: Partial<Site> = {}): Site {
  return {
    id,
    name: id,
    kind: 'merchant',
    geometry: { type: 'Point', coordinates: [x, y] },
    status: 'candidate',
    methods: [],
    operator: null,
    plannedDate: null,
    liveDate: null,
    units: 1,
    ...overrides,
  }
}

/** A bus line through the given points. */
export function busLine(id: string, coordinates: [number, number][], overrides: Partial<Site> = {}): Site {
  return site(id, 0, 0, { kind: 'bus_line', geometry: { type: 'LineString', coordinates }, units: 10, ...overrides })
}
