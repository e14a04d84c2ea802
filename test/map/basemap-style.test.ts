import { describe, expect, it } from 'vitest'
import {
  BASEMAP_PREFIX, basemapLayers, effectiveBasemap, osmBasemap, plainAttribution, pmtilesBasemap, tiandituBasemap, tileFailure,
  type BasemapInputs, type RasterArchive,
} from '@/map/basemap-style'

const archive: RasterArchive = Object.freeze<RasterArchive>({ key: 'file-1', minZoom: 0, maxZoom: 8, bounds: [115.3, 35.4, 116.7, 36.6], tileSize: 256, attribution: '平阴测试底图' })
const inputs: BasemapInputs = Object.freeze({ tiandituKey: ' abc123 ', tiandituLayer: 'vector', archive, attribution: { osm: '© OpenStreetMap contributors', tianditu: '© 天地图' } })

describe('the basemaps as sources and layers', () => {
  it('draws OpenStreetMap from its tile server, credited to its contributors', () => {
    const { sources, layers } = osmBasemap('© OpenStreetMap contributors')
    expect(Object.values(sources)).toEqual([expect.objectContaining({
      type: 'raster', tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], tileSize: 256, maxzoom: 19,
      attribution: '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">© OpenStreetMap contributors</a>',
    })])
    expect(layers.map((l) => l.type)).toEqual(['raster'])
  })

  it('draws 天地图 vector map under its annotation, over the eight hosts, with the trimmed key', () => {
    const { sources, layers } = tiandituBasemap(' abc123 ', 'vector', '© 天地图')
    expect(layers.map((l) => l.id)).toEqual([`${BASEMAP_PREFIX}tianditu-vec`, `${BASEMAP_PREFIX}tianditu-cva`])
    const vec = sources[`${BASEMAP_PREFIX}tianditu-vec`]!
    expect(vec.tiles).toHaveLength(8)
    expect(vec.tiles![3]).toBe('https://t3.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default'
      + '&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc123')
    expect(sources[`${BASEMAP_PREFIX}tianditu-cva`]!.tiles![0]).toContain('/cva_w/wmts?')
    // Credited once, not once per layer.
    expect(Object.values(sources).filter((s) => s.attribution)).toHaveLength(1)
    expect(vec.attribution).toContain('© 天地图')
  })

  it('draws 天地图 imagery with the imagery annotation, and encodes a key that needs it', () => {
    const { sources } = tiandituBasemap('a&b', 'imagery', '© 天地图')
    expect(Object.keys(sources)).toEqual([`${BASEMAP_PREFIX}tianditu-img`, `${BASEMAP_PREFIX}tianditu-cia`])
    expect(sources[`${BASEMAP_PREFIX}tianditu-img`]!.tiles![0]).toMatch(/\/img_w\/wmts\?.*LAYER=img.*&tk=a%26b$/)
  })

  it('draws a PMTiles file through the pmtiles protocol, in its zoom range and bounds, with its attribution', () => {
    const { sources } = pmtilesBasemap(archive)
    expect(sources[`${BASEMAP_PREFIX}pmtiles`]).toEqual({
      type: 'raster', tiles: ['pmtiles://file-1/{z}/{x}/{y}'], tileSize: 256, minzoom: 0, maxzoom: 8,
      bounds: [115.3, 35.4, 116.7, 36.6], attribution: '平阴测试底图',
    })
    expect(pmtilesBasemap({ ...archive, attribution: null }).sources[`${BASEMAP_PREFIX}pmtiles`]).not.toHaveProperty('attribution')
  })

  it('names every basemap source and layer with the basemap prefix; the offline basemap adds none', () => {
    for (const kind of ['osm', 'tianditu', 'pmtiles'] as const) {
      const { sources, layers } = basemapLayers(kind, inputs)
      expect(layers.length).toBeGreaterThan(0)
      expect([...Object.keys(sources), ...layers.map((l) => l.id)].every((id) => id.startsWith(BASEMAP_PREFIX))).toBe(true)
    }
    expect(basemapLayers('offline', inputs)).toEqual({ sources: {}, layers: [] })
    expect(basemapLayers('pmtiles', { ...inputs, archive: null })).toEqual({ sources: {}, layers: [] })
  })

  it('keeps only the text of a file\'s attribution, escaped', () => {
    expect(plainAttribution('<a href="https://example.com/">平阴测试底图</a> &copy; OSM')).toBe('平阴测试底图 © OSM')
    expect(plainAttribution('<img src=x onerror=alert(1)>Tiles & "data"')).toBe('Tiles &#38; &#34;data&#34;')
  })
})

describe('the basemap drawn for a choice', () => {
  const choice = { kind: 'osm' as const, tiandituKey: '', hasFile: false }

  it('is the chosen one when it can be drawn', () => {
    expect(effectiveBasemap(choice, true)).toEqual({ kind: 'osm', fallback: null })
    expect(effectiveBasemap({ ...choice, kind: 'tianditu', tiandituKey: 'k' }, true)).toEqual({ kind: 'tianditu', fallback: null })
    expect(effectiveBasemap({ ...choice, kind: 'pmtiles', hasFile: true }, false)).toEqual({ kind: 'pmtiles', fallback: null })
    expect(effectiveBasemap({ ...choice, kind: 'offline' }, false)).toEqual({ kind: 'offline', fallback: null })
  })

  it('is the offline basemap, with the reason, for an online service without network, 天地图 without key, or no file', () => {
    expect(effectiveBasemap(choice, false)).toEqual({ kind: 'offline', fallback: 'offline' })
    expect(effectiveBasemap({ ...choice, kind: 'tianditu', tiandituKey: 'k' }, false)).toEqual({ kind: 'offline', fallback: 'offline' })
    expect(effectiveBasemap({ ...choice, kind: 'tianditu', tiandituKey: '  ' }, true)).toEqual({ kind: 'offline', fallback: 'keyMissing' })
    expect(effectiveBasemap({ ...choice, kind: 'pmtiles' }, true)).toEqual({ kind: 'offline', fallback: 'fileMissing' })
  })

  it('tells a refused 天地图 key from a network failure and other errors', () => {
    expect(tileFailure('tianditu', 403, true)).toBe('keyRejected')
    expect(tileFailure('tianditu', 401, true)).toBe('keyRejected')
    expect(tileFailure('osm', 403, true)).toBe('failed')
    expect(tileFailure('tianditu', 500, true)).toBe('failed')
    expect(tileFailure('tianditu', undefined, true)).toBe('network')
    expect(tileFailure('osm', 403, false)).toBe('network')
  })
})
