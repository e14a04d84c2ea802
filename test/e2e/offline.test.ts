import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './support/browser'
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
      const live = async (): Promise<number> => Number(await page.textContent('[data-testid="coverage:row"][data-code="370124105000"] [data-testid="coverage:live"]'))
      const before = await live()
      await page.click('[data-testid="tab:sites"]')
      await page.selectOption('[data-testid="filter:town"]', '370124105000')
      await page.click('[data-testid="filter:status"][data-value="candidate"]')
      await page.click('[data-testid="filter:kind"][data-value="merchant"]')
      await page.click('[data-testid="site:list-item"]')
      await page.click('[data-testid="site:edit"]')
      await page.click('[data-testid="site:set-status"][data-value="live"]')
      await page.click('[data-testid="site:save"]')
      await page.waitForSelector('[data-testid="site:edit"]')
      await page.click('[data-testid="tab:coverage"]')
      expect(await live()).toBe(before + 1)
      await page.reload()
      await page.waitForSelector('[data-testid="coverage:row"]', { timeout: 30_000 })
      expect(await live()).toBe(before + 1)
    } finally {
      await context.setOffline(false)
    }
  })
})
