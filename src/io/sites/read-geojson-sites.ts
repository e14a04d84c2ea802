import type { Feature, Position } from 'geojson'
import type { Site } from '../../core/model'
import { toWgs84, type Crs } from '../crs'
import { decodeText } from '../decode-text'
import { ImportError } from '../import-error'
import { mapColumns, siteFields, type RawRecord } from './site-fields'
import { parseFeatures } from '../read-features'

/**
 * Sites from a GeoJSON FeatureCollection: Points, or LineStrings for bus lines; properties as in the CSV.
 * Rows are feature numbers, from 1.
 */
export async function readGeoJsonSites(file: string, bytes: Uint8Array, crs: Crs): Promise<Site[]> {
  const features = parseFeatures(file, decodeText(bytes).text)
  return features.map((feature, i) => siteFromFeature(feature, file, i + 1, crs))
}

function siteFromFeature(feature: Feature, file: string, row: number, crs: Crs): Site {
  const record: RawRecord = { ...feature.properties }
  if (feature.id !== undefined && record.id === undefined) record.id = feature.id
  const fields = siteFields(record, mapColumns(Object.keys(record)), file, row)
  const geometry = feature.geometry
  const convert = (p: Position): Position => checkPosition(p, file, row, crs)
  if (geometry?.type === 'Point') return { ...fields, geometry: { type: 'Point', coordinates: convert(geometry.coordinates) } }
  if (geometry?.type === 'LineString' && geometry.coordinates.length >= 2) {
    return { ...fields, geometry: { type: 'LineString', coordinates: geometry.coordinates.map(convert) } }
  }
  throw new ImportError({ file, row, field: 'geometry' }, `expected a Point or a LineString of 2+ positions, got ${geometry?.type ?? 'none'}`)
}

function checkPosition(p: Position, file: string, row: number, crs: Crs): Position {
  const [lng, lat] = p
  if (typeof lng !== 'number' || typeof lat !== 'number' || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
    throw new ImportError({ file, row, field: 'geometry' }, `${JSON.stringify(p)} is not a longitude/latitude position`)
  }
  return toWgs84(lng, lat, crs)
}
