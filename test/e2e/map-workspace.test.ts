import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { readDemoFiles } from '../support/demo-expectations'
import { launchChromium } from './support/browser'
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

const countText = (): Promise<string> => page.locator('[data-testid="filter:count"]').innerText()

describe('filtering the sites of the map', () => {
  it('shows the count of what the kind and status filters let through, and keeps it over a reload', async () => {
    const { sites } = readDemoFiles()
    const liveSchools = sites.filter((s) => s.kind === 'school' && s.status === 'live').length
    await planner.open()
    await page.click('[data-testid="tab:sites"]')
    await expect(countText()).resolves.toBe(`显示 ${sites.length} / ${sites.length} 个点位`)
    await page.click('[data-testid="filter:kind"][data-value="school"]')
    await page.click('[data-testid="filter:status"][data-value="live"]')
    await expect(countText()).resolves.toBe(`显示 ${liveSchools} / ${sites.length} 个点位`)
    await expect(page.locator('[data-testid="site:list-item"]').count()).resolves.toBe(liveSchools)

    await page.reload()
    await page.waitForSelector('[data-testid="filter:count"]')
    await expect(countText()).resolves.toBe(`显示 ${liveSchools} / ${sites.length} 个点位`)
  })

  it('finds a site by name and opens its panel', async () => {
    await planner.open()
    await page.click('[data-testid="tab:sites"]')
    await page.fill('[data-testid="filter:search"]', '平阴县人民医院')
    await page.click('[data-testid="site:list-item"]')
    await expect(page.locator('[data-testid="site:name"]').innerText()).resolves.toBe('平阴县人民医院')
    await expect(page.locator('[data-testid="site:panel"]').innerText()).resolves.toContain('榆山街道')
  })

  it('hides the sites when their layer is switched off', async () => {
    await planner.open()
    const before = await planner.mapPixels()
    await page.click('[data-testid="layer:sites"]')
    await page.click('[data-testid="layer:bus-lines"]')
    await page.waitForTimeout(800)
    const after = await planner.mapPixels()
    expect(before.live).toBeGreaterThan(0.0005)
    // Only the green of met towns' fill remains, far below the density of live dots.
    expect(after.live).toBeLessThan(before.live / 4)
  })
})
