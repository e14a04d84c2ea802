import { SITE_KINDS, SITE_STATUSES, type Site, type SiteKind, type SiteStatus } from '@/core/model'

/** Pingyin's extent, where the generated sites lie. */
export const PINGYIN_BOUNDS: [[number, number], [number, number]] = [[116.1, 36.0], [116.7, 36.5]]

/** A seeded generator (LCG), so every run draws the same sites. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** A standard normal draw (Box–Muller). */
const normal = (next: () => number) => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())

const POINT_KINDS = SITE_KINDS.filter((kind) => kind !== 'merchant' && kind !== 'bus_line')
const STATUS_WEIGHTS: Array<[SiteStatus, number]> = [['candidate', 0.35], ['contacted', 0.2], ['retrofitting', 0.1], ['live', 0.3], ['suspended', 0.05]]

function pickStatus(next: () => number): SiteStatus {
  let roll = next()
  for (const [status, weight] of STATUS_WEIGHTS) {
    roll -= weight
    if (roll < 0) return status
  }
  return SITE_STATUSES[0]
}

/** Where a site lies: three in four around a town seat (as shops are), the rest anywhere in the county. */
function place(next: () => number, towns: Array<[number, number]>): [number, number] {
  const [[west, south], [east, north]] = PINGYIN_BOUNDS
  if (next() < 0.25) return [west + (east - west) * next(), south + (north - south) * next()]
  const [lng, lat] = towns[Math.floor(next() * towns.length)]!
  return [lng + 0.015 * normal(next), lat + 0.012 * normal(next)]
}

/** The town seats the sites cluster around; the first is the county seat, where the pan benchmark looks. */
export function townSeats(): Array<[number, number]> {
  const next = random(11)
  const [[west, south], [east, north]] = PINGYIN_BOUNDS
  return Array.from({ length: 12 }, () => [west + 0.08 + (east - west - 0.16) * next(), south + 0.06 + (north - south - 0.12) * next()])
}

/** n sites around Pingyin: nine in ten merchants, the rest spread over the other point kinds. */
export function generateSites(n: number, seed = 2024): Site[] {
  const next = random(seed)
  const towns = townSeats()
  return Array.from({ length: n }, (_, i): Site => {
    const kind: SiteKind = next() < 0.9 ? 'merchant' : POINT_KINDS[Math.floor(next() * POINT_KINDS.length)]!
    return {
      id: `bench-${i}`, name: `site ${i}`, kind, status: pickStatus(next),
      geometry: { type: 'Point', coordinates: place(next, towns) },
      methods: [], operator: null, plannedDate: null, liveDate: null, units: 1,
    }
  })
}
