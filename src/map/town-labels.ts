import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf'
import { Marker, type Map as MapLibreMap } from 'maplibre-gl'
import type { Region } from '@/core/model'

/** Where a town's name goes: its centroid when that lies inside it, else some point that does. */
function labelPosition(region: Region): [number, number] | null {
  if (!region.geometry) return null
  const feature = { type: 'Feature' as const, properties: {}, geometry: region.geometry }
  const center = centroid(feature).geometry.coordinates
  const inside = booleanPointInPolygon(center, region.geometry) ? center : pointOnFeature(feature).geometry.coordinates
  return [inside[0] ?? 0, inside[1] ?? 0]
}

/**
 * Town/street names as HTML markers: the offline style has no glyphs, and the browser renders Chinese text
 * with the device's own fonts. Returns a function that removes them.
 */
export function addTownLabels(map: MapLibreMap, regions: Region[]): () => void {
  const markers = regions.filter((r) => r.level === 'town').flatMap((region) => {
    const position = labelPosition(region)
    if (!position) return []
    const element = document.createElement('div')
    element.className = 'town-label'
    element.textContent = region.name
    element.dataset.testid = 'map:town-label'
    return [new Marker({ element, anchor: 'center' }).setLngLat(position).addTo(map)]
  })
  return () => markers.forEach((m) => m.remove())
}
