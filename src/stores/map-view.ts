import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { Site } from '@/core/model'
import { keepExistingIds, type SelectionMode } from '@/core/workspace/select-sites'
import { compileFilter, EMPTY_FILTER, isEmptyFilter, type SiteFilter } from '@/core/workspace/site-filter'
import { usePlanStore } from './plan'

/** Which layers are drawn. */
export interface LayerChoice {
  sites: boolean
  busLines: boolean
  clusters: boolean
  choropleth: boolean
}

export interface Camera {
  center: [number, number]
  zoom: number
}

interface SavedView {
  filter: SiteFilter
  layers: LayerChoice
  camera: Camera | null
  tab: SideTab
}

export type SideTab = 'coverage' | 'sites'

const DEFAULT_LAYERS: LayerChoice = { sites: true, busLines: true, clusters: true, choropleth: true }
const storageKey = (planId: string): string => `ecny-planner:view:${planId}`

function readSaved(planId: string): Partial<SavedView> {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(storageKey(planId)) ?? '{}') as Partial<SavedView>
  } catch {
    return {}
  }
}

/** What the map shows and where: filters, layers, camera, side tab; kept per plan so it survives a reload. */
export const useMapViewStore = defineStore('map-view', () => {
  const plan = usePlanStore()
  /** The site filter of the map and the site list. */
  const filter = ref<SiteFilter>({ ...EMPTY_FILTER })
  const layers = ref<LayerChoice>({ ...DEFAULT_LAYERS })
  /** The camera last reported by the map (from: 'map'); null until the user moves it. */
  const camera = ref<Camera | null>(null)
  const tab = ref<SideTab>('coverage')
  /** The device's position (field mode), WGS-84, with its accuracy; null until located. */
  const myLocation = ref<{ lng: number, lat: number, accuracyMeters: number } | null>(null)
  /**
   * 'place': the next map click adds a site there · 'box', 'lasso': a drag on the map selects the sites inside ·
   * 'cluster': a cluster is being drawn or reshaped (clicks belong to it: they neither select nor drag sites).
   */
  const tool = ref<'none' | 'place' | 'box' | 'lasso' | 'cluster'>('none')
  /** Sites picked by a box or a lasso for a bulk change; the map draws them highlighted. Replaced, never mutated. */
  const boxSelection = shallowRef<readonly string[]>([])
  /** How the next box or lasso combines with boxSelection (Shift adds and Alt subtracts, whatever this says). */
  const selectionMode = ref<SelectionMode>('replace')
  /** The site whose panel is open. */
  const selectedSiteId = ref<string | null>(null)
  let restoredFor: string | null = null

  watch(() => plan.data?.plan.id, (planId) => {
    if (!planId || planId === restoredFor) return
    restoredFor = planId
    const saved = readSaved(planId)
    filter.value = { ...EMPTY_FILTER, ...saved.filter }
    layers.value = { ...DEFAULT_LAYERS, ...saved.layers }
    camera.value = saved.camera ?? null
    tab.value = saved.tab ?? 'coverage'
    selectedSiteId.value = null
    boxSelection.value = []
  }, { immediate: true })

  // A selected site that is deleted leaves the selection, so its count and the bulk change stay true.
  watch(() => plan.data?.sites, (sites) => {
    if (sites) boxSelection.value = keepExistingIds(boxSelection.value, sites)
  })

  watch([filter, layers, camera, tab], () => {
    if (!restoredFor) return
    const view: SavedView = { filter: filter.value, layers: layers.value, camera: camera.value, tab: tab.value }
    globalThis.localStorage?.setItem(storageKey(restoredFor), JSON.stringify(view))
  }, { deep: true })

  /** The filter as a predicate (null when it lets everything through), for the map layer and the list. */
  const predicate = computed<((site: Site) => boolean) | null>(() => {
    if (isEmptyFilter(filter.value)) return null
    const assignment = plan.assignment
    return compileFilter(filter.value, (id) => assignment?.regionsBySite.get(id))
  })
  /** The sites the filter lets through, in plan order. */
  const visibleSites = computed<Site[]>(() => {
    const sites = plan.data?.sites ?? []
    return predicate.value ? sites.filter(predicate.value) : sites
  })
  const selectedSite = computed<Site | null>(() => (selectedSiteId.value ? plan.data?.sites.find((s) => s.id === selectedSiteId.value) ?? null : null))

  function resetFilter(): void {
    filter.value = { ...EMPTY_FILTER }
  }

  return { filter, layers, camera, tab, myLocation, tool, boxSelection, selectionMode, selectedSiteId, predicate, visibleSites, selectedSite, resetFilter }
})
