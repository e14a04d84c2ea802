/** What the benchmark page measures when it opens the map, in milliseconds. */
export interface SetupResult {
  mode: BenchMode
  sites: number
  /** From creating the map (county view) to its first 'idle' with the sites drawn. */
  firstIdleMs: number
  /** The same until that frame's pixels can be read back (software WebGL rasterises after the JS is done). */
  firstPixelsMs: number
  /** At town zoom: one status edit to the map's next 'idle' and its pixels; the median of seven edits. */
  editMs: number | null
  /** At town zoom: one status edit to the end of the next frame's JavaScript, before it is rasterised (custom layer only). */
  editFrameMs: number | null
  /** At town zoom: hiding one status (then showing it again) to the next 'idle' and its pixels; median. */
  filterMs: number | null
  /** At town zoom: highlighting a box selection of up to SELECTED_SITES on-screen sites (then clearing it) to the next 'idle' and its pixels; median (custom layer only). */
  selectMs: number | null
  /** How many sites that selection held. */
  selectedSites: number
}

/** Panning at town zoom: per frame, wall time (redraw + read back) and CPU time of all browser processes. */
export interface PanResult {
  renderMs: number
  emptyMs: number
  /** Null where /proc cannot be read (not Linux). */
  cpuMs: number | null
  emptyCpuMs: number | null
}

export type ModeResult = SetupResult & { pan: PanResult }

/** 'empty' is the map with no sites, the yardstick of the panning frames. */
export type BenchMode = 'layer' | 'geojson' | 'empty'

export interface MapBenchApi {
  setup(mode: BenchMode, sites: number): Promise<SetupResult>
  panBlock(shown: boolean, frames: number): Promise<number[]>
  teardown(): void
}

declare global {
  interface Window {
    mapBench?: MapBenchApi
  }
}
