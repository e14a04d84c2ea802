import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { build, preview, type PreviewServer } from 'vite'
import type { BenchMode, ModeResult } from './map/bench-api'
import { printMapResults } from './map-report'

const ROOT = resolve(import.meta.dirname, '..')
const PAGE_ROOT = join(ROOT, 'bench/map')
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SITES = Number(process.env.BENCH_MAP_SITES ?? 200_000)

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
    ],
  })
}

/** Each mode in a fresh page, so one's memory and caches do not weigh on the next. */
async function runMode(browser: Browser, origin: string, mode: BenchMode): Promise<ModeResult> {
  const page = await browser.newPage({ viewport: { width: 1300, height: 820 } })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  try {
    await page.goto(`${origin}/index.html`)
    await page.waitForFunction(() => window.mapBench !== undefined)
    return await page.evaluate(([m, n]) => window.mapBench!.run(m, n), [mode, SITES] as const)
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
    for (const mode of ['empty', 'layer', 'geojson'] as const) results.push(await runMode(browser, origin, mode))
    printMapResults(results)
  } finally {
    await browser.close()
    await server.close()
    rmSync(outDir, { recursive: true, force: true })
  }
}
