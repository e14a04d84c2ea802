import { readFileSync } from 'node:fs'
import { PMTiles, TileType, type Source } from 'pmtiles'
import { describe, expect, it } from 'vitest'
import { tileImageWidth } from '@/map/tile-image-size'
import { FIXTURE_ATTRIBUTION, FIXTURE_PATH, makeRasterFixture } from '../../scripts/make-pmtiles-fixture'

/** The archive in memory, read by the pmtiles library as the app reads a kept file. */
function open(bytes: Uint8Array): PMTiles {
  const source: Source = {
    getKey: () => 'fixture',
    getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer }),
  }
  return new PMTiles(source)
}

describe('the PMTiles fixture the basemap spec picks', () => {
  it('is what scripts/make-pmtiles-fixture.ts writes', () => {
    expect(new Uint8Array(readFileSync(FIXTURE_PATH))).toEqual(makeRasterFixture())
  })

  it('is a raster PMTiles v3 archive the pmtiles library reads: header, metadata and 256 px PNG tiles at z0–z8', async () => {
    const archive = open(makeRasterFixture())
    const header = await archive.getHeader()
    expect(header).toMatchObject({ specVersion: 3, tileType: TileType.Png, minZoom: 0, maxZoom: 8, numAddressedTiles: 9, numTileContents: 1 })
    // Bounds of tile 8/210/100, which holds the county.
    expect([header.minLon, header.maxLon]).toEqual([115.3125, 116.71875])
    expect(header.minLat).toBeCloseTo(35.46, 2)
    expect(header.maxLat).toBeCloseTo(36.60, 2)
    expect(await archive.getMetadata()).toMatchObject({ attribution: FIXTURE_ATTRIBUTION })
    const tile = await archive.getZxy(8, 210, 100)
    expect(tileImageWidth(new Uint8Array(tile!.data))).toBe(256)
    expect(await archive.getZxy(5, 26, 12)).toBeDefined()
    expect(await archive.getZxy(8, 211, 100)).toBeUndefined()
  })
})
