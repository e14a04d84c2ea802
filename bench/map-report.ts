import { cpus, loadavg } from 'node:os'
import type { ModeResult, PanResult } from './map/bench-api'

/** Issue 6's goals: absolute budgets in ms, and the panning frame against an empty map's. */
const GOALS = { firstIdleMs: 1500, editMs: 50, filterMs: 100, panRatio: 1.5 }

const ms = (value: number | null) => (value === null || Number.isNaN(value) ? '—' : `${value.toLocaleString('en', { maximumFractionDigits: value < 10 ? 1 : 0 })} ms`)
const times = (value: number | null) => (value === null || Number.isNaN(value) ? '—' : `${value.toFixed(2)}×`)
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED')
const ratioOf = (value: number | null, base: number | null) => (value === null || base === null ? null : value / base)

function row(cells: string[]): string {
  const widths = [36, 12, 12, 14, 22]
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' ')
}

type Latency = 'firstIdleMs' | 'firstPixelsMs' | 'editMs' | 'editFrameMs' | 'filterMs' | 'selectMs'

function latencyRows(layer: ModeResult, geojson: ModeResult, empty: ModeResult): string[] {
  const line = (name: string, key: Latency, goal: number | null) => {
    const value = layer[key]
    const judged = goal === null || value === null ? '' : `≤ ${goal} ms ${verdict(value <= goal)}`
    return row([name, ms(value), ms(geojson[key]), times(ratioOf(value, geojson[key])), judged])
  }
  return [
    line('first map idle (county view)', 'firstIdleMs', GOALS.firstIdleMs),
    line('  … until its pixels are drawn', 'firstPixelsMs', null),
    `  (a map with no sites: idle ${ms(empty.firstIdleMs)}, pixels ${ms(empty.firstPixelsMs)})`,
    line('status edit → next idle, drawn', 'editMs', GOALS.editMs),
    line('status edit → next frame, JS only', 'editFrameMs', GOALS.editMs),
    line('status filter toggle → idle, drawn', 'filterMs', GOALS.filterMs),
    line(`selection of ${layer.selectedSites.toLocaleString('en')} on/off → idle, drawn`, 'selectMs', null),
  ]
}

/**
 * The same latencies in empty-map frames of the same run (draw + read back of the map with the sites hidden): on a
 * loaded machine every frame is slow, and a frame cannot take less than an empty one.
 */
function frameUnits(layer: ModeResult): string {
  const frame = layer.pan.emptyMs
  const units = (value: number | null) => (value === null ? '—' : (value / frame).toFixed(1))
  return `  (in empty-map frames of ${ms(frame)}: edit ${units(layer.editMs)}, filter ${units(layer.filterMs)}, first pixels ${units(layer.firstPixelsMs)})`
}

function panRows(layer: PanResult, geojson: PanResult): string[] {
  const wallRatio = (pan: PanResult) => pan.renderMs / pan.emptyMs
  const cpuRatio = (pan: PanResult) => ratioOf(pan.cpuMs, pan.emptyCpuMs)
  const layerCpu = cpuRatio(layer)
  return [
    'pan at zoom 13, per frame (sites shown / hidden in alternating blocks):',
    row(['  wall: redraw + read back', ms(layer.renderMs), ms(geojson.renderMs), times(ratioOf(layer.renderMs, geojson.renderMs)), '']),
    row(['  wall, site layers hidden', ms(layer.emptyMs), ms(geojson.emptyMs), '', '']),
    row(['  wall ratio to the empty map', times(wallRatio(layer)), times(wallRatio(geojson)), '', `≤ ${GOALS.panRatio}× ${verdict(wallRatio(layer) <= GOALS.panRatio)}`]),
    row(['  CPU of all browser processes', ms(layer.cpuMs), ms(geojson.cpuMs), times(ratioOf(layer.cpuMs, geojson.cpuMs)), '']),
    row(['  CPU, site layers hidden', ms(layer.emptyCpuMs), ms(geojson.emptyCpuMs), '', '']),
    row(['  CPU ratio to the empty map', times(layerCpu), times(cpuRatio(geojson)), '', layerCpu === null ? '' : `≤ ${GOALS.panRatio}× ${verdict(layerCpu <= GOALS.panRatio)}`]),
  ]
}

function skipped(layer: ModeResult): ModeResult {
  const pan = { renderMs: Number.NaN, emptyMs: Number.NaN, cpuMs: null, emptyCpuMs: null }
  return { ...layer, mode: 'geojson', firstIdleMs: Number.NaN, firstPixelsMs: Number.NaN, editMs: null, editFrameMs: null, filterMs: null, selectMs: null, pan }
}

/** Prints the map benchmark: site layer, plain GeoJSON, their ratio and the goal, per figure. */
export function printMapResults(results: ModeResult[]): void {
  const layer = results.find((result) => result.mode === 'layer')!
  // Skipped (BENCH_MAP_SKIP_GEOJSON): a column of dashes.
  const geojson = results.find((result) => result.mode === 'geojson') ?? skipped(layer)
  const empty = results.find((result) => result.mode === 'empty')!
  console.log(`\nMap with ${layer.sites.toLocaleString('en')} sites (headless Chromium, software WebGL, 1280×800)`)
  console.log(row(['', 'site layer', 'GeoJSON', 'layer/GeoJSON', 'goal (site layer)']))
  for (const line of [...latencyRows(layer, geojson, empty), frameUnits(layer), ...panRows(layer.pan, geojson.pan)]) console.log(line)
  console.log(`  (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores at the end)`)
  console.log(`  (a map with no sites, own page: wall ${ms(empty.pan.renderMs)}, CPU ${ms(empty.pan.cpuMs)} per frame)`)
}
