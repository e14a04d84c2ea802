import { describe, expect, it } from 'vitest'
import { SITE_KINDS } from '@/core/model'
import { anchoredMatrix } from '@/map/site-layer/anchored-matrix'
import { ATLAS_CELL_PX, buildKindAtlas } from '@/map/site-layer/kind-atlas'
import { hexToRgb, interpolateZoom, pointSizes, statusColorTable } from '@/map/site-layer/site-style'
import { STATUS_COLORS } from '@/map/status-style'

describe('point style', () => {
  it('interpolates zoom stops linearly and clamps at the ends', () => {
    const stops = [[9, 1], [12, 4]] as const
    expect([interpolateZoom(stops, 5), interpolateZoom(stops, 10), interpolateZoom(stops, 20)]).toEqual([1, 2, 4])
  })

  it('sizes merchants like the circle layer and symbols like the icon layer', () => {
    expect(pointSizes(12)).toEqual({ merchantPx: 2 * (3.5 + 0.6), merchantFill: 3.5 / 4.1, symbolPx: 14 })
    expect(pointSizes(9).merchantFill).toBe(1)
  })

  it('reads the status colours of the legend, in status-code order', () => {
    const table = statusColorTable()
    expect(table).toHaveLength(15)
    expect([...table.subarray(9, 12)]).toEqual(hexToRgb(STATUS_COLORS.live).map(Math.fround))
  })
})

describe('anchored matrix', () => {
  // Zoom 18 over a 1280-pixel canvas: clip x = scale * (mercator x - centre x).
  const scale = (2 * 512 * 2 ** 18) / 1280
  const [centreX, centreY] = [0.822_401_3, 0.397_112_7]
  const m = Float64Array.from([scale, 0, 0, 0, 0, -scale, 0, 0, 0, 0, 1, 0, -scale * centreX, scale * centreY, 0, 1])
  const [anchorX, anchorY, dx, dy] = [0.8224, 0.3971, 1.31e-6, 1.27e-5]
  const clipX = (matrix: ArrayLike<number>, x: number, y: number) => matrix[0]! * x + matrix[4]! * y + matrix[12]!

  it('projects anchor + offset as the map matrix projects the absolute point, to a hundredth of a pixel', () => {
    const exact = clipX(m, anchorX + dx, anchorY + dy)
    const anchored = clipX(anchoredMatrix(m, anchorX, anchorY), Math.fround(dx), Math.fround(dy))
    expect(Math.abs(anchored - exact) * 640).toBeLessThan(0.01)
  })

  it('is needed: absolute float32 coordinates are off by pixels at street zoom', () => {
    const exact = clipX(m, anchorX + dx, anchorY + dy)
    const naive = clipX(Float32Array.from(m), Math.fround(anchorX + dx), Math.fround(anchorY + dy))
    expect(Math.abs(naive - exact) * 640).toBeGreaterThan(1)
  })
})

describe('kind atlas', () => {
  it('copies each icon\'s alpha into its kind\'s cell and gives kinds without an icon a disc', () => {
    const solid = { width: 20, height: 20, data: new Uint8Array(20 * 20 * 4).fill(255) }
    const atlas = buildKindAtlas((kind) => (kind === 'school' ? solid : null))
    const stride = ATLAS_CELL_PX + 2 * atlas.paddingPx
    expect(atlas.width).toBe(SITE_KINDS.length * stride)
    const alpha = (code: number, x: number, y: number) => atlas.alpha[(y + atlas.paddingPx) * atlas.width + code * stride + atlas.paddingPx + x]
    expect([alpha(1, 0, 0), alpha(1, 39, 39)]).toEqual([255, 255])
    expect([alpha(0, 0, 0), alpha(0, 20, 20)]).toEqual([0, 255])
    // The padding between cells stays empty, so linear filtering never bleeds a neighbour in.
    expect(atlas.alpha[atlas.width + stride - 1]).toBe(0)
  })
})
