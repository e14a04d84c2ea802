/**
 * Storage benchmark (issue 4): 500,000 sites stored, opened and edited through src/db in headless Chromium with
 * an on-disk profile, each figure printed as an absolute time and as a ratio against Dexie bulkPut/toArray of
 * one row per site measured in the same run. A Chrome trace of the second page says how much of the open and of
 * the saves was V8 garbage collection, with the megabytes it copied. `npm run bench` calls it after the engine benchmarks;
 * `npx tsx bench/storage.ts` runs it alone. BENCH_STORAGE_SITES / BENCH_STORAGE_BASELINE change the sizes.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { build, preview, type PreviewServer } from 'vite'
import { editMark, OPEN_MARKS, type StorageResult } from './storage/bench-api'
import { gcBetween, traceGc, type GcShare } from './storage/gc-trace'

const ROOT = resolve(import.meta.dirname, '..')
const PAGE_ROOT = join(ROOT, 'bench/storage')
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SITES = Number(process.env.BENCH_STORAGE_SITES ?? 500_000)
const BASELINE = Number(process.env.BENCH_STORAGE_BASELINE ?? 100_000)

/** Builds the benchmark page (not the app) into a temporary folder and serves it with vite preview. */
async function servePage(outDir: string): Promise<PreviewServer> {
  const config = {
    configFile: false as const, root: PAGE_ROOT, base: './', logLevel: 'warn' as const,
    resolve: { alias: { '@': join(ROOT, 'src') } },
  }
  await build({ ...config, build: { outDir, emptyOutDir: true, target: 'es2022', minify: false, chunkSizeWarningLimit: 10_000 } })
  return preview({ ...config, build: { outDir }, preview: { host: '127.0.0.1', port: 4293, strictPort: false } })
}

/** A persistent profile: a default (incognito) context would keep IndexedDB in memory, not on disk as users have it. */
function launch(profileDir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`)
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'],
  })
}

/** Runs `step` in a fresh page, so one step's garbage does not weigh on the next. */
async function inPage<T>(context: BrowserContext, origin: string, step: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  try {
    await page.goto(`${origin}/index.html`)
    await page.waitForFunction(() => window.storageBench !== undefined)
    return await step(page)
  } catch (error) {
    throw new Error(`storage benchmark failed: ${(error as Error).message}\n${errors.join('\n')}`, { cause: error })
  } finally {
    await page.close()
  }
}

/** The garbage collection inside the open, the first save and the slowest of the others (null: not traced). */
interface GcShares {
  open: GcShare | null
  firstEdit: GcShare | null
  worstEdit: GcShare | null
}

async function measure(origin: string, profileDir: string): Promise<StorageResult & { gc: GcShares }> {
  const context = await launch(profileDir)
  try {
    const stored = await inPage(context, origin, (page) => page.evaluate(([sites, baseline]) => window.storageBench!.store(sites, baseline), [SITES, BASELINE] as const))
    const [opened, trace] = await inPage(context, origin, (page) => traceGc(context, page, () => page.evaluate((sites) => window.storageBench!.open(sites), SITES)))
    const rest = opened.editTimes.slice(1)
    const worst = 1 + rest.indexOf(Math.max(...rest))
    const gc = {
      open: gcBetween(trace, OPEN_MARKS.start, OPEN_MARKS.end),
      firstEdit: gcBetween(trace, editMark(0, 'start'), editMark(0, 'end')),
      worstEdit: gcBetween(trace, editMark(worst, 'start'), editMark(worst, 'end')),
    }
    return { ...stored, ...opened, gc }
  } finally {
    await context.close()
  }
}

const fmt = (ms: number): string => `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`
const goal = (ms: number, limit: number): string => `${ms <= limit ? 'goal met' : 'GOAL MISSED'} (≤ ${limit.toLocaleString('en')} ms)`
const times = (baseline: number, ours: number): string => baseline >= ours ? `${(baseline / ours).toFixed(1)}× faster` : `${(ours / baseline).toFixed(1)}× slower`

const gcText = (share: GcShare | null, of: number): string => share
  ? `${fmt(share.ms)} of ${fmt(of)}${share.copiedMB >= 0.1 ? ` (scavenges copied ${share.copiedMB.toFixed(0)} MB of young objects)` : ''}${share.fullCollections ? `, ${share.fullCollections} full collection(s)` : ''}`
  : 'not traced'

/** Prints the figures, each with its goal and its ratio to the naive baseline of the same run. */
export function printStorageResults(r: StorageResult & { gc: GcShares }): void {
  const scale = r.siteCount / r.baselineCount
  const naivePut = r.naive.bulkPutMs * scale
  const naiveRead = r.naive.toArrayMs * scale
  const log = (line: string): void => console.log(line)
  log(`\n## Storage: ${r.siteCount.toLocaleString('en')} sites in IndexedDB (headless Chromium, on-disk profile)`)
  log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine slows every figure alike; compare the ratios)`)
  log(`baseline: Dexie, one row per site, [planId+id] key + indexes planId, kind, status — measured on ${r.baselineCount.toLocaleString('en')} rows, scaled ×${scale} (linear) to ${r.siteCount.toLocaleString('en')}`)
  log(`store ${r.siteCount.toLocaleString('en')} imported sites (createPlan): ${fmt(r.storeMs)} — ${goal(r.storeMs, 2000)}; naive bulkPut ${fmt(naivePut)} (${fmt(r.naive.bulkPutMs)} measured) — ${times(naivePut, r.storeMs)}`)
  log(`open the plan on a fresh page (loadPlan: PlanData.sites in memory): ${fmt(r.openMs)} — ${goal(r.openMs, 1000)}; naive toArray ${fmt(naiveRead)} (${fmt(r.naive.toArrayMs)} measured) — ${times(naiveRead, r.openMs)}`)
  log(`save one edited site (commitChange, with its change log entry): median ${fmt(r.editMedianMs)}, worst ${fmt(r.editMaxMs)} of ${r.edits}; first after open ${fmt(r.firstEditMs)} — ${goal(Math.max(r.firstEditMs, r.editMaxMs), 20)} for the first and the worst; naive put of one row ${fmt(r.naive.putOneMs)} — ${times(r.naive.putOneMs, r.editMedianMs)}`)
  log(`of which V8 garbage collection (traced): first save ${gcText(r.gc.firstEdit, r.firstEditMs)}; slowest other save ${gcText(r.gc.worstEdit, r.editMaxMs)}; the open ${gcText(r.gc.open, r.openMs)}`)
  log(`where the time goes: encoding all sites into chunk columns ${fmt(r.encodeMs)} and decoding them ${fmt(r.decodeMs)} (CPU, no IndexedDB); reading the chunk rows alone ${fmt(r.readChunksMs)}`)
  log(`open with ${r.edits + 1} edits since the last compaction: ${fmt(r.openWithEditsMs)}; undo of one edit: ${fmt(r.undoMs)}; compaction (rewrite all chunks): ${fmt(r.compactMs)}`)
  if (r.usedBytes !== null) log(`origin storage after the import: ${(r.usedBytes / 1e6).toFixed(0)} MB`)
  log('figures checked: the opened plan equals the stored one on sampled sites, before and after the edits')
}

/** Builds the page, runs it in Chromium and prints the storage figures. */
export async function runStorageBenchmarks(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'storage-bench-'))
  const profileDir = mkdtempSync(join(tmpdir(), 'storage-bench-profile-'))
  const server = await servePage(outDir)
  try {
    const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
    printStorageResults(await measure(origin, profileDir))
  } finally {
    await server.close()
    rmSync(outDir, { recursive: true, force: true })
    rmSync(profileDir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runStorageBenchmarks()
