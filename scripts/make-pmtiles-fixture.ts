/**
 * Writes the tiny raster PMTiles v3 archive the basemap tests pick as a local basemap
 * (test/fixtures/basemap/pingyin-raster.pmtiles): one sand-coloured 256 px PNG tile with a grid, at every zoom from
 * 0 to 8, over the tile that holds Pingyin County, with an attribution in its metadata.
 * Run with `npx tsx scripts/make-pmtiles-fixture.ts`; the output is small and committed, this rebuilds it.
 * Deterministic: the same bytes on every run. The encoders follow the PMTiles v3 and PNG specifications.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { crc32, deflateSync } from 'node:zlib'
import { zxyToTileId } from 'pmtiles'

export const FIXTURE_PATH = resolve(import.meta.dirname, '../test/fixtures/basemap/pingyin-raster.pmtiles')
/** The tiles' fill colour, which the browser spec looks for on the map. */
export const FIXTURE_FILL: readonly [number, number, number] = [0xe8, 0xd4, 0xa2]
const GRID: readonly [number, number, number] = [0xc9, 0xae, 0x6e]
export const FIXTURE_ATTRIBUTION = '<a href="https://example.com/">平阴测试底图</a>'
/** The z8 tile holding Pingyin County (116.2–116.7° E, 36.0–36.45° N); lower zooms hold its parents. */
const COUNTY_TILE = { z: 8, x: 210, y: 100 }

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

type Rgb = readonly [number, number, number]

/** A square RGB PNG in the fill colour with a grid line every 32 px, like a plain paper map (grid = fill: solid). */
export function gridPng(size = 256, fill: Rgb = FIXTURE_FILL, grid: Rgb = GRID): Uint8Array {
  const rows = Buffer.alloc((size * 3 + 1) * size)
  for (let y = 0; y < size; y++) {
    rows[y * (size * 3 + 1)] = 0 // filter: none
    for (let x = 0; x < size; x++) {
      const colour = x % 32 === 0 || y % 32 === 0 ? grid : fill
      rows.set(colour, y * (size * 3 + 1) + 1 + x * 3)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit, truecolour, deflate, adaptive filtering, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return new Uint8Array(Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows, { level: 9 })), pngChunk('IEND', new Uint8Array())]))
}

function varints(values: number[]): number[] {
  return values.flatMap((value) => {
    const bytes: number[] = []
    let rest = value
    while (rest >= 0x80) {
      bytes.push((rest % 0x80) | 0x80)
      rest = Math.floor(rest / 0x80)
    }
    return [...bytes, rest]
  })
}

interface Entry { tileId: number, offset: number, length: number }

/** A PMTiles v3 directory: count, tile id deltas, run lengths, lengths, then offsets (0: right after the last). */
function directory(entries: Entry[]): Uint8Array {
  const ids = entries.map((e, i) => e.tileId - (i > 0 ? entries[i - 1]!.tileId : 0))
  const offsets = entries.map((e, i) => {
    const previous = entries[i - 1]
    return previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1
  })
  return Uint8Array.from(varints([entries.length, ...ids, ...entries.map(() => 1), ...entries.map((e) => e.length), ...offsets]))
}

/** The [west, south, east, north] of a web-mercator tile. */
function tileBounds({ z, x, y }: { z: number, x: number, y: number }): [number, number, number, number] {
  const lng = (col: number): number => (col / 2 ** z) * 360 - 180
  const lat = (row: number): number => (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / 2 ** z))) * 180) / Math.PI
  return [lng(x), lat(y + 1), lng(x + 1), lat(y)]
}

export interface ArchiveOptions {
  /** PMTiles tile type: 1 MVT (vector), 2 PNG. */
  tileType: number
  tile: Uint8Array
  metadata: Record<string, unknown>
}

/** A PMTiles v3 archive with `tile` at the county's tile and its parents, z0–z8 (one stored copy, 9 entries). */
export function makeArchive({ tileType, tile, metadata }: ArchiveOptions): Uint8Array {
  const entries: Entry[] = Array.from({ length: COUNTY_TILE.z + 1 }, (_, z) => {
    const scale = 2 ** (COUNTY_TILE.z - z)
    return { tileId: zxyToTileId(z, Math.floor(COUNTY_TILE.x / scale), Math.floor(COUNTY_TILE.y / scale)), offset: 0, length: tile.length }
  }).sort((a, b) => a.tileId - b.tileId)
  const root = directory(entries)
  const json = new TextEncoder().encode(JSON.stringify(metadata))
  const header = Buffer.alloc(127)
  const offsets = { root: 127, metadata: 127 + root.length, tiles: 127 + root.length + json.length }
  header.write('PMTiles', 0, 'latin1')
  header.writeUInt8(3, 7)
  const u64 = [offsets.root, root.length, offsets.metadata, json.length, offsets.tiles, 0, offsets.tiles, tile.length, entries.length, entries.length, 1]
  u64.forEach((value, i) => header.writeBigUInt64LE(BigInt(value), 8 + i * 8))
  // clustered, internal compression none, tile compression none, tile type, zoom range
  header.set([1, 1, 1, tileType, 0, COUNTY_TILE.z], 96)
  const [west, south, east, north] = tileBounds(COUNTY_TILE)
  for (const [i, degrees] of [west, south, east, north].entries()) header.writeInt32LE(Math.round(degrees * 1e7), 102 + i * 4)
  header.writeUInt8(COUNTY_TILE.z, 118)
  header.writeInt32LE(Math.round(((west + east) / 2) * 1e7), 119)
  header.writeInt32LE(Math.round(((south + north) / 2) * 1e7), 123)
  // A plain copy: a Buffer may be a view into a shared pool, and readers use its .buffer.
  return new Uint8Array(Buffer.concat([header, root, json, tile]))
}

/** The committed fixture: the raster archive. */
export function makeRasterFixture(): Uint8Array {
  return makeArchive({ tileType: 2, tile: gridPng(), metadata: { name: 'pingyin-raster', format: 'png', attribution: FIXTURE_ATTRIBUTION } })
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(dirname(FIXTURE_PATH), { recursive: true })
  const archive = makeRasterFixture()
  writeFileSync(FIXTURE_PATH, archive)
  console.log(`${FIXTURE_PATH}: ${archive.length} bytes`)
}
