import { describe, expect, it } from 'vitest'
import { statusSlotOn } from '@/core/coverage/coverage'
import { FREE_SLOT, latestPendingDays, NOWHERE, SiteTable, tablePendingDay, tableStatusOn } from '@/core/coverage/site-table'
import { SITE_KINDS, SITE_STATUSES, type Site } from '@/core/model'
import { toDay } from '@/core/targets/dates'
import { pendingDayOf } from '@/core/targets/pending-index'
import { seededRandom } from '../geometry/fixtures'
import { site } from './fixtures'

const DAYS = ['2023-01-15', '2023-06-29', '2023-06-30', '2023-07-01', '2024-02-29']

function randomSite(random: () => number, id: string): Site {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  return site(id, random(), random(), {
    kind: pick(SITE_KINDS),
    status: pick(SITE_STATUSES),
    liveDate: random() < 0.6 ? pick(DAYS) : null,
    plannedDate: random() < 0.6 ? pick(DAYS) : null,
    units: 1 + Math.floor(random() * 4),
  })
}

describe('SiteTable', () => {
  it('reads every site as the object rules do: status slot and pending day on any date', () => {
    const random = seededRandom(5)
    const sites = Array.from({ length: 400 }, (_, i) => randomSite(random, `s${i}`))
    const table = new SiteTable(0)
    sites.forEach((s) => table.append(s, 0))
    for (const asOf of DAYS) {
      const day = toDay(asOf)
      sites.forEach((s, slot) => {
        expect(tableStatusOn(table, slot, day)).toBe(statusSlotOn(s, asOf))
        expect(tablePendingDay(table, slot, day)).toBe(pendingDayOf(s, asOf))
      })
    }
  })

  it('keeps a slot per site through edits, reuses freed slots, and counts what it holds', () => {
    const table = new SiteTable(2)
    const [a, b, c] = [site('a', 1, 1), site('b', 2, 2), site('c', 3, 3)]
    table.append(a, 0)
    table.append(b, NOWHERE)
    expect(table.put({ ...a, status: 'live' }, 1)).toBe(0)
    expect(table.status[0]).toBe(SITE_STATUSES.indexOf('live'))
    expect(table.position[0]).toBe(1)
    table.remove('a')
    expect(table.status[0]).toBe(FREE_SLOT)
    expect(table.count).toBe(1)
    expect(table.slotOf('a')).toBeUndefined()
    // The freed slot is taken by the next new site; a further one grows the table past its capacity.
    expect(table.put(c, 0)).toBe(0)
    expect(table.put(site('d', 4, 4), 0)).toBe(2)
    expect([table.count, table.length]).toEqual([3, 3])
    expect(table.x[0]).toBe(3)
  })

  it('bounds the pending days per kind, for sizing the pending histograms', () => {
    const table = new SiteTable(4)
    table.append(site('a', 0, 0, { kind: 'school', status: 'contacted', plannedDate: '2024-01-01' }), 0)
    table.append(site('b', 0, 0, { kind: 'school', status: 'live', liveDate: '2024-03-01' }), 0)
    table.append(site('c', 0, 0, { kind: 'school', status: 'suspended', plannedDate: '2025-01-01' }), 0)
    table.append(site('d', 0, 0, { kind: 'merchant', status: 'candidate', plannedDate: '2025-06-01' }), 0)
    table.remove('d')
    const asOf = toDay('2023-06-30')
    const latest = latestPendingDays(table, asOf)
    expect(latest[SITE_KINDS.indexOf('school')]).toBe(toDay('2024-03-01'))
    // A bound, not kept exact through deletes: the removed merchant's date still counts.
    expect(latest[SITE_KINDS.indexOf('merchant')]).toBe(toDay('2025-06-01'))
    expect(latest[SITE_KINDS.indexOf('hospital')]).toBe(asOf)
  })
})

describe('a site of a kind or status the model does not know', () => {
  it('counts nowhere, in a fresh count as after an edit', async () => {
    const { createCoverage } = await import('@/core/coverage/coverage')
    const { assignSites } = await import('@/core/coverage/assign-sites')
    const { buildRegionIndex } = await import('@/core/geometry/region-index')
    const { twoCounties } = await import('./fixtures')
    const regions = twoCounties()
    const index = buildRegionIndex(regions)
    const known = site('k', 0.5, 0.5, { status: 'live', liveDate: '2023-01-01' })
    const odd = [site('x', 0.5, 0.5, { kind: 'kiosk' as Site['kind'] }), site('y', 0.5, 0.5, { status: 'paused' as Site['status'], units: 7 })]
    const sites = [known, ...odd]
    const coverage = createCoverage(regions, sites, assignSites(index, sites), '2023-06-30', index)
    const town = regions.find((r) => r.level === 'town')!.code
    expect(coverage.get(town, 'merchant')).toMatchObject({ total: 1, live: 1, totalUnits: 1 })
    coverage.applyEdit(odd[1]!, { ...odd[1]!, units: 9 })
    coverage.applyEdit(null, site('z', 0.5, 0.5, { status: 'paused' as Site['status'] }))
    expect(coverage.get(town, 'merchant')).toMatchObject({ total: 1, live: 1, totalUnits: 1 })
  })
})
