/**
 * The simple way to close the gaps, for the generator benchmark (issue 8): each target in each region on its
 * own, in the plan's order, converting the candidates nearest the region's centre until it is met — no
 * sharing between a county's target and its towns', no clusters, no capacity.
 */
import type { PlanData } from '../src/core/model'
import { kindIndex } from '../src/core/coverage/coverage'
import { toDay } from '../src/core/targets/dates'
import { expandRequirements } from '../src/core/scenarios/requirements'
import { buildSiteFacts, CONVERTIBLE, KIND_COUNT } from '../src/core/scenarios/site-facts'

export interface BaselineResult {
  conversions: number
  /** Site requirements (share/count/complete per region, not overdue) met, of how many. */
  met: number
  requirements: number
}

/** Converts nearest-first per requirement and counts the requirements met. */
export function nearestFirstPlan(data: PlanData, asOfDate: string): BaselineResult {
  const asOfDay = toDay(asOfDate)
  const facts = buildSiteFacts(data, asOfDate)
  const requirements = expandRequirements(data, facts, asOfDay).sites.filter((r) => r.dueDay >= asOfDay)
  const chosen = new Uint8Array(data.sites.length)
  const chosenIn = new Float64Array(facts.index.tree.codes.length * KIND_COUNT)
  const byKind = new Map<number, Map<number, number[]>>()
  let conversions = 0
  for (const r of requirements) {
    if (!byKind.has(r.kind)) byKind.set(r.kind, nearestCandidates(data, facts, r.kind))
    const list = byKind.get(r.kind)!.get(r.region) ?? []
    let current = r.have + chosenIn[r.region * KIND_COUNT + r.kind]!
    while (current < r.needed && list.length > 0) {
      const site = list.pop()!
      if (chosen[site]) continue
      chosen[site] = 1
      conversions++
      for (const at of facts.chains[site]!) chosenIn[at * KIND_COUNT + r.kind]! += r.byUnits ? data.sites[site]!.units : 1
      current += r.byUnits ? data.sites[site]!.units : 1
    }
  }
  const met = requirements.filter((r) => r.have + chosenIn[r.region * KIND_COUNT + r.kind]! >= r.needed).length
  return { conversions, met, requirements: requirements.length }
}

/** Per region, its convertible sites of the kind, farthest from its centre first (so pop() gives the nearest). */
function nearestCandidates(data: PlanData, facts: ReturnType<typeof buildSiteFacts>, kind: number): Map<number, number[]> {
  const lists = new Map<number, number[]>()
  data.sites.forEach((site, i) => {
    if (facts.state[i] !== CONVERTIBLE || kindIndex(site.kind) !== kind) return
    for (const region of facts.chains[i]!) {
      const list = lists.get(region)
      if (list) list.push(i)
      else lists.set(region, [i])
    }
  })
  for (const [region, list] of lists) {
    const [cx, cy] = centreOf(data, region)
    const distance = (i: number): number => {
      const g = data.sites[i]!.geometry
      const [x, y] = (g.type === 'Point' ? g.coordinates : g.coordinates[0]!) as [number, number]
      return (x - cx) ** 2 + (y - cy) ** 2
    }
    const keyed = list.map((i) => [distance(i), i] as const).sort((a, b) => b[0] - a[0])
    lists.set(region, keyed.map(([, i]) => i))
  }
  return lists
}

/** The centre of the region's bounding box; a region without geometry takes its children's. */
function centreOf(data: PlanData, region: number): [number, number] {
  const code = data.regions[region]!.code
  const own = data.regions.filter((r) => r.code === code || r.parentCode === code).flatMap((r) => r.geometry ? [r.geometry] : [])
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (const g of own) {
    for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      for (const [x, y] of polygon[0]! as [number, number][]) {
        minX = Math.min(minX, x)
        maxX = Math.max(maxX, x)
        minY = Math.min(minY, y)
        maxY = Math.max(maxY, y)
      }
    }
  }
  return [(minX + maxX) / 2, (minY + maxY) / 2]
}
