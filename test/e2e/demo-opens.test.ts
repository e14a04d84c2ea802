import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_REPORT_DATE } from '@/core/demo'
import { expectedMerchantCoverage } from '../support/demo-expectations'
import { recordForeignRequests } from './support/browser'
import { useFreshPage } from './support/fresh-page'

const resultsDir = resolve(import.meta.dirname, '../../test-results')
const session = useFreshPage({ locale: 'zh-CN' })

describe('the planner opens on the Pingyin demo', () => {
  it('loads with no request leaving the app origin', async () => {
    const foreign = recordForeignRequests(session.page, session.origin)
    await session.planner.open()
    await session.page.waitForTimeout(500)
    expect(foreign).toEqual([])
  })

  it('draws the map: boundaries and sites, not a blank canvas', async () => {
    await session.planner.open()
    const pixels = await session.planner.mapPixels()
    expect(pixels.drawn).toBeGreaterThan(0.05)
    expect(pixels.live).toBeGreaterThan(0.0005)
    await expect(session.page.locator('[data-testid="map:town-label"]').count()).resolves.toBe(8)
    await expect(session.page.locator('.maplibregl-ctrl-attrib').innerText()).resolves.toContain('边界: DataV.GeoAtlas')
    await expect(session.page.locator('[data-testid="legend:approximate"]').innerText()).resolves.toContain('近似')
    mkdirSync(resultsDir, { recursive: true })
    await session.page.screenshot({ path: resolve(resultsDir, 'demo.png') })
  })

  it('lists the 8 towns with the merchant coverage of an independent count', async () => {
    await session.planner.open()
    const expected = expectedMerchantCoverage(DEMO_REPORT_DATE)
    const rows = await session.planner.rows()
    expect(rows.map(({ code, name, live, total, gap }) => ({ code, name, live, total, gap }))).toEqual(expected)
    const short = rows.find((row) => (row.gap ?? 0) > 0)!
    expect(short.gapText).toBe(`还差 ${short.gap} 家`)
    await expect(session.page.locator('[data-testid="app:demo-badge"]').innerText()).resolves.toBe('示例数据')
  })

  it('fits the map to a town when its row is clicked', async () => {
    await session.planner.open()
    const before = { offset: await session.planner.labelOffsetFromCentre('洪范池镇'), scale: await session.planner.scaleBarMeters() }
    await session.planner.clickRow('洪范池镇')
    await session.page.waitForTimeout(1200)
    const after = { offset: await session.planner.labelOffsetFromCentre('洪范池镇'), scale: await session.planner.scaleBarMeters() }
    const distance = ({ dx, dy }: { dx: number, dy: number }): number => Math.hypot(dx, dy)
    expect(distance(before.offset)).toBeGreaterThan(0.2)
    expect(distance(after.offset)).toBeLessThan(distance(before.offset) / 2)
    expect(after.scale).toBeLessThan(before.scale)
  })

  it('switches to English and remembers it', async () => {
    await session.planner.open()
    await session.page.selectOption('[data-testid="app:language"]', 'en')
    await expect(session.page.locator('h1').innerText()).resolves.toBe('e-CNY rollout planner')
    await session.page.reload()
    await session.page.waitForSelector('[data-testid="coverage:row"]')
    await expect(session.page.locator('[data-testid="app:demo-badge"]').innerText()).resolves.toBe('Demo data')
  })
})

describe('the demo lives in IndexedDB', () => {
  it('reads later loads from IndexedDB, and "reset demo" restores the original', async () => {
    await session.planner.open()
    const original = await session.planner.rows()
    // A change stored in the database as an edit stores it (a row of the v2 siteEdits store that replaces the
    // site of its id) must survive a reload: the demo files are not read again.
    await session.page.evaluate(async () => {
      type Feature = { properties: { id: string, kind: string, status: string }, geometry: unknown }
      const { features } = await (await fetch('/geo/pingyin-demo-sites.geojson')).json() as { features: Feature[] }
      const edited = features
        .filter(({ properties: site }) => site.kind === 'merchant' && site.id.startsWith('m-105-') && site.status !== 'live')
        .map(({ properties, geometry }) => ({ ...properties, geometry, status: 'live', liveDate: '2023-06-01' }))
      await new Promise<void>((done, fail) => {
        const open = indexedDB.open('ecny-planner')
        open.onsuccess = () => {
          const tx = open.result.transaction('siteEdits', 'readwrite')
          for (const site of edited) tx.objectStore('siteEdits').put({ planId: 'demo-pingyin', id: site.id, site, seq: 0, appended: false })
          tx.oncomplete = () => done()
          tx.onerror = () => fail(tx.error)
        }
        open.onerror = () => fail(open.error)
      })
    })
    await session.page.reload()
    await session.page.waitForSelector('[data-testid="coverage:row"]')
    const edited = (await session.planner.rows()).find((r) => r.code === '370124105000')!
    expect(edited.live).toBe(edited.total)
    expect(edited.gapText).toBe('已达标')

    session.page.once('dialog', (dialog) => void dialog.accept())
    await session.page.click('[data-testid="app:reset-demo"]')
    await expect.poll(() => session.planner.rows()).toEqual(original)
  })
})
