import { ImportError } from '../import-error'
import type { ImportAdapter, ImportFormat, ReadOptions, SourceTable } from './source-table'

/*
 * Every adapter sits behind the same interface and loads its module (and so its parser: papaparse, exceljs,
 * fflate) on first use, so none of them lands in the main chunk.
 */
export const IMPORT_ADAPTERS: readonly ImportAdapter[] = [
  { format: 'csv', extensions: ['.csv', '.txt'], read: async (f, b, o) => (await import('./read-csv-table')).readCsvTable(f, b, o) },
  { format: 'xlsx', extensions: ['.xlsx'], read: async (f, b, o) => (await import('./read-xlsx-table')).readXlsxTable(f, b, o) },
  { format: 'geojson', extensions: ['.geojson', '.json'], read: async (f, b) => (await import('./feature-table')).readGeoJsonTable(f, b) },
  { format: 'kml', extensions: ['.kml'], read: async (f, b) => (await import('./read-kml')).readKmlTable(f, b) },
  { format: 'shapefile', extensions: ['.zip'], read: async (f, b, o) => (await import('./read-shapefile')).readShapefileTable(f, b, o) },
]

/** The format a file name implies, or null. */
export function formatOfFile(file: string): ImportFormat | null {
  const lower = file.toLowerCase()
  return IMPORT_ADAPTERS.find((a) => a.extensions.some((ext) => lower.endsWith(ext)))?.format ?? null
}

/** Reads a file into a table with the adapter of `format` (by default: of its extension). */
export async function readSourceTable(file: string, bytes: Uint8Array, options: ReadOptions & { format?: ImportFormat } = {}): Promise<SourceTable> {
  const format = options.format ?? formatOfFile(file)
  const adapter = IMPORT_ADAPTERS.find((a) => a.format === format)
  if (!adapter) throw new ImportError({ file }, `unsupported file type (use ${IMPORT_ADAPTERS.flatMap((a) => a.extensions).join(', ')})`)
  return adapter.read(file, bytes, options)
}
