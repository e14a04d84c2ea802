/**
 * Builds the app's built-in demo (Pingyin County) into public/geo from the Pingyin reference files:
 *   npm run geo             write public/geo/*
 *   npm run geo -- --check  exit 1 when public/geo differs from what the sources and the seed produce
 * Sources: scripts/geo-sources (copies of ../shared/geo; SHARED_GEO=<dir> reads another copy).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildPingyinDemo, serializeDemo } from './demo-outputs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sourceDir = process.env.SHARED_GEO ?? resolve(root, 'scripts/geo-sources')
const outDir = resolve(root, 'public/geo')
const check = process.argv.includes('--check')

const demo = buildPingyinDemo(sourceDir)
let stale = false
mkdirSync(outDir, { recursive: true })
for (const [name, text] of Object.entries(serializeDemo(demo))) {
  const path = resolve(outDir, name)
  if (!check) {
    writeFileSync(path, text)
    console.log(`public/geo/${name}: ${(text.length / 1024).toFixed(0)} KiB`)
  } else if (readOrEmpty(path) !== text) {
    stale = true
    console.error(`public/geo/${name} is out of date: run npm run geo`)
  }
}
const byKind = new Map<string, number>()
for (const site of demo.sites) byKind.set(site.kind, (byKind.get(site.kind) ?? 0) + 1)
console.log([...byKind].map(([kind, n]) => `${kind} ${n}`).join(', '))
if (stale) process.exit(1)

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}
