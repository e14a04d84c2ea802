import type { Map as MapLibreMap } from 'maplibre-gl'
import { ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { errorText } from '@/i18n/error-text'
import type { Site } from '@/core/model'
import { movedSite, regionChange } from '@/core/workspace/move-site'
import { enableSiteDrag } from '@/map/site-drag'
import type { SiteLayer } from '@/map/site-layer/site-layer'
import { useEditStore } from '@/stores/edits'
import { useMapViewStore } from '@/stores/map-view'
import { usePlanStore } from '@/stores/plan'

/** What the map says after a move: where the site went, or why it was not stored. */
export interface MoveNotice {
  kind: 'moved' | 'outside' | 'failed'
  text: string
}

/** Hit radius around the selected site: a fingertip needs more room than a mouse pointer. */
const GRAB_RADIUS_PX = { mouse: 12, touch: 24 }

/**
 * Dragging the selected point site moves it (a GIS user selects, then drags): one stored change, undoable, after
 * which the engine assigns the site to the town it landed in. A site dropped outside every town is kept and listed
 * as outside, as the engine lists imported ones, and the notice says so.
 */
export function useSiteDrag(siteLayer: SiteLayer) {
  const plan = usePlanStore()
  const view = useMapViewStore()
  const edits = useEditStore()
  const { t } = useI18n()
  const notice = ref<MoveNotice | null>(null)
  // Any later change of the sites (an undo from the toolbar, another edit) makes the message stale.
  watch(() => plan.data?.sites, () => { notice.value = null })
  const siteById = (id: string): Site | undefined => plan.data?.sites.find((s) => s.id === id)
  const regionName = (code: string | null): string => plan.data?.regions.find((r) => r.code === code)?.name ?? ''

  function grabber(map: MapLibreMap) {
    return (point: { x: number, y: number }, pointerType: string): string | null => {
      const site = view.selectedSite
      if (view.tool !== 'none' || !view.layers.sites || site?.geometry.type !== 'Point' || (view.predicate && !view.predicate(site))) return null
      const at = map.project(site.geometry.coordinates as [number, number])
      const radius = pointerType === 'touch' ? GRAB_RADIUS_PX.touch : GRAB_RADIUS_PX.mouse
      return Math.hypot(at.x - point.x, at.y - point.y) <= radius ? site.id : null
    }
  }

  async function drop(siteId: string, lngLat: [number, number]): Promise<void> {
    const before = siteById(siteId)
    if (!before || !plan.regionIndex) return
    const after = movedSite(before, lngLat)
    const change = regionChange(plan.regionIndex, before, after)
    try {
      await edits.updateSites([after], t('move.label', { name: before.name }))
      notice.value = change.to === null
        ? { kind: 'outside', text: t('move.outside', { name: before.name }) }
        : { kind: 'moved', text: t(change.from === change.to ? 'move.moved' : 'move.movedTo', { name: before.name, from: regionName(change.from) || t('site.outside'), to: regionName(change.to) }) }
    } catch (failure) {
      siteLayer.updateSite(siteId, before)
      notice.value = { kind: 'failed', text: t('site.saveFailed', { message: errorText(t, failure) }) }
    }
  }

  /** Starts listening on the map; returns the function that stops. */
  function attach(map: MapLibreMap): () => void {
    return enableSiteDrag(map, {
      grab: grabber(map),
      preview(siteId, lngLat) {
        const site = siteById(siteId)
        if (site) siteLayer.updateSite(siteId, movedSite(site, lngLat))
      },
      drop: (siteId, lngLat) => void drop(siteId, lngLat),
      restore(siteId) {
        const site = siteById(siteId)
        if (site) siteLayer.updateSite(siteId, site)
      },
    })
  }

  return { notice, attach, grabber }
}
