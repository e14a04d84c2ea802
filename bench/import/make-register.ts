/**
 * The import benchmark's data (Node): a 100,000-row register as a street office exports it — UTF-8 with BOM,
 * Chinese header and values, GCJ-02 coordinates spread over Pingyin County's box (some fall outside and are
 * rejected, as in real registers) — written once as CSV and XLSX under bench/data (gitignored) and reused.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import gcoord from 'gcoord'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { Region } from '../../src/core/model'
import { writeWorkbook } from '../../src/io/export/export-sites'

const ROOT = resolve(import.meta.dirname, '../..')
export const DATA_DIR = join(ROOT, 'bench/data')
export const HEADER = ['编号', '名称', '类型', '状态', '经度', '纬度', '上线日期', '运营机构']
const STATUSES = ['已开通', '改造中', '待对接', '已对接']

/** Pingyin's county and towns as the plan holds them. */
export function loadRegions(): Region[] {
  const text = readFileSync(join(ROOT, 'public/geo/pingyin-regions.geojson'), 'utf8')
  const features = (JSON.parse(text) as { features: Array<Feature<Polygon | MultiPolygon>> }).features
  return features.map((f) => {
    const code = String(f.properties!.code)
    const county = code.endsWith('000000')
    return { code, name: String(f.properties!.name), level: county ? 'county' : 'town', parentCode: county ? null : '370124000000', geometry: f.geometry, approximate: false }
  })
}

function makeRows(regions: Region[], count: number): string[][] {
  const county = regions.find((r) => r.level === 'county')!.geometry!
  const flat = county.coordinates.flat(3)
  const xs = flat.filter((_, i) => i % 2 === 0), ys = flat.filter((_, i) => i % 2 === 1)
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  let seed = 7
  const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  return Array.from({ length: count }, (_, i) => {
    const [x, y] = gcoord.transform([w + random() * (e - w), s + random() * (n - s)], gcoord.WGS84, gcoord.GCJ02) as [number, number]
    return [`B${i}`, `商户${i}`, '商户', STATUSES[i % 4]!, x.toFixed(6), y.toFixed(6), i % 4 === 0 ? '2023-03-01' : '', '工行']
  })
}

/** The register's files (made when missing): `register-<rows>.csv` and `.xlsx` in bench/data. */
export async function ensureRegister(regions: Region[], count: number): Promise<{ csv: string, xlsx: string }> {
  const csv = join(DATA_DIR, `register-${count}.csv`), xlsx = join(DATA_DIR, `register-${count}.xlsx`)
  if (existsSync(csv) && existsSync(xlsx)) return { csv, xlsx }
  mkdirSync(DATA_DIR, { recursive: true })
  const rows = makeRows(regions, count)
  writeFileSync(csv, `\uFEFF${[HEADER, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`)
  writeFileSync(xlsx, await writeWorkbook([{ name: '台账', header: HEADER, rows }]))
  return { csv, xlsx }
}
