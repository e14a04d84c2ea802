import type { LineString, MultiPolygon, Point, Polygon } from 'geojson'
import type { TextEncodingChoice } from '../decode-text'

import type { RawRecord } from '../sites/site-fields'

export type { RawRecord }

/** The formats a user can import from. */
export const IMPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'kml', 'shapefile'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** A geometry as read from a file (before coordinate conversion). */
export type SourceGeometry = Point | LineString | Polygon | MultiPolygon

/**
 * What every adapter turns a file into: named columns and one record per row, plus a geometry per row for
 * the geographic formats. Row numbers are what the user sees in the file (CSV: the line, the header being 1;
 * XLSX: the sheet row; GeoJSON/KML/Shapefile: the feature number from 1).
 */
export interface SourceTable {
  file: string
  format: ImportFormat
  columns: string[]
  records: RawRecord[]
  rowNumbers: number[]
  /** One per record for GeoJSON/KML/Shapefile; null for tables (coordinates come from columns). */
  geometries: Array<SourceGeometry | null> | null
  /** The text encoding used (CSV, and the .dbf of a Shapefile). */
  encoding?: 'utf-8' | 'gb18030'
  /** XLSX: every sheet's name, and the one read. */
  sheets?: string[]
  sheet?: string
}

/** The user's choices for reading a file. */
export interface ReadOptions {
  /** CSV and Shapefile .dbf: detect, or force an encoding. */
  encoding?: TextEncodingChoice
  /** XLSX: the sheet to read; the first sheet with data rows when absent. */
  sheet?: string
}

/** One file format: the extensions it is chosen by and its reader (which loads its parser lazily). */
export interface ImportAdapter {
  format: ImportFormat
  extensions: readonly string[]
  read(file: string, bytes: Uint8Array, options: ReadOptions): Promise<SourceTable>
}
