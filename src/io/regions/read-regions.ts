import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import type { Region, RegionLevel } from '../../core/model'
import { REGION_LEVELS } from '../../core/model'
import { toWgs84, type Crs } from '../crs'
import { decodeText } from '../decode-text'
import { ImportError } from '../import-error'
import { parseFeatures } from '../read-features'
import { levelOfCode, parentOfCode } from './region-codes'

/** How to read a boundary file. */
export interface RegionImportOptions {
  crs?: Crs
  /** Property holding the region code; auto-detected from CODE_FIELDS when absent. */
  codeField?: string
  /** Property holding the name; auto-detected from NAME_FIELDS when absent. */
  nameField?: string
  /** Add code-only regions for the parents the codes imply (a county above its towns), so counts roll up. Default true. */
  deriveParents?: boolean
}

export const CODE_FIELDS = ['code', 'adcode', '区划代码', 'code12', 'code9', 'gb', 'id']
export const NAME_FIELDS = ['name', '名称', 'NAME', 'Name']
const LEVEL_WORDS: Record<string, RegionLevel> = { district: 'county', street: 'town', township: 'town' }

/** Reads a GeoJSON file of Polygon/MultiPolygon regions (code, name, level, parent) into regions in WGS-84. */
export function readRegionsFile(file: string, bytes: Uint8Array, options: RegionImportOptions = {}): Region[] {
  const features = parseFeatures(file, decodeText(bytes).text)
  if (features.length === 0) throw new ImportError({ file }, 'has no features')
  const props = features[0]!.properties ?? {}
  const codeField = options.codeField ?? CODE_FIELDS.find((f) => f in props)
  const nameField = options.nameField ?? NAME_FIELDS.find((f) => f in props)
  const regions = features.map((feature, i) => regionFromFeature(feature, { file, row: i + 1, codeField, nameField, crs: options.crs ?? 'wgs84' }))
  const seen = new Set<string>()
  for (const [i, r] of regions.entries()) {
    if (seen.has(r.code)) throw new ImportError({ file, row: i + 1, field: codeField ?? 'id' }, `duplicate region code "${r.code}"`)
    seen.add(r.code)
  }
  return options.deriveParents === false ? regions : withDerivedParents(regions)
}

interface FeatureContext { file: string, row: number, codeField?: string, nameField?: string, crs: Crs }

function regionFromFeature(feature: Feature, c: FeatureContext): Region {
  const props = feature.properties ?? {}
  const rawCode = c.codeField ? props[c.codeField] : feature.id
  const code = rawCode === undefined || rawCode === null ? '' : String(rawCode).trim()
  if (!code) throw new ImportError({ file: c.file, row: c.row, field: c.codeField ?? 'id' }, 'no region code (choose the field with --region-code-field)')
  const name = c.nameField && props[c.nameField] !== undefined ? String(props[c.nameField]) : code
  const levelWord = String(props.level ?? '').toLowerCase()
  const level = (REGION_LEVELS as readonly string[]).includes(levelWord) ? levelWord as RegionLevel : LEVEL_WORDS[levelWord] ?? levelOfCode(code) ?? 'town'
  const parent = props.parentCode ?? (props.parent as { adcode?: unknown } | undefined)?.adcode
  return {
    code,
    name,
    level,
    parentCode: parent === undefined || parent === null ? parentOfCode(code) : String(parent),
    geometry: polygonOf(feature, c),
    approximate: props.approximate === true,
  }
}

function polygonOf(feature: Feature, c: FeatureContext): Polygon | MultiPolygon {
  const g = feature.geometry
  const convert = (ring: Position[]): Position[] => ring.map((p) => {
    if (typeof p[0] !== 'number' || typeof p[1] !== 'number') throw new ImportError({ file: c.file, row: c.row, field: 'geometry' }, `bad position ${JSON.stringify(p)}`)
    return toWgs84(p[0], p[1], c.crs)
  })
  if (g?.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(convert) }
  if (g?.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((rings) => rings.map(convert)) }
  throw new ImportError({ file: c.file, row: c.row, field: 'geometry' }, `expected a Polygon or MultiPolygon, got ${g?.type ?? 'none'}`)
}

/**
 * Adds code-only regions for the parent codes the regions imply, one level at a time, until they have a
 * single root: districts get their city, towns their counties and then the city.
 */
export function withDerivedParents(regions: Region[]): Region[] {
  const known = new Set(regions.map((r) => r.code))
  let all = regions
  let tops = all.filter((r) => r.parentCode === null || !known.has(r.parentCode))
  while (tops.length > 1) {
    const missing = [...new Set(tops.map((r) => r.parentCode).filter((c): c is string => c !== null))]
    if (missing.length === 0) break
    const added = missing.map((code): Region => ({ code, name: code, level: levelOfCode(code) ?? 'city', parentCode: parentOfCode(code), geometry: null, approximate: false }))
    for (const r of added) known.add(r.code)
    // Parents first, so a region array reads from the widest level down.
    all = [...added, ...all]
    tops = added.filter((r) => r.parentCode === null || !known.has(r.parentCode))
  }
  return all
}
