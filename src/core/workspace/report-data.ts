import { SITE_KINDS, type PlanData, type Region, type Site, type SiteKind } from '../model'
import { evaluatePlan, type EvaluatePlanOptions, type PlanEvaluation } from '../plans/evaluate-plan'
import { evaluateTownView, type TownRow, type TownView } from './town-view'

/** The last day of a month 'YYYY-MM', as an ISO date: the report's as-of date. */
export function monthEnd(month: string): string {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10)
}

/** 'YYYY-MM' of the month after. */
export function nextMonth(month: string): string {
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`
}

/**
 * Sites planned to go live in the month after the report's: not live on the report date, not suspended, with a
 * planned date in that month — what each town has to deliver next (a line on its atlas page).
 */
export function plannedForMonth(sites: Site[], month: string, asOfDate: string): Site[] {
  return sites
    .filter((s) => s.status !== 'suspended' && !(s.status === 'live' && (s.liveDate ?? '') <= asOfDate) && s.plannedDate?.startsWith(month))
    .toSorted((a, b) => (a.plannedDate ?? '').localeCompare(b.plannedDate ?? '') || a.name.localeCompare(b.name, 'zh-CN'))
}

/** Everything the monthly report shows, evaluated once on the month's last day (the page, the workbook and the map). */
export interface ReportModel {
  /** 'YYYY-MM' */
  month: string
  asOfDate: string
  nextMonth: string
  evaluation: PlanEvaluation
  /** The kinds of site the plan has, in SITE_KINDS order. */
  kinds: SiteKind[]
  /** One town view per kind, against the target due next after the report date. */
  views: Map<SiteKind, TownView>
  root: Region | null
  towns: Region[]
}

export function buildReportModel(data: PlanData, month: string, options: EvaluatePlanOptions = {}): ReportModel {
  const asOfDate = monthEnd(month)
  const present = new Set(data.sites.map((s) => s.kind))
  const kinds = SITE_KINDS.filter((kind) => present.has(kind))
  return {
    month,
    asOfDate,
    nextMonth: nextMonth(month),
    evaluation: evaluatePlan(data, asOfDate, options),
    kinds,
    views: new Map(kinds.map((kind) => [kind, evaluateTownView(data, asOfDate, { kind, milestone: 'next' }, options)])),
    root: data.regions.find((r) => r.code === data.plan.rootRegionCode) ?? null,
    towns: data.regions.filter((r) => r.level === 'town'),
  }
}

/** A region's row of each kind (the root's or a town's). */
export function kindRowsOf(model: ReportModel, code: string): Array<{ kind: SiteKind, row: TownRow }> {
  return model.kinds.flatMap((kind) => {
    const view = model.views.get(kind)
    const row = view?.root?.code === code ? view.root : view?.towns.find((r) => r.code === code)
    return row ? [{ kind, row }] : []
  })
}

/** The merchant target's status per town: what the report's map is coloured by. */
export function merchantStatusByTown(model: ReportModel): Record<string, TownRow['status']> {
  return Object.fromEntries((model.views.get('merchant')?.towns ?? []).map((r) => [r.code, r.status]))
}
