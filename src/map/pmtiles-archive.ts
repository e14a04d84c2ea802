import { addProtocol } from 'maplibre-gl'
import { PMTiles, Protocol, TileType, type Header, type Source } from 'pmtiles'
import { plainAttribution, type RasterArchive } from './basemap-style'
import { tileImageWidth } from './tile-image-size'

// Loaded only when a PMTiles basemap is used (a dynamic import): the pmtiles reader stays out of the first load.

/** Why a file cannot be the basemap: vector tiles (only raster archives are drawn), or not a PMTiles v3 archive. */
export class UnsupportedArchiveError extends Error {
  override readonly name = 'UnsupportedArchiveError'

  constructor(readonly reason: 'vector' | 'unreadable', options?: { cause?: unknown }) {
    super(`not a raster PMTiles archive (${reason})`, options)
  }
}

const RASTER_TYPES: ReadonlySet<TileType> = new Set([TileType.Png, TileType.Jpeg, TileType.Webp, TileType.Avif])

let protocol: Protocol | null = null

/** The one `pmtiles://` protocol of the page (MapLibre's protocols are global). */
function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol()
    addProtocol('pmtiles', protocol.tile)
  }
  return protocol
}

/** An archive kept on the device, read by slices (a Blob or an OPFS File: never read whole into memory). */
class BlobSource implements Source {
  constructor(private readonly blob: Blob, private readonly key: string) {}

  getKey(): string {
    return this.key
  }

  async getBytes(offset: number, length: number): Promise<{ data: ArrayBuffer }> {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() }
  }
}

/** The tile at the archive's centre, to learn the tiles' pixel size. */
function centreTile(header: Header): [number, number, number] {
  const z = Math.min(Math.max(header.centerZoom, header.minZoom), header.maxZoom)
  const n = 2 ** z
  const lat = (Math.max(-85, Math.min(85, header.centerLat)) * Math.PI) / 180
  const x = Math.floor(((header.centerLon + 180) / 360) * n)
  const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n)
  return [z, Math.min(Math.max(x, 0), n - 1), Math.min(Math.max(y, 0), n - 1)]
}

async function readHeader(archive: PMTiles): Promise<Header> {
  try {
    return await archive.getHeader()
  } catch (error) {
    throw new UnsupportedArchiveError('unreadable', { cause: error })
  }
}

function validBounds(header: Header): [number, number, number, number] {
  const { minLon, minLat, maxLon, maxLat } = header
  return minLon < maxLon && minLat < maxLat ? [minLon, minLat, maxLon, maxLat] : [-180, -85.051129, 180, 85.051129]
}

/**
 * Opens a raster PMTiles archive and makes it drawable as `pmtiles://{key}/{z}/{x}/{y}`. Throws
 * UnsupportedArchiveError for vector archives and for files that are not PMTiles v3.
 */
export async function openRasterArchive(blob: Blob, key: string): Promise<RasterArchive> {
  const archive = new PMTiles(new BlobSource(blob, key))
  const header = await readHeader(archive)
  if (header.tileType === TileType.Mvt || header.tileType === TileType.Mlt) throw new UnsupportedArchiveError('vector')
  if (!RASTER_TYPES.has(header.tileType)) throw new UnsupportedArchiveError('unreadable')
  const metadata = await archive.getMetadata().catch(() => ({})) as { attribution?: unknown }
  const sample = await archive.getZxy(...centreTile(header)).catch(() => undefined)
  const width = sample ? tileImageWidth(new Uint8Array(sample.data)) : null
  pmtilesProtocol().add(archive)
  return {
    key,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds: validBounds(header),
    tileSize: width === 512 ? 512 : 256,
    attribution: typeof metadata.attribution === 'string' && metadata.attribution.trim() ? plainAttribution(metadata.attribution) : null,
  }
}

/** Lets go of an archive no longer shown (its Blob can be freed). */
export function closeArchive(key: string): void {
  protocol?.tiles.delete(key)
}
