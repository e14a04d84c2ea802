import Flatbush from 'flatbush'
import type { Position } from 'geojson'
import type { Site } from '../model'

const EARTH_RADIUS_METERS = 6_371_008.8
const RAD = Math.PI / 180

/** Great-circle distance in metres (haversine). */
export function distanceMeters([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const dLat = (lat2 - lat1) * RAD
  const dLng = (lng2 - lng1) * RAD
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** The point of segment a–b nearest to p, in a local plane scaled by cos(latitude) (exact enough within a county). */
function nearestOnSegment(p: [number, number], a: Position, b: Position): [number, number] {
  const kx = Math.cos(p[1] * RAD)
  const [ax, ay, bx, by] = [(a[0] ?? 0) * kx, a[1] ?? 0, (b[0] ?? 0) * kx, b[1] ?? 0]
  const [dx, dy] = [bx - ax, by - ay]
  const length2 = dx * dx + dy * dy
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] * kx - ax) * dx + (p[1] - ay) * dy) / length2))
  return [(ax + t * dx) / kx, ay + t * dy]
}

/** Distance from a position to a site: to its point, or to the nearest part of its line (a bus route). */
export function siteDistanceMeters(site: Site, from: [number, number]): number {
  if (site.geometry.type === 'Point') {
    const [lng = 0, lat = 0] = site.geometry.coordinates
    return distanceMeters(from, [lng, lat])
  }
  const line = site.geometry.coordinates
  let best = Infinity
  for (let i = 0; i + 1 < line.length; i++) best = Math.min(best, distanceMeters(from, nearestOnSegment(from, line[i]!, line[i + 1]!)))
  return best
}

export interface NearbySite {
  site: Site
  distanceMeters: number
}

/**
 * An index for "the sites nearest to me" (field mode): boxes of points and lines, longitudes scaled by
 * cos(latitude); candidates are then ordered by true ground distance (ties by id, so the order is stable).
 */
export function createNearestIndex(sites: Site[]): (from: [number, number], count: number, accept?: (site: Site) => boolean) => NearbySite[] {
  if (sites.length === 0) return () => []
  const first = sites[0]!.geometry.type === 'Point' ? sites[0]!.geometry.coordinates : sites[0]!.geometry.coordinates[0]
  const kx = Math.cos((first?.[1] ?? 0) * RAD)
  const index = new Flatbush(sites.length)
  for (const site of sites) {
    const positions = site.geometry.type === 'Point' ? [site.geometry.coordinates] : site.geometry.coordinates
    const xs = positions.map((p) => (p[0] ?? 0) * kx)
    const ys = positions.map((p) => p[1] ?? 0)
    index.add(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys))
  }
  index.finish()
  // Box distance orders candidates only roughly (a line's box is near even when the line is not): take a margin.
  return (from, count, accept) => index
    .neighbors(from[0] * kx, from[1], count * 2 + 16, Infinity, accept ? (i) => accept(sites[i]!) : undefined)
    .map((i) => ({ site: sites[i]!, distanceMeters: siteDistanceMeters(sites[i]!, from) }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.site.id.localeCompare(b.site.id))
    .slice(0, count)
}
