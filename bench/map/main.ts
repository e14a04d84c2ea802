import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { Site, SiteStatus } from '@/core/model'
import { offlineStyle } from '@/map/offline-style'
import type { BenchMode, SetupResult } from './bench-api'
import { generateSites, PINGYIN_BOUNDS, townSeats } from './generate-sites'
import { RENDERERS, type SiteRenderer } from './renderers'

setWorkerUrl(workerUrl)

const TIMEOUT_MS = 120_000
const PAN_WARMUP_FRAMES = 2
const TOWN_ZOOM = 13
const SETTLE_MS = 500
const PAN_STEP_PX = 6
/** A large box selection: "tens of thousands" of sites. */
const SELECTED_SITES = 20_000
/** Status edits timed to the drawn frame; their median is the figure. */
const EDITS = 7

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

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

async function firstIdle(renderer: SiteRenderer, sites: Site[]): Promise<{ map: MapLibreMap, idleMs: number, pixelsMs: number }> {
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
  const idleMs = (await idle) - start
  readBack(map)
  return { map, idleMs, pixelsMs: performance.now() - start }
}

const animationFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

/** Waits until the map has nothing left to draw, so one action's frames do not count for the next. */
async function settle(map: MapLibreMap): Promise<void> {
  await animationFrame()
  await animationFrame()
  if (!map.loaded()) await nextEvent(map, 'idle')
  // Deferred work: the site layer draws its texture a moment after the view holds still, as after a user's zoom.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  await animationFrame()
  await animationFrame()
  // Software WebGL may still be rasterising a queued frame; the next action must not wait behind it.
  readBack(map)
}

/** Waits until the GPU (here the CPU rasteriser) has drawn everything queued: a one-pixel read cannot return before. */
function readBack(map: MapLibreMap): void {
  const canvas = map.getCanvas()
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4))
}

/** Time from each action to the map's next event of a type (and, if drawn, that frame's pixels); the median. */
async function timeActions(map: MapLibreMap, type: 'idle' | 'render', actions: Array<() => void>, drawn = true): Promise<number> {
  const times: number[] = []
  for (const act of actions) {
    await settle(map)
    const done = nextEvent(map, type)
    const start = performance.now()
    act()
    await done
    if (drawn) readBack(map)
    times.push(performance.now() - start)
  }
  return median(times)
}

/** Draws frames while panning in a small circle (so the view stays on the town), each one synchronously (redraw)
 * and read back (readPixels waits for the rasteriser); returns each frame's time. */
async function drawFrames(map: MapLibreMap, frames: number, first: number): Promise<number[]> {
  const canvas = map.getCanvas()
  const times: number[] = []
  for (let frame = first; frame < first + frames; frame++) {
    const angle = (frame * 2 * Math.PI) / 40
    const step = [canvas.clientWidth / 2 + PAN_STEP_PX * Math.cos(angle), canvas.clientHeight / 2 + PAN_STEP_PX * Math.sin(angle)] as [number, number]
    map.jumpTo({ center: map.unproject(step) })
    const start = performance.now()
    map.redraw()
    readBack(map)
    times.push(performance.now() - start)
    await animationFrame()
  }
  return times
}

const flipStatus = (site: Site): Site => ({ ...site, status: (site.status === 'live' ? 'candidate' : 'live') as SiteStatus })

async function editTimes(map: MapLibreMap, renderer: SiteRenderer, sites: Site[], mode: BenchMode) {
  const edit = (index: number) => () => renderer.edit(index, (sites[index] = flipStatus(sites[index]!)))
  // Sites on screen, so each edit changes what is drawn. Seven edits: a median of three moved by 10 ms when one
  // edit was slow (the first after the texture is drawn often is).
  const bounds = map.getBounds()
  const onScreen = sites.flatMap((site, index) => (bounds.contains(site.geometry.coordinates as [number, number]) ? [index] : [])).slice(0, EDITS + 3)
  const editMs = await timeActions(map, 'idle', onScreen.slice(0, EDITS).map(edit))
  // Only the custom layer draws an edit in the very next frame; GeoJSON's next frame still shows the old data.
  const editFrameMs = mode === 'layer' ? await timeActions(map, 'render', onScreen.slice(EDITS).map(edit), false) : null
  const hide = () => renderer.filter(sites, (site) => site.status !== 'candidate')
  const show = () => renderer.filter(sites, null)
  const filterMs = await timeActions(map, 'idle', [hide, show, hide, show])
  return { editMs, editFrameMs, filterMs, ...await selectTimes(map, renderer, sites) }
}

/** Highlighting a box selection of the sites on screen (as a box drawn over the view would), then clearing it. */
async function selectTimes(map: MapLibreMap, renderer: SiteRenderer, sites: Site[]) {
  if (!renderer.select) return { selectMs: null, selectedSites: 0 }
  const bounds = map.getBounds()
  const ids = sites.filter((site) => bounds.contains(site.geometry.coordinates as [number, number])).slice(0, SELECTED_SITES).map((site) => site.id)
  const select = () => renderer.select!(ids)
  const clear = () => renderer.select!([])
  return { selectMs: await timeActions(map, 'idle', [select, clear, select, clear]), selectedSites: ids.length }
}

let current: { map: MapLibreMap, renderer: SiteRenderer, frame: number } | null = null

/** Opens the map with the sites (county view), then times edits and filters at town zoom, where sites are clicked. */
async function setup(mode: BenchMode, count: number): Promise<SetupResult> {
  const sites = mode === 'empty' ? [] : generateSites(count)
  const renderer = RENDERERS[mode]()
  const { map, idleMs, pixelsMs } = await firstIdle(renderer, sites)
  map.jumpTo({ center: townSeats()[0], zoom: TOWN_ZOOM })
  await settle(map)
  const edits = mode === 'empty' ? { editMs: null, editFrameMs: null, filterMs: null, selectMs: null, selectedSites: 0 } : await editTimes(map, renderer, sites, mode)
  current = { map, renderer, frame: 0 }
  return { mode, sites: sites.length, firstIdleMs: idleMs, firstPixelsMs: pixelsMs, ...edits }
}

/** One block of panning frames with the site layers shown or hidden (hidden: an empty map); each frame's time. */
async function panBlock(shown: boolean, frames: number): Promise<number[]> {
  const { map, renderer } = current!
  for (const id of renderer.layerIds) map.setLayoutProperty(id, 'visibility', shown ? 'visible' : 'none')
  await drawFrames(map, PAN_WARMUP_FRAMES, current!.frame)
  const times = await drawFrames(map, frames, current!.frame + PAN_WARMUP_FRAMES)
  current!.frame += PAN_WARMUP_FRAMES + frames
  return times
}

function teardown(): void {
  current?.map.remove()
  current = null
}

window.mapBench = { setup, panBlock, teardown }
