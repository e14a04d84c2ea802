import type { Feature, Geometry, Position } from 'geojson'
import { decodeText } from '../decode-text'
import { ImportError } from '../import-error'
import { featureTable } from './feature-table'
import type { SourceTable } from './source-table'

/*
 * KML is read with regular expressions, not DOMParser: the import runs in a Web Worker, which has no DOM.
 * What is read is what Google Earth, AMap and ArcGIS write: Placemarks with a name, a description,
 * ExtendedData (Data/value and SchemaData/SimpleData), and a Point, LineString, Polygon or MultiGeometry.
 */
const PLACEMARK = /<Placemark\b[^>]*>([\s\S]*?)<\/Placemark>/g

/** A KML file as a table: one record per Placemark. */
export async function readKmlTable(file: string, bytes: Uint8Array): Promise<SourceTable> {
  if (bytes.length === 0) throw new ImportError({ file }, 'the file is empty')
  const text = decodeText(bytes).text
  if (!/<kml\b/i.test(text)) throw new ImportError({ file }, 'not a KML document (no <kml> element)')
  const features: Array<Feature<Geometry | null>> = []
  for (const match of text.matchAll(PLACEMARK)) features.push(placemarkFeature(match[1]!, file, features.length + 1))
  return featureTable(file, 'kml', features)
}

function placemarkFeature(body: string, file: string, row: number): Feature<Geometry | null> {
  const properties: Record<string, string> = {}
  const name = /<name>([\s\S]*?)<\/name>/.exec(body)
  if (name) properties.name = unescapeXml(name[1]!)
  const description = /<description>([\s\S]*?)<\/description>/.exec(body)
  if (description) properties.description = unescapeXml(description[1]!)
  for (const m of body.matchAll(/<Data\s+name="([^"]*)"[^>]*>[\s\S]*?<value>([\s\S]*?)<\/value>/g)) properties[m[1]!] = unescapeXml(m[2]!)
  for (const m of body.matchAll(/<SimpleData\s+name="([^"]*)"[^>]*>([\s\S]*?)<\/SimpleData>/g)) properties[m[1]!] = unescapeXml(m[2]!)
  return { type: 'Feature', properties, geometry: placemarkGeometry(body, file, row) }
}

function placemarkGeometry(body: string, file: string, row: number): Geometry | null {
  const polygons = [...body.matchAll(/<Polygon\b[^>]*>([\s\S]*?)<\/Polygon>/g)].map((m) => polygonRings(m[1]!, file, row))
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! }
  if (polygons.length > 1) return { type: 'MultiPolygon', coordinates: polygons }
  const line = /<LineString\b[^>]*>[\s\S]*?<coordinates>([\s\S]*?)<\/coordinates>/.exec(body)
  if (line) return { type: 'LineString', coordinates: parseCoordinates(line[1]!, file, row) }
  const point = /<Point\b[^>]*>[\s\S]*?<coordinates>([\s\S]*?)<\/coordinates>/.exec(body)
  if (point) return { type: 'Point', coordinates: parseCoordinates(point[1]!, file, row)[0] ?? [] }
  return null
}

function polygonRings(body: string, file: string, row: number): Position[][] {
  const outer = /<outerBoundaryIs>[\s\S]*?<coordinates>([\s\S]*?)<\/coordinates>/.exec(body)
  const inner = [...body.matchAll(/<innerBoundaryIs>[\s\S]*?<coordinates>([\s\S]*?)<\/coordinates>/g)]
  return [outer?.[1] ?? '', ...inner.map((m) => m[1]!)].map((c) => parseCoordinates(c, file, row))
}

/** "lng,lat[,alt] lng,lat …" → positions; a tuple that is not numbers is an error naming the placemark. */
function parseCoordinates(text: string, file: string, row: number): Position[] {
  return text.trim().split(/\s+/).filter(Boolean).map((tuple) => {
    const [lng, lat] = tuple.split(',').map(Number)
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) throw new ImportError({ file, row, field: 'coordinates' }, `"${tuple}" is not lng,lat`)
    return [lng!, lat!]
  })
}

function unescapeXml(text: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(text)
  if (cdata) return cdata[1]!.trim()
  return text.trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&')
}
