import type { Feature, FeatureCollection } from 'geojson'
import { ImportError } from './import-error'

/** The features of a GeoJSON text (a FeatureCollection or a single Feature), or an ImportError naming the file. */
export function parseFeatures(file: string, text: string): Feature[] {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new ImportError({ file }, `not valid JSON (${(error as Error).message})`)
  }
  const object = json as Partial<FeatureCollection> & Partial<Feature>
  if (object?.type === 'FeatureCollection' && Array.isArray(object.features)) return object.features
  if (object?.type === 'Feature') return [object as Feature]
  throw new ImportError({ file }, 'not a GeoJSON FeatureCollection')
}
