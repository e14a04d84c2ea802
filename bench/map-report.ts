import type { ModeResult } from './map/bench-api'

/** Issue 6's goals: absolute budgets in ms, and the panning frame against an empty map's. */
const GOALS = { firstIdleMs: 1500, editMs: 50, filterMs: 100, panRatio: 1.5 }

const ms = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('en', { maximumFractionDigits: value < 10 ? 2 : 0 })} ms`)
const times = (value: number) => `${value.toFixed(2)}×`
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')

function row(cells: string[]): string {
  const widths = [34, 12, 12, 14, 22]
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' ')
}

/** layer / GeoJSON for one figure (below 1 means the layer is faster). */
function versus(layer: number | null, geojson: number | null): string {
  return layer === null || geojson === null ? '—' : times(layer / geojson)
}

function latencyRows(layer: ModeResult, geojson: ModeResult): string[] {
  const line = (name: string, key: 'firstIdleMs' | 'editMs' | 'editFrameMs' | 'filterMs', goal: number) => {
    const value = layer[key]
    return row([name, ms(value), ms(geojson[key]), versus(value, geojson[key]), value === null ? '' : `≤ ${goal} ms ${verdict(value <= goal)}`])
  }
  return [
    line('first map idle', 'firstIdleMs', GOALS.firstIdleMs),
    line('status edit → next idle', 'editMs', GOALS.editMs),
    line('status edit → next frame', 'editFrameMs', GOALS.editMs),
    line('status filter toggle → idle', 'filterMs', GOALS.filterMs),
  ]
}

function panRows(layer: ModeResult, geojson: ModeResult, empty: ModeResult[]): string[] {
  const ratio = (result: ModeResult) => result.panRenderMs / result.panEmptyMs
  return [
    row(['pan frame at zoom 13 (draw + read)', ms(layer.panRenderMs), ms(geojson.panRenderMs), versus(layer.panRenderMs, geojson.panRenderMs), '']),
    row(['  same map, site layers hidden', ms(layer.panEmptyMs), ms(geojson.panEmptyMs), '', '']),
    row(['  ratio to the empty map', times(ratio(layer)), times(ratio(geojson)), '', `≤ ${GOALS.panRatio}× ${verdict(ratio(layer) <= GOALS.panRatio)}`]),
    `a map with no sites at all (own page): pan frame ${empty.map((result) => ms(result.panRenderMs)).join(', ')}`,
  ]
}

/** Prints the map benchmark: custom layer, plain GeoJSON, their ratio and the goal, per figure. */
export function printMapResults(results: ModeResult[]): void {
  const layer = results.find((result) => result.mode === 'layer')!
  const geojson = results.find((result) => result.mode === 'geojson')!
  const empty = results.filter((result) => result.mode === 'empty')
  console.log(`\nMap with ${layer.sites.toLocaleString('en')} sites (headless Chromium, software WebGL, 1280×800)`)
  console.log(row(['', 'site layer', 'GeoJSON', 'layer/GeoJSON', 'goal (site layer)']))
  for (const line of [...latencyRows(layer, geojson), ...panRows(layer, geojson, empty)]) console.log(line)
}
