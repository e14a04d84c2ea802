import { SITE_KINDS, type PlanData, type SiteKind } from '../../core/model'
import type { EvaluatePlanOptions } from '../../core/plans/evaluate-plan'
import { evaluateTownView, type TownRow, type TownViewChoice } from '../../core/workspace/town-view'
import { writeWorkbook, type SheetData } from './export-sites'

/** The words of the ledger's header and cells, in the user's language (io stays free of i18n). */
export interface LedgerLabels {
  code: string
  name: string
  kind: (kind: SiteKind) => string
  live: string
  total: string
  threshold: string
  gap: string
  statusHeader: string
  status: (status: NonNullable<TownRow['status']> | null) => string
}

/**
 * The coverage ledger (台账): one row per town/street (then the plan's root) with, per kind that has sites or a
 * target, the live and total counts, the target's threshold, the gap and its status on `asOfDate`.
 */
export function ledgerSheet(data: PlanData, asOfDate: string, milestone: TownViewChoice['milestone'], labels: LedgerLabels, options: EvaluatePlanOptions = {}): SheetData {
  const used = new Set(data.sites.map((s) => s.kind))
  const views = SITE_KINDS.map((kind) => ({ kind, view: evaluateTownView(data, asOfDate, { kind, milestone }, options) }))
    .filter(({ kind, view }) => used.has(kind) || view.target !== null)
  const header = [labels.code, labels.name, ...views.flatMap(({ kind }) => [labels.live, labels.total, labels.threshold, labels.gap, labels.statusHeader]
    .map((word) => `${labels.kind(kind)} ${word}`))]
  const first = views[0]?.view
  const towns = first ? [...first.towns, ...(first.root ? [first.root] : [])] : []
  const rows = towns.map((town) => [town.code, town.name, ...views.flatMap(({ view }) => {
    const row = view.towns.find((t) => t.code === town.code) ?? (view.root?.code === town.code ? view.root : null)
    return row ? [row.live, row.total, row.threshold, row.gap, labels.status(row.status)] : [null, null, null, null, '']
  })])
  return { name: '台账', header, rows }
}

/** The ledger as an XLSX file. */
export async function ledgerToXlsx(sheet: SheetData): Promise<Uint8Array> {
  return writeWorkbook([sheet])
}
