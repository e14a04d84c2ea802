import { transfer } from 'comlink'
import { computed, reactive, ref, shallowRef, toRaw, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import type { RegionLevel } from '@/core/model'
import { downloadBlob } from '@/composables/download'
import type { Crs } from '@/io/crs'
import type { TextEncodingChoice } from '@/io/decode-text'
import type { BoundaryAnalysis } from '@/io/import/analyse-boundaries'
import type { ColumnMapping } from '@/io/import/column-mapping'
import { mergeRegions } from '@/io/import/merge-regions'
import type { SiteImportPlan, TableSummary } from '@/io/import/site-import'
import { useEditStore } from '@/stores/edits'
import { usePlanStore } from '@/stores/plan'
import { createImportClient, type ImportClient } from '@/workers/import-client'

/** What the import dialog imports: sites (a register) or boundaries (towns/villages). */
export type ImportMode = 'sites' | 'boundaries'

/** The summary of the file read, with the boundary fields guessed for it. */
type Summary = TableSummary & { boundaryFields: { codeField?: string, nameField?: string } }

/**
 * The import dialog's state and steps. Reading and validation run in the import worker; the plan is touched
 * only by `importSites`/`importBoundaries`, in one commit (one change-log entry), so closing the dialog at any
 * earlier step leaves the database as it was.
 */
export function useImport() {
  const { t } = useI18n()
  const plan = usePlanStore()
  const edits = useEditStore()
  let client: ImportClient | null = null
  const mode = ref<ImportMode>('sites')
  const fileName = ref('')
  let bytes: Uint8Array | null = null
  const read = reactive<{ encoding: TextEncodingChoice, sheet?: string }>({ encoding: 'auto' })
  const summary = shallowRef<Summary | null>(null)
  const choices = reactive({ mapping: {} as ColumnMapping, crs: 'wgs84' as Crs, swap: false })
  const boundary = reactive({ codeField: '', nameField: '', level: 'town' as RegionLevel })
  const report = shallowRef<SiteImportPlan | null>(null)
  const boundaryReport = shallowRef<BoundaryAnalysis | null>(null)
  const progress = ref<{ done: number, total: number } | null>(null)
  const busy = ref(false)
  const error = ref('')
  const done = ref<{ added: number, updated: number, unchanged: number, regions?: number } | null>(null)

  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    error.value = ''
    try {
      return await task()
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      return undefined
    } finally {
      busy.value = false
      progress.value = null
    }
  }

  function session() {
    client ??= createImportClient()
    return client
  }

  async function readFile(): Promise<void> {
    report.value = null
    boundaryReport.value = null
    done.value = null
    const copy = bytes!.slice()
    const result = await run(() => session().session.read(fileName.value, transfer(copy, [copy.buffer]), { ...read }))
    summary.value = result ?? null
    if (!result) return
    read.sheet = result.sheet
    Object.assign(choices, { mapping: { ...result.mapping }, crs: result.crs, swap: false })
    Object.assign(boundary, { codeField: result.boundaryFields.codeField ?? '', nameField: result.boundaryFields.nameField ?? '' })
  }

  async function chooseFile(file: File): Promise<void> {
    fileName.value = file.name
    bytes = new Uint8Array(await file.arrayBuffer())
    Object.assign(read, { encoding: 'auto', sheet: undefined })
    await readFile()
  }

  async function validate(): Promise<void> {
    const data = plan.data
    if (!data || !summary.value) return
    const onProgress = session().progress((doneRows: number, total: number) => (progress.value = { done: doneRows, total }))
    const planned = { regions: toRaw(data.regions), sites: toRaw(data.sites) }
    const request = { mapping: { ...choices.mapping }, crs: choices.crs, swap: choices.swap, idPrefix: `imp${Date.now().toString(36)}` }
    report.value = (await run(() => session().session.planSites(request, planned, onProgress))) ?? null
  }

  async function applyFix(): Promise<void> {
    const fix = report.value?.fix
    if (!fix) return
    Object.assign(choices, { crs: fix.crs, swap: fix.swap })
    await validate()
  }

  async function downloadRejected(): Promise<void> {
    const csv = await run(() => session().session.rejectedCsv())
    if (csv !== undefined) downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${fileName.value.replace(/\.[^.]+$/, '')}-rejected.csv`)
  }

  async function importSites(): Promise<void> {
    const planned = report.value
    if (!planned || planned.sites.length === 0) {
      if (planned) done.value = { added: 0, updated: 0, unchanged: planned.unchanged }
      return
    }
    const label = t('import.label', { file: fileName.value, added: planned.added, updated: planned.updated })
    const ok = await run(async () => (await edits.commit([{ type: 'sites.put', sites: planned.sites }], label), true))
    if (ok) done.value = { added: planned.added, updated: planned.updated, unchanged: planned.unchanged }
  }

  async function validateBoundaries(): Promise<void> {
    const options = { codeField: boundary.codeField || undefined, nameField: boundary.nameField || undefined, level: boundary.level, crs: choices.crs }
    boundaryReport.value = (await run(() => session().session.planBoundaries(options))) ?? null
  }

  async function importBoundaries(): Promise<void> {
    const analysis = boundaryReport.value
    const data = plan.data
    if (!analysis || !data || analysis.regions.length === 0) return
    const regions = mergeRegions(data.regions, analysis.regions)
    const ok = await run(async () => (await edits.commit([{ type: 'regions.replace', regions }], t('import.boundaryLabel', { file: fileName.value, count: analysis.regions.length })), true))
    if (ok) done.value = { added: 0, updated: 0, unchanged: 0, regions: analysis.regions.length }
  }

  function close(): void {
    client?.close()
    client = null
  }

  const canImport = computed(() => !busy.value && (report.value?.accepted ?? 0) > 0 && !done.value)
  return {
    mode, fileName, read, summary, choices, boundary, report, boundaryReport, progress, busy, error, done, canImport,
    chooseFile, readFile, validate, applyFix, downloadRejected, importSites, validateBoundaries, importBoundaries, close,
  }
}

/** The import state handed to the dialog's step components. */
export type ImportState = ReturnType<typeof useImport>

/** How the dialog hands its state to its steps. */
export const IMPORT_STATE: InjectionKey<ImportState> = Symbol('import-state')
