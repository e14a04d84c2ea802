import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page, type Request } from 'playwright-core'

/** Debian's Chromium (installed by .ci/run); CHROMIUM_PATH points elsewhere. Never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The flags that work here: no sandbox in the container, no background traffic, WebGL in software. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader']

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`)
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  })
}

/** Records every request the page makes that does not go to the app's own origin. */
export function recordForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = []
  page.on('request', (request: Request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url)
  })
  return foreign
}

/** Waits until the service worker controls the page: from then on it has precached the shell and public/geo. */
export async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }))
    }
  })
}
