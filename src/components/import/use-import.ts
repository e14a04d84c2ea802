import { transfer } from 'comlink'
import { computed, reactive, ref, shallowRef, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import type { RegionLevel } from '@/core/model'
import { errorText } from '@/i18n/error-text'
import type { Crs } from '@/io/crs'
import type { TextEncodingChoice } from '@/io/decode-text'
import type { BoundaryAnalysis } from '@/io/import/analyse-boundaries'
import type { ColumnMapping } from '@/io/import/column-mapping'
import type { SitePreview } from '@/io/import/preview-sites'
import type { TableSummary } from '@/io/import/site-import'
import type { ColumnValues, ValueMapping } from '@/io/import/value-mapping'
import { createImportClient, type ImportClient } from '@/workers/import-client'
import type { SiteImportReport } from '@/workers/import-session'
import { useBoundarySteps } from './use-boundary-steps'
import { useSitePreview } from './use-site-preview'
import { useSiteSteps } from './use-site-steps'

/** What the import dialog imports: sites (a register) or boundaries (towns/villages). */
export type ImportMode = 'sites' | 'boundaries'

/** The summary of the file read, with the boundary fields guessed for it. */
type Summary = TableSummary & { boundaryFields: { codeField?: string, nameField?: string } }

/** The dialog's state, shared by its steps. */
function createImportState() {
  return {
    mode: ref<ImportMode>('sites'),
    fileName: ref(''),
    read: reactive<{ encoding: TextEncodingChoice, sheet?: string }>({ encoding: 'auto' }),
    summary: shallowRef<Summary | null>(null),
    choices: reactive({ mapping: {} as ColumnMapping, crs: 'wgs84' as Crs, swap: false, values: {} as ValueMapping }),
    /** The first rows on the map, as the current choices read them (nothing stored). */
    preview: shallowRef<SitePreview | null>(null),
    /** The values found in the mapped status and kind columns. */
    columnValues: shallowRef<ColumnValues[]>([]),
    boundary: reactive({ codeField: '', nameField: '', level: 'town' as RegionLevel }),
    report: shallowRef<SiteImportReport | null>(null),
    boundaryReport: shallowRef<BoundaryAnalysis | null>(null),
    progress: ref<{ done: number, total: number } | null>(null),
    busy: ref(false),
    error: ref(''),
    done: ref<{ added: number, updated: number, unchanged: number, regions?: number } | null>(null),
  }
}

/** The state plus what every step needs: the worker, a runner that shows busy and errors, and the errors' words. */
export type ImportContext = ReturnType<typeof createImportState> & {
  client: () => ImportClient
  run: <T>(task: () => Promise<T>) => Promise<T | undefined>
  /** A failure as the dialog shows it, in the user's language where the error says why (a full disk). */
  describe: (error: unknown) => string
}

function createContext(describe: (error: unknown) => string): ImportContext & { close: () => void } {
  const state = createImportState()
  let client: ImportClient | null = null
  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    state.busy.value = true
    state.error.value = ''
    try {
      return await task()
    } catch (e) {
      state.error.value = describe(e)
      return undefined
    } finally {
      state.busy.value = false
      state.progress.value = null
    }
  }
  const close = (): void => {
    client?.close()
    client = null
  }
  return { ...state, run, describe, client: () => (client ??= createImportClient()), close }
}

/**
 * The import dialog's state and steps. Reading and validation run in the import worker; the plan is touched
 * only by `importSites`/`importBoundaries`, in one commit (one change-log entry), so closing the dialog at any
 * earlier step leaves the database as it was.
 */
export function useImport() {
  const { t } = useI18n()
  const context = createContext((error) => errorText(t, error))
  let bytes: Uint8Array | null = null

  async function readFile(): Promise<void> {
    context.report.value = null
    context.boundaryReport.value = null
    context.done.value = null
    // A copy crosses to the worker (transferred, not cloned), so the user can re-read with another encoding.
    const copy = bytes!.slice()
    const result = await context.run(() => context.client().session.read(context.fileName.value, transfer(copy, [copy.buffer]), { ...context.read }))
    context.summary.value = result ?? null
    if (!result) return
    context.read.sheet = result.sheet
    Object.assign(context.choices, { mapping: { ...result.mapping }, crs: result.crs, swap: false, values: {} })
    Object.assign(context.boundary, { codeField: result.boundaryFields.codeField ?? '', nameField: result.boundaryFields.nameField ?? '' })
  }

  async function chooseFile(file: File): Promise<void> {
    context.fileName.value = file.name
    bytes = new Uint8Array(await file.arrayBuffer())
    Object.assign(context.read, { encoding: 'auto', sheet: undefined })
    await readFile()
  }

  useSitePreview(context)
  const canImport = computed(() => !context.busy.value && (context.report.value?.accepted ?? 0) > 0 && !context.done.value)
  return { ...context, canImport, chooseFile, readFile, ...useSiteSteps(context), ...useBoundarySteps(context) }
}

/** The import state handed to the dialog's step components. */
export type ImportState = ReturnType<typeof useImport>

/** How the dialog hands its state to its steps. */
export const IMPORT_STATE: InjectionKey<ImportState> = Symbol('import-state')
