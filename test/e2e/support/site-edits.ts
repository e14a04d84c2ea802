import type { Page } from 'playwright-core'

/** The town the editing specs work in: 洪范池镇, short of its target, with candidates to convert. */
export const EDIT_TOWN = '370124105000'

/** Merchants live in a town, as the coverage table shows them. */
export async function liveIn(page: Page, townCode = EDIT_TOWN): Promise<number> {
  return Number(await page.textContent(`[data-testid="coverage:row"][data-code="${townCode}"] [data-testid="coverage:live"]`))
}

/**
 * What a street office does most: find a candidate merchant of the town in the site list, set it live in its
 * panel, save. Leaves the filters cleared and the coverage tab open; returns the site's id.
 */
export async function convertOneCandidate(page: Page, townCode = EDIT_TOWN): Promise<string> {
  const siteId = await openCandidateForm(page, townCode)
  await page.click('[data-testid="site:set-status"][data-value="live"]')
  await page.click('[data-testid="site:save"]')
  await page.waitForSelector('[data-testid="site:edit"]')
  await page.click('[data-testid="filter:reset"]')
  await page.click('[data-testid="tab:coverage"]')
  return siteId!
}

/** Finds a candidate merchant of the town in the site list and opens its edit form; returns the site's id. */
export async function openCandidateForm(page: Page, townCode = EDIT_TOWN): Promise<string> {
  await page.click('[data-testid="tab:sites"]')
  await page.selectOption('[data-testid="filter:town"]', townCode)
  await page.click('[data-testid="filter:kind"][data-value="merchant"]')
  await page.click('[data-testid="filter:status"][data-value="candidate"]')
  await page.click('[data-testid="site:list-item"]')
  const siteId = await page.getAttribute('[data-testid="site:panel"]', 'data-site-id')
  await page.click('[data-testid="site:edit"]')
  return siteId!
}
