import { resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { siteDistanceMeters } from '@/core/workspace/nearest-sites'
import { readDemoFiles } from '../support/demo-expectations'
import { launchChromium } from './support/browser'
import { convertOneCandidate, liveIn } from './support/site-edits'
import { PlannerPage } from './support/planner-page'

const origin = inject('appOrigin')
let browser: Browser
let context: BrowserContext
let page: Page
let planner: PlannerPage

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  await context?.close()
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  page = await context.newPage()
  planner = new PlannerPage(page, origin)
})

describe('editing a site', () => {
  it('changes the town by exactly one, keeps it over a reload, and undoes and redoes it', async () => {
    await planner.open()
    const before = await liveIn(page)
    const planDraws = () => page.getAttribute('[data-testid="map:canvas"]', 'data-plan-draws')
    const drawsBefore = await planDraws()
    await convertOneCandidate(page)
    expect(await liveIn(page)).toBe(before + 1)
    // The edit reached the map through the site layer's one-site update, not a redraw of the whole plan.
    expect(await planDraws()).toBe(drawsBefore)

    await page.reload()
    await page.waitForSelector('[data-testid="coverage:row"]')
    expect(await liveIn(page)).toBe(before + 1)

    await page.click('[data-testid="history:undo"]')
    await expect.poll(() => liveIn(page)).toBe(before)
    await page.reload()
    await page.waitForSelector('[data-testid="coverage:row"]')
    expect(await liveIn(page)).toBe(before)
    await page.click('[data-testid="history:redo"]')
    await expect.poll(() => liveIn(page)).toBe(before + 1)
  })

  it('shows an edit made in one tab in another tab on the same plan, without a reload', async () => {
    await planner.open()
    const other = await context.newPage()
    await new PlannerPage(other, origin).open()
    const before = await liveIn(other)
    await convertOneCandidate(page)
    await expect.poll(() => liveIn(other), { timeout: 10_000 }).toBe(before + 1)
  })
})

describe('site photos', () => {
  it('attaches a photo to a site, resized, and keeps it over a reload', async () => {
    await planner.open()
    await page.click('[data-testid="tab:sites"]')
    await page.fill('[data-testid="filter:search"]', '平阴县人民医院')
    await page.click('[data-testid="site:list-item"]')
    await page.setInputFiles('[data-testid="site:photo-input"]', resolve(import.meta.dirname, '../../public/icon-512.png'))
    await expect.poll(() => page.locator('[data-testid="site:photo"]').count()).toBe(1)
    await page.reload()
    await page.waitForSelector('[data-testid="site:panel"], [data-testid="site:list-item"]')
    await page.fill('[data-testid="filter:search"]', '平阴县人民医院')
    await page.click('[data-testid="site:list-item"]')
    await expect.poll(() => page.locator('[data-testid="site:photo"] img').count()).toBe(1)
  })
})

describe('field mode on a tablet', () => {
  it('lists the nearest sites in order of distance and updates one in two taps', async () => {
    const { sites } = readDemoFiles()
    const here: [number, number] = [116.4506, 36.2897]
    await context.close()
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, geolocation: { longitude: here[0], latitude: here[1], accuracy: 12 }, permissions: ['geolocation'] })
    page = await context.newPage()
    await page.goto(`${origin}/#/field`)
    await page.waitForSelector('[data-testid="field:locate"]', { timeout: 30_000 })
    await page.click('[data-testid="field:locate"]')
    await page.waitForSelector('[data-testid="field:nearest-item"]')
    const ids = await page.$$eval('[data-testid="field:nearest-item"]', (items) => items.map((i) => i.getAttribute('data-site-id')))
    const expected = sites.map((site) => ({ site, meters: siteDistanceMeters(site, here) }))
      .sort((a, b) => a.meters - b.meters || a.site.id.localeCompare(b.site.id)).slice(0, ids.length).map((n) => n.site.id)
    expect(ids).toEqual(expected)

    const first = page.locator('[data-testid="field:nearest-item"]').first()
    const target = (await first.locator('small').innerText()).includes('已暂停') ? 'contacted' : 'suspended'
    await first.locator('button').first().click()
    // Touch targets, measured while the status buttons are open (they close once the change is stored).
    await first.locator('[data-testid="field:set-status"]').first().waitFor()
    const boxes = await page.$$eval('[data-testid="field:set-status"], [data-testid="field:locate"]', (els) => els.map((e) => e.getBoundingClientRect().height))
    expect(boxes.length).toBeGreaterThan(5)
    expect(Math.min(...boxes)).toBeGreaterThanOrEqual(44)
    await first.locator(`[data-testid="field:set-status"][data-value="${target}"]`).click()
    await expect.poll(() => page.locator(`[data-testid="field:nearest-item"][data-site-id="${ids[0]}"] small`).innerText()).toContain(target === 'suspended' ? '已暂停' : '已对接')
  })
})
