import { describe, expect, it } from 'vitest'
import { breakdownOption, burnUpOption, indicatorOption, townCoverageOption } from '@/charts/options'
import { DEMO_REPORT_DATE } from '@/core/demo'
import { DEFAULT_CLUSTER_RULE, type PlanData } from '@/core/model'
import { evaluatePlan } from '@/core/plans/evaluate-plan'
import { instantiateTemplate } from '@/core/templates'
import { breakdown, burnUp, monthRange, targetMarkers } from '@/core/workspace/burn-up'
import { indicatorSeries } from '@/core/workspace/indicator-series'
import { evaluateTownView } from '@/core/workspace/town-view'
import { TARGET_STATUS_COLORS } from '@/map/status-style'
import { readDemoFiles } from '../support/demo-expectations'

const { regions, sites } = readDemoFiles()
const data: PlanData = {
  plan: { id: 'p', name: 'demo', rootRegionCode: '370124000000', templateId: 'pingyin-2023', settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: true, createdAt: '', updatedAt: '' },
  regions, sites, clusters: [], targets: instantiateTemplate('pingyin-2023', '370124000000'), indicators: [],
}
interface Series { data: Array<number | null | { value: number, code?: string }>, markLine?: { data: Array<{ yAxis: number }> }, markPoint?: { data: Array<{ coord: [string, number], itemStyle?: { color: string } }> } }
const seriesOf = (option: object): Series[] => (option as { series: Series[] }).series

describe('dashboard charts carry the engine numbers', () => {
  it('town coverage: one bar per town with the engine share, the target line at 30%', () => {
    const view = evaluateTownView(data, DEMO_REPORT_DATE, { kind: 'merchant', milestone: 'year' })
    const [bars] = seriesOf(townCoverageOption(view.towns, { share: 's', target: 't' }))
    expect(bars!.data.map((d) => (d as { value: number }).value)).toEqual(view.towns.map((r) => r.live / r.total))
    expect(bars!.data.map((d) => (d as { code: string }).code)).toEqual(view.towns.map((r) => r.code))
    expect(bars!.markLine?.data[0]?.yAxis).toBe(0.3)
  })

  it('burn-up: the live curve ends at the as-of month with the engine county live count', () => {
    const merchants = sites.filter((s) => s.kind === 'merchant')
    const series = burnUp(merchants, monthRange('2023-01-01', '2023-12-31'))
    const markers = targetMarkers(data.targets.filter((t) => t.kind === 'merchant' && !t.scope.eachLevel), series.total)
    const [live, planned] = seriesOf(burnUpOption(series, markers, { live: 'l', planned: 'p', total: 't' }, '2023-10'))
    const county = evaluateTownView(data, DEMO_REPORT_DATE, { kind: 'merchant', milestone: 'year' }).root!
    expect(live!.data[9]).toBe(county.live)
    expect(live!.data[10]).toBeNull()
    expect(planned!.data.at(-1)).toBeGreaterThan(county.live)
    expect(live!.markPoint?.data).toEqual([expect.objectContaining({ coord: ['2023-12', Math.ceil(0.3 * county.total - 1e-9)] })])
  })

  it('breakdowns: bars sum to the live count (methods: once per method)', () => {
    const merchants = sites.filter((s) => s.kind === 'merchant')
    const live = merchants.filter((s) => s.status === 'live' && s.liveDate! <= DEMO_REPORT_DATE)
    const [byOperator] = seriesOf(breakdownOption(breakdown(merchants, DEMO_REPORT_DATE, (s) => [s.operator ?? 'none']), String, '#000'))
    expect((byOperator!.data as number[]).reduce((a, b) => a + b, 0)).toBe(live.length)
    const [byMethod] = seriesOf(breakdownOption(breakdown(merchants, DEMO_REPORT_DATE, (s) => s.methods), String, '#000'))
    expect((byMethod!.data as number[]).reduce((a, b) => a + b, 0)).toBe(live.reduce((n, s) => n + s.methods.length, 0))
  })

  it('indicator: the observed line is the engine reading of the county (towns summed), the target pinned at its due month in its status colour', () => {
    const towns = regions.filter((r) => r.level === 'town').map((r) => r.code)
    const withFigures: PlanData = { ...data, sites: [], indicators: [
      { id: 'a', regionCode: towns[0]!, date: '2023-09-10', indicator: 'transaction_count', value: 8_000 },
      { id: 'b', regionCode: towns[1]!, date: '2023-10-20', indicator: 'transaction_count', value: 4_500 },
    ] }
    const evaluation = evaluatePlan(withFigures, DEMO_REPORT_DATE)
    const [transactions] = indicatorSeries(withFigures, evaluation.index.tree, evaluation.targets, DEMO_REPORT_DATE)
    const [line] = seriesOf(indicatorOption(transactions!, { observed: 'o', marker: (m) => m.title, format: String }))
    const engine = evaluation.targets.find((e) => e.targetId === 'pingyin-2023/r14-year-transactions')!
    expect(line!.data).toEqual([8_000, engine.value, null, null])
    expect(engine.value).toBe(12_500)
    expect(line!.markPoint?.data).toEqual([expect.objectContaining({ coord: [engine.dueDate.slice(0, 7), 20_000], itemStyle: { color: TARGET_STATUS_COLORS[engine.status] } })])
  })
})
