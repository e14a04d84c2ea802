import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson'

/** A box in lng/lat: west, south, east, north. */
export type LngLatBox = [number, number, number, number]

export interface Projection {
  /** SVG x/y (y down) of a lng/lat position. */
  project(position: Position): [number, number]
  width: number
  height: number
  /** Ground metres one unit (pixel) stands for at the box's centre. */
  metersPerPixel: number
}

/** Metres in one degree of latitude (a sphere of the Earth's mean radius). */
const METERS_PER_DEGREE = (6_371_008.8 * Math.PI) / 180

/**
 * A plain equirectangular projection scaled by cos(latitude) at the box's centre, fitted into width × height
 * with a margin: at county and town scale it is indistinguishable from Web Mercator, and it prints as vector.
 */
export function fitProjection(box: LngLatBox, width: number, height: number, marginPx = 8): Projection {
  const [west, south, east, north] = box
  const kx = Math.cos(((south + north) / 2) * (Math.PI / 180))
  const spanX = Math.max((east - west) * kx, 1e-9)
  const spanY = Math.max(north - south, 1e-9)
  const scale = Math.min((width - 2 * marginPx) / spanX, (height - 2 * marginPx) / spanY)
  const offsetX = (width - spanX * scale) / 2
  const offsetY = (height - spanY * scale) / 2
  return {
    width,
    height,
    metersPerPixel: METERS_PER_DEGREE / scale,
    project: ([lng = 0, lat = 0]) => [offsetX + (lng - west) * kx * scale, offsetY + (north - lat) * scale],
  }
}

export function boxOf(geometries: Array<Geometry | null>): LngLatBox {
  const box: LngLatBox = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      const [x = 0, y = 0] = value as number[]
      box[0] = Math.min(box[0], x)
      box[1] = Math.min(box[1], y)
      box[2] = Math.max(box[2], x)
      box[3] = Math.max(box[3], y)
    } else if (Array.isArray(value)) value.forEach(visit)
  }
  for (const geometry of geometries) if (geometry && geometry.type !== 'GeometryCollection') visit(geometry.coordinates)
  return box
}

/** SVG path data of a polygon's rings (holes drawn with the even-odd rule by the caller). */
export function polygonPath(geometry: Polygon | MultiPolygon, projection: Projection): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  return polygons.flatMap((rings) => rings.map((ring) => ring.map((p, i) => {
    const [x, y] = projection.project(p)
    return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`
  }).join('') + 'Z')).join('')
}

export function linePath(positions: Position[], projection: Projection): string {
  return positions.map((p, i) => {
    const [x, y] = projection.project(p)
    return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`
  }).join('')
}
