import type { Map as MapLibreMap } from 'maplibre-gl'
import { computed, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { onBasemapTileError, setBasemap } from '@/map/apply-basemap'
import { basemapLayers } from '@/map/basemap-style'
import { useBasemapStore } from '@/stores/basemap'

/**
 * Keeps the map's basemap in step with the device's choice: restores the choice, redraws the basemap (under the
 * plan's layers) when the choice, the network or the open file change, and reports failing tiles.
 * Call `attach` once the map's style has loaded.
 */
export function useMapBasemap() {
  const { t } = useI18n()
  const basemap = useBasemapStore()
  let map: MapLibreMap | null = null
  let drawn = ''

  const layers = computed(() => basemapLayers(basemap.shown.kind, {
    tiandituKey: basemap.setting.tiandituKey,
    tiandituLayer: basemap.setting.tiandituLayer,
    archive: basemap.archive,
    attribution: { osm: t('basemap.attribution.osm'), tianditu: t('basemap.attribution.tianditu') },
  }))

  function draw(): void {
    // The computed is rebuilt when anything it read changes (a key typed while OSM is shown): redraw only
    // when the basemap really differs, so its tiles do not flash.
    const next = JSON.stringify(layers.value)
    if (!map || next === drawn) return
    drawn = next
    basemap.tileProblem = null
    setBasemap(map, layers.value)
  }

  watch(layers, draw)
  void basemap.load()

  return {
    attach(instance: MapLibreMap): void {
      map = instance
      onBasemapTileError(instance, (status) => basemap.reportTileError(status))
      draw()
    },
  }
}
