import type { Map as MapLibreMap } from 'maplibre-gl'
import type { InjectionKey, ShallowRef } from 'vue'

/** The one MapLibre map, handed to child components by injection; never stored in Pinia or made reactive. */
export const MAP_KEY: InjectionKey<ShallowRef<MapLibreMap | null>> = Symbol('map')
