import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, inject } from 'vitest'
import { launchChromium } from './browser'
import { PlannerPage } from './planner-page'

/** What a spec drives: refreshed before each test. */
export interface FreshPage {
  origin: string
  browser: Browser
  context: BrowserContext
  page: Page
  planner: PlannerPage
}

/**
 * One Chromium per spec file, and before each test a new context — an empty IndexedDB, as on a first run — with
 * a page on the served app. Call at the top of a spec file.
 */
export function useFreshPage(options: BrowserContextOptions = {}): FreshPage {
  const session = { origin: inject('appOrigin') } as FreshPage
  beforeAll(async () => {
    session.browser = await launchChromium()
  })
  afterAll(async () => {
    await session.browser?.close()
  })
  beforeEach(async () => {
    await session.context?.close()
    session.context = await session.browser.newContext({ viewport: { width: 1440, height: 900 }, ...options })
    session.page = await session.context.newPage()
    session.planner = new PlannerPage(session.page, session.origin)
  })
  return session
}
