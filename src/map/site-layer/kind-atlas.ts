import { SITE_KINDS, type SiteKind } from '@/core/model'

/** An RGBA image as MapLibre keeps a registered style image. */
export interface RgbaImage {
  width: number
  height: number
  data: Uint8Array | Uint8ClampedArray
}

/** One row of alpha masks, one cell per kind code, for the fragment shader to colour by status. */
export interface KindAtlas {
  width: number
  height: number
  /** Pixels per cell side (the mask), and the empty border around each cell so linear filtering never bleeds. */
  cellPx: number
  paddingPx: number
  alpha: Uint8Array
}

export const ATLAS_CELL_PX = 40
const PADDING_PX = 1

/** A kind with no registered icon still gets a visible shape: a disc. */
function discAlpha(x: number, y: number, size: number): number {
  return Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) <= size * 0.4 ? 255 : 0
}

function copyMask(atlas: KindAtlas, code: number, image: RgbaImage | null): void {
  const { cellPx, paddingPx, width } = atlas
  const left = code * (cellPx + 2 * paddingPx) + paddingPx
  for (let y = 0; y < cellPx; y++) {
    for (let x = 0; x < cellPx; x++) {
      // Nearest sampling, in case an icon was registered at another size.
      const value = image
        ? image.data[(Math.floor((y * image.height) / cellPx) * image.width + Math.floor((x * image.width) / cellPx)) * 4 + 3]!
        : discAlpha(x, y, cellPx)
      atlas.alpha[(y + paddingPx) * width + left + x] = value
    }
  }
}

/**
 * Builds the atlas from the icons the GeoJSON symbol layer uses (kind-icons.ts registers them on the map), so the
 * legend's previews and the drawn shapes are the same pixels. Only the alpha is kept: colour comes from the status.
 */
export function buildKindAtlas(iconOf: (kind: SiteKind) => RgbaImage | null): KindAtlas {
  const cellPx = ATLAS_CELL_PX
  const width = SITE_KINDS.length * (cellPx + 2 * PADDING_PX)
  const height = cellPx + 2 * PADDING_PX
  const atlas: KindAtlas = { width, height, cellPx, paddingPx: PADDING_PX, alpha: new Uint8Array(width * height) }
  SITE_KINDS.forEach((kind, code) => copyMask(atlas, code, iconOf(kind)))
  return atlas
}
