import type { Page } from 'playwright-core'
import { beforeEach, describe, expect, it } from 'vitest'
import { DEMO_REPORT_DATE } from '@/core/demo'
import { DEFAULT_CLUSTER_RULE } from '@/core/model'
import { evaluatePlan } from '@/core/plans/evaluate-plan'
import { instantiateTemplate } from '@/core/templates'
import { readDemoFiles } from '../support/demo-expectations'
import { useFreshPage } from './support/fresh-page'

const session = useFreshPage({ viewport: { width: 1440, height: 1000 } })
let page: Page

/** Every test starts on the dashboard of a first run (the demo plan, nothing edited). */
beforeEach(async () => {
  page = session.page
  await page.goto(`${session.origin}/#/dashboard`)
  await page.waitForSelector('[data-testid="dashboard:target-row"]', { timeout: 30_000 })
})

function engineEvaluation() {
  const { regions, sites } = readDemoFiles()
  return evaluatePlan({
    plan: { id: 'p', name: 'p', rootRegionCode: '370124000000', templateId: null, settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: true, createdAt: '', updatedAt: '' },
    regions, sites, clusters: [], targets: instantiateTemplate('pingyin-2023', '370124000000'), indicators: [],
  }, DEMO_REPORT_DATE)
}

describe('the dashboard', () => {
  it('lists every target of the plan with the engine evaluation, and draws its charts', async () => {
    const engine = engineEvaluation()
    await expect(page.locator('[data-testid="dashboard:target-row"]').count()).resolves.toBe(engine.targets.length)
    const schools = engine.targets.find((e) => e.targetId === 'pingyin-2023/r3-year-school')!
    const row = page.locator('[data-testid="dashboard:target-row"][data-target="pingyin-2023/r3-year-school"]')
    await expect(row.locator('[data-testid="dashboard:target-value"]').innerText()).resolves.toBe(`${schools.value} / ${schools.threshold}`)
    await expect(row.locator('[data-testid="dashboard:target-gap"]').innerText()).resolves.toBe(schools.met ? '' : String(schools.gap))
    for (const chart of ['town-chart', 'burn-up', 'operators', 'methods']) {
      await expect(page.locator(`[data-testid="dashboard:${chart}"] canvas`).count(), chart).resolves.toBeGreaterThan(0)
    }
  })

  it('ticks a checklist task done with a note, as an undoable change', async () => {
    const row = page.locator('[data-testid="dashboard:target-row"][data-target="pingyin-2023/r1-h1-task"]')
    page.once('dialog', (dialog) => void dialog.accept('已完成试点'))
    await row.locator('[data-testid="dashboard:tick"]').click()
    await expect.poll(() => row.locator('[data-testid="dashboard:done"]').innerText()).toContain('已完成试点')
    await expect(row.innerText()).resolves.toContain('已完成')
    await page.click('[data-testid="history:undo"]')
    await expect.poll(() => row.locator('[data-testid="dashboard:done"]').count()).toBe(0)
  })

  it('records an indicator observation and evaluates its target with it', async () => {
    const target = page.locator('[data-testid="indicator:target"]', { hasText: '2 万笔' })
    await expect(target.innerText()).resolves.not.toContain('已达标')
    await page.selectOption('[data-testid="indicator:key"]', 'transaction_count')
    await page.fill('[data-testid="indicator:value"]', '25000')
    await page.click('[data-testid="indicator:add"]')
    await expect.poll(() => target.innerText()).toContain('已达标')
    await expect(page.locator('[data-testid="indicator:observation"]').first().innerText()).resolves.toContain('25,000')
  })

  it('charts a recorded indicator by month against its target', async () => {
    await expect(page.locator('[data-testid="indicator:chart-empty"]').count()).resolves.toBe(1)
    await page.selectOption('[data-testid="indicator:key"]', 'transaction_count')
    await page.fill('[data-testid="indicator:value"]', '12345')
    await page.click('[data-testid="indicator:add"]')
    const chart = page.locator('[data-testid="indicator:chart"][data-indicator="transaction_count"]')
    await chart.waitFor()
    const values = JSON.parse(await chart.getAttribute('data-values') ?? '[]') as Array<number | null>
    const months = JSON.parse(await chart.getAttribute('data-months') ?? '[]') as string[]
    expect(values[months.indexOf(DEMO_REPORT_DATE.slice(0, 7))]).toBe(12345)
    await expect(chart.locator('canvas').count()).resolves.toBeGreaterThan(0)
    await expect(page.locator('[data-testid="indicator:chart-empty"]').count()).resolves.toBe(0)

    // The monthly report charts it too, read on the report month's last day.
    await page.goto(`${session.origin}/#/report?month=${DEMO_REPORT_DATE.slice(0, 7)}`)
    const inReport = page.locator('[data-testid="report:view"] [data-testid="indicator:chart"][data-indicator="transaction_count"]')
    await inReport.waitFor()
    const reportValues = JSON.parse(await inReport.getAttribute('data-values') ?? '[]') as Array<number | null>
    const reportMonths = JSON.parse(await inReport.getAttribute('data-months') ?? '[]') as string[]
    expect(reportValues[reportMonths.indexOf(DEMO_REPORT_DATE.slice(0, 7))]).toBe(12345)
  })

  it('goes back to the map from the navigation', async () => {
    await page.click('[data-testid="nav:map"]')
    await page.waitForSelector('[data-testid="coverage:row"]')
    expect(page.url()).toBe(`${session.origin}/#/`)
  })
})
