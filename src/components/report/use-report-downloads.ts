import { toRaw } from 'vue'
import { useI18n } from 'vue-i18n'
import { downloadBlob } from '@/composables/download'
import { useBusyTask } from '@/composables/useBusyTask'
import type { PlanData, Site, SiteKind } from '@/core/model'
import type { ReportModel } from '@/core/workspace/report-data'
import type { TownRow } from '@/core/workspace/town-view'
import type { ReportColumn, ReportWorkbookLabels } from '@/io/export/report-workbook'
import { usePlanStore } from '@/stores/plan'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** What a map figure shows: one kind's rows per town on a date, against one target. */
export interface MapFigureSource {
  rows: TownRow[]
  kind: SiteKind
  date: string
  targetTitle: string | null
}

/**
 * The report's downloads: its tables as one XLSX workbook and the coverage map as a print-resolution PNG. The
 * writers (and exceljs) load on first use, so neither costs the report's first load anything.
 */
export function useReportDownloads() {
  const { t, n, te } = useI18n()
  const plan = usePlanStore()
  const { busy, error, run } = useBusyTask((message) => t('report.downloadFailed', { message }))

  function workbookLabels(): ReportWorkbookLabels {
    const words: ReportColumn[] = ['region', 'code', 'town', 'kind', 'live', 'total', 'share', 'threshold', 'due', 'gap', 'status', 'projected', 'asOf', 'target', 'metric', 'measure', 'value', 'source', 'sourceText', 'name', 'siteStatus', 'operator', 'planned', 'address']
    return {
      sheet: { summary: t('report.xlsx.summary'), targets: t('report.xlsx.targets'), coverage: (kind) => t('report.xlsx.coverage', { kind }), nextMonth: t('report.xlsx.nextMonth') },
      column: Object.fromEntries(words.map((w) => [w, t(`report.xlsx.${w}`)])) as ReportWorkbookLabels['column'],
      kind: (kind) => t(`kind.${kind}`),
      status: (status) => t(`targetStatus.${status}`),
      metric: (metric) => t(`report.xlsx.metrics.${metric}`),
      indicator: (indicator) => t(`indicator.key.${indicator}`),
      siteStatus: (status) => t(`status.${status}`),
      operator: (operator) => (te(`operator.${operator}`) ? t(`operator.${operator}`) : operator),
    }
  }

  /** The report's tables for its month, from the model the page shows. */
  async function downloadWorkbook(data: PlanData, model: ReportModel): Promise<void> {
    await run(async () => {
      const { reportSheets, reportToXlsx } = await import('@/io/export/report-workbook')
      const towns = new Set(model.towns.map((town) => town.code))
      const townOf = (site: Site): string | null => plan.assignment?.regionsBySite.get(site.id)?.find((code) => towns.has(code)) ?? null
      const bytes = await reportToXlsx(reportSheets(toRaw(data), model, townOf, workbookLabels()))
      downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), `${data.plan.name}-${t('report.nav')}-${model.month}.xlsx`)
    })
  }

  /** The coverage map of `source` as an A4-landscape PNG at 300 dpi. */
  async function downloadMap(data: PlanData, source: MapFigureSource): Promise<void> {
    await run(async () => {
      const [{ layoutPrintMap }, { mapFrame, renderMapPng }] = await Promise.all([import('@/core/workspace/print-map'), import('./render-map-png')])
      const frame = mapFrame()
      const layout = layoutPrintMap(toRaw(data).regions, source.rows, frame.width, frame.height)
      const root = data.regions.find((r) => r.code === data.plan.rootRegionCode)
      const approximate = data.regions.some((r) => r.level === 'town' && r.approximate)
      const blob = await renderMapPng(layout, {
        title: t('report.png.title', { county: root?.name ?? '', kind: t(`kind.${source.kind}`) }),
        subtitle: t('report.png.subtitle', { plan: data.plan.name, date: source.date, target: source.targetTitle ?? t('report.png.none') }),
        legendTitle: t('report.png.legend'),
        status: (status) => (status === 'none' ? t('report.png.none') : t(`targetStatus.${status}`)),
        townLine: (row) => t('report.png.townLine', { live: n(row.live), total: n(row.total), share: n(row.share, 'percent') }),
        gapLine: (row) => (row.gap ? t('report.png.gapLine', { gap: n(row.gap) }) : null),
        table: {
          header: [t('report.xlsx.town'), t('report.liveTotal'), t('coverage.share'), t('coverage.gap')],
          cells: (row) => [row.name, `${n(row.live)} / ${n(row.total)}`, n(row.share, 'percent'), row.gap ? n(row.gap) : ''],
        },
        north: t('report.png.north'),
        scale: (meters) => (meters >= 1000 ? `${n(meters / 1000)} km` : `${n(meters)} m`),
        footer: [t('map.attribution'), ...(approximate ? [t('report.png.approximate')] : []), t('report.png.source', { plan: data.plan.name })],
      })
      downloadBlob(blob, `${data.plan.name}-${t(`kind.${source.kind}`)}-${source.date}.png`)
    })
  }

  return { error, busy, downloadWorkbook, downloadMap }
}
