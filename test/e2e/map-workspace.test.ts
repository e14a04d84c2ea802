import { describe, expect, it } from 'vitest'
import { readDemoFiles } from '../support/demo-expectations'
import { useFreshPage } from './support/fresh-page'

const session = useFreshPage()

const countText = (): Promise<string> => session.page.locator('[data-testid="filter:count"]').innerText()

describe('filtering the sites of the map', () => {
  it('shows the count of what the kind and status filters let through, and keeps it over a reload', async () => {
    const { sites } = readDemoFiles()
    const liveSchools = sites.filter((s) => s.kind === 'school' && s.status === 'live').length
    await session.planner.open()
    await session.page.click('[data-testid="tab:sites"]')
    await expect(countText()).resolves.toBe(`显示 ${sites.length} / ${sites.length} 个点位`)
    await session.page.click('[data-testid="filter:kind"][data-value="school"]')
    await session.page.click('[data-testid="filter:status"][data-value="live"]')
    await expect(countText()).resolves.toBe(`显示 ${liveSchools} / ${sites.length} 个点位`)
    await expect(session.page.locator('[data-testid="site:list-item"]').count()).resolves.toBe(liveSchools)

    await session.page.reload()
    await session.page.waitForSelector('[data-testid="filter:count"]')
    await expect(countText()).resolves.toBe(`显示 ${liveSchools} / ${sites.length} 个点位`)
  })

  it('finds a site by name and opens its panel', async () => {
    await session.planner.open()
    await session.page.click('[data-testid="tab:sites"]')
    await session.page.fill('[data-testid="filter:search"]', '平阴县人民医院')
    await session.page.click('[data-testid="site:list-item"]')
    await expect(session.page.locator('[data-testid="site:name"]').innerText()).resolves.toBe('平阴县人民医院')
    await expect(session.page.locator('[data-testid="site:panel"]').innerText()).resolves.toContain('榆山街道')
  })

  it('hides the sites when their layer is switched off', async () => {
    await session.planner.open()
    const before = await session.planner.mapPixels()
    await session.page.click('[data-testid="layer:sites"]')
    await session.page.click('[data-testid="layer:bus-lines"]')
    await session.page.waitForTimeout(800)
    const after = await session.planner.mapPixels()
    expect(before.live).toBeGreaterThan(0.0005)
    // Only the green of met towns' fill remains, far below the density of live dots.
    expect(after.live).toBeLessThan(before.live / 4)
  })
})

describe('adding and bulk-changing sites on the map', () => {
  const mapPoint = async (fx: number, fy: number): Promise<{ x: number, y: number }> => {
    const box = (await session.page.locator('[data-testid="map:canvas"]').boundingBox())!
    return { x: box.x + box.width * fx, y: box.y + box.height * fy }
  }

  it('adds a site where the map is clicked', async () => {
    await session.planner.open()
    await session.page.click('[data-testid="tab:sites"]')
    const before = await countText()
    await session.page.click('[data-testid="tools:place"]')
    const { x, y } = await mapPoint(0.45, 0.5)
    await session.page.mouse.click(x, y)
    await expect.poll(() => session.page.locator('[data-testid="site:name"]').innerText()).toBe('新商户')
    const total = (text: string): number => Number(/\/ (\d+)/.exec(text)![1])
    expect(total(await countText())).toBe(total(before) + 1)
  })

  it('changes the status of the sites in a dragged box in one step', async () => {
    await session.planner.open()
    await session.page.click('[data-testid="tab:sites"]')
    await session.page.click('[data-testid="tools:box"]')
    const from = await mapPoint(0.3, 0.3)
    const to = await mapPoint(0.6, 0.6)
    await session.page.mouse.move(from.x, from.y)
    await session.page.mouse.down()
    await session.page.mouse.move(to.x, to.y, { steps: 5 })
    await session.page.mouse.up()
    const selected = Number(/\d+/.exec(await session.page.locator('[data-testid="tools:count"]').innerText())![0])
    expect(selected).toBeGreaterThan(10)
    await session.page.selectOption('[data-testid="tools:status"]', 'suspended')
    await session.page.click('[data-testid="tools:apply"]')
    await session.page.waitForSelector('[data-testid="tools:bulk"]', { state: 'detached' })
    await session.page.click('[data-testid="filter:status"][data-value="suspended"]')
    const suspended = Number(/显示 (\d+)/.exec(await countText())![1])
    expect(suspended).toBeGreaterThanOrEqual(selected)
    await session.page.click('[data-testid="history:undo"]')
    await expect.poll(async () => Number(/显示 (\d+)/.exec(await countText())![1])).toBeLessThan(selected)
  })
})
