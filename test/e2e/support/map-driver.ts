import type { Page } from 'playwright-core'
import { DEMO_PLAN_ID } from '@/db/demo-plan'

export type LngLat = [number, number]

export interface Camera {
  center: LngLat
  zoom: number
}

/** MapLibre's world is 512 CSS px wide at zoom 0 (Web Mercator). */
function worldPx([lng, lat]: LngLat, zoom: number): { x: number, y: number } {
  const size = 512 * 2 ** zoom
  const sin = Math.sin((lat * Math.PI) / 180)
  return { x: ((lng + 180) / 360) * size, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size }
}

/**
 * A driver for the map itself: opens the planner with the map at a known camera (the saved view a user left,
 * as the app restores it), so a lng/lat can be turned into the page pixel a user would press.
 */
export class MapDriver {
  private camera: Camera | null = null

  constructor(readonly page: Page) {}

  /** Leaves the demo plan's saved view at `camera` before the first load of the page (reloads keep what the app saved). */
  async startAt(camera: Camera): Promise<void> {
    this.camera = camera
    await this.page.addInitScript(([key, saved]) => {
      if (sessionStorage.getItem('e2e:camera')) return
      localStorage.setItem(key, saved)
      sessionStorage.setItem('e2e:camera', '1')
    }, [`ecny-planner:view:${DEMO_PLAN_ID}`, JSON.stringify({ camera })] as const)
  }

  /** The page pixel of a lng/lat, while the map is still at the camera it started at. */
  async pixelOf(lngLat: LngLat): Promise<{ x: number, y: number }> {
    if (!this.camera) throw new Error('startAt() first')
    const box = (await this.page.locator('[data-testid="map:canvas"]').boundingBox())!
    const centre = worldPx(this.camera.center, this.camera.zoom)
    const point = worldPx(lngLat, this.camera.zoom)
    return { x: box.x + box.width / 2 + point.x - centre.x, y: box.y + box.height / 2 + point.y - centre.y }
  }

  /** Presses at the first point, moves through the others in small steps, releases at the last (mouse). */
  async drag(path: LngLat[], options: { beforeRelease?: () => Promise<void> } = {}): Promise<void> {
    const [first, ...rest] = await Promise.all(path.map((p) => this.pixelOf(p)))
    await this.page.mouse.move(first!.x, first!.y)
    await this.page.mouse.down()
    for (const point of rest) await this.page.mouse.move(point.x, point.y, { steps: 8 })
    await options.beforeRelease?.()
    await this.page.mouse.up()
  }

  /** The same with one finger on a touch screen (the context needs hasTouch), through the DevTools protocol. */
  async touchDrag(path: LngLat[]): Promise<void> {
    const points = await Promise.all(path.map((p) => this.pixelOf(p)))
    const cdp = await this.page.context().newCDPSession(this.page)
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at?: { x: number, y: number }) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at ? [{ x: at.x, y: at.y }] : [] })
    await touch('touchStart', points[0])
    for (let i = 1; i < points.length; i++) {
      for (let step = 1; step <= 8; step++) {
        const [a, b] = [points[i - 1]!, points[i]!]
        await touch('touchMove', { x: a.x + ((b.x - a.x) * step) / 8, y: a.y + ((b.y - a.y) * step) / 8 })
      }
    }
    await touch('touchEnd')
    await cdp.detach()
  }

  async click(lngLat: LngLat): Promise<void> {
    const { x, y } = await this.pixelOf(lngLat)
    await this.page.mouse.click(x, y)
  }
}
