import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './support/browser'
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
    // The service worker has precached the shell and public/geo once it controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
      if (!navigator.serviceWorker.controller) {
        await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }))
      }
    })
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
})
