import type { Page } from 'playwright-core'

/** A domain driver over the planner page: what a user sees and does, in the test ids of the UI. */
export class PlannerPage {
  constructor(readonly page: Page, readonly origin: string) {}

  async open(): Promise<void> {
    await this.page.goto(this.origin)
    await this.page.waitForSelector('[data-testid="coverage:row"]', { timeout: 30_000 })
    await this.page.waitForSelector('[data-testid="map:canvas"][data-map-idle="true"]', { timeout: 30_000 })
  }

  async rows(): Promise<Array<{ code: string, name: string, live: number, total: number, gap: number | null, gapText: string }>> {
    return this.page.$$eval('[data-testid="coverage:row"]', (rows) => rows.map((row) => {
      const text = (id: string): string => row.querySelector(`[data-testid="coverage:${id}"]`)?.textContent?.trim() ?? ''
      const gap = row.querySelector('[data-testid="coverage:gap"]')?.getAttribute('data-gap') ?? ''
      return {
        code: row.getAttribute('data-code') ?? '',
        name: text('name'),
        live: Number(text('live')),
        total: Number(text('total')),
        gap: gap === '' ? null : Number(gap),
        gapText: text('gap-text'),
      }
    }))
  }

  async clickRow(name: string): Promise<void> {
    await this.page.click(`[data-testid="coverage:row"]:has-text("${name}")`)
  }

  /** Where a town's label sits, relative to the map's centre (fractions of the map's width and height). */
  async labelOffsetFromCentre(name: string): Promise<{ dx: number, dy: number }> {
    return this.page.evaluate((townName) => {
      const map = document.querySelector('[data-testid="map:canvas"]')!.getBoundingClientRect()
      const label = [...document.querySelectorAll('[data-testid="map:town-label"]')].find((l) => l.textContent === townName)
      if (!label) throw new Error(`no label ${townName}`)
      const box = label.getBoundingClientRect()
      return { dx: (box.x + box.width / 2 - (map.x + map.width / 2)) / map.width, dy: (box.y + box.height / 2 - (map.y + map.height / 2)) / map.height }
    }, name)
  }

  /** The length the scale bar stands for, in metres: smaller when zoomed in. */
  async scaleBarMeters(): Promise<number> {
    const text = await this.page.locator('.maplibregl-ctrl-scale').innerText()
    const match = /([\d.]+)\s*(k?m)/.exec(text)
    if (!match) throw new Error(`unreadable scale bar: ${text}`)
    return Number(match[1]) * (match[2] === 'km' ? 1000 : 1)
  }

  /**
   * Share of the map's pixels that are not the plain background, and how many are the "live" green, read off a
   * real screenshot of the canvas (a WebGL canvas cannot be read back directly).
   */
  async mapPixels(): Promise<{ drawn: number, live: number }> {
    const { background, live } = await this.colourShares({ background: [0xee, 0xf1, 0xec], live: [0x2e, 0x9d, 0x5b] })
    return { drawn: 1 - background!, live: live! }
  }

  /** Share of the map's pixels near each of the given colours, read off a real screenshot of the canvas. */
  async colourShares(colours: Record<string, readonly [number, number, number]>): Promise<Record<string, number>> {
    const { counts, pixels } = await this.scanCanvas(colours, [])
    return Object.fromEntries(Object.entries(counts).map(([name, count]) => [name, count / pixels]))
  }

  /**
   * For each page point (as MapDriver.pixelOf gives), how many pixels of the square of radiusPx around it are near
   * the colour, read off a real screenshot of the canvas.
   */
  async colourAround(points: ReadonlyArray<{ x: number, y: number }>, colour: readonly [number, number, number], radiusPx: number): Promise<number[]> {
    const canvas = (await this.page.locator('[data-testid="map:canvas"] canvas').boundingBox())!
    const windows = points.map(({ x, y }) => ({ x: Math.round(x - canvas.x), y: Math.round(y - canvas.y), radius: radiusPx }))
    return (await this.scanCanvas({ colour }, windows)).windows.map((counts) => counts.colour!)
  }

  /** Counts of pixels near each colour over the whole canvas and in each square window (canvas pixels, DPR 1). */
  private async scanCanvas(colours: Record<string, readonly [number, number, number]>, windows: Array<{ x: number, y: number, radius: number }>) {
    const png = await this.page.locator('[data-testid="map:canvas"] canvas').screenshot()
    return this.page.evaluate(async ({ base64, targets, squares }) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob()
      const bitmap = await createImageBitmap(blob)
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
      const context = canvas.getContext('2d')!
      context.drawImage(bitmap, 0, 0)
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height)
      const near = (i: number, [r, g, b]: readonly number[]): boolean => Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 30
      const countIn = (x0: number, y0: number, x1: number, y1: number): Record<string, number> => {
        const counts = Object.fromEntries(Object.keys(targets).map((name) => [name, 0]))
        for (let y = Math.max(0, y0); y < Math.min(bitmap.height, y1); y++) {
          for (let x = Math.max(0, x0); x < Math.min(bitmap.width, x1); x++) {
            for (const [name, colour] of Object.entries(targets)) if (near((y * bitmap.width + x) * 4, colour)) counts[name]!++
          }
        }
        return counts
      }
      return {
        pixels: bitmap.width * bitmap.height,
        counts: countIn(0, 0, bitmap.width, bitmap.height),
        windows: squares.map(({ x, y, radius }) => countIn(x - radius, y - radius, x + radius + 1, y + radius + 1)),
      }
    }, { base64: png.toString('base64'), targets: colours, squares: windows })
  }
}
