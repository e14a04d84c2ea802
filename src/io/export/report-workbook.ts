import type { IndicatorKey, PlanData, Site, SiteKind, SiteStatus, Target, TargetMetric } from '../../core/model'
import type { TargetEvaluation, TargetStatus } from '../../core/targets/evaluate-target'
import { plannedForMonth, type ReportModel } from '../../core/workspace/report-data'
import type { TownRow } from '../../core/workspace/town-view'
import { writeWorkbook, type SheetCell, type SheetData } from './export-sites'

/** The column headers of the report workbook's sheets. */
export type ReportColumn
  = | 'region' | 'code' | 'town' | 'kind' | 'live' | 'total' | 'share' | 'threshold' | 'due' | 'gap' | 'status' | 'projected'
    | 'asOf' | 'target' | 'metric' | 'measure' | 'value' | 'source' | 'sourceText' | 'name' | 'siteStatus' | 'operator'
    | 'planned' | 'address'

/** The words of the report workbook, in the user's language (io stays free of i18n). */
export interface ReportWorkbookLabels {
  sheet: { summary: string, targets: string, coverage: (kind: string) => string, nextMonth: string }
  column: Record<ReportColumn, string>
  kind: (kind: SiteKind) => string
  status: (status: TargetStatus) => string
  metric: (metric: TargetMetric) => string
  indicator: (indicator: IndicatorKey) => string
  siteStatus: (status: SiteStatus) => string
  operator: (operator: string) => string
}

/** An ISO date as a date cell (UTC midnight: Excel shows the same day everywhere). */
const day = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null)

/** Characters a sheet name may not hold, and its length limit (Excel's rules). */
export function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, '·').slice(0, 31)
}

/** A share or complete target reads as a percentage, the others as plain numbers. */
function measure(metric: TargetMetric | null, value: number | null): SheetCell {
  if (value === null) return null
  return metric === 'share' || metric === 'complete' ? { percent: value } : value
}

function coverageCells(row: TownRow, labels: ReportWorkbookLabels): SheetCell[] {
  return [
    row.live, row.total, { percent: row.share }, measure(row.metric, row.threshold), day(row.dueDate), row.gap,
    row.status ? labels.status(row.status) : '', day(row.projectedDate),
  ]
}

function summarySheet(model: ReportModel, labels: ReportWorkbookLabels): SheetData {
  const c = labels.column
  const rows = model.kinds.flatMap((kind) => {
    const row = model.views.get(kind)?.root
    return row ? [[row.name, labels.kind(kind), ...coverageCells(row, labels), day(model.asOfDate)]] : []
  })
  return { name: sheetName(labels.sheet.summary), header: [c.region, c.kind, c.live, c.total, c.share, c.threshold, c.due, c.gap, c.status, c.projected, c.asOf], rows }
}

/** Still needed: 0 once met; none for a task (it is done or not). */
const gapOf = (e: TargetEvaluation): number | null => (e.metric === 'checklist' ? null : e.met ? 0 : e.gap)

function targetCells(e: TargetEvaluation, target: Target | undefined, region: string, labels: ReportWorkbookLabels): SheetCell[] {
  const checklist = e.metric === 'checklist'
  const what = target?.kind ? labels.kind(target.kind) : target?.indicator ? labels.indicator(target.indicator) : ''
  const source = target?.source ? `${target.source.planId} ${target.source.row}` : ''
  return [
    target?.title ?? e.targetId, region, labels.metric(e.metric), what, checklist ? null : measure(e.metric, e.threshold), day(e.dueDate),
    checklist ? labels.status(e.status) : measure(e.metric, e.value), gapOf(e), labels.status(e.status),
    e.met ? null : day(e.projectedDate), source, target?.source?.text ?? '',
  ]
}

function targetsSheet(data: PlanData, model: ReportModel, labels: ReportWorkbookLabels): SheetData {
  const c = labels.column
  const targets = new Map(data.targets.map((t) => [t.id, t]))
  const names = new Map(data.regions.map((r) => [r.code, r.name]))
  const rows = model.evaluation.targets.map((e) => targetCells(e, targets.get(e.targetId), names.get(e.regionCode) ?? e.regionCode, labels))
  return {
    name: sheetName(labels.sheet.targets),
    header: [c.target, c.region, c.metric, c.measure, c.threshold, c.due, c.value, c.gap, c.status, c.projected, c.source, c.sourceText],
    rows,
  }
}

function coverageSheet(model: ReportModel, kind: SiteKind, labels: ReportWorkbookLabels): SheetData {
  const c = labels.column
  const view = model.views.get(kind)!
  const rows = [...view.towns, ...(view.root ? [view.root] : [])].map((row) => [row.code, row.name, ...coverageCells(row, labels)])
  return { name: sheetName(labels.sheet.coverage(labels.kind(kind))), header: [c.code, c.town, c.live, c.total, c.share, c.threshold, c.due, c.gap, c.status, c.projected], rows }
}

function plannedSheet(data: PlanData, model: ReportModel, townOf: (site: Site) => string | null, labels: ReportWorkbookLabels): SheetData {
  const c = labels.column
  const names = new Map(model.towns.map((t) => [t.code, t.name]))
  const order = new Map(model.towns.map((t, i) => [t.code, i]))
  const rows = plannedForMonth(data.sites, model.nextMonth, model.asOfDate)
    .map((site) => ({ site, town: townOf(site) }))
    .toSorted((a, b) => (order.get(a.town ?? '') ?? Infinity) - (order.get(b.town ?? '') ?? Infinity))
    .map(({ site, town }) => [
      town ? names.get(town) ?? town : '', site.name, labels.kind(site.kind), labels.siteStatus(site.status),
      site.operator ? labels.operator(site.operator) : '', day(site.plannedDate), site.address ?? '',
    ])
  return { name: sheetName(labels.sheet.nextMonth), header: [c.town, c.name, c.kind, c.siteStatus, c.operator, c.planned, c.address], rows }
}

/**
 * The monthly report's tables as sheets, from the same evaluation as the page: the county summary, every
 * target, one coverage sheet per kind of site (towns, then the county), and the sites planned for next month.
 * `townOf` names the town a site is assigned to (the page's assignment).
 */
export function reportSheets(data: PlanData, model: ReportModel, townOf: (site: Site) => string | null, labels: ReportWorkbookLabels): SheetData[] {
  return [
    summarySheet(model, labels),
    targetsSheet(data, model, labels),
    ...model.kinds.map((kind) => coverageSheet(model, kind, labels)),
    plannedSheet(data, model, townOf, labels),
  ]
}

/** The report workbook as an XLSX file (exceljs loads on first use). */
export async function reportToXlsx(sheets: readonly SheetData[]): Promise<Uint8Array> {
  return writeWorkbook(sheets)
}
