import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { controlledByServiceWorker, launchChromium } from './support/browser'
import { PlannerPage } from './support/planner-page'
import { openCandidateForm } from './support/site-edits'
import { serveFolder } from './support/static-server'

// The build the global setup made, copied so this spec can release a new version of it while a page is open.
const BUILD = resolve(import.meta.dirname, '../../dist')
let folder: string
let server: Awaited<ReturnType<typeof serveFolder>>
let browser: Browser

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'planner-release-'))
  cpSync(BUILD, folder, { recursive: true })
  server = await serveFolder(folder)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(folder, { recursive: true, force: true })
})

/** Puts a new release in place: a changed index.html, and a service worker that lists its new revision. */
function releaseNextVersion(): void {
  const index = join(folder, 'index.html')
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head><meta name="release" content="next">'))
  const worker = join(folder, 'sw.js')
  const before = readFileSync(worker, 'utf8')
  const after = before.replace(/("url": "index\.html",\s*"revision": ")[0-9a-f]+"/, '$1next-release"')
  if (after === before) throw new Error('sw.js does not list index.html with a revision: the precache format changed')
  writeFileSync(worker, after)
}

const MAP_IDLE = '[data-testid="map:canvas"][data-map-idle="true"]'
const release = (page: Page): Promise<string | null> => page.evaluate(() => document.querySelector('meta[name="release"]')?.getAttribute('content') ?? null)

describe('an update of the app', () => {
  it('is offered, not forced: the work in progress stays until the user applies it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    try {
      const page = await context.newPage()
      const planner = new PlannerPage(page, server.origin)
      await planner.open()
      await controlledByServiceWorker(page)
      // Work in progress: a site's form open with a name typed and not saved.
      await openCandidateForm(page)
      await page.fill('[data-testid="site:edit-name"]', '尚未保存的名称')
      await page.evaluate(() => { (window as unknown as { sameDocument: boolean }).sameDocument = true })

      releaseNextVersion()
      await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update() })
      await page.waitForSelector('[data-testid="app:update"]', { timeout: 30_000 })
      expect(await page.innerText('[data-testid="app:update"]')).toContain('新版本已就绪')
      // Offered, and nothing more: seconds later the page, the typed name and the old version are all still there.
      await page.waitForTimeout(2_000)
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
      expect(await page.inputValue('[data-testid="site:edit-name"]')).toBe('尚未保存的名称')
      expect(await release(page)).toBeNull()

      // "Later" hides the offer; the update waits. Applying it reloads into the new version.
      await page.click('[data-testid="app:update-later"]')
      expect(await page.locator('[data-testid="app:update"]').count()).toBe(0)
      await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update() })
      expect(await release(page)).toBeNull()
      // A reload is not an update either: the old version comes back and offers the new one again.
      await page.reload()
      await page.waitForSelector(MAP_IDLE, { timeout: 30_000 })
      await page.waitForSelector('[data-testid="app:update"]', { timeout: 30_000 })
      expect(await release(page)).toBeNull()
      await Promise.all([page.waitForEvent('load'), page.click('[data-testid="app:update-apply"]')])
      await page.waitForSelector(MAP_IDLE, { timeout: 30_000 })
      expect(await release(page)).toBe('next')
    } finally {
      await context.close()
    }
  })
})
