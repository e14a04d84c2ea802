import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pointOnFeature } from '@turf/turf'
import type { Feature, Polygon } from 'geojson'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useFreshPage } from './support/fresh-page'

const TOWN = '370124105000' // 洪范池镇
const session = useFreshPage({ acceptDownloads: true })

/** Positions 100 m apart around a point inside the town, so no two rows look like duplicates. */
function townPositions(count: number): Array<[number, number]> {
  const regions = JSON.parse(readFileSync(resolve(__dirname, '../../public/geo/pingyin-regions.geojson'), 'utf8')) as { features: Array<Feature<Polygon>> }
  const town = regions.features.find((f) => f.properties?.code === TOWN)!
  const [lng, lat] = pointOnFeature(town).geometry.coordinates as [number, number]
  return Array.from({ length: count }, (_, i) => [Number((lng + i * 0.001).toFixed(6)), lat])
}

/** A register as a street office writes it: Chinese header, Chinese status values, UTF-8 with BOM. */
function register(rows: Array<[string, string]>, extra: Array<[string, string, number, number]> = []): Buffer {
  const positions = townPositions(rows.length)
  const placed = [...rows.map(([name, status], i): [string, string, number, number] => [name, status, ...positions[i]!]), ...extra]
  const lines = placed.map(([name, status, lng, lat]) => `${name},商户,${status},${lng},${lat},2023-01-05`)
  return Buffer.from(`\uFEFF名称,类型,状态,经度,纬度,上线日期\r\n${lines.join('\r\n')}\r\n`)
}

const liveIn = async (p: Page): Promise<number> => Number(await p.textContent(`[data-testid="coverage:row"][data-code="${TOWN}"] [data-testid="coverage:live"]`))
const count = async (p: Page, id: string): Promise<number> => Number(await p.getAttribute(`[data-testid="import:${id}"]`, 'data-count'))

const previewFigures = async (p: Page): Promise<{ points: number, outside: number, unplaced: number }> => p.$eval('[data-testid="import:preview-map"]', (el) => {
  const data = (el as HTMLElement).dataset
  return { points: Number(data.points), outside: Number(data.outside), unplaced: Number(data.unplaced) }
})

async function chooseRegister(p: Page, name: string, bytes: Buffer): Promise<void> {
  await p.click('[data-testid="import:open"]')
  await p.setInputFiles('[data-testid="import:file"]', { name, mimeType: 'text/csv', buffer: bytes })
  await p.waitForSelector('[data-testid="import:preview"]')
}

/** Goes through the dialog: file → (guessed mapping) → validate → import; returns the report's figures. */
async function importCsv(p: Page, name: string, bytes: Buffer): Promise<{ add: number, update: number, keep: number }> {
  await p.click('[data-testid="import:open"]')
  await p.setInputFiles('[data-testid="import:file"]', { name, mimeType: 'text/csv', buffer: bytes })
  await p.waitForSelector('[data-testid="import:preview"]')
  await p.click('[data-testid="import:validate"]')
  await p.waitForSelector('[data-testid="import:report"]')
  const figures = { add: await count(p, 'will-add'), update: await count(p, 'will-update'), keep: await count(p, 'will-keep') }
  await p.click('[data-testid="import:commit"]')
  await p.waitForSelector('[data-testid="import:done"]')
  await p.click('[data-testid="import:close"]')
  return figures
}

describe('importing a register', () => {
  it('adds the rows to the town, then updates them on re-import instead of duplicating them', async () => {
    await session.planner.open()
    const before = await liveIn(session.page)
    const first = await importCsv(session.page, '洪范池镇台账.csv', register([['导入甲店', '已开通'], ['导入乙店', '已受理'], ['导入丙店', '已开通']]))
    expect(first).toEqual({ add: 3, update: 0, keep: 0 })
    await expect.poll(() => liveIn(session.page)).toBe(before + 3)

    const second = await importCsv(session.page, '洪范池镇台账.csv', register([['导入甲店', '已开通'], ['导入乙店', '改造中'], ['导入丙店', '已开通'], ['导入丁店', '已开通']]))
    expect(second).toEqual({ add: 1, update: 1, keep: 2 })
    await expect.poll(() => liveIn(session.page)).toBe(before + 3)
    await session.page.reload()
    await session.page.waitForSelector('[data-testid="coverage:row"]')
    expect(await liveIn(session.page)).toBe(before + 3)
  })
})

describe('previewing a register on the map', () => {
  it('shows the first rows as points, outside ones apart, follows the lng/lat choice, and stores nothing', async () => {
    await session.planner.open()
    const before = await session.planner.rows()
    await chooseRegister(session.page, '预览.csv', register([['预览甲', '已开通'], ['预览乙', '已开通'], ['预览丙', '改造中'], ['预览丁', '待对接']], [['县外店', '已开通', 117.5, 36.9]]))
    await expect.poll(() => previewFigures(session.page)).toEqual({ points: 5, outside: 1, unplaced: 0 })

    await session.page.check('[data-testid="import:swap"]')
    await expect.poll(() => previewFigures(session.page)).toEqual({ points: 0, outside: 0, unplaced: 5 })
    await session.page.uncheck('[data-testid="import:swap"]')
    await session.page.selectOption('[data-testid="import:map-lat"]', '经度')
    await expect.poll(() => previewFigures(session.page)).toEqual({ points: 0, outside: 0, unplaced: 5 })

    await session.page.click('[data-testid="import:close"]')
    expect(await session.planner.rows()).toEqual(before)
    await session.page.reload()
    await session.page.waitForSelector('[data-testid="coverage:row"]')
    expect(await session.planner.rows()).toEqual(before)
  })
})

describe('mapping a register\'s own status values', () => {
  it('imports rows with an unrecognised status as the value the user maps it to', async () => {
    await session.planner.open()
    const before = await liveIn(session.page)
    await chooseRegister(session.page, '取值.csv', register([['取值甲', '已签约开通'], ['取值乙', '已签约开通'], ['取值丙', '已开通']]))
    const row = session.page.locator('[data-testid="import:values-status"] [data-testid="import:value-row"][data-value="已签约开通"]')
    await expect.poll(() => row.locator('td').nth(1).textContent()).toBe('2')
    expect(await row.locator('[data-testid="import:value-choice"]').inputValue()).toBe('!unknown')
    await row.locator('[data-testid="import:value-choice"]').selectOption('live')
    await session.page.click('[data-testid="import:validate"]')
    await session.page.waitForSelector('[data-testid="import:report"]')
    expect({ add: await count(session.page, 'will-add'), rejected: await count(session.page, 'rejected') }).toEqual({ add: 3, rejected: 0 })
    await session.page.click('[data-testid="import:commit"]')
    await session.page.waitForSelector('[data-testid="import:done"]')
    await expect.poll(() => liveIn(session.page)).toBe(before + 3)
  })
})

describe('importing a workbook', () => {
  it('reads the chosen sheet of an XLSX in the worker and stores nothing until asked', async () => {
    await session.planner.open()
    const before = await session.planner.rows()
    await session.page.click('[data-testid="import:open"]')
    const xlsx = readFileSync(resolve(__dirname, '../fixtures/import/sites-two-sheets.xlsx'))
    await session.page.setInputFiles('[data-testid="import:file"]', { name: '台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx })
    await session.page.waitForSelector('[data-testid="import:sheet"]')
    expect(await session.page.$$eval('[data-testid="import:sheet"] option', (options) => options.map((o) => o.textContent))).toEqual(['说明', '商户台账'])
    await session.page.selectOption('[data-testid="import:sheet"]', '商户台账')
    const lngColumn = (): Promise<string | undefined> => session.page.$eval('[data-testid="import:map-lng"]', (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? undefined)
    await expect.poll(lngColumn).toBe('经度')
    await session.page.click('[data-testid="import:validate"]')
    await session.page.waitForSelector('[data-testid="import:report"]')
    expect(await count(session.page, 'accepted') + await count(session.page, 'rejected')).toBe(5)
    await session.page.click('[data-testid="import:close"]')
    expect(await session.planner.rows()).toEqual(before)
  })
})

describe('exporting sites', () => {
  it('downloads CSV with a BOM and one row per site', async () => {
    await session.planner.open()
    await session.page.click('[data-testid="export:open"]')
    const label = await session.page.textContent('[data-testid="export:sites-csv"]')
    const [download] = await Promise.all([session.page.waitForEvent('download'), session.page.click('[data-testid="export:sites-csv"]')])
    const bytes = readFileSync((await download.path())!)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n')
    expect(lines[0]).toBe('编号,名称,类型,状态,经度,纬度,运营机构,受理方式,计划上线日期,上线日期,数量,地址')
    expect(String(lines.length - 1)).toBe(/\d+/.exec(label!)![0])
  })
})
