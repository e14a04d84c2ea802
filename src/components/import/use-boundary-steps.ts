import { useI18n } from 'vue-i18n'
import { mergeRegions } from '@/io/import/merge-regions'
import { useEditStore } from '@/stores/edits'
import { usePlanStore } from '@/stores/plan'
import type { ImportContext } from './use-import'

/** The boundary steps of the import: read the regions with the chosen fields and level, then swap them in. */
export function useBoundarySteps(context: ImportContext) {
  const { t } = useI18n()
  const plan = usePlanStore()
  const edits = useEditStore()
  const { boundary, boundaryReport, run } = context

  async function validateBoundaries(): Promise<void> {
    const options = { codeField: boundary.codeField || undefined, nameField: boundary.nameField || undefined, level: boundary.level, crs: context.choices.crs }
    boundaryReport.value = (await run(() => context.client().session.planBoundaries(options))) ?? null
  }

  /** One regions.replace commit: the plan's sites are re-assigned to the new regions as the plan re-evaluates. */
  async function importBoundaries(): Promise<void> {
    const analysis = boundaryReport.value
    const data = plan.data
    if (!analysis || !data || analysis.regions.length === 0) return
    const regions = mergeRegions(data.regions, analysis.regions)
    const label = t('import.boundaryLabel', { file: context.fileName.value, count: analysis.regions.length })
    const ok = await run(async () => (await edits.commit([{ type: 'regions.replace', regions }], label), true))
    if (ok) context.done.value = { added: 0, updated: 0, unchanged: 0, regions: analysis.regions.length }
  }

  return { validateBoundaries, importBoundaries }
}
