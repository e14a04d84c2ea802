import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_CLUSTER_RULE, type PlanData, type Site } from '@/core/model'
import { instantiateTemplate } from '@/core/templates'
import { buildReportModel, plannedForMonth, type ReportModel } from '@/core/workspace/report-data'
import { columnWidths, type SheetData } from '@/io/export/export-sites'
import { reportSheets, reportToXlsx, sheetName, type ReportWorkbookLabels } from '@/io/export/report-workbook'
import { loadExcel } from '@/io/import/read-xlsx-table'
import { readDemoFiles } from '../../support/demo-expectations'

const ROOT = '370124000000'
const KINDS: Record<string, string> = { merchant: '商户', school: '学校', hospital: '医院/卫生院', bus_line: '公交线路', postal_outlet: '邮政网点' }
/** Labels that show the codes they stand for, so an assertion can tell which function wrote a cell. */
const LABELS: ReportWorkbookLabels = {
  sheet: { summary: '概况', targets: '目标', coverage: (kind) => `覆盖-${kind}`, nextMonth: '下月计划上线' },
  column: new Proxy({}, { get: (_, key) => `col:${String(key)}` }) as ReportWorkbookLabels['column'],
  kind: (kind) => KINDS[kind] ?? kind,
  status: (status) => `status:${status}`,
  metric: (metric) => `metric:${metric}`,
  indicator: (indicator) => `indicator:${indicator}`,
  siteStatus: (status) => `site:${status}`,
  operator: (operator) => `operator:${operator}`,
}

let data: PlanData
let model: ReportModel
let sheets: SheetData[]
const townOf = (site: Site): string | null => model.evaluation.assignment.regionsBySite.get(site.id)?.find((code) => code !== ROOT) ?? null
const sheet = (name: string): SheetData => sheets.find((s) => s.name === name)!
const column = (s: SheetData, word: string): number => s.header.indexOf(`col:${word}`)

beforeAll(() => {
  const { regions, sites } = readDemoFiles()
  data = {
    plan: { id: 'p', name: '平阴县示例', rootRegionCode: ROOT, templateId: null, settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: true, createdAt: '', updatedAt: '' },
    regions, sites, clusters: [], targets: instantiateTemplate('pingyin-2023', ROOT), indicators: [],
  }
  model = buildReportModel(data, '2023-10')
  sheets = reportSheets(data, model, townOf, LABELS)
})

describe('the report workbook', () => {
  it('has a summary, the targets, a coverage sheet per kind (names Excel accepts) and next month\'s sites', () => {
    expect(sheets.map((s) => s.name)).toEqual(['概况', '目标', ...model.kinds.map((kind) => sheetName(`覆盖-${LABELS.kind(kind)}`)), '下月计划上线'])
    expect(sheetName('覆盖-医院/卫生院')).toBe('覆盖-医院·卫生院')
    expect(sheetName('x'.repeat(40))).toHaveLength(31)
    expect(sheets.every((s) => s.rows.every((row) => row.length === s.header.length))).toBe(true)
  })

  it('summarises the county per kind with the engine\'s figures on the month\'s last day', () => {
    const summary = sheet('概况')
    const merchants = summary.rows.find((row) => row[column(summary, 'kind')] === '商户')!
    const root = model.views.get('merchant')!.root!
    expect(merchants[column(summary, 'region')]).toBe('平阴县')
    expect(merchants[column(summary, 'live')]).toBe(root.live)
    expect(merchants[column(summary, 'total')]).toBe(root.total)
    expect(merchants[column(summary, 'share')]).toEqual({ percent: root.share })
    expect(merchants[column(summary, 'threshold')]).toEqual({ percent: root.threshold })
    expect(merchants[column(summary, 'gap')]).toBe(root.gap)
    expect(merchants[column(summary, 'asOf')]).toEqual(new Date('2023-10-31T00:00:00Z'))
    expect(summary.rows).toHaveLength(model.kinds.length)
  })

  it('lists every evaluated target with value, gap, status, due date and its seed-plan row', () => {
    const targets = sheet('目标')
    expect(targets.rows).toHaveLength(model.evaluation.targets.length)
    const index = model.evaluation.targets.findIndex((e) => e.targetId === 'pingyin-2023/r3-year-school')
    const schools = model.evaluation.targets[index]!
    const row = targets.rows[index]!
    expect(row[column(targets, 'value')]).toBe(schools.value)
    expect(row[column(targets, 'threshold')]).toBe(schools.threshold)
    expect(row[column(targets, 'gap')]).toBe(schools.met ? 0 : schools.gap)
    expect(row[column(targets, 'status')]).toBe(`status:${schools.status}`)
    expect(row[column(targets, 'due')]).toEqual(new Date('2023-12-31T00:00:00Z'))
    expect(row[column(targets, 'source')]).toMatch(/^000 /)
    expect(row[column(targets, 'measure')]).toBe('学校')
  })

  it('gives each town and then the county a row per kind, as the coverage table does', () => {
    const coverage = sheet('覆盖-商户')
    const view = model.views.get('merchant')!
    expect(coverage.rows.map((row) => row[column(coverage, 'code')])).toEqual([...view.towns.map((t) => t.code), ROOT])
    const town = view.towns[0]!
    expect(coverage.rows[0]!.slice(column(coverage, 'live'), column(coverage, 'gap') + 1)).toEqual([
      town.live, town.total, { percent: town.share }, { percent: town.threshold }, new Date(`${town.dueDate}T00:00:00Z`), town.gap,
    ])
  })

  it('lists the sites planned for next month with their town, by town', () => {
    const planned = sheet('下月计划上线')
    const expected = plannedForMonth(data.sites, '2023-11', '2023-10-31')
    expect(expected.length).toBeGreaterThan(0)
    expect(planned.rows).toHaveLength(expected.length)
    const towns = planned.rows.map((row) => row[column(planned, 'town')])
    const order = model.towns.map((t) => t.name)
    expect(towns.map((name) => order.indexOf(name as string))).toEqual(towns.map((name) => order.indexOf(name as string)).toSorted((a, b) => a - b))
    expect(planned.rows.every((row) => row[column(planned, 'planned')] instanceof Date)).toBe(true)
  })

  it('writes numbers as numbers, dates as dates and shares as percentages, under a frozen header', async () => {
    const ExcelJS = await loadExcel()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await reportToXlsx(sheets)).buffer as ArrayBuffer)
    const summary = workbook.getWorksheet('概况')!
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const share = summary.getRow(2).getCell(column(sheet('概况'), 'share') + 1)
    expect(typeof share.value).toBe('number')
    expect(share.numFmt).toBe('0.0%')
    expect(summary.getRow(2).getCell(column(sheet('概况'), 'asOf') + 1).value).toEqual(new Date('2023-10-31T00:00:00Z'))
    expect(workbook.getWorksheet('目标')!.getColumn(1).width).toBe(columnWidths(sheet('目标'))[0])
  })

  it('sizes columns to their widest cell, a CJK character counting two', () => {
    expect(columnWidths({ name: 's', header: ['名称', 'n'], rows: [['平阴县榆山街道', 1_234_567], [null, 1]] })).toEqual([16, 11])
    expect(columnWidths({ name: 's', header: ['x'.repeat(80)], rows: [] })).toEqual([60])
  })
})
