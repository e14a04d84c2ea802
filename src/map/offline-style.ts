import type { StyleSpecification } from 'maplibre-gl'
import { BACKGROUND_COLOR } from './status-style'

/**
 * The default basemap: the app's own, with no remote tiles, glyphs or sprites, so the map draws with no network
 * at all. Boundaries and sites are added as layers on top; labels are HTML markers (no glyph PBFs needed).
 */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'offline',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } }],
  }
}
