import type { Geometry, Position } from 'geojson'

export type Bounds = [[number, number], [number, number]]

/** The [[west, south], [east, north]] box of a geometry, as MapLibre's fitBounds takes it. */
export function geometryBounds(geometry: Geometry): Bounds {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (position: Position): void => {
    const [x = 0, y = 0] = position
    west = Math.min(west, x)
    south = Math.min(south, y)
    east = Math.max(east, x)
    north = Math.max(north, y)
  }
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') visit(value as Position)
    else if (Array.isArray(value)) value.forEach(walk)
  }
  if (geometry.type === 'GeometryCollection') geometry.geometries.forEach((g) => walk(geometryBounds(g)))
  else walk(geometry.coordinates)
  return [[west, south], [east, north]]
}
