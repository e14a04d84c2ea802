import type { Polygon } from 'geojson'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { TerraDraw } from 'terra-draw'
import { CLUSTER_COLOR } from './status-style'

/** Drawing and reshaping consumption clusters on the map (terra-draw, loaded on first use). */
export interface ClusterDraw {
  /** Click vertices, close the ring (click the first vertex or double-click): `done` gets the polygon. */
  draw(done: (polygon: Polygon) => void): Promise<void>
  /** Shows the polygon with draggable vertices and midpoints; `finish()` returns the reshaped polygon. */
  reshape(polygon: Polygon): Promise<void>
  finish(): Polygon | null
  cancel(): void
  destroy(): void
}

export function createClusterDraw(map: MapLibreMap): ClusterDraw {
  let terra: TerraDraw | null = null
  // Leaving the map view removes the map before its panels unmount: terra-draw's layers went with it, and stopping
  // it then would throw (its clear() writes to sources that no longer exist) and break the route change.
  map.once('remove', () => { terra = null })

  async function ready(): Promise<TerraDraw> {
    if (terra) return terra
    const [{ TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, ValidateNotSelfIntersecting }, { TerraDrawMapLibreGLAdapter }] = await Promise.all([
      import('terra-draw'), import('terra-draw-maplibre-gl-adapter'),
    ])
    const color = CLUSTER_COLOR as `#${string}`
    terra = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode({ styles: { fillColor: color, outlineColor: color, fillOpacity: 0.2 }, validation: (feature) => ValidateNotSelfIntersecting(feature) }),
        new TerraDrawSelectMode({
          flags: { polygon: { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } } } },
          styles: { selectedPolygonColor: color, selectedPolygonOutlineColor: color, selectionPointColor: color },
        }),
      ],
    })
    terra.start()
    return terra
  }

  return {
    async draw(done) {
      const instance = await ready()
      instance.clear()
      instance.setMode('polygon')
      const onFinish = (id: string | number): void => {
        const feature = instance.getSnapshotFeature(id)
        instance.off('finish', onFinish)
        instance.clear()
        instance.setMode('static')
        if (feature?.geometry.type === 'Polygon') done(feature.geometry)
      }
      instance.on('finish', onFinish)
    },
    async reshape(polygon) {
      const instance = await ready()
      instance.clear()
      instance.setMode('select')
      const [result] = instance.addFeatures([{ type: 'Feature', geometry: polygon, properties: { mode: 'polygon' } }])
      if (result?.valid && result.id !== undefined) instance.selectFeature(result.id)
    },
    finish() {
      const feature = terra?.getSnapshot().find((f) => f.geometry.type === 'Polygon')
      terra?.clear()
      terra?.setMode('static')
      return feature?.geometry.type === 'Polygon' ? feature.geometry : null
    },
    cancel() {
      terra?.clear()
      terra?.setMode('static')
    },
    destroy() {
      terra?.stop()
      terra = null
    },
  }
}
