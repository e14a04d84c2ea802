import { describe, expect, it } from 'vitest'
import { assignSites } from '@/core/coverage/assign-sites'
import { createCoverage, type Coverage } from '@/core/coverage/coverage'
import { buildRegionIndex } from '@/core/geometry/region-index'
import { SITE_KINDS, SITE_STATUSES, type Region, type Site } from '@/core/model'
import { seededRandom } from '../geometry/fixtures'
import { busLine, site, twoCounties } from './fixtures'

function coverageOf(regions: Region[], sites: Site[], asOf = '2023-06-30'): Coverage {
  const index = buildRegionIndex(regions)
  return createCoverage(regions, sites, assignSites(index, sites), asOf, index)
}

describe('assignSites', () => {
  it('gives a point its narrowest region and lists sites outside every region', () => {
    const regions = twoCounties()
    const sites = [site('a', 0.5, 0.5), site('b', 3.5, 0.2), site('far', 9, 9), site('gap', 0.5, 1.5)]
    const { regionsBySite, outside } = assignSites(buildRegionIndex(regions), sites)
    expect(regionsBySite.get('a')).toEqual(['T0'])
    expect(regionsBySite.get('b')).toEqual(['T3'])
    expect(regionsBySite.get('far')).toEqual([])
    expect(outside).toEqual(['far', 'gap'])
  })

  it('gives a line every region whose interior it passes through', () => {
    const index = buildRegionIndex(twoCounties())
    const sites = [
      busLine('across', [[0.5, 0.5], [2.5, 0.5]]),
      busLine('corner-cut', [[0.9, -0.05], [1.05, 0.1]]), // starts outside, clips T0's corner, ends in T1
      busLine('along-edge', [[1, 0.2], [1, 0.8]]), // on the T0|T1 edge all the way: the point rule gives T0
      busLine('two-counties', [[0.5, 0.5], [0.5, 2.5]]),
    ]
    const { regionsBySite } = assignSites(index, sites)
    expect(regionsBySite.get('across')).toEqual(['T0', 'T1', 'T2'])
    expect([...regionsBySite.get('corner-cut')!].sort()).toEqual(['T0', 'T1'])
    expect(regionsBySite.get('along-edge')).toEqual(['T0'])
    expect([...regionsBySite.get('two-counties')!].sort()).toEqual(['T0', 'U0'])
  })
})

describe('createCoverage', () => {
  it('rolls counts up the region tree', () => {
    const sites = [
      site('a', 0.5, 0.5, { status: 'live', liveDate: '2023-01-01' }),
      site('b', 1.5, 0.5, { status: 'contacted' }),
      site('c', 0.5, 2.5, { status: 'live', liveDate: null }),
      site('s', 0.5, 0.6, { kind: 'school', status: 'suspended' }),
    ]
    const coverage = coverageOf(twoCounties(), sites)
    expect(coverage.get('T0', 'merchant')).toMatchObject({ total: 1, live: 1 })
    expect(coverage.get('C', 'merchant')).toMatchObject({ total: 2, live: 1, byStatus: { live: 1, contacted: 1 } })
    expect(coverage.get('X', 'merchant')).toMatchObject({ total: 3, live: 2 })
    expect(coverage.get('X', 'school')).toMatchObject({ total: 1, live: 0, byStatus: { suspended: 1 } })
    expect(coverage.get('nowhere', 'merchant').total).toBe(0)
  })

  it('counts a site live only from its go-live date (before it, as retrofitting)', () => {
    const sites = [site('a', 0.5, 0.5, { status: 'live', liveDate: '2023-08-01' })]
    expect(coverageOf(twoCounties(), sites, '2023-07-31').get('T0', 'merchant')).toMatchObject({ live: 0, byStatus: { retrofitting: 1 } })
    expect(coverageOf(twoCounties(), sites, '2023-08-01').get('T0', 'merchant')).toMatchObject({ live: 1, byStatus: { live: 1 } })
  })

  it('counts a bus line once per region even where it crosses two towns of one county, with its vehicles', () => {
    const line = busLine('L1', [[0.5, 0.5], [1.5, 0.5], [0.5, 2.5]], { status: 'live', units: 12 })
    const coverage = coverageOf(twoCounties(), [line])
    expect(coverage.get('T0', 'bus_line')).toMatchObject({ total: 1, live: 1, totalUnits: 12, liveUnits: 12 })
    expect(coverage.get('T1', 'bus_line')).toMatchObject({ total: 1, totalUnits: 12 })
    expect(coverage.get('C', 'bus_line')).toMatchObject({ total: 1, live: 1, totalUnits: 12, liveUnits: 12 })
    expect(coverage.get('D', 'bus_line')).toMatchObject({ total: 1, totalUnits: 12 })
    expect(coverage.get('X', 'bus_line')).toMatchObject({ total: 1, totalUnits: 12 })
  })
})

/** Every counter of every region and kind, for comparing two coverages. */
function snapshot(coverage: Coverage, regions: Region[]): unknown[] {
  return regions.flatMap((r) => SITE_KINDS.map((k) => coverage.get(r.code, k)))
}

function randomSite(random: () => number, id: string): Site {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const status = pick(SITE_STATUSES)
  const day = `2023-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`
  const base = { status, liveDate: status === 'live' && random() < 0.8 ? day : null, plannedDate: random() < 0.5 ? day : null, units: 1 + Math.floor(random() * 5) }
  if (random() < 0.1) {
    const y = random() < 0.5 ? 0.5 : 2.5
    return busLine(id, [[random() * 4, 0.5], [random() * 4, y]], base)
  }
  return site(id, -0.5 + random() * 5, -0.5 + random() * 4, { kind: pick(['merchant', 'school', 'postal_outlet'] as const), ...base })
}

describe('Coverage.applyEdit', () => {
  it('equals a full recount after a long random sequence of adds, edits, moves and deletes', () => {
    const regions = twoCounties()
    const random = seededRandom(42)
    const sites = new Map<string, Site>()
    for (let i = 0; i < 200; i++) sites.set(`s${i}`, randomSite(random, `s${i}`))
    const index = buildRegionIndex(regions)
    const coverage = createCoverage(regions, [...sites.values()], assignSites(index, [...sites.values()]), '2023-06-30', index)
    let next = 200
    for (let step = 0; step < 3000; step++) {
      const ids = [...sites.keys()]
      const id = ids[Math.floor(random() * ids.length)]!
      const before = sites.get(id)!
      const roll = random()
      if (roll < 0.1) {
        coverage.applyEdit(before, null)
        sites.delete(id)
      } else if (roll < 0.2) {
        const added = randomSite(random, `s${next++}`)
        coverage.applyEdit(null, added)
        sites.set(added.id, added)
      } else {
        // Keep the geometry object for status/date edits (what the app does), replace it for moves.
        const changed = randomSite(random, id)
        const after = roll < 0.6 && changed.geometry.type === before.geometry.type ? { ...changed, kind: before.kind, geometry: before.geometry } : changed
        coverage.applyEdit(before, after)
        sites.set(id, after)
      }
    }
    expect(snapshot(coverage, regions)).toEqual(snapshot(createCoverage(regions, [...sites.values()], assignSites(index, [...sites.values()]), '2023-06-30'), regions))
  })

  it('keeps the assignment in step: a moved site leaves and enters the outside list', () => {
    const regions = twoCounties()
    const index = buildRegionIndex(regions)
    const a = site('a', 0.5, 0.5)
    const assignment = assignSites(index, [a])
    const coverage = createCoverage(regions, [a], assignment, '2023-06-30', index)
    const moved = site('a', 9, 9)
    coverage.applyEdit(a, moved)
    expect(assignment.outside).toEqual(['a'])
    expect(coverage.get('C', 'merchant').total).toBe(0)
    coverage.applyEdit(moved, site('a', 2.5, 0.5))
    expect(assignment.outside).toEqual([])
    expect(assignment.regionsBySite.get('a')).toEqual(['T2'])
  })
})
