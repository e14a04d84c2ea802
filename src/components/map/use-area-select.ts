import type { Map as MapLibreMap } from 'maplibre-gl'
import { watch, type ShallowRef } from 'vue'
import { boxRing, combineSelection, sitesInRing, type SelectionMode } from '@/core/workspace/select-sites'
import { startBoxSelect } from '@/map/box-select'
import { startLassoSelect } from '@/map/lasso-select'
import { useMapViewStore } from '@/stores/map-view'

/** Keys typed into a field or a dialog are theirs, not the map's. */
const ownedByControl = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('input, select, textarea, dialog, [role="dialog"]') !== null

/**
 * The box and lasso tools: while one is on, a drag on the map selects the point sites the filter shows inside the
 * rectangle or the free-hand path, for the bulk edit of the site tools (the map highlights them). Esc steps back:
 * it clears the selection, and with none left turns the tool off; an Esc that abandons a drag does only that.
 */
export function useAreaSelect(map: ShallowRef<MapLibreMap | null>): () => void {
  const view = useMapViewStore()
  let stop: (() => void) | null = null
  /** The modifier held when the drag began: Shift adds to the selection, Alt takes away from it. */
  let held: SelectionMode | null = null
  const noteModifiers = (event: PointerEvent): void => {
    held = event.shiftKey ? 'add' : event.altKey ? 'subtract' : null
  }
  const select = (ring: [number, number][]): void => {
    view.boxSelection = combineSelection(view.boxSelection, sitesInRing(view.visibleSites, ring), held ?? view.selectionMode)
  }
  const stopWatch = watch(() => view.tool, (tool) => {
    stop?.()
    stop = null
    if (!map.value) return
    // Capture: the gesture handlers below take the press for themselves.
    map.value.getCanvasContainer().addEventListener('pointerdown', noteModifiers, { capture: true })
    map.value.getCanvas().style.cursor = tool === 'none' ? '' : 'crosshair'
    if (tool === 'box') stop = startBoxSelect(map.value, (bounds) => select(boxRing(bounds) as [number, number][]))
    else if (tool === 'lasso') stop = startLassoSelect(map.value, select)
  })
  const escape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || ownedByControl(event.target)) return
    if (view.boxSelection.length > 0) view.boxSelection = []
    else if (view.tool === 'box' || view.tool === 'lasso') view.tool = 'none'
  }
  window.addEventListener('keydown', escape)
  return () => {
    stopWatch()
    stop?.()
    map.value?.getCanvasContainer().removeEventListener('pointerdown', noteModifiers, { capture: true })
    window.removeEventListener('keydown', escape)
  }
}
