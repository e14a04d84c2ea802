/**
 * A Jinan-scale benchmark dataset, generated (never committed) into bench/data/:
 * - 164 town/street polygons: each district of ../shared/geo/jinan-districts.wgs84.geojson is cut into as
 *   many Voronoi cells as it has towns in ../shared/geo/towns-jinan-zhanjiang.csv, every cell edge is roughened
 *   by midpoint displacement (the same polyline on both sides, so neighbours still share their edge exactly),
 *   and the cells are clipped to the district: thousands of vertices per town, like real boundaries.
 * - 1,000,000 points: most clustered around town centres as merchants are, some scattered, a few outside.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { bbox, booleanPointInPolygon, featureCollection, intersect, point, polygon, voronoi } from '@turf/turf'
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson'
import type { Region } from '../src/core/model'

const GEO = resolve(import.meta.dirname, '../../shared/geo')
export const DATA_DIR = resolve(import.meta.dirname, 'data')
export const REGIONS_FILE = resolve(DATA_DIR, 'jinan-regions.json')
export const POINTS_FILE = resolve(DATA_DIR, 'jinan-points-1m.f64')
const DEPTH = 10 // 1024 segments per Voronoi edge
const ROUGHNESS = 0.08

/** mulberry32: a seeded PRNG, so the dataset is the same on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function hashOf(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

/** A rough polyline from a to b (both ends included), seeded by the edge so both neighbours get the same one. */
function roughEdge(a: Position, b: Position): Position[] {
  const key = [a.join(','), b.join(',')].sort().join('|')
  const forward = key.startsWith(a.join(','))
  const [p, q] = forward ? [a, b] : [b, a]
  const random = seeded(hashOf(key))
  let line: Position[] = [p, q]
  let amplitude = ROUGHNESS
  for (let level = 0; level < DEPTH; level++, amplitude *= 0.55) {
    const next: Position[] = [line[0]!]
    for (let i = 0; i + 1 < line.length; i++) {
      const [x1, y1] = line[i] as [number, number], [x2, y2] = line[i + 1] as [number, number]
      const offset = (random() - 0.5) * 2 * amplitude
      next.push([(x1 + x2) / 2 - (y2 - y1) * offset, (y1 + y2) / 2 + (x2 - x1) * offset], line[i + 1]!)
    }
    line = next
  }
  return forward ? line : line.reverse()
}

function roughRing(ring: Position[]): Position[] {
  const out: Position[] = []
  for (let i = 0; i + 1 < ring.length; i++) out.push(...roughEdge(ring[i]!, ring[i + 1]!).slice(0, -1))
  out.push(out[0]!)
  return out
}

function seedsInside(district: Feature<MultiPolygon>, count: number, random: () => number): Feature<Point>[] {
  const [minX, minY, maxX, maxY] = bbox(district)
  const seeds = []
  while (seeds.length < count) {
    const p = point([minX + random() * (maxX - minX), minY + random() * (maxY - minY)])
    if (booleanPointInPolygon(p, district)) seeds.push(p)
  }
  return seeds
}

/** Cuts a district into `count` rough Voronoi cells clipped to it. */
function townCells(district: Feature<MultiPolygon>, count: number, random: () => number): (Polygon | MultiPolygon)[] {
  const box = bbox(district)
  const cells = voronoi(featureCollection(seedsInside(district, count, random)), { bbox: [box[0] - 0.01, box[1] - 0.01, box[2] + 0.01, box[3] + 0.01] })
  return cells.features.map((cell) => {
    const rough = polygon([roughRing(cell!.geometry.coordinates[0]!)])
    const clipped = intersect(featureCollection<Polygon | MultiPolygon>([rough, district])) ?? intersect(featureCollection<Polygon | MultiPolygon>([cell!, district]))
    if (!clipped) throw new Error('a Voronoi cell missed its district')
    return clipped.geometry
  })
}

interface TownRow { code: string, name: string, county: string }

function readTowns(): TownRow[] {
  return readFileSync(resolve(GEO, 'towns-jinan-zhanjiang.csv'), 'utf8').trim().split('\n').slice(1)
    .map((line) => line.split(','))
    .filter((cols) => cols[3] === '37')
    .map(([code, name, county]) => ({ code: code!, name: name!.replace(/"/g, ''), county: county! }))
}

/** The 164 towns (and their counties and the city) as regions. */
export function makeRegions(): Region[] {
  const districts = JSON.parse(readFileSync(resolve(GEO, 'jinan-districts.wgs84.geojson'), 'utf8')).features as Feature<MultiPolygon>[]
  const towns = readTowns()
  const random = seeded(2023)
  const regions: Region[] = [{ code: '370100000000', name: '济南市', level: 'city', parentCode: null, geometry: null, approximate: true }]
  // 高新区 (370176) has towns but no district outline: its towns are carved out of 历城区.
  regions.push({ code: '370176000000', name: '高新区', level: 'county', parentCode: '370100000000', geometry: null, approximate: true })
  for (const district of districts) {
    const county = String(district.properties!.adcode)
    const own = towns.filter((t) => t.county === county || (county === '370112' && t.county === '370176'))
    regions.push({ code: `${county}000000`, name: district.properties!.name, level: 'county', parentCode: '370100000000', geometry: district.geometry, approximate: true })
    townCells(district, own.length, random).forEach((geometry, i) => {
      const town = own[i]!
      regions.push({ code: `${town.code}000`, name: town.name, level: 'town', parentCode: `${town.county}000000`, geometry, approximate: true })
    })
  }
  return regions
}

/** 1,000,000 points as interleaved x, y: 85% around town centres, 15% anywhere in the city's box. */
export function makePoints(regions: Region[], count = 1_000_000): Float64Array {
  const random = seeded(7)
  const towns = regions.filter((r) => r.level === 'town')
  const centres = towns.map((t) => bbox(t.geometry!)).map(([a, b, c, d]) => [(a + c) / 2, (b + d) / 2, (c - a) / 4, (d - b) / 4] as const)
  const [minX, minY, maxX, maxY] = bbox(featureCollection(regions.filter((r) => r.level === 'county').map((r) => ({ type: 'Feature' as const, properties: {}, geometry: r.geometry! }))))
  const gauss = (): number => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random())
  const xy = new Float64Array(count * 2)
  for (let i = 0; i < count; i++) {
    const [cx, cy, sx, sy] = centres[Math.floor(random() * centres.length)]!
    const clustered = random() < 0.85
    xy[2 * i] = clustered ? cx + gauss() * sx : minX + random() * (maxX - minX)
    xy[2 * i + 1] = clustered ? cy + gauss() * sy : minY + random() * (maxY - minY)
  }
  return xy
}

/** Loads the dataset, generating it first when bench/data does not have it. */
export function loadDataset(log: (line: string) => void = () => {}): { regions: Region[], xy: Float64Array } {
  if (!existsSync(REGIONS_FILE) || !existsSync(POINTS_FILE)) {
    log('generating the Jinan-scale dataset into bench/data (once)…')
    mkdirSync(DATA_DIR, { recursive: true })
    const regions = makeRegions()
    writeFileSync(REGIONS_FILE, JSON.stringify(regions))
    const xy = makePoints(regions)
    writeFileSync(POINTS_FILE, xy)
  }
  const regions = JSON.parse(readFileSync(REGIONS_FILE, 'utf8')) as Region[]
  const buffer = readFileSync(POINTS_FILE)
  const xy = new Float64Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength))
  return { regions, xy }
}
