import type { Feature, Geometry, Position } from 'geojson'
import { ImportError } from '../import-error'
import { featureTable } from './feature-table'
import type { ReadOptions, SourceTable } from './source-table'

type Encoding = NonNullable<SourceTable['encoding']>

/**
 * A zipped Shapefile (.shp + .dbf, optionally .prj and .cpg) as a table. The .dbf encoding is the user's
 * choice, else the .cpg's, else UTF-8 when valid and GBK otherwise (what Chinese ArcGIS/QGIS exports are).
 * Coordinates must be longitude/latitude: a projected .prj is refused, as the app has no projection library.
 */
export async function readShapefileTable(file: string, bytes: Uint8Array, options: ReadOptions): Promise<SourceTable> {
  if (bytes.length === 0) throw new ImportError({ file }, 'the file is empty')
  const { unzipSync } = await import('fflate')
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes)
  } catch (error) {
    throw new ImportError({ file }, `not a zip archive (${(error as Error).message})`)
  }
  const find = (ext: string): Uint8Array | undefined => Object.entries(entries).find(([name]) => name.toLowerCase().endsWith(ext) && !name.startsWith('__MACOSX'))?.[1]
  const shp = find('.shp'), dbf = find('.dbf'), prj = find('.prj'), cpg = find('.cpg')
  if (!shp || !dbf) throw new ImportError({ file }, `the zip needs a .shp and a .dbf (found ${Object.keys(entries).join(', ') || 'nothing'})`)
  if (prj && /^\s*PROJCS/i.test(new TextDecoder().decode(prj))) throw new ImportError({ file, field: '.prj' }, 'the Shapefile is projected; export it in longitude/latitude (WGS-84, GCJ-02 or BD-09)')
  const encoding = chooseEncoding(dbf, options.encoding, cpg)
  const geometries = readShp(shp, file)
  const records = readDbf(dbf, encoding, file)
  if (records.length !== geometries.length) throw new ImportError({ file, field: '.dbf' }, `${records.length} records in the .dbf but ${geometries.length} shapes in the .shp`)
  const features = records.map((properties, i): Feature<Geometry | null> => ({ type: 'Feature', properties, geometry: geometries[i]! }))
  return featureTable(file, 'shapefile', features, encoding)
}

function chooseEncoding(dbf: Uint8Array, choice: ReadOptions['encoding'], cpg: Uint8Array | undefined): Encoding {
  if (choice && choice !== 'auto') return choice
  const declared = cpg ? new TextDecoder().decode(cpg).trim().toLowerCase() : ''
  if (/utf-?8|65001/.test(declared)) return 'utf-8'
  if (/gbk|gb2312|gb18030|936/.test(declared)) return 'gb18030'
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf)
    return 'utf-8'
  } catch {
    return 'gb18030'
  }
}

/** The shapes of a .shp: Point, PolyLine and Polygon (plain, Z and M: their first two dimensions). */
function readShp(bytes: Uint8Array, file: string): Array<Geometry | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length < 100 || view.getInt32(0) !== 9994) throw new ImportError({ file, field: '.shp' }, 'not a Shapefile .shp')
  const shapes: Array<Geometry | null> = []
  for (let offset = 100; offset + 8 <= bytes.length;) {
    const length = view.getInt32(offset + 4) * 2
    shapes.push(readShape(view, offset + 8, file, shapes.length + 1))
    offset += 8 + length
  }
  return shapes
}

function readShape(view: DataView, at: number, file: string, row: number): Geometry | null {
  const type = view.getInt32(at, true) % 10
  if (type === 0) return null
  if (type === 1) return { type: 'Point', coordinates: [view.getFloat64(at + 4, true), view.getFloat64(at + 12, true)] }
  if (type !== 3 && type !== 5) throw new ImportError({ file, row, field: '.shp' }, `unsupported shape type ${view.getInt32(at, true)}`)
  const parts = view.getInt32(at + 36, true), points = view.getInt32(at + 40, true)
  const pointsAt = at + 44 + parts * 4
  const rings: Position[][] = []
  for (let p = 0; p < parts; p++) {
    const start = view.getInt32(at + 44 + p * 4, true)
    const end = p + 1 < parts ? view.getInt32(at + 48 + p * 4, true) : points
    const ring: Position[] = []
    for (let i = start; i < end; i++) ring.push([view.getFloat64(pointsAt + i * 16, true), view.getFloat64(pointsAt + i * 16 + 8, true)])
    rings.push(ring)
  }
  if (type === 3) return { type: 'LineString', coordinates: rings.flat() }
  return polygonFromRings(rings)
}

/** Shapefile outer rings run clockwise and holes anticlockwise; each hole belongs to the outer ring before it. */
function polygonFromRings(rings: Position[][]): Geometry {
  const polygons: Position[][][] = []
  for (const ring of rings) {
    if (signedArea(ring) <= 0 || polygons.length === 0) polygons.push([ring])
    else polygons[polygons.length - 1]!.push(ring)
  }
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons }
}

function signedArea(ring: Position[]): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!)
  return sum / 2
}

/** The records of a .dbf (dBASE III): every field as trimmed text, one per shape (deleted ones too, to keep the pairing). */
function readDbf(bytes: Uint8Array, encoding: Encoding, file: string): Array<Record<string, string>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length < 32) throw new ImportError({ file, field: '.dbf' }, 'the .dbf is too short')
  const count = view.getUint32(4, true), headerLength = view.getUint16(8, true), recordLength = view.getUint16(10, true)
  const decoder = new TextDecoder(encoding)
  const fields: Array<{ name: string, offset: number, length: number }> = []
  for (let at = 32, offset = 1; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    const nameBytes = bytes.subarray(at, at + 11)
    const end = nameBytes.indexOf(0)
    const length = bytes[at + 16]!
    fields.push({ name: decoder.decode(nameBytes.subarray(0, end < 0 ? 11 : end)).trim(), offset, length })
    offset += length
  }
  const records: Array<Record<string, string>> = []
  for (let r = 0; r < count; r++) {
    const at = headerLength + r * recordLength
    if (at + recordLength > bytes.length) throw new ImportError({ file, row: r + 1, field: '.dbf' }, 'the .dbf is cut off')
    const record: Record<string, string> = {}
    for (const f of fields) record[f.name] = decoder.decode(bytes.subarray(at + f.offset, at + f.offset + f.length)).trim()
    records.push(record)
  }
  return records
}
