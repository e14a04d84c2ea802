import type { MultiPolygon, Polygon, Position } from 'geojson'
import { kinks } from '@turf/turf'
import type { Region, RegionLevel } from '../../core/model'
import { toWgs84, type Crs } from '../crs'
import { levelOfCode, parentOfCode } from '../regions/region-codes'
import { CODE_FIELDS, NAME_FIELDS, withDerivedParents } from '../regions/read-regions'
import type { SourceGeometry, SourceTable } from './source-table'

/** How to read a boundary table: the user's choice of fields, level and coordinate system. */
export interface BoundaryOptions {
  codeField?: string
  nameField?: string
  /** The level of every feature; from each code when absent (12-digit 统计用区划代码). */
  level?: RegionLevel
  crs: Crs
}

/** A feature that cannot be a region, with the reason. */
export interface RejectedBoundary {
  row: number
  name: string
  reason: string
}

/** The regions read, the features refused, and how many rings needed a trivial repair. */
export interface BoundaryAnalysis {
  regions: Region[]
  rejected: RejectedBoundary[]
  repairedRings: number
}

/** The code and name fields to offer first: the usual names, else the first column. */
export function guessBoundaryFields(columns: readonly string[]): { codeField?: string, nameField?: string } {
  return { codeField: CODE_FIELDS.find((f) => columns.includes(f)), nameField: NAME_FIELDS.find((f) => columns.includes(f)) ?? columns[0] }
}

/**
 * Boundary features into regions: rings that are only unclosed or repeat a point are repaired, anything else
 * invalid (a self-intersection, a ring of under three points, a point feature, a missing or repeated code) is
 * rejected with the feature and the reason. Parents implied by 12-digit codes are added, so counts roll up.
 */
export function analyseBoundaries(table: SourceTable, options: BoundaryOptions): BoundaryAnalysis {
  const analysis: BoundaryAnalysis = { regions: [], rejected: [], repairedRings: 0 }
  const seen = new Set<string>()
  table.records.forEach((record, i) => {
    const row = table.rowNumbers[i]!
    const code = String(record[options.codeField ?? ''] ?? '').trim() || `region-${row}`
    const name = String(record[options.nameField ?? ''] ?? '').trim() || code
    const reject = (reason: string): void => void analysis.rejected.push({ row, name, reason })
    if (seen.has(code)) return reject(`duplicate code "${code}"`)
    const geometry = repairGeometry(table.geometries?.[i] ?? null, options.crs)
    if (typeof geometry === 'string') return reject(geometry)
    seen.add(code)
    analysis.repairedRings += geometry.repaired
    const level = options.level ?? levelOfCode(code) ?? 'town'
    analysis.regions.push({ code, name, level, parentCode: parentOfCode(code), geometry: geometry.geometry, approximate: false })
  })
  analysis.regions = analysis.regions.length > 0 ? withDerivedParents(analysis.regions) : []
  return analysis
}

/** The polygon in WGS-84 with trivial repairs, or why it cannot be used. */
function repairGeometry(source: SourceGeometry | null, crs: Crs): { geometry: Polygon | MultiPolygon, repaired: number } | string {
  if (!source || (source.type !== 'Polygon' && source.type !== 'MultiPolygon')) return `expected a Polygon or MultiPolygon, got ${source?.type ?? 'no geometry'}`
  const polygons = source.type === 'Polygon' ? [source.coordinates] : source.coordinates
  let repaired = 0
  const fixed: Position[][][] = []
  for (const rings of polygons) {
    const out: Position[][] = []
    for (const ring of rings) {
      const result = repairRing(ring, crs)
      if (typeof result === 'string') return result
      if (result.repaired) repaired++
      out.push(result.ring)
    }
    fixed.push(out)
  }
  for (const [p, rings] of fixed.entries()) {
    const crossing = kinks({ type: 'Polygon', coordinates: rings }).features[0]
    if (crossing) return `self-intersection at ${crossing.geometry.coordinates.map((v) => v.toFixed(6)).join(', ')}${fixed.length > 1 ? ` (part ${p + 1})` : ''}`
  }
  const geometry: Polygon | MultiPolygon = fixed.length === 1 ? { type: 'Polygon', coordinates: fixed[0]! } : { type: 'MultiPolygon', coordinates: fixed }
  return { geometry, repaired }
}

function repairRing(ring: Position[], crs: Crs): { ring: Position[], repaired: boolean } | string {
  const out: Position[] = []
  for (const p of ring) {
    if (typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return `bad position ${JSON.stringify(p)}`
    const last = out[out.length - 1]
    if (last && last[0] === p[0] && last[1] === p[1]) continue
    out.push([p[0], p[1]])
  }
  const first = out[0], end = out[out.length - 1]
  const closed = first !== undefined && end !== undefined && first[0] === end[0] && first[1] === end[1] && out.length > 1
  if (!closed && first) out.push([first[0]!, first[1]!])
  if (out.length < 4) return `a ring of ${Math.max(out.length - 1, 0)} distinct points is not an area`
  return { ring: out.map((p) => toWgs84(p[0]!, p[1]!, crs)), repaired: !closed || out.length !== ring.length }
}
