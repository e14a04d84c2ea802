import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Target } from '@/core/model'
import { instantiateTemplate, PINGYIN_ANNEX, TARGET_TEMPLATES } from '@/core/templates'

// Copies of the team's seed plans (shared/seeds), so the check runs on a clean clone.
const SEEDS = resolve(__dirname, '../../fixtures/seeds')
const seedText = (planId: string): string => readFileSync(resolve(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(`${planId}_`))!), 'utf8')
const ROOT = '370124000000'
const DUE = { H1: '2023-06-30', Q3: '2023-09-30', year: '2023-12-31' } as const

/**
 * Every number in the Pingyin annex, read off the seed by hand: row, milestone, metric, kind, threshold,
 * and whether it applies to each town/street.
 */
const PINGYIN_NUMBERS: [number, keyof typeof DUE, Target['metric'], string | undefined, number, boolean][] = [
  [1, 'Q3', 'count', 'payroll_unit', 3, false],
  [1, 'year', 'count', 'payroll_unit', 5, false],
  [2, 'Q3', 'complete', 'union', 1, false],
  [3, 'H1', 'count', 'school', 3, false],
  [3, 'Q3', 'count', 'school', 5, false],
  [3, 'Q3', 'count', 'school', 1, true],
  [3, 'year', 'count', 'school', 20, false],
  [4, 'Q3', 'count', 'hospital', 1, false],
  [5, 'H1', 'count', 'bus_line', 1, false],
  [5, 'Q3', 'count', 'bus_line', 2, false],
  [5, 'year', 'complete', 'bus_line', 1, false],
  [6, 'Q3', 'share', 'utility_point', 0.2, false],
  [6, 'Q3', 'complete', 'parking', 1, false],
  [7, 'Q3', 'count', 'payroll_unit', 3, false],
  [8, 'year', 'share', 'merchant', 0.3, false],
  [8, 'year', 'exists', undefined, 1, true],
  [9, 'Q3', 'share', 'postal_outlet', 0.3, false],
  [9, 'year', 'complete', 'postal_outlet', 1, false],
  [10, 'Q3', 'share', 'venue', 0.3, false],
  [11, 'year', 'count', 'tax_hall', 1, false],
  [14, 'year', 'indicator', undefined, 20_000, false],
  [14, 'year', 'indicator', undefined, 10_000_000, false],
  [16, 'Q3', 'share', 'community', 0.5, false],
  [16, 'year', 'complete', 'community', 1, false],
]

describe('the Pingyin 2023 template', () => {
  const targets = instantiateTemplate('pingyin-2023', ROOT)

  it.each(PINGYIN_NUMBERS)('has annex row %i %s: %s %s ≥ %d', (row, milestone, metric, kind, threshold, each) => {
    const matches = targets.filter((t) => t.source?.row === `附件 ${row}` && t.milestone === milestone && t.metric === metric
      && t.kind === kind && t.threshold === threshold && (t.scope.eachLevel === 'town') === each)
    expect(matches).toHaveLength(1)
    expect(matches[0]!.dueDate).toBe(DUE[milestone])
    expect(matches[0]!.source!.text).toBe(PINGYIN_ANNEX[row - 1]![milestone])
  })

  it('has no numeric annex target beyond those', () => {
    const numeric = targets.filter((t) => t.metric !== 'checklist' && t.source?.row.startsWith('附件'))
    expect(numeric).toHaveLength(PINGYIN_NUMBERS.length)
  })

  it('counts vehicles for the all-buses target and puts the star community in 锦水街道', () => {
    expect(targets.find((t) => t.source?.row === '附件 5' && t.milestone === 'year')!.countUnits).toBe(true)
    expect(targets.filter((t) => t.kind === 'community').map((t) => t.scope.regionCode)).toEqual(['370124002000', '370124002000'])
  })

  it('covers every annex cell, the rest as checklist items with the responsible units', () => {
    for (const row of PINGYIN_ANNEX) {
      for (const milestone of ['H1', 'Q3', 'year'] as const) {
        const cell = targets.filter((t) => t.source?.row === `附件 ${row.row}` && t.milestone === milestone)
        expect(cell.length, `${row.row} ${milestone}`).toBeGreaterThan(0)
        for (const t of cell) expect(t.owner).toBe(row.owner)
      }
    }
  })

  it('quotes the annex verbatim from the seed plan', () => {
    const seed = seedText('000')
    for (const row of PINGYIN_ANNEX) {
      for (const cell of [row.task, row.owner, row.H1, row.Q3, row.year]) expect(seed).toContain(cell)
    }
    expect(PINGYIN_ANNEX).toHaveLength(16)
  })

  it('adds the plan text goals: all hospitals and schools covered in 2023', () => {
    const goals = targets.filter((t) => t.source?.row === '二、总体目标')
    expect(goals.map((t) => [t.metric, t.kind, t.dueDate])).toEqual([['complete', 'hospital', '2023-12-31'], ['complete', 'school', '2023-12-31']])
  })
})

describe('the Jinan 2023 template', () => {
  const targets = instantiateTemplate('jinan-2023', '370100000000')

  it('has a cluster in each district/county and the wallet and amount indicators for 2023 and 2024', () => {
    expect(targets.find((t) => t.metric === 'exists')).toMatchObject({ threshold: 1, scope: { regionCode: '370100000000', eachLevel: 'county' } })
    const indicators = targets.filter((t) => t.metric === 'indicator').map((t) => [t.indicator, t.threshold, t.dueDate])
    expect(indicators).toEqual([
      ['personal_wallets', 4_000_000, '2023-12-31'], ['corporate_wallets', 50_000, '2023-12-31'], ['transaction_amount_yuan', 4_000_000_000, '2023-12-31'],
      ['personal_wallets', 10_000_000, '2024-12-31'], ['corporate_wallets', 200_000, '2024-12-31'], ['transaction_amount_yuan', 10_000_000_000, '2024-12-31'],
    ])
  })

  it('lists the 16 scenarios and 3 ecosystem tasks with their responsible units, quoted from the seed', () => {
    const tasks = targets.filter((t) => t.metric === 'checklist')
    expect(tasks).toHaveLength(19)
    const seed = seedText('001').replace(/\s+/g, '')
    for (const t of tasks) {
      expect(t.owner).toBeTruthy()
      expect(seed).toContain(t.owner!.replace(/\s+/g, ''))
      expect(seed).toContain(t.source!.text!.replace(/\s+/g, ''))
    }
  })
})

describe('the Guangdong city draft template', () => {
  const targets = instantiateTemplate('guangdong-city-draft', '440800000000')

  it('is a dated checklist per stage', () => {
    const byDue = new Map<string, number>()
    for (const t of targets) byDue.set(t.dueDate, (byDue.get(t.dueDate) ?? 0) + 1)
    expect(targets.every((t) => t.metric === 'checklist')).toBe(true)
    expect(byDue.get('2023-07-31')).toBe(1)
    expect(byDue.get('2023-10-31')).toBe(7)
    expect(byDue.get('2024-04-30')).toBe(6)
    expect(byDue.get('2024-12-31')).toBe(7)
    const seed = seedText('003')
    for (const t of targets) expect(seed).toContain(t.source!.text!.slice(0, 40))
  })
})

describe('every template', () => {
  it.each(TARGET_TEMPLATES.map((t) => t.id))('%s: unique ids, a source on every target, valid dates', (id) => {
    const template = TARGET_TEMPLATES.find((t) => t.id === id)!
    expect(template.name.zh && template.name.en).toBeTruthy()
    const targets = instantiateTemplate(id, 'ROOT')
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length)
    for (const t of targets) {
      expect(t.source).toMatchObject({ planId: template.planId })
      expect(t.source!.row && t.source!.text).toBeTruthy()
      expect(t.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('rejects an unknown template', () => {
    expect(() => instantiateTemplate('nope', 'ROOT')).toThrow(/unknown target template/)
  })
})
