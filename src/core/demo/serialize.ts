import type { FeatureCollection } from 'geojson'

/**
 * Stable GeoJSON text: one feature per line, so a regenerated demo diffs line by line in git, and the same data
 * always gives the same bytes. Extra top-level members (attribution, seed) are written before the features.
 */
export function serializeCollection(collection: FeatureCollection, extra: Record<string, unknown>): string {
  const head = Object.entries(extra).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)},\n`).join('')
  const features = collection.features.map((f) => JSON.stringify(f)).join(',\n')
  return `{"type":"FeatureCollection",\n${head}"features":[\n${features}\n]}\n`
}
