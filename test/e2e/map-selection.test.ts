import { describe, expect, it } from 'vitest'
import type { Site } from '@/core/model'
import { SELECTION_COLOR, STATUS_COLORS } from '@/map/status-style'
import { readDemoFiles } from '../support/demo-expectations'
import { useFreshPage } from './support/fresh-page'
import { MapDriver, type LngLat } from './support/map-driver'

const session = useFreshPage()
const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]
const SELECTION_RGB = rgb(SELECTION_COLOR)
/** Half the side of the square read around a site: its symbol (19 px at zoom 14.5) and the halo (3 + 1 px) fit. */
const AROUND_PX = 14
const CENTRE: LngLat = [116.4378, 36.2939]
/** The box, in degrees either side of the centre (about 400 × 330 px at zoom 14.5, left of the legend). */
const HALF_BOX: LngLat = [0.006, 0.004]

const at = (site: Site): LngLat => site.geometry.coordinates as LngLat

/** Point sites inside the box by a margin (in degrees; negative: outside by that much). */
function sitesInBox(margin: number): Site[] {
  const [west, east] = [CENTRE[0] - HALF_BOX[0] + margin, CENTRE[0] + HALF_BOX[0] - margin]
  const [south, north] = [CENTRE[1] - HALF_BOX[1] + margin, CENTRE[1] + HALF_BOX[1] - margin]
  return readDemoFiles().sites.filter((s) => s.geometry.type === 'Point' && at(s)[0] >= west && at(s)[0] <= east && at(s)[1] >= south && at(s)[1] <= north)
}

/** Given the sites tab's box tool, when a box is dragged on the map at zoom 14.5: the driver and the sites it holds. */
async function boxSelect(): Promise<{ map: MapDriver, selected: Site[] }> {
  const map = new MapDriver(session.page)
  await map.startAt({ center: [CENTRE[0] + 0.004, CENTRE[1]], zoom: 14.5 })
  await session.planner.open()
  await session.page.click('[data-testid="tab:sites"]')
  await session.page.click('[data-testid="tools:box"]')
  await map.drag([[CENTRE[0] - HALF_BOX[0], CENTRE[1] + HALF_BOX[1]], [CENTRE[0] + HALF_BOX[0], CENTRE[1] - HALF_BOX[1]]])
  const selected = sitesInBox(0)
  await expect.poll(() => session.page.locator('[data-testid="tools:count"]').innerText()).toBe(`已选 ${selected.length} 个点位`)
  return { map, selected }
}

/** Per site, the pixels of the selection colour around it on the map. */
async function selectionPixelsAround(map: MapDriver, sites: Site[]): Promise<number[]> {
  const points = await Promise.all(sites.map((site) => map.pixelOf(at(site))))
  return session.planner.colourAround(points, SELECTION_RGB, AROUND_PX)
}

describe('highlighting the sites of a box selection on the map', () => {
  it('draws the selection colour around every selected site and around no site far outside the box', async () => {
    const { map, selected } = await boxSelect()
    // Sites well inside, so the app's box (from screen pixels) and ours agree on them; and sites 50 to 100 px outside.
    const inside = sitesInBox(0.0003)
    const near = new Set(sitesInBox(-0.0015).map((s) => s.id))
    const outside = sitesInBox(-0.003).filter((s) => !near.has(s.id))
    expect(inside.length).toBeGreaterThan(10)
    expect(outside.length).toBeGreaterThan(10)

    await expect.poll(async () => (await selectionPixelsAround(map, inside)).filter((n) => n < 10).length).toBe(0)
    expect((await selectionPixelsAround(map, outside)).every((n) => n === 0)).toBe(true)
    await expect(session.page.locator('[data-testid="legend:selected"]').innerText()).resolves.toBe(`已选点位（${selected.length}）`)
  })

  it.each([
    ['the clear button', () => session.page.click('[data-testid="tools:clear"]')],
    ['Esc', () => session.page.keyboard.press('Escape')],
  ])('takes the highlight and the legend entry off when the selection is cleared with %s', async (_how, clear) => {
    const { map, selected } = await boxSelect()
    await expect.poll(async () => Math.max(...await selectionPixelsAround(map, selected))).toBeGreaterThan(10)

    await clear()
    await expect.poll(async () => Math.max(...await selectionPixelsAround(map, selected))).toBe(0)
    await expect(session.page.locator('[data-testid="legend:selected"]').count()).resolves.toBe(0)
  })

  it('keeps a selected site highlighted after its status is changed in its panel', async () => {
    const { map } = await boxSelect()
    const site = sitesInBox(0.0003).find((s) => s.kind === 'merchant' && s.status === 'candidate')!
    await session.page.fill('[data-testid="filter:search"]', site.id)
    await session.page.click('[data-testid="site:list-item"]')
    await session.page.click('[data-testid="site:edit"]')
    await session.page.click('[data-testid="site:set-status"][data-value="live"]')
    await session.page.click('[data-testid="site:save"]')
    await session.page.waitForSelector('[data-testid="site:edit"]')
    await session.page.click('[data-testid="filter:reset"]')

    // Drawn live (its centre green), and still in the selection colour around it.
    const point = await map.pixelOf(at(site))
    await expect.poll(async () => (await session.planner.colourAround([point], rgb(STATUS_COLORS.live), 2))[0]).toBeGreaterThan(5)
    expect((await selectionPixelsAround(map, [site]))[0]).toBeGreaterThan(10)
  })

  it('keeps the selection when Esc abandons the drag of another box', async () => {
    const { map, selected } = await boxSelect()
    const elsewhere: LngLat[] = [[CENTRE[0] - 0.002, CENTRE[1] + 0.001], [CENTRE[0] + 0.002, CENTRE[1] - 0.001]]
    await map.drag(elsewhere, { beforeRelease: () => session.page.keyboard.press('Escape') })

    await session.page.waitForTimeout(500)
    await expect(session.page.locator('[data-testid="tools:count"]').innerText()).resolves.toBe(`已选 ${selected.length} 个点位`)
    expect(Math.max(...await selectionPixelsAround(map, selected))).toBeGreaterThan(10)
  })

  it('adds to the selection with Shift or the Add mode, and takes away with Alt or the Subtract mode', async () => {
    const { map, selected } = await boxSelect()
    const count = async (): Promise<number> => {
      const shown = session.page.locator('[data-testid="tools:count"]')
      return (await shown.count()) === 0 ? 0 : Number((await shown.innerText()).match(/\d+/)![0])
    }
    const box: LngLat[] = [[CENTRE[0] - HALF_BOX[0], CENTRE[1] + HALF_BOX[1]], [CENTRE[0] + HALF_BOX[0], CENTRE[1] - HALF_BOX[1]]]
    // A second box south of the first, not overlapping it: picked alone first, to learn its count from the app.
    const south: LngLat[] = [[CENTRE[0] - HALF_BOX[0], CENTRE[1] - HALF_BOX[1] - 0.0005], [CENTRE[0] + HALF_BOX[0], CENTRE[1] - HALF_BOX[1] - 0.003]]
    await map.drag(south)
    await expect.poll(count).not.toBe(selected.length)
    const southCount = await count()
    expect(southCount).toBeGreaterThan(0)

    await map.drag(box)
    await expect.poll(count).toBe(selected.length)
    await session.page.keyboard.down('Shift')
    await map.drag(south)
    await session.page.keyboard.up('Shift')
    await expect.poll(count).toBe(selected.length + southCount)
    // Still a box selection: Shift did not zoom the map to the box.
    await session.page.keyboard.down('Alt')
    await map.drag(box)
    await session.page.keyboard.up('Alt')
    await expect.poll(count).toBe(southCount)

    await session.page.click('[data-testid="tools:mode-add"]')
    await map.drag(box)
    await expect.poll(count).toBe(selected.length + southCount)
    await session.page.click('[data-testid="tools:mode-subtract"]')
    await map.drag(south)
    await expect.poll(count).toBe(selected.length)
    await map.drag(box)
    await expect.poll(count).toBe(0)
  })
})
