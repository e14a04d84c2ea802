import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_PATH, controlledByServiceWorker, launchChromium } from './support/browser'
import { convertOneCandidate, liveIn } from './support/site-edits'
import { PlannerPage } from './support/planner-page'

const origin = inject('appOrigin')
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
})

describe('the installed app works offline', () => {
  it('has a web app manifest with icons', async () => {
    const page = await context.newPage()
    await page.goto(origin)
    const href = await page.getAttribute('link[rel="manifest"]', 'href')
    expect(href).toBeTruthy()
    const manifest = await (await fetch(new URL(href!, origin))).json() as { name: string, icons: Array<{ sizes: string }> }
    expect(manifest.name).toBe('数字人民币场景推广规划图')
    expect(manifest.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512'])
    await page.close()
  })

  it('reloads with the network off: shell, map and the stored plan come back', async () => {
    const page = await context.newPage()
    const planner = new PlannerPage(page, origin)
    await planner.open()
    const online = await planner.rows()
    await controlledByServiceWorker(page)
    await context.setOffline(true)
    try {
      await page.reload()
      await page.waitForSelector('[data-testid="coverage:row"]', { timeout: 30_000 })
      await page.waitForSelector('[data-testid="map:canvas"][data-map-idle="true"]', { timeout: 30_000 })
      expect(await planner.rows()).toEqual(online)
      expect((await planner.mapPixels()).live).toBeGreaterThan(0.0005)

      // Edits still save with no network: convert one merchant, reload offline again, and it is there.
      const before = await liveIn(page)
      await convertOneCandidate(page)
      expect(await liveIn(page)).toBe(before + 1)
      await page.reload()
      await page.waitForSelector('[data-testid="coverage:row"]', { timeout: 30_000 })
      expect(await liveIn(page)).toBe(before + 1)
    } finally {
      await context.setOffline(false)
    }
  })

  it('comes back after a browser restart with the network off, with the edit made before it', async () => {
    // A profile on disk, as a tablet keeps it: the service worker's caches and IndexedDB outlive the browser.
    const profile = mkdtempSync(join(tmpdir(), 'planner-restart-'))
    /** Starts the browser on the profile, runs `use` in its page, and quits the browser. */
    const session = async <T>(offline: boolean, use: (planner: PlannerPage) => Promise<T>): Promise<T> => {
      const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 }, offline })
      try {
        const planner = new PlannerPage(browser.pages()[0] ?? await browser.newPage(), origin)
        await planner.open()
        return await use(planner)
      } finally {
        await browser.close()
      }
    }
    try {
      const before = await session(false, async (planner) => {
        await controlledByServiceWorker(planner.page)
        await convertOneCandidate(planner.page)
        return { live: await liveIn(planner.page), rows: await planner.rows() }
      })
      await session(true, async (planner) => {
        expect(await liveIn(planner.page)).toBe(before.live)
        expect(await planner.rows()).toEqual(before.rows)
        expect((await planner.mapPixels()).live).toBeGreaterThan(0.0005)
        // And it keeps saving: another merchant goes live with the network still off.
        await convertOneCandidate(planner.page)
        expect(await liveIn(planner.page)).toBe(before.live + 1)
      })
    } finally {
      rmSync(profile, { recursive: true, force: true })
    }
  })
})
