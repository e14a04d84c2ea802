import type { LayerSpecification, RasterSourceSpecification } from 'maplibre-gl'

/** The basemaps a user can pick: the app's own (no network), two online tile services, or a PMTiles file. */
export const BASEMAP_KINDS = ['offline', 'osm', 'tianditu', 'pmtiles'] as const
export type BasemapKind = (typeof BASEMAP_KINDS)[number]

/** 天地图's vector map with its annotation, or its imagery with the imagery annotation. */
export const TIANDITU_LAYERS = ['vector', 'imagery'] as const
export type TiandituLayer = (typeof TIANDITU_LAYERS)[number]

/** Every basemap source and layer id starts with this, so a switch removes exactly the basemap and nothing else. */
export const BASEMAP_PREFIX = 'basemap-'

/** What a basemap adds under the plan's layers. The offline basemap adds nothing (the style's background is it). */
export interface BasemapLayers {
  sources: Record<string, RasterSourceSpecification>
  layers: LayerSpecification[]
}

/** A raster PMTiles archive as the map needs it; `key` names it in the `pmtiles://` protocol. */
export interface RasterArchive {
  key: string
  minZoom: number
  maxZoom: number
  /** [west, south, east, north], WGS-84. */
  bounds: [number, number, number, number]
  tileSize: number
  /** The archive's own attribution (its metadata), as plain text; null when it has none. */
  attribution: string | null
}

export const OFFLINE_BASEMAP: BasemapLayers = Object.freeze({ sources: {}, layers: [] })

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** An attribution linking to its source; MapLibre renders attributions as HTML, so the text is escaped. */
export function linkedAttribution(text: string, href: string): string {
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(text)}</a>`
}

/**
 * A file's attribution as safe HTML: archives often carry links (`<a href=…>© OpenStreetMap</a>`), but the
 * file is not ours to trust, so only its text is kept.
 */
export function plainAttribution(html: string): string {
  const text = html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&copy;/g, '©').replace(/\s+/g, ' ').trim()
  return escapeHtml(text)
}

function rasterBasemap(name: string, source: RasterSourceSpecification, opacity = 1): BasemapLayers {
  const id = `${BASEMAP_PREFIX}${name}`
  return {
    sources: { [id]: source },
    layers: [{ id, type: 'raster', source: id, paint: { 'raster-opacity': opacity, 'raster-fade-duration': 0 } }],
  }
}

/** OpenStreetMap's standard tiles (web mercator, WGS-84 like our data). */
export function osmBasemap(attribution: string): BasemapLayers {
  return rasterBasemap('osm', {
    type: 'raster',
    tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    tileSize: 256,
    maxzoom: 19,
    attribution: linkedAttribution(attribution, 'https://www.openstreetmap.org/copyright'),
  })
}

/** 天地图's WMTS tile URL of one layer (`vec`, `cva`, `img`, `cia`) in web mercator (`_w`), over its 8 hosts. */
export function tiandituTiles(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): string[] {
  const query = `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles`
    + `&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key.trim())}`
  return Array.from({ length: 8 }, (_, host) => `https://t${host}.tianditu.gov.cn/${layer}_w/wmts?${query}`)
}

/** 天地图: the base layer (vector map or imagery) and its annotation on top, both with the user's key. */
export function tiandituBasemap(key: string, layer: TiandituLayer, attribution: string): BasemapLayers {
  const [base, notes] = layer === 'vector' ? ['vec', 'cva'] as const : ['img', 'cia'] as const
  const source = (name: 'vec' | 'cva' | 'img' | 'cia', withAttribution: boolean): RasterSourceSpecification => ({
    type: 'raster', tiles: tiandituTiles(name, key), tileSize: 256, maxzoom: 18,
    ...(withAttribution ? { attribution: linkedAttribution(attribution, 'https://www.tianditu.gov.cn/') } : {}),
  })
  const lower = rasterBasemap(`tianditu-${base}`, source(base, true))
  const upper = rasterBasemap(`tianditu-${notes}`, source(notes, false))
  return { sources: { ...lower.sources, ...upper.sources }, layers: [...lower.layers, ...upper.layers] }
}

/** A local raster PMTiles file, read through the `pmtiles://` protocol (see pmtiles-archive.ts). */
export function pmtilesBasemap(archive: RasterArchive): BasemapLayers {
  return rasterBasemap('pmtiles', {
    type: 'raster',
    tiles: [`pmtiles://${archive.key}/{z}/{x}/{y}`],
    tileSize: archive.tileSize,
    minzoom: archive.minZoom,
    maxzoom: archive.maxZoom,
    bounds: archive.bounds,
    ...(archive.attribution ? { attribution: archive.attribution } : {}),
  })
}

/** Why the map shows another basemap than the one chosen, if it does. */
export type BasemapFallback = 'offline' | 'keyMissing' | 'fileMissing' | null

/**
 * The basemap actually drawn: the chosen one, unless it cannot be: an online service with no network (the
 * offline basemap instead of a blank map), 天地图 with no key, or a PMTiles choice whose file is not (yet) open.
 */
export function effectiveBasemap(choice: { kind: BasemapKind, tiandituKey: string, hasFile: boolean }, online: boolean): { kind: BasemapKind, fallback: BasemapFallback } {
  if (choice.kind === 'tianditu' && !choice.tiandituKey.trim()) return { kind: 'offline', fallback: 'keyMissing' }
  if ((choice.kind === 'osm' || choice.kind === 'tianditu') && !online) return { kind: 'offline', fallback: 'offline' }
  if (choice.kind === 'pmtiles' && !choice.hasFile) return { kind: 'offline', fallback: 'fileMissing' }
  return { kind: choice.kind, fallback: null }
}

/** What a failed tile tells the user: no network, a refused key (天地图 answers 401/403), or another failure. */
export function tileFailure(kind: BasemapKind, status: number | undefined, online: boolean): 'network' | 'keyRejected' | 'failed' {
  if (!online || !status) return 'network'
  if (kind === 'tianditu' && (status === 401 || status === 403)) return 'keyRejected'
  return 'failed'
}

/** What the basemaps need beyond their kind: the 天地图 key and layer, the open archive, attribution texts. */
export interface BasemapInputs {
  tiandituKey: string
  tiandituLayer: TiandituLayer
  archive: RasterArchive | null
  attribution: { osm: string, tianditu: string }
}

/** The sources and layers of a basemap (see effectiveBasemap for which kind to draw). */
export function basemapLayers(kind: BasemapKind, inputs: BasemapInputs): BasemapLayers {
  if (kind === 'osm') return osmBasemap(inputs.attribution.osm)
  if (kind === 'tianditu') return tiandituBasemap(inputs.tiandituKey, inputs.tiandituLayer, inputs.attribution.tianditu)
  if (kind === 'pmtiles' && inputs.archive) return pmtilesBasemap(inputs.archive)
  return OFFLINE_BASEMAP
}
