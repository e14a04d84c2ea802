import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { build, preview, type PreviewServer } from 'vite'
import type { BenchMode, ModeResult, PanResult } from './map/bench-api'
import { browserCpuMs } from './map-cpu'
import { printMapResults } from './map-report'

const ROOT = resolve(import.meta.dirname, '..')
const PAGE_ROOT = join(ROOT, 'bench/map')
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SITES = Number(process.env.BENCH_MAP_SITES ?? 200_000)
const BROWSER_TAG = `--map-bench-run=${process.pid}`

/** Builds the benchmark page (not the app) into a temporary folder and serves it with vite preview. */
async function servePage(outDir: string): Promise<PreviewServer> {
  const config = {
    configFile: false as const, root: PAGE_ROOT, base: './', logLevel: 'warn' as const,
    resolve: { alias: { '@': join(ROOT, 'src') } },
  }
  await build({ ...config, build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 } })
  return preview({ ...config, build: { outDir }, preview: { host: '127.0.0.1', port: 4291, strictPort: false } })
}

/** Debian's Chromium with software WebGL (SwiftShader); never a downloaded browser. */
function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`)
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--enable-unsafe-swiftshader',
      // Not a Chromium switch: a tag to find this browser's processes for their CPU time.
      BROWSER_TAG,
    ],
  })
}

const PAN_BLOCKS = 8
const PAN_BLOCK_FRAMES = 10
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length

/**
 * Panning at town zoom in alternating blocks, sites shown and hidden (an empty map, the same map otherwise): on a
 * shared machine the load changes by the second and both sides see the same load. Per frame: wall and CPU time.
 */
async function pan(page: Page): Promise<PanResult> {
  const wall: Record<'shown' | 'hidden', number[]> = { shown: [], hidden: [] }
  const cpu: Record<'shown' | 'hidden', number[]> = { shown: [], hidden: [] }
  for (let block = 0; block < PAN_BLOCKS; block++) {
    const side = block % 2 === 0 ? 'shown' : 'hidden'
    const before = browserCpuMs(BROWSER_TAG)
    wall[side].push(...await page.evaluate(([shown, frames]) => window.mapBench!.panBlock(shown, frames), [side === 'shown', PAN_BLOCK_FRAMES] as const))
    const after = browserCpuMs(BROWSER_TAG)
    if (before !== null && after !== null) cpu[side].push((after - before) / PAN_BLOCK_FRAMES)
  }
  const cpuOf = (values: number[]) => (values.length ? mean(values) : null)
  return { renderMs: mean(wall.shown), emptyMs: mean(wall.hidden), cpuMs: cpuOf(cpu.shown), emptyCpuMs: cpuOf(cpu.hidden) }
}

/** Each mode in a fresh page, so one's memory and caches do not weigh on the next. */
async function runMode(browser: Browser, origin: string, mode: BenchMode): Promise<ModeResult> {
  const page = await browser.newPage({ viewport: { width: 1300, height: 820 } })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  try {
    await page.goto(`${origin}/index.html`)
    await page.waitForFunction(() => window.mapBench !== undefined)
    const setup = await page.evaluate(([m, n]) => window.mapBench!.setup(m, n), [mode, SITES] as const)
    const result = { ...setup, pan: await pan(page) }
    await page.evaluate(() => window.mapBench!.teardown())
    return result
  } catch (error) {
    throw new Error(`map benchmark '${mode}' failed: ${(error as Error).message}\n${errors.join('\n')}`, { cause: error })
  } finally {
    await page.close()
  }
}

/**
 * Map rendering with 200,000 sites in headless Chromium (software WebGL): the site layer against the plain GeoJSON
 * approach and an empty map, measured in the same run; prints absolute figures, ratios and issue 6's goals.
 */
export async function runMapBenchmarks(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'map-bench-'))
  const server = await servePage(outDir)
  const browser = await launch()
  try {
    const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
    const results: ModeResult[] = []
    // BENCH_MAP_SKIP_GEOJSON=1 skips the slow plain approach while working on the layer.
    const modes: BenchMode[] = process.env.BENCH_MAP_SKIP_GEOJSON ? ['empty', 'layer'] : ['empty', 'layer', 'geojson']
    for (const mode of modes) results.push(await runMode(browser, origin, mode))
    printMapResults(results)
  } finally {
    await browser.close()
    await server.close()
    rmSync(outDir, { recursive: true, force: true })
  }
}
