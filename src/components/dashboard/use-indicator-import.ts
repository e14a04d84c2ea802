import { computed, reactive, ref, shallowRef, toRaw, watch, type InjectionKey } from 'vue'
import type { TextEncodingChoice } from '@/io/decode-text'
import { readSourceTable } from '@/io/import/adapters'
import type { SourceTable } from '@/io/import/source-table'
import { analyseIndicators, mappingComplete, type IndicatorAnalysis } from '@/io/indicators/analyse-indicators'
import { guessIndicatorMapping, type IndicatorMapping } from '@/io/indicators/indicator-columns'
import { useBusyTask } from '@/composables/useBusyTask'
import { useEditStore } from '@/stores/edits'
import { usePlanStore } from '@/stores/plan'

/**
 * The indicator import's state and steps: read a CSV/XLSX (parsers load on first use), map its columns (guessed
 * from the header), validate against the plan's regions and observations, then store everything in one commit
 * (one change-log entry, one undo). Nothing touches the plan before `commit`.
 */
export function useIndicatorImport(label: (file: string, added: number, updated: number) => string) {
  const plan = usePlanStore()
  const edits = useEditStore()
  const fileName = ref('')
  const read = reactive<{ encoding: TextEncodingChoice, sheet?: string }>({ encoding: 'auto' })
  const table = shallowRef<SourceTable | null>(null)
  const mapping = ref<IndicatorMapping | null>(null)
  const analysis = shallowRef<IndicatorAnalysis | null>(null)
  const { busy, error, run } = useBusyTask()
  const done = ref<{ added: number, updated: number, unchanged: number } | null>(null)
  let bytes: Uint8Array | null = null
  // A report is for the mapping it was made with: another choice asks for a new validation.
  watch(mapping, () => (analysis.value = null), { deep: true })

  async function readFile(): Promise<void> {
    analysis.value = null
    done.value = null
    await run(async () => {
      table.value = null
      const result = await readSourceTable(fileName.value, bytes!, { ...read })
      if (result.format !== 'csv' && result.format !== 'xlsx') throw new Error(`${result.format.toUpperCase()}: CSV / XLSX`)
      table.value = result
      read.sheet = result.sheet
      mapping.value = guessIndicatorMapping(result.columns)
    })
  }

  async function chooseFile(file: File): Promise<void> {
    fileName.value = file.name
    bytes = new Uint8Array(await file.arrayBuffer())
    Object.assign(read, { encoding: 'auto', sheet: undefined })
    await readFile()
  }

  function validate(): void {
    const data = plan.data
    if (!data || !table.value || !mapping.value) return
    done.value = null
    analysis.value = analyseIndicators(table.value, toRaw(mapping.value), data.regions, data.plan.rootRegionCode, data.indicators)
  }

  async function commit(): Promise<void> {
    const result = analysis.value
    if (!result) return
    await run(async () => {
      const indicators = [...result.added, ...result.updated]
      await edits.commit([{ type: 'indicators.put', indicators }], label(fileName.value, result.added.length, result.updated.length))
      done.value = { added: result.added.length, updated: result.updated.length, unchanged: result.unchanged }
    })
  }

  const canValidate = computed(() => !busy.value && !!mapping.value && mappingComplete(mapping.value))
  const canCommit = computed(() => !busy.value && !done.value && !!analysis.value && analysis.value.added.length + analysis.value.updated.length > 0)
  return { fileName, read, table, mapping, analysis, error, busy, done, canValidate, canCommit, chooseFile, readFile, validate, commit }
}

export type IndicatorImportState = ReturnType<typeof useIndicatorImport>

/** How the import dialog hands its state to its steps. */
export const INDICATOR_IMPORT: InjectionKey<IndicatorImportState> = Symbol('indicator-import')
