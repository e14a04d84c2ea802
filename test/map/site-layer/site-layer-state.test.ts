import { describe, expect, it } from 'vitest'
import { buildBins } from '@/map/site-layer/site-bins'
import { STYLE_STATUS, STYLE_STRIDE, STYLE_VISIBLE } from '@/map/site-layer/site-codes'
import { applySite, createState, ensurePickIndex, ensureSelectionSlots, repack, replaceSites, selectSites, siteIndexOf, type SiteLayerState } from '@/map/site-layer/site-layer-state'
import { createSiteLayer } from '@/map/site-layer'
import { busLine, pointSite, scatteredSites } from './fixtures'

function loaded(sites = scatteredSites(1000)): SiteLayerState {
  const state = createState()
  state.sites = sites.slice()
  repack(state)
  state.pending.all = false
  return state
}

const byte = (state: SiteLayerState, index: number, offset: number) => state.packed.styles[state.packed.slotOfSite[index]! * STYLE_STRIDE + offset]

describe('editing one site', () => {
  it('rewrites its status byte and queues just that slot for upload', () => {
    const state = loaded()
    applySite(state, 5, { ...state.sites[5]!, status: 'live' })
    expect(byte(state, 5, STYLE_STATUS)).toBe(3)
    expect([...state.pending.styleSlots]).toEqual([state.packed.slotOfSite[5]])
    expect(state.pending.all).toBe(false)
  })

  it('draws a recoloured site over the cached texture, but retires the texture when a site moves or hides', () => {
    const state = loaded()
    state.cacheStale = false
    applySite(state, 5, { ...state.sites[5]!, status: 'live' })
    expect([state.overlay.has(state.packed.slotOfSite[5]!), state.cacheStale]).toEqual([true, false])
    const [lng, lat] = state.sites[6]!.geometry.coordinates as number[]
    applySite(state, 6, { ...state.sites[6]!, geometry: { type: 'Point', coordinates: [lng! + 1e-4, lat!] } })
    expect(state.cacheStale).toBe(true)
    state.cacheStale = false
    state.predicate = (site) => site.status !== 'suspended'
    state.mask = new Uint8Array(state.sites.length).fill(1)
    applySite(state, 8, { ...state.sites[8]!, status: 'suspended' })
    expect(state.cacheStale).toBe(true)
  })

  it('recounts the bins of an edited site, and redraws rather than patches while bins are drawn', () => {
    const state = loaded()
    state.bins = buildBins(state.packed, 10)
    state.aggregated = true
    state.cacheStale = false
    const bin = state.bins!.binOfSlot[state.packed.slotOfSite[5]!]!
    const shownBefore = state.bins!.counts.subarray(bin * 5, bin * 5 + 5).reduce((a, b) => a + b, 0)
    applySite(state, 5, { ...state.sites[5]!, status: 'live' })
    expect(state.bins!.counts[bin * 5 + 3]).toBeGreaterThan(0)
    expect(state.bins!.counts.subarray(bin * 5, bin * 5 + 5).reduce((a, b) => a + b, 0)).toBe(shownBefore)
    expect([state.binsDirty, state.cacheStale, state.overlay.size]).toEqual([true, true, 0])
  })

  it('filters the edited site again when a predicate is set', () => {
    const state = loaded()
    state.predicate = (site) => site.status === 'candidate'
    state.mask = new Uint8Array(state.sites.length).fill(1)
    applySite(state, 7, { ...state.sites[7]!, status: 'live' })
    expect(byte(state, 7, STYLE_VISIBLE)).toBe(0)
    expect(state.mask[7]).toBe(0)
  })

  it('moves a point within its cell in place, and keeps one moved out of its cell drawn as a stray', () => {
    const state = loaded()
    const site = state.sites[3]!
    const [lng, lat] = site.geometry.coordinates as number[]
    applySite(state, 3, { ...site, geometry: { type: 'Point', coordinates: [lng! + 1e-7, lat!] } })
    expect(state.strays.size).toBe(0)
    expect(state.pending.positionSlots.size).toBe(1)
    applySite(state, 3, { ...site, geometry: { type: 'Point', coordinates: [lng! + 0.3, lat! + 0.2] } })
    const slot = state.packed.slotOfSite[3]!
    expect(state.strays.has(slot)).toBe(true)
    expect(state.pickIndexStale).toBe(true)
  })

  it('packs again when a site stops being a point', () => {
    const state = loaded()
    applySite(state, 0, { ...busLine('line'), id: state.sites[0]!.id })
    expect(state.packed.count).toBe(999)
    expect(state.packed.slotOfSite[0]).toBe(-1)
    expect(state.pending.all).toBe(true)
  })

  it('finds sites by id, also after an id changes', () => {
    const state = loaded()
    expect(siteIndexOf(state, 's42')).toBe(42)
    applySite(state, 42, { ...state.sites[42]!, id: 'renamed' })
    expect([siteIndexOf(state, 's42'), siteIndexOf(state, 'renamed')]).toEqual([-1, 42])
  })

  it('builds the pick index once and again only after a move', () => {
    const state = loaded()
    const index = ensurePickIndex(state)
    expect(ensurePickIndex(state)).toBe(index)
    state.pickIndexStale = true
    expect(ensurePickIndex(state)).not.toBe(index)
  })
})

describe('the site layer API without a map', () => {
  it('accepts sites, edits, filters and selection before it is added, and picks nothing', () => {
    const layer = createSiteLayer()
    layer.setSites([pointSite('a', 116.2, 36.2), pointSite('b', 116.3, 36.3)])
    expect(layer.updateSite('b', pointSite('b', 116.3, 36.3, 'merchant', 'live'))).toBe(true)
    expect(layer.updateSite('missing', pointSite('x', 0, 0))).toBe(false)
    expect(layer.updateSite(9, pointSite('x', 0, 0))).toBe(false)
    layer.setFilter((site) => site.status === 'live')
    layer.setSelected('a')
    layer.setSelection(['a', 'b'])
    expect(layer.pick({ x: 10, y: 10 })).toBeNull()
    expect(layer).toMatchObject({ id: 'site-points-gl', type: 'custom', renderingMode: '2d' })
  })
})

describe('a box or lasso selection', () => {
  const selectedIds = (state: SiteLayerState): string[] => {
    const { slots } = ensureSelectionSlots(state)
    return [...slots!].map((slot) => state.sites[state.packed.siteOfSlot[slot]!]!.id).sort()
  }

  it('retires the cached texture (the halos are drawn into it) and queues the new slots for upload', () => {
    const state = loaded()
    state.cacheStale = false
    selectSites(state, ['s5', 's9', 'nowhere'])
    expect(state.cacheStale).toBe(true)
    expect(selectedIds(state)).toEqual(['s5', 's9'])
    expect(state.selection.dirty).toBe(true)
    selectSites(state, [])
    expect(selectedIds(state)).toEqual([])
  })

  it('follows a recoloured or moved site without new slots, and is rebuilt for a new packing', () => {
    const state = loaded()
    selectSites(state, ['s5', 's9'])
    const slots = ensureSelectionSlots(state).slots
    state.selection.dirty = false
    applySite(state, 5, { ...state.sites[5]!, status: 'live' })
    expect(ensureSelectionSlots(state)).toMatchObject({ slots, dirty: false })
    // A kind of another draw group packs everything again: the selection's slots are looked up again.
    applySite(state, 9, { ...state.sites[9]!, kind: 'hospital' })
    expect(ensureSelectionSlots(state).slots).not.toBe(slots)
    expect(selectedIds(state)).toEqual(['s5', 's9'])
    expect(state.selection.dirty).toBe(true)
  })

  it('keeps its sites by id when all sites are replaced, and drops the deleted ones', () => {
    const state = loaded()
    selectSites(state, ['s5', 's9'])
    replaceSites(state, state.sites.filter((site) => site.id !== 's9').toReversed())
    expect(selectedIds(state)).toEqual(['s5'])
  })
})
