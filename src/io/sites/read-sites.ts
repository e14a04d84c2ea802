import type { Site } from '../../core/model'
import type { Crs } from '../crs'
import { ImportError } from '../import-error'
import { readCsvSites } from './read-csv-sites'
import { readGeoJsonSites } from './read-geojson-sites'

/** One site file format: the extensions it is chosen by and its reader. */
export interface SiteFormat {
  extensions: readonly string[]
  read(file: string, bytes: Uint8Array, crs: Crs): Promise<Site[]>
}

/** The site formats, tried by file extension. */
export const SITE_FORMATS: readonly SiteFormat[] = [
  { extensions: ['.csv', '.txt'], read: readCsvSites },
  { extensions: ['.geojson', '.json'], read: readGeoJsonSites },
]

/**
 * Reads a site file (CSV or GeoJSON, by extension) into validated sites in WGS-84, converting from `crs`.
 * Throws an ImportError naming the file, row and field of the first problem; duplicate ids are one.
 */
export async function readSitesFile(file: string, bytes: Uint8Array, crs: Crs = 'wgs84'): Promise<Site[]> {
  const format = SITE_FORMATS.find((f) => f.extensions.some((ext) => file.toLowerCase().endsWith(ext)))
  if (!format) throw new ImportError({ file }, `unsupported site file type (use ${SITE_FORMATS.flatMap((f) => f.extensions).join(', ')})`)
  const sites = await format.read(file, bytes, crs)
  const seen = new Map<string, number>()
  sites.forEach((site, i) => {
    if (seen.has(site.id)) throw new ImportError({ file, field: 'id' }, `duplicate site id "${site.id}" (records ${seen.get(site.id)! + 1} and ${i + 1})`)
    seen.set(site.id, i)
  })
  return sites
}
