import { featureCollection, intersect, point, voronoi } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import { roundPosition } from './round'

/** A town/street seat: the point its approximate cell is grown around. */
export interface TownSeat {
  code: string
  name: string
  lng: number
  lat: number
}

/**
 * Approximate town polygons: the Voronoi cell of each seat, clipped to the county outline. No open town
 * boundaries exist for the demo county, so these stand in for them and are flagged approximate.
 * Returns one geometry per seat, in the order given.
 */
export function buildTownCells(county: Polygon | MultiPolygon, seats: TownSeat[]): Array<Polygon | MultiPolygon> {
  const bbox = paddedBbox(county)
  const cells = voronoi(featureCollection(seats.map((s) => point([s.lng, s.lat]))), { bbox })
  const countyFeature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: county }
  return seats.map((seat, i) => {
    const cell = cells.features[i]
    if (!cell) throw new Error(`no Voronoi cell for ${seat.name}`)
    const clipped = intersect(featureCollection([cell, countyFeature]))
    if (!clipped) throw new Error(`the cell of ${seat.name} lies outside the county`)
    return roundGeometry(clipped.geometry)
  })
}

function paddedBbox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x = 0, y = 0] of rings.flat()) {
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  return [minX - 0.1, minY - 0.1, maxX + 0.1, maxY + 0.1]
}

/** Round to 1e-7° (~1 cm) and drop repeated vertices the rounding creates. */
function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (positions: Position[]): Position[] => positions
    .map(roundPosition)
    .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]?.[0] || p[1] !== all[i - 1]?.[1])
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) }
}
