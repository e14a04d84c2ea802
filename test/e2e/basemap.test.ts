import { describe, expect, it } from 'vitest'
import { FIXTURE_FILL, FIXTURE_PATH, makeArchive } from '../../scripts/make-pmtiles-fixture'
import { BasemapControl, serveTiles, solidPng, type Rgb } from './support/basemap-control'
import { useFreshPage } from './support/fresh-page'

const session = useFreshPage()
const basemap = (): BasemapControl => new BasemapControl(session.page)

// The intercepted tile servers answer with tiles of one colour each, to be found on the map's pixels.
const OSM_COLOUR: Rgb = [0xb4, 0x8c, 0xdc]
const TIANDITU_COLOUR: Rgb = [0x8c, 0xb4, 0xdc]
const LIVE_GREEN: Rgb = [0x2e, 0x9d, 0x5b]

/** Share of the map that is each colour: a basemap's, and the live sites' green (plan layers drawn on top). */
async function shares(basemapColour: Rgb): Promise<{ basemap: number, live: number }> {
  const { basemap: tiles, live } = await session.planner.colourShares({ basemap: basemapColour, live: LIVE_GREEN })
  return { basemap: tiles!, live: live! }
}

async function untilServiceWorkerControls(): Promise<void> {
  await session.page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }))
    }
  })
}

describe('the OpenStreetMap basemap', () => {
  it('is drawn from the OSM tile template under the plan layers, credited, and still chosen after a reload', async () => {
    const requested = await serveTiles(session.context, 'https://tile.openstreetmap.org/**', () => ({ status: 200, body: solidPng(OSM_COLOUR) }))
    await session.planner.open()
    const before = await shares(OSM_COLOUR)
    expect(before.basemap).toBeLessThan(0.001)

    await basemap().choose('osm')
    await expect.poll(async () => (await shares(OSM_COLOUR)).basemap).toBeGreaterThan(0.05)
    expect(requested.length).toBeGreaterThan(0)
    for (const url of requested) expect(url).toMatch(/^https:\/\/tile\.openstreetmap\.org\/\d{1,2}\/\d+\/\d+\.png$/)
    // The plan is drawn over the tiles: the live sites' dots are all still there.
    expect((await shares(OSM_COLOUR)).live).toBeGreaterThan(before.live * 0.8)
    await expect(basemap().attribution()).resolves.toContain('© OpenStreetMap 贡献者')

    const beforeReload = requested.length
    await session.page.reload()
    await session.page.waitForSelector('[data-testid="map:canvas"][data-map-idle="true"]', { timeout: 30_000 })
    await expect(basemap().label()).resolves.toContain('OpenStreetMap')
    await expect.poll(() => requested.length).toBeGreaterThan(beforeReload)
  })

  it('gives way to the offline basemap, with a notice, while the network is off', async () => {
    await serveTiles(session.context, 'https://tile.openstreetmap.org/**', () => ({ status: 200, body: solidPng(OSM_COLOUR) }))
    await session.planner.open()
    await basemap().choose('osm')
    await expect.poll(async () => (await shares(OSM_COLOUR)).basemap).toBeGreaterThan(0.05)

    await session.context.setOffline(true)
    try {
      await expect.poll(() => basemap().notice()).toContain('当前离线')
      await expect.poll(async () => (await shares(OSM_COLOUR)).basemap).toBeLessThan(0.001)
      expect((await session.planner.mapPixels()).live).toBeGreaterThan(0.0005)
    } finally {
      await session.context.setOffline(false)
    }
    await expect.poll(async () => (await shares(OSM_COLOUR)).basemap).toBeGreaterThan(0.05)
    await expect.poll(() => basemap().notice()).toBe('')
  })
})

describe('the 天地图 basemap', () => {
  it('refuses a blank key, reports a key 天地图 refuses, and asks for tiles with the key entered', async () => {
    const requested = await serveTiles(session.context, 'https://*.tianditu.gov.cn/**', (url) => (
      url.endsWith('tk=good-key') ? { status: 200, body: solidPng(TIANDITU_COLOUR) } : { status: 403, body: Buffer.from('权限类型错误') }
    ))
    await session.planner.open()
    await basemap().choose('tianditu')
    await expect(basemap().notice()).resolves.toContain('请先输入天地图密钥')
    await basemap().saveTiandituKey('   ')
    await expect(session.page.locator('[data-testid="basemap:tianditu-blank"]').innerText()).resolves.toBe('密钥不能为空')
    expect(requested).toEqual([])

    await basemap().saveTiandituKey('bad-key')
    await expect.poll(() => basemap().notice()).toContain('天地图拒绝了瓦片请求')

    await basemap().saveTiandituKey('good-key')
    await expect.poll(async () => (await shares(TIANDITU_COLOUR)).basemap).toBeGreaterThan(0.05)
    await expect.poll(() => basemap().notice()).toBe('')
    const good = requested.filter((url) => url.endsWith('tk=good-key'))
    expect(good.some((url) => /^https:\/\/t[0-7]\.tianditu\.gov\.cn\/vec_w\/wmts\?.*LAYER=vec&.*TILEMATRIX=\d+&TILEROW=\d+&TILECOL=\d+&tk=good-key$/.test(url))).toBe(true)
    expect(good.some((url) => url.includes('/cva_w/wmts?') && url.includes('LAYER=cva'))).toBe(true)
    await expect(basemap().attribution()).resolves.toContain('© 天地图')
  })
})

describe('a local PMTiles basemap', () => {
  it('draws a picked raster file with its attribution, and again after a reload with the network off', async () => {
    await session.planner.open()
    await basemap().choose('pmtiles')
    await expect(basemap().notice()).resolves.toContain('请先选择一个 PMTiles 文件')
    await basemap().pickFile(FIXTURE_PATH)
    await expect(session.page.locator('[data-testid="basemap:file-name"]').innerText()).resolves.toBe('pingyin-raster.pmtiles')
    await expect(session.page.locator('[data-testid="basemap:file-size"]').innerText()).resolves.toBe('1.2 KB')
    await expect.poll(async () => (await shares(FIXTURE_FILL)).basemap).toBeGreaterThan(0.05)
    await expect(basemap().attribution()).resolves.toContain('平阴测试底图')

    await untilServiceWorkerControls()
    await session.context.setOffline(true)
    try {
      await session.page.reload()
      await session.page.waitForSelector('[data-testid="map:canvas"][data-map-idle="true"]', { timeout: 30_000 })
      await expect(basemap().label()).resolves.toContain('本地 PMTiles 文件')
      await expect.poll(async () => (await shares(FIXTURE_FILL)).basemap).toBeGreaterThan(0.05)
      expect((await session.planner.mapPixels()).live).toBeGreaterThan(0.0005)
      await expect(basemap().notice()).resolves.toBe('')
    } finally {
      await session.context.setOffline(false)
    }
  })

  it('is removed on request, back to the offline basemap', async () => {
    await session.planner.open()
    await basemap().choose('pmtiles')
    await basemap().pickFile(FIXTURE_PATH)
    await expect.poll(async () => (await shares(FIXTURE_FILL)).basemap).toBeGreaterThan(0.05)
    await session.page.click('[data-testid="basemap:file-remove"]')
    await expect.poll(async () => (await shares(FIXTURE_FILL)).basemap).toBeLessThan(0.001)
    await expect(basemap().label()).resolves.toContain('离线底图')
    await session.page.reload()
    await session.page.waitForSelector('[data-testid="map:canvas"][data-map-idle="true"]', { timeout: 30_000 })
    await expect(basemap().label()).resolves.toContain('离线底图')
  })

  it('refuses a vector PMTiles file, saying only raster tiles are supported', async () => {
    await session.planner.open()
    await basemap().choose('pmtiles')
    const vector = makeArchive({ tileType: 1, tile: new Uint8Array(), metadata: { vector_layers: [] } })
    await basemap().pickFile({ name: 'roads.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from(vector) })
    await expect(session.page.locator('[data-testid="basemap:file-problem"]').innerText()).resolves.toContain('目前只支持栅格瓦片')
    await expect(session.page.locator('[data-testid="basemap:file-kept"]').count()).resolves.toBe(0)
  })
})
