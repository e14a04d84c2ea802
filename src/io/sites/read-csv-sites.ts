import type { Site } from '../../core/model'
import { toWgs84, type Crs } from '../crs'
import { decodeText } from '../decode-text'
import { ImportError } from '../import-error'
import { mapColumns, readLngLat, siteFields, type RawRecord } from './site-fields'

/**
 * Sites from a CSV file (UTF-8 or GBK) with a header row: lng/lat or 经度/纬度 columns, and optionally id, name,
 * kind, status, dates, units, operator, methods, address (see FIELD_ALIASES). Rows are numbered as lines of
 * the file, the header being row 1.
 */
export async function readCsvSites(file: string, bytes: Uint8Array, crs: Crs): Promise<Site[]> {
  const { default: Papa } = await import('papaparse')
  const { text } = decodeText(bytes)
  const parsed = Papa.parse<RawRecord>(text, { header: true, skipEmptyLines: 'greedy' })
  const firstError = parsed.errors[0]
  if (firstError) throw new ImportError({ file, row: (firstError.row ?? 0) + 2 }, firstError.message)
  const columns = mapColumns(parsed.meta.fields ?? [])
  if (!columns.lng || !columns.lat) {
    throw new ImportError({ file, row: 1, field: columns.lng ? '纬度/lat' : '经度/lng' }, 'missing: the header needs lng and lat (or 经度 and 纬度) columns')
  }
  return parsed.data.map((record, i) => {
    const row = i + 2
    const [lng, lat] = toWgs84(...readLngLat(record, columns, file, row), crs)
    return { ...siteFields(record, columns, file, row), geometry: { type: 'Point', coordinates: [lng, lat] } }
  })
}
