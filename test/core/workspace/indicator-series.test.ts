import { describe, expect, it } from 'vitest'
import { DEFAULT_CLUSTER_RULE, type IndicatorObservation, type PlanData } from '@/core/model'
import { evaluatePlan } from '@/core/plans/evaluate-plan'
import { instantiateTemplate } from '@/core/templates'
import { indicatorSeries } from '@/core/workspace/indicator-series'
import { readDemoFiles } from '../../support/demo-expectations'

const ROOT = '370124000000'
const { regions } = readDemoFiles()
const [townA, townB] = regions.filter((r) => r.level === 'town').map((r) => r.code)
const observation = (regionCode: string, date: string, indicator: IndicatorObservation['indicator'], value: number): IndicatorObservation => ({ id: `${regionCode}-${date}-${indicator}`, regionCode, date, indicator, value })

/** Town figures only for transactions (the county sums them); the county's own figures for the amount. */
const data: PlanData = Object.freeze({
  plan: { id: 'p', name: 'p', rootRegionCode: ROOT, templateId: null, settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: false, createdAt: '', updatedAt: '' },
  regions, sites: [], clusters: [], targets: instantiateTemplate('pingyin-2023', ROOT),
  indicators: [
    observation(townA!, '2023-03-20', 'transaction_count', 4_000),
    observation(townB!, '2023-05-02', 'transaction_count', 3_000),
    observation(townA!, '2023-06-30', 'transaction_count', 9_500),
    observation(townB!, '2023-07-01', 'transaction_count', 6_000),
    observation(ROOT, '2023-06-15', 'transaction_amount_yuan', 2_500_000),
    observation(ROOT, '2023-08-31', 'transaction_amount_yuan', 7_000_000),
    observation(townA!, '2023-11-05', 'transaction_count', 30_000),
  ],
})
const AS_OF = '2023-08-15'

/** The engine's value of the plan's target on `indicator` for the county on `date`. */
function engineValue(date: string, targetKey: string): number {
  return evaluatePlan(data, date).targets.find((e) => e.targetId === `pingyin-2023/${targetKey}` && e.regionCode === ROOT)!.value
}

describe('indicator series of the root region', () => {
  const evaluation = evaluatePlan(data, AS_OF)
  const series = indicatorSeries(data, evaluation.index.tree, evaluation.targets, AS_OF)

  it('charts each observed or targeted indicator over months from the first observation to the last due date', () => {
    expect(series.map((s) => s.indicator)).toEqual(['transaction_count', 'transaction_amount_yuan'])
    expect(series[0]!.months).toEqual(['2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12'])
  })

  it('reads each month end as the engine evaluates the target then, summing towns without county figures', () => {
    const [transactions, amount] = series
    const monthEnds = ['2023-03-31', '2023-04-30', '2023-05-31', '2023-06-30', '2023-07-31']
    expect(transactions!.values.slice(0, 5)).toEqual(monthEnds.map((date) => engineValue(date, 'r14-year-transactions')))
    expect(transactions!.values.slice(0, 6)).toEqual([4_000, 4_000, 7_000, 12_500, 15_500, 15_500])
    expect(amount!.values.slice(3, 5)).toEqual(['2023-06-30', '2023-07-31'].map((date) => engineValue(date, 'r14-year-amount')))
  })

  it('ends at the as-of date with the value of the targets table, and shows nothing before the first or after the as-of month', () => {
    const [transactions, amount] = series
    const on = (key: string) => evaluation.targets.find((e) => e.targetId === `pingyin-2023/${key}`)!
    expect(transactions!.values[5]).toBe(on('r14-year-transactions').value)
    expect(amount!.values[5]).toBe(on('r14-year-amount').value)
    expect(amount!.values.slice(0, 3)).toEqual([null, null, null])
    expect(transactions!.values.slice(6)).toEqual([null, null, null, null])
  })

  it('marks each target at its due month with the engine status', () => {
    const target = evaluation.targets.find((e) => e.targetId === 'pingyin-2023/r14-year-transactions')!
    expect(series[0]!.targets).toEqual([expect.objectContaining({ targetId: target.targetId, threshold: 20_000, month: target.dueDate.slice(0, 7), status: target.status })])
  })

  it('charts nothing for a plan without indicators or indicator targets', () => {
    const bare = { ...data, targets: data.targets.filter((t) => t.metric !== 'indicator'), indicators: [] }
    const bareEvaluation = evaluatePlan(bare, AS_OF)
    expect(indicatorSeries(bare, bareEvaluation.index.tree, bareEvaluation.targets, AS_OF)).toEqual([])
  })
})
