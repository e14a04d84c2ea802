import { toRaw, watch } from 'vue'
import { usePlanStore } from '@/stores/plan'
import type { ImportContext } from './use-import'

/**
 * Keeps the mapping step's live views current: the first rows on the map whenever the file, the lng/lat columns,
 * the coordinate system or the swap change (an applied fix changes the last two), and the distinct status and
 * kind values whenever those columns change. Both are computed in the worker on the table it holds; nothing is
 * stored. The worker answers in the order asked, so the last answer is the one for the current choices.
 */
export function useSitePreview(context: ImportContext): void {
  const plan = usePlanStore()
  const { choices, summary, mode } = context
  let regionsSent = false
  const report = (error: unknown): void => void (context.error.value = context.describe(error))

  async function refreshPreview(): Promise<void> {
    const session = context.client().session
    if (!regionsSent) {
      await session.setRegions(toRaw(plan.data?.regions ?? []))
      regionsSent = true
    }
    const reading = { mapping: { lng: choices.mapping.lng, lat: choices.mapping.lat }, crs: choices.crs, swap: choices.swap }
    context.preview.value = await session.preview(reading)
  }

  async function refreshValues(): Promise<void> {
    context.columnValues.value = await context.client().session.values({ status: choices.mapping.status, kind: choices.mapping.kind })
  }

  watch([summary, mode, () => choices.mapping.lng, () => choices.mapping.lat, () => choices.crs, () => choices.swap], () => {
    if (summary.value && mode.value === 'sites') refreshPreview().catch(report)
    else context.preview.value = null
  })
  watch([summary, () => choices.mapping.status, () => choices.mapping.kind], () => {
    if (summary.value) refreshValues().catch(report)
    else context.columnValues.value = []
  })
}
