import type Flatbush from 'flatbush'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Site } from '@/core/model'
import type { GL, SiteGlResources } from './gl-resources'
import type { KindAtlas } from './kind-atlas'
import { keyOf, packSites, writeStyle, type PackedSites } from './pack-sites'
import { createPendingUploads, markPosition, markStyle, type PendingUploads } from './pending-uploads'
import { mercatorX, mercatorY } from './mercator'
import { buildPickIndex } from './site-picker'
import { isSlotVisible, maskFromPredicate, writeVisibility } from './site-mask'
import { groupOf, STYLE_STATUS, STYLE_STRIDE, STYLE_VISIBLE } from './site-codes'
import { recountSlot, type SiteBins } from './site-bins'
import type { CacheKey, CachePlan } from './site-cache'
import { emptySelection, resolveSelection, selectedSlots, type SiteSelection } from './site-selection'

/** Slots moved out of their grid cell are drawn one by one; past this many the sites are packed again. */
const MAX_STRAYS = 512
/** Edited slots drawn one by one over the cached texture; past this many the texture is drawn again. */
const MAX_OVERLAY = 256

export type SitePredicate = (site: Site, index: number) => boolean

/** Everything the site layer keeps between calls; the API functions and render() share it. */
export interface SiteLayerState {
  map: MapLibreMap | null
  gl: GL | null
  resources: SiteGlResources | null
  atlas: KindAtlas | null
  /** Our own copy of the caller's array, so updateSite can replace an entry without touching theirs. */
  sites: Site[]
  packed: PackedSites
  pending: PendingUploads
  /** Per input site, 1 = shown; null = all shown. */
  mask: Uint8Array | null
  /** Kept so an edited site is filtered again (a status filter must hide a site whose status left it). */
  predicate: SitePredicate | null
  /** Built on first use: setSites stays one pass, and most sessions look up ids rarely. */
  idIndex: Map<string, number> | null
  pickIndex: Flatbush | null
  pickIndexStale: boolean
  selectedSite: number
  /** The box or lasso selection, drawn with a halo above the other sites. */
  selection: SiteSelection
  strays: Set<number>
  /** Counts changes the cached texture cannot show by an overlay (filters, moves, new sites). */
  dataVersion: number
  /** Set by such a change; the next frame draws directly, counts a new dataVersion and schedules a new texture. */
  cacheStale: boolean
  /** Slots recoloured since the texture was drawn: drawn one by one over it. */
  overlay: Set<number>
  /** The texture the sites were last drawn into (see site-cache.ts), what it holds, and whether this frame uses it. */
  cachePlan: CachePlan | null
  cacheKey: CacheKey | null
  drawFromCache: boolean
  /** Below this zoom the sites are drawn as aggregated bins (see site-bins.ts). */
  aggregateBelowZoom: number
  /** The bins of the level last drawn, built on first need; null after the points moved or were packed again. */
  bins: SiteBins | null
  /** The bins changed since they were uploaded. */
  binsDirty: boolean
  /** Whether the current frame draws bins (set by prerender). */
  aggregated: boolean
  /** Pending request for the frame that draws the texture. */
  cacheTimer: ReturnType<typeof setTimeout> | null
  /** The previous frame's zoom: a cache is only worth drawing when the zoom holds still (panning, not zooming). */
  lastZoom: number
}

export function createState(): SiteLayerState {
  return {
    map: null, gl: null, resources: null, atlas: null, sites: [], packed: packSites([]), pending: createPendingUploads(),
    mask: null, predicate: null, idIndex: null, pickIndex: null, pickIndexStale: true, selectedSite: -1, selection: emptySelection(), strays: new Set(),
    dataVersion: 0, cacheStale: true, overlay: new Set(), cachePlan: null, cacheKey: null, drawFromCache: false, cacheTimer: null, lastZoom: Number.NaN,
    aggregateBelowZoom: 12, bins: null, binsDirty: false, aggregated: false,
  }
}

/** Packs state.sites again, keeping the mask; everything is uploaded on the next frame. */
export function repack(state: SiteLayerState): void {
  state.packed = packSites(state.sites)
  if (state.mask) writeVisibility(state.packed, state.mask)
  state.pending = createPendingUploads()
  state.cacheStale = true
  state.bins = null
  state.strays.clear()
  state.pickIndex = null
  state.pickIndexStale = true
  // New slot numbers: the selection's index buffer is built again for them.
  state.selection.slots = null
}

/** Replaces all sites and packs them; the filter is applied again, the selected site and the selection kept by id. */
export function replaceSites(state: SiteLayerState, sites: readonly Site[]): void {
  const selectedId = state.sites[state.selectedSite]?.id ?? null
  const selectionIds = Array.from(state.selection.sites, (index) => state.sites[index]!.id)
  state.sites = sites.slice()
  state.idIndex = null
  state.mask = state.predicate ? maskFromPredicate(state.sites, state.predicate) : null
  repack(state)
  state.selectedSite = selectedId === null ? -1 : siteIndexOf(state, selectedId)
  if (selectionIds.length > 0) selectSites(state, selectionIds)
}

export function siteIndexOf(state: SiteLayerState, id: string): number {
  if (!state.idIndex) state.idIndex = new Map(state.sites.map((site, index) => [site.id, index]))
  return state.idIndex.get(id) ?? -1
}

/**
 * Selects sites by id for the halo (unknown ids are dropped). The halo is drawn into the cached texture with the
 * sites, so a new selection retires the texture like a filter does, and panning costs nothing more.
 */
export function selectSites(state: SiteLayerState, ids: Iterable<string>): void {
  state.selection = { ...emptySelection(), sites: resolveSelection(ids, (id) => siteIndexOf(state, id)), slots: null }
  state.cacheStale = true
}

/** Builds the selection's slots for the current packing when they are missing, and marks them for upload. */
export function ensureSelectionSlots(state: SiteLayerState): SiteSelection {
  const selection = state.selection
  if (!selection.slots) Object.assign(selection, selectedSlots(selection.sites, state.packed), { dirty: true })
  return selection
}

export function ensurePickIndex(state: SiteLayerState): Flatbush | null {
  if (state.pickIndexStale) {
    state.pickIndex = buildPickIndex(state.packed)
    state.pickIndexStale = false
  }
  return state.pickIndex
}

/** The key (group and cell) a slot was sorted into: the last key starting at or before it (keys may be empty). */
function homeCell(packed: PackedSites, slot: number): number {
  let low = 0
  let high = packed.cellStart.length - 2
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (packed.cellStart[middle]! <= slot) low = middle
    else high = middle - 1
  }
  return low
}

/** Moves a slot's point; returns whether it moved. */
function moveSlot(state: SiteLayerState, slot: number, lng: number, lat: number): boolean {
  const { packed } = state
  const x = Math.fround(mercatorX(lng) - packed.anchorX)
  const y = Math.fround(mercatorY(lat) - packed.anchorY)
  if (packed.positions[slot * 2] === x && packed.positions[slot * 2 + 1] === y) return false
  packed.positions[slot * 2] = x
  packed.positions[slot * 2 + 1] = y
  markPosition(state.pending, slot)
  state.pickIndexStale = true
  const group = groupOf(state.sites[packed.siteOfSlot[slot]!]!.kind)
  if (keyOf(packed.grid, group, x, y) !== homeCell(packed, slot)) state.strays.add(slot)
  if (state.strays.size > MAX_STRAYS) repack(state)
  return true
}

/** Applies one edited site to the typed arrays: a few bytes, unless it stopped or started being a point. */
export function applySite(state: SiteLayerState, index: number, site: Site): void {
  const previous = state.sites[index]!
  state.sites[index] = site
  if (previous.id !== site.id && state.idIndex) {
    state.idIndex.delete(previous.id)
    state.idIndex.set(site.id, index)
  }
  if (state.predicate && state.mask) state.mask[index] = state.predicate(site, index) ? 1 : 0
  const slot = state.packed.slotOfSite[index]!
  // Stopped or started being a point, or changed draw group: its slot must move, so everything is packed again.
  if ((slot >= 0) !== (site.geometry.type === 'Point') || groupOf(previous.kind) !== groupOf(site.kind)) return repack(state)
  if (slot < 0 || site.geometry.type !== 'Point') return
  const before = slotStyle(state, slot)
  writeStyle(state.packed.styles, slot, site)
  state.packed.styles[slot * STYLE_STRIDE + STYLE_VISIBLE] = !state.mask || state.mask[index] ? 1 : 0
  markStyle(state.pending, slot)
  const moved = moveSlot(state, slot, site.geometry.coordinates[0]!, site.geometry.coordinates[1]!)
  const after = slotStyle(state, slot)
  if (state.bins && moved) state.bins = null
  else if (state.bins) state.binsDirty = recountSlot(state.bins, slot, before, after) >= 0
  // A recoloured site that stays put and stays shown is drawn over the cached texture; anything else redraws it.
  const patch = !moved && before.shown && after.shown && !state.aggregated && state.overlay.size < MAX_OVERLAY
  if (patch) state.overlay.add(slot)
  else state.cacheStale = true
}

function slotStyle(state: SiteLayerState, slot: number): { status: number, shown: boolean } {
  return { status: state.packed.styles[slot * STYLE_STRIDE + STYLE_STATUS]!, shown: isSlotVisible(state.packed.styles, slot) }
}
