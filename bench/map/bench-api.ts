/** What the benchmark page measures for one way of drawing the sites, in milliseconds. */
export interface ModeResult {
  mode: BenchMode
  sites: number
  /** From creating the map to its first 'idle' with the sites drawn. */
  firstIdleMs: number
  /** One status edit to the map's next 'idle' (the frame that shows it); median of a few edits. */
  editMs: number | null
  /** One status edit to the end of the next rendered frame (the custom layer draws it in that frame). */
  editFrameMs: number | null
  /** Hiding one status (then showing it again) to the next 'idle'; median. */
  filterMs: number | null
  /** Mean synchronous draw of one frame while panning at town zoom, until its pixels can be read back. */
  panRenderMs: number
  /** The same with the site layers hidden (an empty map), measured in alternating blocks with panRenderMs. */
  panEmptyMs: number
}

/** 'empty' is the map with no sites, the yardstick of the panning frames. */
export type BenchMode = 'layer' | 'geojson' | 'empty'

export interface MapBenchApi {
  run(mode: BenchMode, sites: number): Promise<ModeResult>
}

declare global {
  interface Window {
    mapBench?: MapBenchApi
  }
}
