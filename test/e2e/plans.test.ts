import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './support/browser'
import { convertOneCandidate, liveIn } from './support/site-edits'
import { PlannerPage } from './support/planner-page'

const origin = inject('appOrigin')
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()))
  await browser?.close()
})

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
  contexts.push(context)
  return context.newPage()
}

async function goToMap(p: Page): Promise<void> {
  await p.click('[data-testid="nav:map"]')
  await p.waitForSelector('[data-testid="coverage:row"]')
}

describe('plans', () => {
  it('duplicates a plan as a scenario whose edits leave the original alone', async () => {
    const page = await freshPage()
    await new PlannerPage(page, origin).open()
    const original = await liveIn(page)
    await page.click('[data-testid="nav:plans"]')
    await page.click('[data-testid="plans:duplicate"]')
    await expect.poll(() => page.locator('[data-testid="plans:row"]').count()).toBe(2)
    await expect(page.locator('[data-testid="app:plan-name"]').innerText()).resolves.toContain('副本')
    await goToMap(page)
    await convertOneCandidate(page)
    expect(await liveIn(page)).toBe(original + 1)

    await page.click('[data-testid="nav:plans"]')
    await page.click('[data-testid="plans:row"]:has([data-testid="plans:open"]) [data-testid="plans:open"]')
    await goToMap(page)
    expect(await liveIn(page)).toBe(original)
  })

  it('exports a backup, and on a wiped device imports it with every record back', async () => {
    const page = await freshPage()
    await new PlannerPage(page, origin).open()
    await convertOneCandidate(page)
    const edited = await liveIn(page)
    await page.click('[data-testid="nav:plans"]')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="plans:backup"]')])
    const file = await download.path()

    const wiped = await freshPage()
    await new PlannerPage(wiped, origin).open()
    expect(await liveIn(wiped)).toBe(edited - 1)
    await wiped.click('[data-testid="nav:plans"]')
    await wiped.setInputFiles('[data-testid="plans:import-bundle"]', file)
    await wiped.click('[data-testid="plans:bundle-replace"]')
    await expect(wiped.locator('[data-testid="plans:message"]').innerText()).resolves.toContain('已导入')
    await goToMap(wiped)
    expect(await liveIn(wiped)).toBe(edited)
  })
})
