import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { instantiateTemplate } from '@/core/templates'
import { loadExcel } from '@/io/import/read-xlsx-table'
import { TARGET_STATUS_COLORS } from '@/map/status-style'
import { useFreshPage } from './support/fresh-page'

const session = useFreshPage({ acceptDownloads: true })
const SCHOOLS = 'pingyin-2023/r3-year-school'

async function openReport(p: Page): Promise<void> {
  await p.goto(`${session.origin}/#/report?month=2023-10`)
  await p.waitForSelector('[data-testid="report:town-page"]', { timeout: 30_000 })
}

/** Clicks a download button and returns the file's name and bytes. */
async function download(p: Page, testid: string): Promise<{ name: string, bytes: Buffer }> {
  const [file] = await Promise.all([p.waitForEvent('download', { timeout: 60_000 }), p.click(`[data-testid="${testid}"]`)])
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) }
}

/** Pixels of a PNG per colour asked for (exact RGB match), and the share of pixels that are not white. */
async function pngPixels(p: Page, png: Buffer, colors: string[]): Promise<{ width: number, height: number, inked: number, counts: number[] }> {
  return p.evaluate(async ({ base64, colors }) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob())
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(bitmap, 0, 0)
    const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data
    const wanted = colors.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)))
    const counts = wanted.map(() => 0)
    let inked = 0
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!]
      if (r < 250 || g < 250 || b < 250) inked++
      wanted.forEach(([wr, wg, wb], k) => {
        if (Math.abs(r - wr!) <= 1 && Math.abs(g - wg!) <= 1 && Math.abs(b - wb!) <= 1) counts[k]!++
      })
    }
    return { width: bitmap.width, height: bitmap.height, inked: inked / (pixels.length / 4), counts }
  }, { base64: png.toString('base64'), colors })
}

/** A status colour as it shows over white at the print map's fill opacity (0.55). */
function overWhite(hex: string): string {
  const blend = (i: number): string => Math.round(parseInt(hex.slice(i, i + 2), 16) * 0.55 + 255 * 0.45).toString(16).padStart(2, '0')
  return `#${blend(1)}${blend(3)}${blend(5)}`
}

describe('the report\'s downloads', () => {
  it('downloads its tables as one workbook with the figures the page shows', async () => {
    const p = session.page
    await openReport(p)
    const { name, bytes } = await download(p, 'report:xlsx')
    expect(name).toMatch(/月报-2023-10\.xlsx$/)
    const ExcelJS = await loadExcel()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const names = workbook.worksheets.map((w) => w.name)
    expect(names.slice(0, 3)).toEqual(['概况', '目标', '覆盖-商户'])
    expect(names.at(-1)).toBe('下月计划上线')

    const [live, total] = (await p.locator('[data-testid="report:cover"] [data-testid="report:kind-row"][data-kind="merchant"] [data-testid="report:live-total"]').innerText()).split(' / ').map(Number)
    const summary = workbook.getWorksheet('概况')!.getRow(2)
    expect([summary.getCell(2).value, summary.getCell(3).value, summary.getCell(4).value]).toEqual(['商户', live, total])
    expect(workbook.getWorksheet('概况')!.getRow(1).getCell(3).value).toBe('已开通')

    const targets = workbook.getWorksheet('目标')!
    const rowsOnPage = await p.locator('[data-testid="dashboard:target-row"]').count()
    expect(targets.actualRowCount - 1).toBe(rowsOnPage)
    const title = instantiateTemplate('pingyin-2023', '370124000000').find((t) => t.id === SCHOOLS)!.title
    const [value, threshold] = (await p.locator(`[data-testid="dashboard:target-row"][data-target="${SCHOOLS}"] [data-testid="dashboard:target-value"]`).innerText()).split(' / ').map(Number)
    let schools: unknown[] = []
    targets.eachRow((row) => {
      if (row.getCell(1).value === title) schools = [row.getCell(5).value, row.getCell(7).value]
    })
    expect(schools).toEqual([threshold, value])
    expect(targets.getRow(2).getCell(6).value).toBeInstanceOf(Date)
  })

  it('downloads the coverage map as an A4 landscape PNG at 300 dpi, coloured as the page\'s map', async () => {
    const p = session.page
    await openReport(p)
    const fills = await p.$$eval('[data-testid="report:cover"] svg path[fill-opacity="0.45"]', (paths) => paths.map((path) => path.getAttribute('fill')!))
    const used = [...new Set(fills)]
    const unused = Object.values(TARGET_STATUS_COLORS).filter((color) => !used.includes(color) && color !== '#ffffff')
    expect(used.length).toBeGreaterThan(0)
    const { name, bytes } = await download(p, 'report:png')
    expect(name).toMatch(/2023-10-31\.png$/)
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([3508, 2480])
    const pixels = await pngPixels(p, bytes, [...used, ...unused].map(overWhite))
    expect(pixels.inked).toBeGreaterThan(0.15)
    // Every status the page's map shows fills whole towns; the others appear only as legend swatches.
    pixels.counts.slice(0, used.length).forEach((count, i) => expect(count, used[i]).toBeGreaterThan(50_000))
    pixels.counts.slice(used.length).forEach((count, i) => expect(count, unused[i]).toBeLessThan(10_000))
  })

  it('downloads the dashboard\'s town map at the same print size', async () => {
    const p = session.page
    await p.goto(`${session.origin}/#/dashboard`)
    await p.waitForSelector('[data-testid="dashboard:target-row"]', { timeout: 30_000 })
    const { bytes } = await download(p, 'dashboard:png')
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([3508, 2480])
    expect((await pngPixels(p, bytes, [])).inked).toBeGreaterThan(0.15)
  })
})
