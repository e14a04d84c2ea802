/**
 * Import benchmark (issue 5): a 100,000-row register (UTF-8 CSV with BOM, GCJ-02, Chinese header and values)
 * imported into a plan in headless Chromium through the app's code — the import worker reads, decodes,
 * converts, validates, locates and matches; the page applies the sites to the plan store's counters
 * (PlanSession) and stores them in one commit (src/db), as the planner does — and the same rows as XLSX. Beside it, in the same run and the same browser, the
 * naive way: everything on the main thread (papaparse or exceljs to objects, gcoord + turf per row, Dexie
 * bulkPut of one row per site). The Long Tasks API reports the main thread's longest task meanwhile. Not timed:
 * the app's re-render after the commit (table, map layers), which a bench page without the app does not have.
 * `npm run bench:import` runs it alone; `npm run bench` calls it. BENCH_IMPORT_ROWS, BENCH_IMPORT_RUNS.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { build, preview, type PreviewServer } from 'vite'
import type { Region } from '../src/core/model'
import type { ImportMode, ImportRun } from './import/bench-api'
import { ensureRegister, loadRegions } from './import/make-register'

const ROOT = resolve(import.meta.dirname, '..')
const PAGE_ROOT = join(ROOT, 'bench/import')
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000)
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3)

/** Builds the benchmark page (the app's worker and db code, not the app) with the register files beside it. */
async function servePage(outDir: string, files: string[]): Promise<PreviewServer> {
  const config = {
    configFile: false as const, root: PAGE_ROOT, base: './', logLevel: 'warn' as const,
    resolve: { alias: { '@': join(ROOT, 'src') } },
  }
  await build({ ...config, build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 }, worker: { format: 'es' } })
  mkdirSync(join(outDir, 'data'))
  for (const file of files) copyFileSync(file, join(outDir, 'data', basename(file)))
  return preview({ ...config, build: { outDir }, preview: { host: '127.0.0.1', port: 4295, strictPort: false } })
}

function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`)
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'] })
}

/** One import in a fresh page (and a fresh database), so one run's garbage does not weigh on the next. */
async function runOnce(browser: Browser, origin: string, mode: ImportMode, format: 'csv' | 'xlsx', regions: Region[]): Promise<ImportRun> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  try {
    await page.goto(`${origin}/index.html`)
    await page.waitForFunction(() => window.importBench !== undefined)
    return await page.evaluate(([m, f, url, r]) => window.importBench!.run(m, f, url, r), [mode, format, `data/register-${ROWS}.${format}`, regions] as const)
  } catch (error) {
    throw new Error(`import benchmark ${mode} ${format} failed: ${(error as Error).message}\n${errors.join('\n')}`, { cause: error })
  } finally {
    await page.close()
  }
}

const median = (runs: ImportRun[]): ImportRun => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!
const fmt = (ms: number): string => `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`
const goal = (ok: boolean, what: string): string => `${ok ? 'goal met' : 'GOAL MISSED'} (${what})`
const times = (baseline: number, ours: number): string => baseline >= ours ? `${(baseline / ours).toFixed(1)}× faster` : `${(ours / baseline).toFixed(1)}× slower`
const phases = (run: ImportRun): string => Object.entries(run.phases).map(([name, ms]) => `${name} ${fmt(ms)}`).join(', ')

/** Prints the figures: absolute, against the issue's goals, and against the naive way of the same run. */
export function printImportResults(ours: Record<'csv' | 'xlsx', ImportRun>, naive: Record<'csv' | 'xlsx', ImportRun>, runs: number): void {
  const log = (line: string): void => console.log(line)
  const { csv, xlsx } = ours
  log(`\n## Import: a ${ROWS.toLocaleString('en')}-row register into a plan (headless Chromium: import worker + IndexedDB)`)
  log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work slows every figure alike; compare the ratios)`)
  log(`ours: median of ${runs} runs, each in a fresh page; naive (main thread: parse to objects, gcoord + turf per row, Dexie bulkPut of one row per site): one run`)
  log(`CSV: ${fmt(csv.ms)} (${phases(csv)}), ${csv.stored.toLocaleString('en')} sites stored — ${goal(csv.ms <= 4000, '≤ 4,000 ms')}; naive ${fmt(naive.csv.ms)} (${phases(naive.csv)}) — ${times(naive.csv.ms, csv.ms)}`)
  log(`XLSX: ${fmt(xlsx.ms)} (${phases(xlsx)}) — ${(xlsx.ms / csv.ms).toFixed(2)}× the CSV time, ${goal(xlsx.ms / csv.ms <= 2.5, '≤ 2.5×')}; naive with exceljs ${fmt(naive.xlsx.ms)} (${phases(naive.xlsx)}) — ${times(naive.xlsx.ms, xlsx.ms)}`)
  for (const format of ['csv', 'xlsx'] as const) {
    const o = ours[format], n = naive[format]
    const where = Object.entries(o.longestByPhase).map(([phase, ms]) => `${phase} ${fmt(ms)}`).join(', ')
    log(`longest main-thread task, ${format.toUpperCase()}: ${fmt(o.longestTaskMs)} (${o.longTasks} tasks over 50 ms, ${fmt(o.longTaskTotalMs)} in all; longest per phase: ${where || 'none'}) — ${goal(o.longestTaskMs <= 100, '≤ 100 ms')}; naive ${fmt(n.longestTaskMs)} (${n.longTasks} tasks, ${fmt(n.longTaskTotalMs)}) — ${o.longTasks === 0 ? 'ours had none' : `ours ${(n.longestTaskMs / o.longestTaskMs).toFixed(1)}× shorter`}`)
  }
  if (csv.stored !== naive.csv.stored || xlsx.stored !== csv.stored) log(`NOTE: stored counts differ — ours CSV ${csv.stored}, XLSX ${xlsx.stored}, naive ${naive.csv.stored}`)
  else log(`both ways stored the same ${csv.stored.toLocaleString('en')} sites (rows outside every town rejected)`)
}

/** Generates the register (once), builds the page, runs each import in Chromium and prints the figures. */
export async function runImportBenchmarks(): Promise<void> {
  const regions = loadRegions()
  const files = await ensureRegister(regions, ROWS)
  const outDir = mkdtempSync(join(tmpdir(), 'import-bench-'))
  const server = await servePage(outDir, [files.csv, files.xlsx])
  const browser = await launch()
  try {
    const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
    const ours: Record<'csv' | 'xlsx', ImportRun[]> = { csv: [], xlsx: [] }
    // Alternating formats, so a change in the machine's load falls on both.
    for (let i = 0; i < RUNS; i++) for (const format of ['csv', 'xlsx'] as const) ours[format].push(await runOnce(browser, origin, 'ours', format, regions))
    const naive = { csv: await runOnce(browser, origin, 'naive', 'csv', regions), xlsx: await runOnce(browser, origin, 'naive', 'xlsx', regions) }
    printImportResults({ csv: median(ours.csv), xlsx: median(ours.xlsx) }, naive, RUNS)
  } finally {
    await browser.close()
    await server.close()
    rmSync(outDir, { recursive: true, force: true })
  }
}
