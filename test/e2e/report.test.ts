import type { Browser, Page } from 'playwright-core'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { readDemoFiles } from '../support/demo-expectations'
import { launchChromium } from './support/browser'

const origin = inject('appOrigin')
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage()
})
afterAll(async () => {
  await browser?.close()
})

/** The text of each page of a PDF; NFKC folds the CJK compatibility glyphs Chromium's fonts map to (⼭ → 山). */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise
  const texts: string[] = []
  for (let i = 1; i <= document.numPages; i++) {
    const content = await (await document.getPage(i)).getTextContent()
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join('').normalize('NFKC'))
  }
  return texts
}

describe('the monthly report', () => {
  it('prints to PDF with the summary first and then one page per town/street, each named', async () => {
    await page.goto(`${origin}/#/report?month=2023-10`)
    await page.waitForSelector('[data-testid="report:town-page"]', { timeout: 30_000 })
    await page.waitForTimeout(800)
    await page.emulateMedia({ media: 'print' })
    const texts = await pageTexts(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
    const towns = readDemoFiles().regions.filter((r) => r.level === 'town').map((r) => r.name)
    expect(texts.length).toBeGreaterThan(towns.length)
    expect(texts[0]).toContain('2023-10-31')
    expect(texts[0]).toContain('全县概况')
    const townPages = texts.slice(-towns.length)
    towns.forEach((name, i) => expect(townPages[i], `page for ${name}`).toContain(`${name} · 推广情况`))
    // The summary pages come before: no town page is printed twice or early.
    expect(texts.slice(0, -towns.length).some((text) => text.includes('· 推广情况'))).toBe(false)
  })
})
