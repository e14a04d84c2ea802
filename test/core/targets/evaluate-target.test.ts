import { describe, expect, it } from 'vitest'
import type { KindCounts } from '@/core/coverage/coverage'
import type { Target } from '@/core/model'
import { toDay } from '@/core/targets/dates'
import { evaluateTarget, requiredLive } from '@/core/targets/evaluate-target'
import { pendingFrom, sumPending } from '@/core/targets/projection'

function counts(live: number, total: number, units?: { live: number, total: number }): KindCounts {
  return {
    total, live, totalUnits: units?.total ?? total, liveUnits: units?.live ?? live,
    byStatus: { candidate: total - live, contacted: 0, retrofitting: 0, live, suspended: 0 },
  }
}

function target(overrides: Partial<Target>): Target {
  return { id: 't', title: 't', scope: { regionCode: 'R' }, metric: 'share', kind: 'merchant', threshold: 0.3, dueDate: '2023-12-31', milestone: 'year', ...overrides }
}

/** Pending go-live dates from ISO strings, as seen on the as-of date. */
function pending(dates: string[], units?: number[], asOf = '2023-06-30') {
  return pendingFrom(dates.map(toDay), toDay(asOf), units)
}

describe('share targets', () => {
  it('needs ceil(threshold × total) − live more sites: 30% of 412 with 87 live needs 37', () => {
    const e = evaluateTarget(target({}), 'R', { counts: counts(87, 412) }, '2023-06-30')
    expect(e).toMatchObject({ met: false, gap: 37, gapUnit: 'sites', live: 87, total: 412, status: 'off_track', projectedDate: null })
    expect(e.value).toBeCloseTo(87 / 412)
  })

  it('does not round 30% of 10 up to 4', () => {
    expect(requiredLive(0.3, 10)).toBe(3)
    expect(evaluateTarget(target({}), 'R', { counts: counts(3, 10) }, '2023-06-30')).toMatchObject({ met: true, gap: 0, status: 'met' })
  })

  it('is on track when planned dates reach the share by the due date, and projects the date', () => {
    const e = evaluateTarget(target({}), 'R', { counts: counts(1, 10), pending: pending(['2023-08-01', '2023-11-15', '2024-02-01']) }, '2023-06-30')
    expect(e).toMatchObject({ gap: 2, status: 'on_track', projectedDate: '2023-11-15', projectedDateOnPlan: '2023-11-15' })
  })

  it('is at risk when only slipped planned dates reach it', () => {
    const e = evaluateTarget(target({}), 'R', { counts: counts(1, 10), pending: pending(['2023-05-01', '2023-11-01']) }, '2023-06-30')
    // The slipped site counts as going live on the as-of date; on plan alone there is one site too few.
    expect(e).toMatchObject({ gap: 2, status: 'at_risk', projectedDate: '2023-11-01', projectedDateOnPlan: null })
    const one = evaluateTarget(target({ threshold: 0.2 }), 'R', { counts: counts(1, 10), pending: pending(['2023-05-01']) }, '2023-06-30')
    expect(one).toMatchObject({ gap: 1, status: 'at_risk', projectedDate: '2023-06-30', projectedDateOnPlan: null })
  })

  it('is off track when the plan reaches it only after the due date, and overdue once the date has passed', () => {
    const late = evaluateTarget(target({}), 'R', { counts: counts(2, 10), pending: pending(['2024-01-05']) }, '2023-06-30')
    expect(late).toMatchObject({ status: 'off_track', projectedDate: '2024-01-05', overdue: false })
    const missed = evaluateTarget(target({}), 'R', { counts: counts(2, 10), pending: pending(['2024-01-05'], undefined, '2024-01-02') }, '2024-01-02')
    expect(missed).toMatchObject({ status: 'off_track', overdue: true })
  })

  it('flags a region with no site of the kind instead of calling it met', () => {
    expect(evaluateTarget(target({}), 'R', { counts: counts(0, 0) }, '2023-06-30')).toMatchObject({ met: false, gap: 0, noSites: true, status: 'at_risk' })
  })
})

describe('count targets', () => {
  it('counts live sites against the number (≥5 payroll units)', () => {
    const t = target({ metric: 'count', kind: 'payroll_unit', threshold: 5 })
    expect(evaluateTarget(t, 'R', { counts: counts(3, 4), pending: pending(['2023-07-01', '2023-08-01']) }, '2023-06-30'))
      .toMatchObject({ value: 3, gap: 2, status: 'on_track', projectedDate: '2023-08-01' })
    expect(evaluateTarget(t, 'R', { counts: counts(6, 9) }, '2023-06-30')).toMatchObject({ met: true, gap: 0, status: 'met' })
  })

  it('counts units when asked (bus vehicles)', () => {
    const t = target({ metric: 'count', kind: 'bus_line', countUnits: true, threshold: 30 })
    const e = evaluateTarget(t, 'R', { counts: counts(1, 3, { live: 12, total: 40 }), pending: pending(['2023-09-01', '2023-07-01'], [20, 10]) }, '2023-06-30')
    expect(e).toMatchObject({ value: 12, gap: 18, gapUnit: 'units', projectedDate: '2023-09-01', status: 'on_track' })
  })
})

describe('complete targets', () => {
  it('needs every site (or unit) live', () => {
    const t = target({ metric: 'complete', kind: 'postal_outlet', threshold: 1, milestone: 'Q3', dueDate: '2023-09-30' })
    expect(evaluateTarget(t, 'R', { counts: counts(7, 8), pending: pending(['2023-10-10']) }, '2023-06-30'))
      .toMatchObject({ gap: 1, status: 'off_track', projectedDate: '2023-10-10' })
    expect(evaluateTarget(t, 'R', { counts: counts(8, 8) }, '2023-06-30')).toMatchObject({ met: true, value: 1, status: 'met' })
    const vehicles = target({ metric: 'complete', kind: 'bus_line', countUnits: true, threshold: 1 })
    expect(evaluateTarget(vehicles, 'R', { counts: counts(2, 2, { live: 30, total: 36 }) }, '2023-06-30')).toMatchObject({ gap: 6, gapUnit: 'units', met: false })
  })
})

describe('exists targets', () => {
  const t = target({ metric: 'exists', kind: undefined, threshold: 1, milestone: 'H1', dueDate: '2023-06-30' })

  it('is met by an established cluster', () => {
    const clusters = { established: 1, projectedWithSlipped: new Int32Array(), projectedOnPlan: new Int32Array() }
    expect(evaluateTarget(t, 'R', { clusters }, '2023-06-01')).toMatchObject({ value: 1, met: true, status: 'met', gapUnit: 'clusters' })
  })

  it('projects from the clusters that planned merchants will establish', () => {
    const clusters = { established: 0, projectedWithSlipped: Int32Array.of(toDay('2023-06-20')), projectedOnPlan: Int32Array.of(toDay('2023-07-20')) }
    expect(evaluateTarget(t, 'R', { clusters }, '2023-06-01')).toMatchObject({ gap: 1, status: 'at_risk', projectedDate: '2023-06-20', projectedDateOnPlan: '2023-07-20' })
    expect(evaluateTarget(t, 'R', {}, '2023-06-01')).toMatchObject({ gap: 1, status: 'off_track', projectedDate: null })
  })
})

describe('indicator targets', () => {
  const t = target({ metric: 'indicator', kind: undefined, indicator: 'transaction_count', threshold: 20_000 })

  it('compares the latest value and projects the trend', () => {
    const trend = (threshold: number) => toDay('2023-06-30') + Math.ceil((threshold - 8000) / 100)
    expect(evaluateTarget(t, 'R', { indicator: { value: 8000, trend } }, '2023-06-30'))
      .toMatchObject({ value: 8000, gap: 12_000, gapUnit: 'indicator', status: 'on_track', projectedDate: '2023-10-28' })
    expect(evaluateTarget(t, 'R', { indicator: { value: 8000, trend: null } }, '2023-06-30')).toMatchObject({ status: 'off_track', projectedDate: null })
    expect(evaluateTarget(t, 'R', { indicator: { value: 25_000, trend: null } }, '2023-06-30')).toMatchObject({ met: true, gap: 0, status: 'met' })
  })
})

describe('checklist targets', () => {
  it('is done once ticked on or before the as-of date, open otherwise', () => {
    const t = target({ metric: 'checklist', kind: undefined, threshold: 1, done: { date: '2023-05-01', note: '' } })
    expect(evaluateTarget(t, 'R', {}, '2023-06-30')).toMatchObject({ status: 'done', met: true, gap: 0 })
    expect(evaluateTarget(t, 'R', {}, '2023-04-30')).toMatchObject({ status: 'open', met: false, gap: 1, gapUnit: 'tasks' })
    expect(evaluateTarget(target({ metric: 'checklist', threshold: 1 }), 'R', {}, '2024-01-10')).toMatchObject({ status: 'open', overdue: true })
  })
})

describe('dates', () => {
  it('turns ISO dates into day numbers and back, and rejects impossible dates', async () => {
    const { fromDay, isIsoDate } = await import('@/core/targets/dates')
    for (const date of ['1970-01-01', '2000-02-29', '2023-06-30', '2023-12-31', '2024-02-29', '2100-03-01']) {
      expect(toDay(date)).toBe(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8))) / 86_400_000)
      expect(fromDay(toDay(date))).toBe(date)
    }
    expect(['2023-02-29', '2023-13-01', '2023-6-30', 'x'].map(isIsoDate)).toEqual([false, false, false, false])
    for (let day = -800; day < 60_000; day += 37) expect(fromDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10))
  })
})

describe('sumPending', () => {
  it('sums the sites or units planned within a window, slipped ones from the as-of day', () => {
    const p = pending(['2023-05-01', '2023-07-01', '2023-08-01', '2023-12-01'], [1, 2, 4, 8])
    expect(sumPending(p, toDay('2023-06-30'), toDay('2023-08-01'))).toBe(3)
    expect(sumPending(p, toDay('2023-06-30'), toDay('2023-08-01'), true)).toBe(7)
    expect(sumPending(p, toDay('2023-07-02'), toDay('2030-01-01'), true)).toBe(12)
    expect(sumPending(p, toDay('2023-09-01'), toDay('2023-08-01'))).toBe(0)
  })
})
