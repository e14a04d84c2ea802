import type { Feature, Geometry } from 'geojson'
import { decodeText } from '../decode-text'
import { ImportError } from '../import-error'
import { parseFeatures } from '../read-features'
import type { ImportFormat, RawRecord, SourceGeometry, SourceTable } from './source-table'

const GEOMETRY_TYPES = new Set(['Point', 'LineString', 'Polygon', 'MultiPolygon'])

/** Features as a table: their properties (and id) as records, their geometry alongside. */
export function featureTable(file: string, format: ImportFormat, features: ReadonlyArray<Feature<Geometry | null>>, encoding?: SourceTable['encoding']): SourceTable {
  if (features.length === 0) throw new ImportError({ file }, 'the file has no features')
  const columns = new Set<string>()
  const records: RawRecord[] = []
  const geometries: Array<SourceGeometry | null> = []
  for (const feature of features) {
    const record: RawRecord = { ...feature.properties }
    if (feature.id !== undefined && record.id === undefined) record.id = feature.id
    for (const key of Object.keys(record)) columns.add(key)
    records.push(record)
    const g = feature.geometry
    geometries.push(g && GEOMETRY_TYPES.has(g.type) ? g as SourceGeometry : null)
  }
  return { file, format, columns: [...columns], records, rowNumbers: records.map((_, i) => i + 1), geometries, encoding }
}

/** A GeoJSON file (FeatureCollection or Feature) as a table. */
export async function readGeoJsonTable(file: string, bytes: Uint8Array): Promise<SourceTable> {
  if (bytes.length === 0) throw new ImportError({ file }, 'the file is empty')
  return featureTable(file, 'geojson', parseFeatures(file, decodeText(bytes).text))
}
