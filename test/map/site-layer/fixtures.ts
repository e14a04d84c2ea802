import type { Site, SiteKind, SiteStatus } from '@/core/model'

/** A point site with only what the layer reads filled in. */
export function pointSite(id: string, lng: number, lat: number, kind: SiteKind = 'merchant', status: SiteStatus = 'candidate'): Site {
  return {
    id, name: id, kind, status, geometry: { type: 'Point', coordinates: [lng, lat] },
    methods: [], operator: null, plannedDate: null, liveDate: null, units: 1,
  }
}

export function busLine(id: string): Site {
  return {
    id, name: id, kind: 'bus_line', status: 'live', geometry: { type: 'LineString', coordinates: [[116.2, 36.2], [116.3, 36.3]] },
    methods: [], operator: null, plannedDate: null, liveDate: null, units: 12,
  }
}

/** A seeded generator, so failures reproduce. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** n merchants scattered over Pingyin's extent. */
export function scatteredSites(n: number, seed = 1): Site[] {
  const next = random(seed)
  return Array.from({ length: n }, (_, i) => pointSite(`s${i}`, 116.1 + 0.6 * next(), 36.0 + 0.5 * next()))
}
