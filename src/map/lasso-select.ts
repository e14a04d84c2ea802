import type { Map as MapLibreMap } from 'maplibre-gl'
import { extendPath } from './lasso-path'
import { handMapPresses, type ScreenPoint } from './pointer-gesture'

const SVG = 'http://www.w3.org/2000/svg'

/**
 * A free-hand lasso: press, draw around the sites, release; the path closes itself and is reported as a lng/lat
 * ring. The map does not pan meanwhile; Esc drops the path. Returns the function that ends the mode.
 */
export function startLassoSelect(map: MapLibreMap, done: (ring: [number, number][]) => void): () => void {
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('class', 'lasso-select')
  svg.dataset.testid = 'map:lasso'
  const shape = document.createElementNS(SVG, 'polygon')
  svg.appendChild(shape)
  let path: ScreenPoint[] = []
  const draw = (): void => shape.setAttribute('points', path.map((p) => `${p.x},${p.y}`).join(' '))
  const clear = (): void => {
    path = []
    svg.remove()
  }
  const stop = handMapPresses(map, {
    press(point) {
      path = [point]
      draw()
      map.getCanvasContainer().appendChild(svg)
      return true
    },
    move(point) {
      if (extendPath(path, point)) draw()
    },
    release(point) {
      extendPath(path, point)
      const ring = path.map((p): [number, number] => map.unproject([p.x, p.y]).toArray())
      clear()
      done(ring)
    },
    cancel: clear,
  }, { touchAction: 'none' })
  return () => {
    stop()
    clear()
  }
}
