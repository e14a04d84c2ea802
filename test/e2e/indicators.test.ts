import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useFreshPage } from './support/fresh-page'

const session = useFreshPage()
const fixture = (name: string): Buffer => readFileSync(resolve(__dirname, '../fixtures/indicators', name))
const count = async (p: Page, id: string): Promise<number> => Number(await p.getAttribute(`[data-testid="indicator-import:${id}"]`, 'data-count'))
const observations = (p: Page): Promise<string[]> => p.locator('[data-testid="indicator:observation"]').allInnerTexts()

async function openDashboard(p: Page): Promise<void> {
  await p.goto(`${session.origin}/#/dashboard`)
  await p.waitForSelector('[data-testid="dashboard:target-row"]', { timeout: 30_000 })
}

/** Opens the dialog on a file and validates it with the guessed mapping; returns the report's figures. */
async function validateFile(p: Page, name: string, bytes: Buffer, sheet?: string): Promise<{ add: number, update: number, keep: number, issues: number }> {
  await p.click('[data-testid="indicator:import"]')
  await p.setInputFiles('[data-testid="indicator-import:file"]', { name, mimeType: 'application/octet-stream', buffer: bytes })
  await p.waitForSelector('[data-testid="indicator-import:preview"]')
  if (sheet) {
    await p.selectOption('[data-testid="indicator-import:sheet"]', sheet)
    await expect.poll(() => p.$eval('[data-testid="indicator-import:map-value"]', (el) => (el as HTMLSelectElement).value).catch(() => '')).toBe('数值')
  }
  await p.click('[data-testid="indicator-import:validate"]')
  await p.waitForSelector('[data-testid="indicator-import:report"]')
  return { add: await count(p, 'will-add'), update: await count(p, 'will-update'), keep: await count(p, 'will-keep'), issues: await count(p, 'issues') }
}

describe('importing indicators', () => {
  it('imports an operator\'s GBK CSV in one undoable step, shows its figures, and updates on re-import', async () => {
    const p = session.page
    await openDashboard(p)
    const transactions = p.locator('[data-testid="indicator:target"]', { hasText: '2 万笔' })
    await expect(transactions.innerText()).resolves.toContain('0 / 20,000')

    expect(await validateFile(p, '6-7月指标.csv', fixture('indicators-wide-gbk.csv'))).toEqual({ add: 18, update: 0, keep: 0, issues: 7 })
    const issue = (row: number): Promise<string> => p.locator(`[data-testid="indicator-import:issue"][data-row="${row}"]`).first().innerText()
    await expect(issue(6)).resolves.toContain('平阴新区')
    await expect(issue(6)).resolves.toContain('方案中没有这个镇街')
    await expect(issue(7)).resolves.toContain('无法识别的月份')
    await expect(issue(8)).resolves.toContain('个人钱包（个）')
    await p.click('[data-testid="indicator-import:commit"]')
    await expect.poll(() => p.locator('[data-testid="indicator-import:done"]').innerText()).toContain('新增 18')
    await p.click('[data-testid="indicator-import:close"]')

    // The county's own 合计 row is what its target reads; the towns' figures are listed with their month's end.
    await expect.poll(() => transactions.innerText()).toContain('14,900 / 20,000')
    expect(await observations(p)).toContain('2023-07-31 · 榆山街道 · 个人钱包（个）：13,002')
    expect(await observations(p)).toContain('2023-06-30 · 锦水街道 · 交易金额（元）：2,012,500')
    expect(await observations(p)).toHaveLength(18)

    await p.click('[data-testid="history:undo"]')
    await expect.poll(() => observations(p)).toHaveLength(0)
    await expect.poll(() => transactions.innerText()).toContain('0 / 20,000')
    await p.click('[data-testid="history:redo"]')
    await expect.poll(() => observations(p)).toHaveLength(18)

    expect(await validateFile(p, '6-7月指标.csv', fixture('indicators-wide-gbk.csv'))).toEqual({ add: 0, update: 0, keep: 18, issues: 7 })
    await expect(p.locator('[data-testid="indicator-import:commit"]').isDisabled()).resolves.toBe(true)
  })

  it('reads the chosen sheet of a workbook in the long layout and reports a conflict by row', async () => {
    const p = session.page
    await openDashboard(p)
    expect(await validateFile(p, '指标月报.xlsx', fixture('indicators-long.xlsx'), '指标月报')).toEqual({ add: 3, update: 0, keep: 0, issues: 4 })
    await expect(p.locator('[data-testid="indicator-import:issue"][data-code="conflict"]').count()).resolves.toBe(2)
    await p.click('[data-testid="indicator-import:commit"]')
    await p.waitForSelector('[data-testid="indicator-import:done"]')
    await p.click('[data-testid="indicator-import:close"]')
    await p.reload()
    await p.waitForSelector('[data-testid="indicator:observation"]', { timeout: 30_000 })
    expect(await observations(p)).toContain('2023-06-30 · 榆山街道 · 交易金额（元）：3,565,000')
  })
})
