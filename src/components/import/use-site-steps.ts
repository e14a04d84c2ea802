import { toRaw } from 'vue'
import { useI18n } from 'vue-i18n'
import { downloadBlob } from '@/composables/download'
import { useEditStore } from '@/stores/edits'
import { usePlanStore } from '@/stores/plan'
import { fetchPlannedSites } from '@/workers/import-client'
import type { ImportContext } from './use-import'

/** The site steps of the import: validate against the open plan, apply a suggested fix, download rejects, import. */
export function useSiteSteps(context: ImportContext) {
  const { t } = useI18n()
  const plan = usePlanStore()
  const edits = useEditStore()
  const { choices, report, done, fileName, run } = context

  async function validate(): Promise<void> {
    const data = plan.data
    if (!data || !context.summary.value) return
    const onProgress = context.client().progress((doneRows: number, total: number) => (context.progress.value = { done: doneRows, total }))
    const planned = { regions: toRaw(data.regions), sites: toRaw(data.sites) }
    // A fresh id prefix per validation: ids of new rows never collide with an earlier import's.
    const values = { status: { ...choices.values.status }, kind: { ...choices.values.kind } }
    const request = { mapping: { ...choices.mapping }, crs: choices.crs, swap: choices.swap, values, idPrefix: `imp${Date.now().toString(36)}` }
    report.value = (await run(() => context.client().session.planSites(request, planned, onProgress))) ?? null
  }

  async function applyFix(): Promise<void> {
    const fix = report.value?.fix
    if (!fix) return
    Object.assign(choices, { crs: fix.crs, swap: fix.swap })
    await validate()
  }

  async function downloadRejected(): Promise<void> {
    const csv = await run(() => context.client().session.rejectedCsv())
    if (csv !== undefined) downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${fileName.value.replace(/\.[^.]+$/, '')}-rejected.csv`)
  }

  /** One commit for every accepted row: all of them are stored with one change-log entry, or none. */
  async function importSites(): Promise<void> {
    const planned = report.value
    if (!planned) return
    const figures = { added: planned.added, updated: planned.updated, unchanged: planned.unchanged }
    if (planned.siteCount === 0) {
      done.value = figures
      return
    }
    const label = t('import.label', { file: fileName.value, added: planned.added, updated: planned.updated })
    const ok = await run(async () => {
      const sites = await fetchPlannedSites(context.client().session, planned.siteCount)
      await edits.commit([{ type: 'sites.put', sites }], label)
      return true
    })
    if (ok) done.value = figures
  }

  return { validate, applyFix, downloadRejected, importSites }
}
