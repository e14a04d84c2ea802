import type { PlanData, Region, SiteKind, Target } from '../src/core/model'
import { SITE_KINDS } from '../src/core/model'
import type { PlanEvaluation } from '../src/core/plans/evaluate-plan'
import type { TargetEvaluation } from '../src/core/targets/evaluate-target'

/** One target evaluation as the report prints it: with names, the plan's words and the gap as an action. */
export interface ReportTargetRow extends TargetEvaluation {
  title: string
  regionName: string
  kind: SiteKind | null
  action: string
  source: string
}

/** Coverage of one region and kind. */
export interface ReportCoverageRow {
  regionCode: string
  regionName: string
  level: Region['level']
  kind: SiteKind
  total: number
  live: number
  liveShare: number
  totalUnits: number
  liveUnits: number
}

/** The report: coverage per region, targets and gaps per region, and what could not be placed. */
export interface Report {
  asOfDate: string
  siteCount: number
  outside: string[]
  coverage: ReportCoverageRow[]
  targets: ReportTargetRow[]
  problems: PlanEvaluation['problems']
}

const KIND_WORDS: Partial<Record<SiteKind, string>> = { bus_line: 'bus lines', postal_outlet: 'postal outlets', utility_point: 'utility payment points', tax_hall: 'tax halls', payroll_unit: 'payroll units' }

/** "锦水街道 needs 37 more live merchants by 2023-12-31", or what the status says when nothing is missing. */
export function describeAction(e: TargetEvaluation, regionName: string, target: Target): string {
  const kind = target.kind ?? null
  if (e.status === 'met' || e.status === 'done') return `${regionName}: ${e.status}`
  if (e.noSites) return `${regionName}: no ${kind ?? 'site'} recorded yet`
  const what = e.gapUnit === 'sites'
    ? `live ${KIND_WORDS[kind!] ?? `${kind}s`}`
    : e.gapUnit === 'units'
      ? `live units (${KIND_WORDS[kind!] ?? kind})`
      : e.gapUnit === 'clusters'
        ? 'established clusters'
        : e.gapUnit === 'tasks' ? 'task to complete' : target.indicator ?? 'of the indicator'
  return `${regionName} needs ${e.gap} more ${what} by ${e.dueDate}`
}

/** Shapes an evaluation into the report. */
export function buildReport(data: PlanData, evaluation: PlanEvaluation): Report {
  const regionByCode = new Map(data.regions.map((r) => [r.code, r]))
  const targetById = new Map(data.targets.map((t) => [t.id, t]))
  const coverage = data.regions.flatMap((region) => SITE_KINDS.flatMap((kind): ReportCoverageRow[] => {
    const c = evaluation.coverage.get(region.code, kind)
    if (c.total === 0) return []
    return [{ regionCode: region.code, regionName: region.name, level: region.level, kind, total: c.total, live: c.live, liveShare: c.live / c.total, totalUnits: c.totalUnits, liveUnits: c.liveUnits }]
  }))
  const targets = evaluation.targets.map((e): ReportTargetRow => {
    const target = targetById.get(e.targetId)!
    const regionName = regionByCode.get(e.regionCode)?.name ?? e.regionCode
    const kind = target.kind ?? null
    const source = target.source ? `${target.source.planId} ${target.source.row}` : ''
    return { ...e, title: target.title, regionName, kind, action: describeAction(e, regionName, target), source }
  })
  return { asOfDate: evaluation.asOfDate, siteCount: data.sites.length, outside: evaluation.assignment.outside, coverage, targets, problems: evaluation.problems }
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function csvTable<T>(rows: T[], columns: (keyof T)[]): string {
  return [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))].join('\n') + '\n'
}

/** CSV of the target rows when the plan has targets, else of the coverage rows. */
export function reportCsv(report: Report): string {
  if (report.targets.length === 0) {
    return csvTable(report.coverage, ['regionCode', 'regionName', 'level', 'kind', 'total', 'live', 'liveShare', 'totalUnits', 'liveUnits'])
  }
  return csvTable(report.targets, ['regionCode', 'regionName', 'targetId', 'title', 'metric', 'kind', 'value', 'threshold', 'met', 'gap', 'gapUnit', 'live', 'total', 'dueDate', 'projectedDate', 'status', 'action', 'source'])
}
