/**
 * Import benchmark (issue 5): a 100,000-row register CSV (UTF-8, GCJ-02, Chinese header and values) through
 * the app's import pipeline — decode, parse, convert, validate, assign to the Pingyin regions, match against
 * the plan's sites — and the same rows as XLSX. Measured in Node (the worker runs the same functions; storage
 * is the db benchmark's), with a naive baseline in the same run: papaparse objects, gcoord and turf's
 * point-in-polygon against every town, per row, on a sample, scaled up.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { booleanPointInPolygon } from '@turf/turf'
import gcoord from 'gcoord'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import Papa from 'papaparse'
import { assignSites } from '../src/core/coverage/assign-sites'
import { buildRegionIndex } from '../src/core/geometry/region-index'
import type { Region } from '../src/core/model'
import { readSourceTable } from '../src/io/import/adapters'
import { planSiteImport, summariseTable } from '../src/io/import/site-import'
import { writeWorkbook } from '../src/io/export/export-sites'

const ROWS = 100_000
const BASELINE_SAMPLE = 5_000
const STATUSES = ['已开通', '改造中', '待对接', '已对接']

/** One benchmark's result, for the record. */
export interface ImportBenchmark {
  name: string
  rows: number
  ms: number
  note: string
}

function loadRegions(): Region[] {
  const text = readFileSync(resolve(import.meta.dirname, '../public/geo/pingyin-regions.geojson'), 'utf8')
  const features = (JSON.parse(text) as { features: Array<Feature<Polygon | MultiPolygon>> }).features
  return features.map((f) => ({ code: String(f.properties!.code), name: String(f.properties!.name), level: String(f.properties!.code).endsWith('000000') ? 'county' : 'town', parentCode: String(f.properties!.code).endsWith('000000') ? null : '370124000000', geometry: f.geometry, approximate: false }))
}

/** Rows spread over the county's box (some fall outside: they are rejected, as in real registers). */
function makeRows(regions: Region[]): string[][] {
  const county = regions.find((r) => r.level === 'county')!.geometry!
  const xs = county.coordinates.flat(3).filter((_, i) => i % 2 === 0), ys = county.coordinates.flat(3).filter((_, i) => i % 2 === 1)
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  let seed = 7
  const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  return Array.from({ length: ROWS }, (_, i) => {
    const [x, y] = gcoord.transform([w + random() * (e - w), s + random() * (n - s)], gcoord.WGS84, gcoord.GCJ02) as [number, number]
    return [`B${i}`, `商户${i}`, '商户', STATUSES[i % 4]!, x.toFixed(6), y.toFixed(6), i % 4 === 0 ? '2023-03-01' : '', '工行']
  })
}

const HEADER = ['编号', '名称', '类型', '状态', '经度', '纬度', '上线日期', '运营机构']

async function timeImport(name: string, bytes: Uint8Array, regions: Region[]): Promise<{ ms: number, accepted: number }> {
  const start = performance.now()
  const table = await readSourceTable(name, bytes)
  const summary = summariseTable(table)
  const plan = planSiteImport(table, { mapping: summary.mapping, crs: 'gcj02', swap: false, idPrefix: 'b' }, { regions, sites: [] })
  assignSites(buildRegionIndex(regions), plan.sites)
  return { ms: performance.now() - start, accepted: plan.accepted }
}

/** The naive way, per row: parse to objects, convert, test every town polygon with turf. */
function timeBaseline(csv: string, regions: Region[]): number {
  const towns = regions.filter((r) => r.level === 'town')
  const start = performance.now()
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.slice(0, BASELINE_SAMPLE)
  for (const row of rows) {
    const point = gcoord.transform([Number(row['经度']), Number(row['纬度'])], gcoord.GCJ02, gcoord.WGS84) as [number, number]
    towns.find((t) => booleanPointInPolygon(point, t.geometry!))
  }
  return (performance.now() - start) * (ROWS / BASELINE_SAMPLE)
}

/** Runs the import benchmarks and prints them; returns the figures. */
export async function runImportBenchmarks(log: (line: string) => void = console.log): Promise<ImportBenchmark[]> {
  const regions = loadRegions()
  const rows = makeRows(regions)
  const csv = `\uFEFF${[HEADER, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`
  const csvBytes = new TextEncoder().encode(csv)
  const ours = await timeImport('bench.csv', csvBytes, regions)
  const baseline = timeBaseline(csv, regions)
  const results: ImportBenchmark[] = [
    { name: 'CSV import (decode, parse, convert, validate, assign, match)', rows: ROWS, ms: ours.ms, note: `${ours.accepted} accepted; ${(baseline / ours.ms).toFixed(1)}× the naive baseline (${baseline.toFixed(0)} ms, scaled from ${BASELINE_SAMPLE} rows)` },
  ]
  const xlsx = await writeWorkbook([{ name: '台账', header: HEADER, rows }])
  const fromXlsx = await timeImport('bench.xlsx', xlsx, regions)
  results.push({ name: 'XLSX import (same rows)', rows: ROWS, ms: fromXlsx.ms, note: `${(fromXlsx.ms / ours.ms).toFixed(2)}× the CSV time (goal ≤ 2.5×)` })
  for (const r of results) log(`${r.name}: ${r.rows} rows in ${r.ms.toFixed(0)} ms — ${r.note}`)
  return results
}
