import { booleanPointInPolygon } from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { DEMO_REPORT_DATE } from '@/core/demo'
import { DEFAULT_CLUSTER_RULE, isLiveOn, type Region, type Site } from '@/core/model'
import { readDemoFiles } from '../support/demo-expectations'
import { useFreshPage } from './support/fresh-page'
import { MapDriver, type Camera, type LngLat } from './support/map-driver'
import { PlannerPage } from './support/planner-page'

const session = useFreshPage()
const YUSHAN = '370124001000'
const JINSHUI = '370124002000'
/** 孔村镇: no consumption cluster in the demo, so its "≥ 1 cluster per town" target is not met. */
const KONGCUN = '370124104000'
const CLUSTER_TARGET = 'pingyin-2023/r8-year-cluster-each-town'

const inside = (region: Region, [lng, lat]: LngLat): boolean => booleanPointInPolygon([lng, lat], region.geometry!)
const at = (site: Site): LngLat => site.geometry.coordinates as LngLat

/**
 * A merchant of 榆山街道 near the border of 锦水街道, and a point just over the border (beside a 锦水 merchant), with
 * no other site within 40 m of either: a press there can only mean it. Region tests run once per site, not per pair.
 */
function findMerchantNearBorder(): { site: Site, from: Region, to: Region, target: LngLat } {
  const { regions, sites } = readDemoFiles()
  const from = regions.find((r) => r.code === YUSHAN)!
  const to = regions.find((r) => r.code === JINSHUI)!
  const points = sites.filter((s) => s.geometry.type === 'Point')
  const alone = (p: LngLat, except: Site | null): boolean => points.every((s) => s === except || Math.hypot(at(s)[0] - p[0], at(s)[1] - p[1]) > 0.0004)
  const movers = points.filter((s) => s.kind === 'merchant' && inside(from, at(s)) && alone(at(s), s))
  const targets = points.filter((s) => s.kind === 'merchant' && inside(to, at(s)))
    .map((s): LngLat => [at(s)[0] + 0.0003, at(s)[1] + 0.0003]).filter((p) => inside(to, p) && alone(p, null))
  const pairs = movers.flatMap((site) => targets.map((target) => ({ site, target, distance: Math.hypot(target[0] - at(site)[0], target[1] - at(site)[1]) })))
  const best = pairs.filter((p) => p.distance > 0.002).toSorted((a, b) => a.distance - b.distance)[0]!
  return { site: best.site, from, to, target: best.target }
}

let border: ReturnType<typeof findMerchantNearBorder> | null = null
const merchantNearBorder = (): ReturnType<typeof findMerchantNearBorder> => (border ??= findMerchantNearBorder())

/** A ring of `vertices` points around a centre (radii in degrees of longitude and latitude), closed. */
function ringAround([lng, lat]: LngLat, radiusLng: number, radiusLat: number, vertices: number, wobble = 0): LngLat[] {
  const ring = Array.from({ length: vertices }, (_, i): LngLat => {
    const angle = (2 * Math.PI * i) / vertices
    const scale = 1 - (i % 2) * wobble
    return [lng + radiusLng * scale * Math.cos(angle), lat + radiusLat * scale * Math.sin(angle)]
  })
  return [...ring, ring[0]!]
}

/** A camera at zoom 14.5 that shows `centre` left of the map's middle, clear of the legend in the bottom-right corner. */
const leftOfLegend = ([lng, lat]: LngLat): Camera => ({ center: [lng + 0.004, lat], zoom: 14.5 })

describe('moving a site by dragging it', () => {
  const startNearBorder = async (): Promise<{ map: MapDriver, total: (code: string) => Promise<number> } & ReturnType<typeof merchantNearBorder>> => {
    const found = merchantNearBorder()
    const map = new MapDriver(session.page)
    await map.startAt({ center: [(at(found.site)[0] + found.target[0]) / 2, (at(found.site)[1] + found.target[1]) / 2], zoom: 15 })
    await session.planner.open()
    const total = async (code: string): Promise<number> => (await session.planner.rows()).find((r) => r.code === code)!.total
    return { ...found, map, total }
  }
  const selectOnMap = async (map: MapDriver, site: Site): Promise<void> => {
    await map.click(at(site))
    await expect.poll(() => session.page.getAttribute('[data-testid="site:panel"]', 'data-site-id')).toBe(site.id)
  }

  it('re-assigns a dragged merchant to the town it lands in, as one undoable change that survives a reload', async () => {
    const { site, from, to, target, map, total } = await startNearBorder()
    const [fromTotal, toTotal] = [await total(from.code), await total(to.code)]
    await selectOnMap(map, site)
    await map.drag([at(site), target])

    await expect.poll(() => session.page.locator('[data-testid="map:notice"]').innerText()).toContain(to.name)
    await expect(session.page.locator('[data-testid="site:panel"]').innerText()).resolves.toContain(to.name)
    expect([await total(from.code), await total(to.code)]).toEqual([fromTotal - 1, toTotal + 1])
    await session.page.reload()
    await session.page.waitForSelector('[data-testid="coverage:row"]')
    expect([await total(from.code), await total(to.code)]).toEqual([fromTotal - 1, toTotal + 1])

    await session.page.click('[data-testid="history:undo"]')
    await expect.poll(() => total(from.code)).toBe(fromTotal)
    expect(await total(to.code)).toBe(toTotal)
    // The move was one entry of the change log: nothing is left to undo on a first run.
    await expect(session.page.locator('[data-testid="history:undo"]').isDisabled()).resolves.toBe(true)
  })

  it('puts the site back where it was when Esc is pressed during the drag', async () => {
    const { site, from, target, map, total } = await startNearBorder()
    const fromTotal = await total(from.code)
    await selectOnMap(map, site)
    await map.drag([at(site), target], { beforeRelease: () => session.page.keyboard.press('Escape') })

    await session.page.waitForTimeout(500)
    expect(await total(from.code)).toBe(fromTotal)
    await expect(session.page.locator('[data-testid="map:notice"]').count()).resolves.toBe(0)
    await expect(session.page.locator('[data-testid="history:undo"]').isDisabled()).resolves.toBe(true)
    // The map draws it at its old place again: a click there finds it.
    await session.page.click('[data-testid="site:close"]')
    await selectOnMap(map, site)
  })

  it('moves a site with a finger on a touch screen', async () => {
    await session.context.close()
    session.context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true })
    session.page = await session.context.newPage()
    session.planner = new PlannerPage(session.page, session.origin)
    const { site, to, target, map } = await startNearBorder()
    const { x, y } = await map.pixelOf(at(site))
    await session.page.touchscreen.tap(x, y)
    await expect.poll(() => session.page.getAttribute('[data-testid="site:panel"]', 'data-site-id')).toBe(site.id)
    await map.touchDrag([at(site), target])
    await expect.poll(() => session.page.locator('[data-testid="site:panel"]').innerText()).toContain(to.name)
  })
})

describe('lasso selection', () => {
  it('selects the sites inside a free-hand path and changes their status in one step', async () => {
    const { sites } = readDemoFiles()
    const centre: LngLat = [116.4378, 36.2939]
    // A star: a lasso is free-hand, not a box.
    const ring = ringAround(centre, 0.008, 0.0065, 14, 0.45)
    const inLasso = sites.filter((s) => s.geometry.type === 'Point' && booleanPointInPolygon(at(s), { type: 'Polygon', coordinates: [ring] }))
    const suspended = sites.filter((s) => s.status === 'suspended').length
    const map = new MapDriver(session.page)
    await map.startAt(leftOfLegend(centre))
    await session.planner.open()
    await session.page.click('[data-testid="tab:sites"]')
    await session.page.click('[data-testid="tools:lasso"]')
    await map.drag(ring)

    await expect(session.page.locator('[data-testid="tools:count"]').innerText()).resolves.toBe(`已选 ${inLasso.length} 个点位`)
    expect(inLasso.length).toBeGreaterThan(10)
    await session.page.selectOption('[data-testid="tools:status"]', 'suspended')
    await session.page.click('[data-testid="tools:apply"]')
    await session.page.waitForSelector('[data-testid="tools:bulk"]', { state: 'detached' })
    await session.page.click('[data-testid="filter:status"][data-value="suspended"]')
    const shown = async (): Promise<number> => Number(/显示 (\d+)/.exec(await session.page.locator('[data-testid="filter:count"]').innerText())![1])
    expect(await shown()).toBe(suspended + inLasso.filter((s) => s.status !== 'suspended').length)
    await session.page.click('[data-testid="history:undo"]')
    await expect.poll(shown).toBe(suspended)
  })
})

describe('drawing a consumption cluster', () => {
  it('turns the town\'s cluster target met when drawn around enough live merchants, and keeps it over a reload', async () => {
    const { sites } = readDemoFiles()
    const centre: LngLat = [116.4592053, 36.1809063]
    const ring = ringAround(centre, 0.0065, 0.005, 6)
    const merchants = sites.filter((s) => s.kind === 'merchant' && booleanPointInPolygon(at(s), { type: 'Polygon', coordinates: [ring] }))
    const live = merchants.filter((s) => isLiveOn(s, DEMO_REPORT_DATE)).length
    // Given: the ring holds enough live merchants for the plan's rule.
    expect(live).toBeGreaterThanOrEqual(DEFAULT_CLUSTER_RULE.minLiveMerchants)
    expect(live / merchants.length).toBeGreaterThanOrEqual(DEFAULT_CLUSTER_RULE.minLiveShare)
    const map = new MapDriver(session.page)
    await map.startAt(leftOfLegend(centre))
    await session.planner.open()
    const targetRow = session.page.locator(`[data-testid="dashboard:target-row"][data-target="${CLUSTER_TARGET}"][data-region="${KONGCUN}"]`)
    await session.page.click('[data-testid="nav:dashboard"]')
    await expect(targetRow.innerText()).resolves.not.toContain('已达标')
    await session.page.click('[data-testid="nav:map"]')
    await session.page.waitForSelector('[data-testid="map:canvas"][data-map-idle="true"]')

    await session.page.click('[data-testid="cluster:draw"]')
    await session.page.waitForTimeout(1000)
    for (const vertex of ring) {
      await map.click(vertex)
      await session.page.waitForTimeout(300)
    }
    await session.page.fill('[data-testid="cluster:name"]', '孔村镇集市')
    await session.page.click('[data-testid="cluster:save"]')
    const clusterRow = session.page.locator('[data-testid="cluster:row"]', { hasText: '孔村镇集市' })
    await expect.poll(() => clusterRow.getAttribute('data-established')).toBe('true')
    await expect(clusterRow.innerText()).resolves.toContain(`${live} / ${merchants.length}`)

    await session.page.click('[data-testid="nav:dashboard"]')
    await expect.poll(() => targetRow.innerText()).toContain('已达标')
    await session.page.reload()
    await targetRow.waitFor()
    await expect(targetRow.innerText()).resolves.toContain('已达标')
  })
})

describe('the legend', () => {
  it('explains the aggregated dots while the sites are drawn as bins, and shows the site symbols otherwise', async () => {
    const map = new MapDriver(session.page)
    await map.startAt({ center: [116.4, 36.22], zoom: 8.5 })
    await session.planner.open()
    await expect.poll(() => session.page.locator('[data-testid="legend:bins"]').count()).toBe(1)
    await expect(session.page.locator('[data-testid="legend:kind"]').count()).resolves.toBe(0)
    for (let i = 0; i < 4; i++) await session.page.click('.maplibregl-ctrl-zoom-in')
    await expect.poll(() => session.page.locator('[data-testid="legend:bins"]').count()).toBe(0)
    await expect(session.page.locator('[data-testid="legend:kind"]').count()).resolves.toBeGreaterThan(0)
  })
})
