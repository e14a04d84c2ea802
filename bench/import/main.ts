import { booleanPointInPolygon } from '@turf/turf'
import { transfer } from 'comlink'
import Dexie from 'dexie'
import type { CellValue } from 'exceljs'
import gcoord from 'gcoord'
import Papa from 'papaparse'
import { DEFAULT_CLUSTER_RULE, type PlanChange, type PlanData, type Region } from '@/core/model'
import { PlanSession } from '@/core/workspace/plan-session'
import { PlannerDatabase } from '@/db/database'
import { createPlan } from '@/db/plan-repository'
import { commitChange } from '@/db/plan-store'
import { loadExcel } from '@/io/load-excel'
import { createImportClient, fetchPlannedSites } from '@/workers/import-client'
import type { ImportMode, ImportRun } from './bench-api'

const PLAN_ID = 'import-bench'
/** The planner's as-of date while importing. */
const AS_OF = '2023-10-31'

type Timed = Omit<ImportRun, 'longestTaskMs' | 'longTasks' | 'longTaskTotalMs' | 'longestByPhase'> & { ends: Record<string, number> }
/** An import ready to run: the database opened and the plan created, outside the timed part. */
type Job = (format: 'csv' | 'xlsx', bytes: Uint8Array) => Promise<Timed>

/** Main-thread tasks over 50 ms (Long Tasks API) from now until `stop()`. */
function watchLongTasks(): { stop: (ends: Record<string, number>) => Promise<Pick<ImportRun, 'longestTaskMs' | 'longTasks' | 'longTaskTotalMs' | 'longestByPhase'>> } {
  const tasks: PerformanceEntry[] = []
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()))
  observer.observe({ type: 'longtask' })
  return {
    async stop(ends) {
      // Entries are delivered after their task: let a frame pass, then take what is still queued.
      await new Promise((done) => setTimeout(done, 100))
      tasks.push(...observer.takeRecords())
      observer.disconnect()
      const durations = tasks.map((e) => e.duration)
      // Each task is put down to the phase it started in (phases end at the times in `ends`, in order).
      const longestByPhase: Record<string, number> = {}
      for (const task of tasks) {
        const phase = Object.entries(ends).find(([, end]) => task.startTime < end)?.[0] ?? 'after'
        longestByPhase[phase] = Math.max(longestByPhase[phase] ?? 0, task.duration)
      }
      return { longestTaskMs: Math.max(0, ...durations), longTasks: durations.length, longTaskTotalMs: durations.reduce((a, b) => a + b, 0), longestByPhase }
    },
  }
}

function emptyPlan(regions: Region[]): PlanData {
  const now = new Date().toISOString()
  return {
    plan: { id: PLAN_ID, name: '平阴县（导入基准）', rootRegionCode: '370124000000', templateId: null, settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: false, createdAt: now, updatedAt: now },
    regions, sites: [], clusters: [], targets: [], indicators: [],
  }
}

/**
 * The app's path, as the import dialog takes it: the worker reads and validates (decode, parse, convert,
 * locate, match); the plan store applies the accepted sites to its counters (PlanSession: each site into the
 * engine's incremental counters, then the targets re-read, as the open planner does) and stores them in one commit.
 */
async function prepareOurs(regions: Region[]): Promise<Job> {
  await Dexie.delete(PLAN_ID)
  const db = new PlannerDatabase(PLAN_ID)
  const data = emptyPlan(regions)
  await createPlan(db, data)
  return (format, bytes) => importOurs(db, data, format, bytes)
}

async function importOurs(db: PlannerDatabase, data: PlanData, format: 'csv' | 'xlsx', bytes: Uint8Array): Promise<Timed> {
  const regions = data.regions
  // The open planner already has its counters on the as-of date when the user imports.
  const session = new PlanSession(data)
  session.evaluator(AS_OF).evaluate()
  const phases: Record<string, number> = {}, ends: Record<string, number> = {}
  let mark = performance.now()
  const lap = (name: string): void => {
    const now = performance.now()
    phases[name] = now - mark
    ends[name] = mark = now
  }
  const start = mark
  const client = createImportClient()
  const summary = await client.session.read(`register.${format}`, transfer(bytes, [bytes.buffer]), {})
  lap('read')
  const onProgress = client.progress(() => {})
  const plan = await client.session.planSites({ mapping: summary.mapping, crs: 'gcj02', swap: false, idPrefix: 'b' }, { regions, sites: [] }, onProgress)
  lap('validate')
  const sites = await fetchPlannedSites(client.session, plan.siteCount)
  lap('transfer')
  const changes: PlanChange[] = [{ type: 'sites.put', sites }]
  session.apply(changes)
  session.evaluator(AS_OF).evaluate()
  lap('apply')
  await commitChange(db, PLAN_ID, changes, { label: 'bench import' })
  lap('store')
  const ms = performance.now() - start
  client.close()
  db.close()
  return { mode: 'ours', format, ms, phases, ends, stored: sites.length }
}

/** A cell's text, as exceljs gives it: dates as ISO dates, formulas by their result, rich text by its text. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value !== 'object') return String(value).trim()
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim()
  if ('result' in value) return cellText(value.result as CellValue)
  return 'text' in value ? String(value.text).trim() : ''
}

/** The rows of the first sheet as objects by header, the way a page without a worker would read them. */
async function xlsxRows(bytes: Uint8Array): Promise<Array<Record<string, string>>> {
  const ExcelJS = await loadExcel()
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer)
  const sheet = workbook.worksheets[0]!
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''))
  const rows: Array<Record<string, string>> = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    const record: Record<string, string> = {}
    row.eachCell((cell, c) => (record[header[c]!] = cellText(cell.value)))
    rows.push(record)
  })
  return rows
}

/** The naive path: everything on the main thread — parse to objects, gcoord + turf per row, one Dexie row per site. */
async function prepareNaive(regions: Region[]): Promise<Job> {
  await Dexie.delete('import-bench-naive')
  const db = new Dexie('import-bench-naive')
  db.version(1).stores({ sites: '[planId+id], planId, kind, status' })
  await db.open()
  return (format, bytes) => importNaive(db, regions, format, bytes)
}

async function importNaive(db: Dexie, regions: Region[], format: 'csv' | 'xlsx', bytes: Uint8Array): Promise<Timed> {
  const towns = regions.filter((r) => r.level === 'town')
  const phases: Record<string, number> = {}
  const start = performance.now()
  const rows = format === 'csv'
    ? Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true }).data
    : await xlsxRows(bytes)
  phases.parse = performance.now() - start
  const ends: Record<string, number> = { parse: performance.now() }
  const sites = []
  for (const row of rows) {
    const [lng, lat] = gcoord.transform([Number(row['经度']), Number(row['纬度'])], gcoord.GCJ02, gcoord.WGS84) as [number, number]
    const town = towns.find((t) => booleanPointInPolygon([lng, lat], t.geometry!))
    if (town) sites.push({ planId: PLAN_ID, id: row['编号'], name: row['名称'], kind: 'merchant', status: row['状态'], operator: row['运营机构'], liveDate: row['上线日期'] || null, lng, lat, town: town.code })
  }
  phases.locate = performance.now() - start - phases.parse
  ends.locate = performance.now()
  await db.table('sites').bulkPut(sites)
  const ms = performance.now() - start
  phases.store = ms - phases.locate - phases.parse
  ends.store = performance.now()
  db.close()
  return { mode: 'naive', format, ms, phases, ends, stored: sites.length }
}

async function run(mode: ImportMode, format: 'csv' | 'xlsx', url: string, regions: Region[]): Promise<ImportRun> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer())
  const job = await (mode === 'ours' ? prepareOurs : prepareNaive)(regions)
  const longTasks = watchLongTasks()
  const { ends, ...result } = await job(format, bytes)
  return { ...result, ...await longTasks.stop(ends) }
}

window.importBench = { run }
