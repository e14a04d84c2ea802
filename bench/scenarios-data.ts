/**
 * Data for the scenario benchmarks (issue 8), generated in memory from the Jinan-scale dataset of
 * make-jinan-dataset.ts (cached in bench/data/): merchants laid out the way they are in a city — dense
 * shopping streets around each town's centre plus scattered shops — and a generator input with town and
 * city merchant targets on top of the Pingyin template's.
 */
import type { PlanData, Region, Target } from '../src/core/model'
import { seeded } from './make-jinan-dataset'
import { makePlan } from './make-plan'

/** Centre and rough spread (degrees) of each town, from its bounding box. */
function townCentres(regions: Region[]): [number, number, number][] {
  return regions.filter((r) => r.level === 'town' && r.geometry).map((town) => {
    const polygons = town.geometry!.type === 'Polygon' ? [town.geometry!.coordinates] : town.geometry!.coordinates
    const ring = polygons[0]![0]!
    const xs = ring.map((p) => p[0]!), ys = ring.map((p) => p[1]!)
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys)
    return [(minX + maxX) / 2, (minY + maxY) / 2, Math.min(maxX - minX, maxY - minY) / 6]
  })
}

/**
 * `count` merchant positions (lng, lat): 60% on shopping streets (about 40 shops within ±150 m × ±40 m of a
 * street centre, near a town centre), 40% scattered around the town centres.
 */
export function makeMerchantPoints(regions: Region[], count: number, seed = 8): { lngs: Float64Array, lats: Float64Array } {
  const random = seeded(seed)
  const towns = townCentres(regions)
  const gauss = (): number => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random())
  const streets = Array.from({ length: Math.ceil((count * 0.6) / 40) }, () => {
    const [cx, cy, spread] = towns[Math.floor(random() * towns.length)]!
    return [cx + gauss() * spread, cy + gauss() * spread, random() * Math.PI] as const
  })
  const lngs = new Float64Array(count), lats = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    if (random() < 0.6) {
      const [sx, sy, angle] = streets[Math.floor(random() * streets.length)]!
      const along = (random() - 0.5) * 0.0027, across = (random() - 0.5) * 0.0007
      lngs[i] = sx + (along * Math.cos(angle) - across * Math.sin(angle)) / 0.8
      lats[i] = sy + along * Math.sin(angle) + across * Math.cos(angle)
    } else {
      const [cx, cy, spread] = towns[Math.floor(random() * towns.length)]!
      lngs[i] = cx + gauss() * spread * 2
      lats[i] = cy + gauss() * spread * 2
    }
  }
  return { lngs, lats }
}

/**
 * The generator's input: make-plan.ts's plan of 1,000,000 sites (one per dataset point, mixed kinds and
 * statuses, a small cluster per town, the Pingyin template placed under the city) plus merchant targets that
 * make towns and the city interact, as the Pingyin plan's do: 40% city-wide by Q3, then 50% in each town by
 * year end. Where the Q3 conversions go decides how many the towns still need later.
 */
export function makeGeneratorInput(regions: Region[], xy: Float64Array): PlanData {
  const data = makePlan(regions, xy)
  const city = data.plan.rootRegionCode
  const merchants = (key: string, threshold: number, dueDate: string, each: boolean): Target => ({
    id: `bench/${key}`, title: key, scope: each ? { regionCode: city, eachLevel: 'town' } : { regionCode: city },
    metric: 'share', kind: 'merchant', threshold, dueDate, milestone: dueDate.endsWith('09-30') ? 'Q3' : 'year',
  })
  const targets = [...data.targets, merchants('city-q3', 0.4, '2023-09-30', false), merchants('towns-year', 0.5, '2023-12-31', true)]
  return { ...data, plan: { ...data.plan, settings: { clusterRule: { minLiveMerchants: 10, minLiveShare: 0.3 } } }, targets }
}
