import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from './support/browser'
import { liveIn, openCandidateForm } from './support/site-edits'
import { PlannerPage } from './support/planner-page'

const origin = inject('appOrigin')
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  page = await context.newPage()
  // A full disk, switched on and off by the test: every IndexedDB write throws what Chrome throws then.
  await page.addInitScript(() => {
    const state = window as unknown as { diskFull: boolean }
    state.diskFull = false
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method]
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (state.diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return original.apply(this, args)
      }
    }
  })
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
})

const setDiskFull = (full: boolean): Promise<void> => page.evaluate((on) => { (window as unknown as { diskFull: boolean }).diskFull = on }, full)

describe('a full disk', () => {
  it('refuses an edit in Chinese, keeps the form to retry, and stores the retry once', async () => {
    const planner = new PlannerPage(page, origin)
    await planner.open()
    const before = await liveIn(page)
    await openCandidateForm(page)
    await page.fill('[data-testid="site:edit-name"]', '满盘测试便利店')
    await page.click('[data-testid="site:set-status"][data-value="live"]')

    await setDiskFull(true)
    await page.click('[data-testid="site:save"]')
    const message = await page.locator('[data-testid="site:error"]').innerText()
    expect(message).toMatch(/^保存失败：本机存储空间已满，本次未做任何更改；.*您的修改仍在表单中/)
    expect(message).not.toMatch(/[A-Za-z]{3,}/)
    // The input is still there to retry, and the plan in memory is as it was.
    expect(await page.inputValue('[data-testid="site:edit-name"]')).toBe('满盘测试便利店')
    expect(await page.getAttribute('[data-testid="site:set-status"][data-value="live"]', 'aria-pressed')).toBe('true')
    await page.click('[data-testid="tab:coverage"]')
    expect(await liveIn(page)).toBe(before)
    await page.click('[data-testid="tab:sites"]')

    await setDiskFull(false)
    await page.click('[data-testid="site:save"]')
    await page.waitForSelector('[data-testid="site:edit"]')
    expect(await page.innerText('[data-testid="site:name"]')).toBe('满盘测试便利店')
    await page.click('[data-testid="filter:reset"]')
    await page.click('[data-testid="tab:coverage"]')
    expect(await liveIn(page)).toBe(before + 1)

    // Stored exactly once: the failed attempt left nothing behind.
    await page.reload()
    await page.waitForSelector('[data-testid="coverage:row"]', { timeout: 30_000 })
    expect(await liveIn(page)).toBe(before + 1)

    // An undo that cannot be stored says so, and the edit stays.
    await setDiskFull(true)
    await page.click('[data-testid="history:undo"]')
    await expect(page.locator('[data-testid="history:error"]').innerText()).resolves.toMatch(/^撤销失败：本机存储空间已满/)
    expect(await liveIn(page)).toBe(before + 1)
    await setDiskFull(false)
    await page.click('[data-testid="history:undo"]')
    await page.waitForSelector('[data-testid="history:error"]', { state: 'detached' })
    expect(await liveIn(page)).toBe(before)
  })
})
