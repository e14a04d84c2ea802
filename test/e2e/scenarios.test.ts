import { describe, expect, it } from 'vitest'
import { useFreshPage } from './support/fresh-page'

const session = useFreshPage({ viewport: { width: 1440, height: 1000 } })

describe('scenarios', () => {
  it('generates a gap-closing plan, saves it as a new plan, and compares it with the original', async () => {
    const { page, origin } = session
    await page.goto(`${origin}/#/scenarios`)
    await page.click('[data-testid="scenario:run"]', { timeout: 30_000 })
    await page.waitForSelector('[data-testid="scenario:summary"]')
    const conversions = await page.locator('[data-testid="scenario:conversion"]').count()
    expect(conversions).toBeGreaterThan(0)
    await expect(page.locator('[data-testid="scenario:conversion"]').first().innerText()).resolves.toContain('为达成')
    await page.click('[data-testid="scenario:save"]')
    await expect.poll(() => page.locator('[data-testid="app:plan-name"]').innerText()).toContain('补齐方案')

    await page.selectOption('[data-testid="scenario:right"]', { index: 0 })
    await page.waitForSelector('[data-testid="scenario:row"]')
    await expect(page.locator('[data-testid="scenario:row"][data-differs="true"]').count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('[data-testid="scenario:sites"] li').count()).resolves.toBeGreaterThan(0)
  })
})
