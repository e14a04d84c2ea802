import type { BrowserContext, Page } from 'playwright-core'
import { gridPng } from '../../../scripts/make-pmtiles-fixture'

export type Rgb = readonly [number, number, number]

/** A 256 px tile of one colour, as a PNG: what the intercepted tile servers answer with. */
export function solidPng(colour: Rgb): Buffer {
  return Buffer.from(gridPng(256, colour, colour))
}

/** Answers every tile request under `pattern` (no real tile server is reachable) and records the URLs asked for. */
export async function serveTiles(context: BrowserContext, pattern: string, answer: (url: string) => { status: number, body: Buffer }): Promise<string[]> {
  const requested: string[] = []
  await context.route(pattern, (route) => {
    const url = route.request().url()
    requested.push(url)
    const { status, body } = answer(url)
    return route.fulfill({ status, body, contentType: status === 200 ? 'image/png' : 'text/plain' })
  })
  return requested
}

/** A domain driver over the basemap chooser on the map. */
export class BasemapControl {
  constructor(readonly page: Page) {}

  async choose(kind: 'offline' | 'osm' | 'tianditu' | 'pmtiles'): Promise<void> {
    await this.openPanel()
    await this.page.click(`[data-testid="basemap:kind"][data-value="${kind}"]`)
  }

  async openPanel(): Promise<void> {
    if (await this.page.getAttribute('[data-testid="basemap:toggle"]', 'aria-expanded') !== 'true') await this.page.click('[data-testid="basemap:toggle"]')
  }

  async saveTiandituKey(key: string): Promise<void> {
    await this.page.fill('[data-testid="basemap:tianditu-key"]', key)
    await this.page.click('[data-testid="basemap:tianditu-save"]')
  }

  async pickFile(file: string | { name: string, mimeType: string, buffer: Buffer }): Promise<void> {
    await this.page.setInputFiles('[data-testid="basemap:file-input"]', file)
  }

  /** The notice beside the chooser ('' when there is none). */
  async notice(): Promise<string> {
    const notice = this.page.locator('[data-testid="basemap:notice"]')
    return (await notice.count()) ? notice.innerText() : ''
  }

  async label(): Promise<string> {
    return this.page.locator('[data-testid="basemap:toggle"]').innerText()
  }

  async attribution(): Promise<string> {
    return this.page.locator('.maplibregl-ctrl-attrib').innerText()
  }
}
