import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { Site, SiteStatus } from '@/core/model'
import { offlineStyle } from '@/map/offline-style'
import type { BenchMode, ModeResult } from './bench-api'
import { generateSites, PINGYIN_BOUNDS, townSeats } from './generate-sites'
import { RENDERERS, type SiteRenderer } from './renderers'

setWorkerUrl(workerUrl)

const TIMEOUT_MS = 120_000
const PAN_WARMUP_FRAMES = 2
const PAN_BLOCKS = 8
const PAN_BLOCK_FRAMES = 10
const PAN_STEP_PX = 6

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length

/** Resolves at the map's next event of a type, with the time it came; fails after TIMEOUT_MS. */
function nextEvent(map: MapLibreMap, type: 'idle' | 'render'): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${type}' within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)
    map.once(type, () => {
      clearTimeout(timer)
      resolve(performance.now())
    })
  })
}

async function firstIdle(renderer: SiteRenderer, sites: Site[]): Promise<{ map: MapLibreMap, ms: number }> {
  const start = performance.now()
  const map = new MapLibreMap({
    container: 'map', style: offlineStyle(), bounds: PINGYIN_BOUNDS, fitBoundsOptions: { padding: 24 },
    attributionControl: false, fadeDuration: 0,
  })
  const idle = new Promise<number>((resolve, reject) => {
    map.once('load', () => {
      renderer.add(map, sites)
      // Registered after the sites are added, so the idle of the bare style does not count.
      nextEvent(map, 'idle').then(resolve, reject)
    })
  })
  return { map, ms: (await idle) - start }
}

const animationFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

/** Waits until the map has nothing left to draw, so one action's frames do not count for the next. */
async function settle(map: MapLibreMap): Promise<void> {
  await animationFrame()
  await animationFrame()
  if (!map.loaded()) await nextEvent(map, 'idle')
}

/** Time from each action to the map's next event of a type; the median. */
async function timeActions(map: MapLibreMap, type: 'idle' | 'render', actions: Array<() => void>): Promise<number> {
  const times: number[] = []
  for (const act of actions) {
    await settle(map)
    const done = nextEvent(map, type)
    const start = performance.now()
    act()
    times.push((await done) - start)
  }
  return median(times)
}

/** Draws frames while panning in a small circle (so the view stays on the town), each one synchronously (redraw)
 * and read back (readPixels waits for the rasteriser); returns each frame's time. */
async function drawFrames(map: MapLibreMap, gl: WebGLRenderingContext, frames: number, first: number): Promise<number[]> {
  const canvas = map.getCanvas()
  const pixel = new Uint8Array(4)
  const times: number[] = []
  for (let frame = first; frame < first + frames; frame++) {
    const angle = (frame * 2 * Math.PI) / 40
    const step = [canvas.clientWidth / 2 + PAN_STEP_PX * Math.cos(angle), canvas.clientHeight / 2 + PAN_STEP_PX * Math.sin(angle)] as [number, number]
    map.jumpTo({ center: map.unproject(step) })
    const start = performance.now()
    map.redraw()
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel)
    times.push(performance.now() - start)
    await animationFrame()
  }
  return times
}

/**
 * Panning at town zoom with the sites shown, against the same map with the site layers hidden (an empty map),
 * in alternating blocks: on a shared machine the load changes by the second, and both sides see the same load.
 */
async function panFrames(map: MapLibreMap, layerIds: readonly string[]): Promise<{ renderMs: number, emptyMs: number }> {
  map.jumpTo({ center: townSeats()[0], zoom: 13 })
  await settle(map)
  const canvas = map.getCanvas()
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!
  const shown: number[] = []
  const hidden: number[] = []
  for (let block = 0; block < PAN_BLOCKS; block++) {
    const show = block % 2 === 0 || layerIds.length === 0
    for (const id of layerIds) map.setLayoutProperty(id, 'visibility', show ? 'visible' : 'none')
    await drawFrames(map, gl, PAN_WARMUP_FRAMES, block * PAN_BLOCK_FRAMES)
    ;(show ? shown : hidden).push(...await drawFrames(map, gl, PAN_BLOCK_FRAMES, block * PAN_BLOCK_FRAMES))
  }
  for (const id of layerIds) map.setLayoutProperty(id, 'visibility', 'visible')
  return { renderMs: mean(shown), emptyMs: hidden.length ? mean(hidden) : mean(shown) }
}

const flipStatus = (site: Site): Site => ({ ...site, status: (site.status === 'live' ? 'candidate' : 'live') as SiteStatus })

async function editTimes(map: MapLibreMap, renderer: SiteRenderer, sites: Site[], mode: BenchMode) {
  const edit = (index: number) => () => renderer.edit(index, (sites[index] = flipStatus(sites[index]!)))
  const editMs = await timeActions(map, 'idle', [edit(10), edit(20), edit(30)])
  // Only the custom layer draws an edit in the very next frame; GeoJSON's next frame still shows the old data.
  const editFrameMs = mode === 'layer' ? await timeActions(map, 'render', [edit(40), edit(50), edit(60)]) : null
  const hide = () => renderer.filter(sites, (site) => site.status !== 'candidate')
  const show = () => renderer.filter(sites, null)
  const filterMs = await timeActions(map, 'idle', [hide, show, hide, show])
  return { editMs, editFrameMs, filterMs }
}

async function run(mode: BenchMode, count: number): Promise<ModeResult> {
  const sites = mode === 'empty' ? [] : generateSites(count)
  const renderer = RENDERERS[mode]()
  const { map, ms: firstIdleMs } = await firstIdle(renderer, sites)
  const edits = mode === 'empty' ? { editMs: null, editFrameMs: null, filterMs: null } : await editTimes(map, renderer, sites, mode)
  const pan = await panFrames(map, renderer.layerIds)
  map.remove()
  return { mode, sites: sites.length, firstIdleMs, ...edits, panRenderMs: pan.renderMs, panEmptyMs: pan.emptyMs }
}

window.mapBench = { run }
