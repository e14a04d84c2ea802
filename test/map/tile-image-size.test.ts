import { describe, expect, it } from 'vitest'
import { tileImageWidth } from '@/map/tile-image-size'
import { gridPng } from '../../scripts/make-pmtiles-fixture'

/** The first bytes of an image file: enough header for its size, as real encoders write it. */
const bytes = (...parts: Array<string | number[]>): Uint8Array => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))
const le16 = (n: number): number[] => [n & 0xff, n >> 8]
const le24 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, n >> 16]

describe('the width of a tile image', () => {
  it('reads a PNG\'s from its IHDR', () => {
    expect(tileImageWidth(gridPng(256))).toBe(256)
    expect(tileImageWidth(gridPng(512))).toBe(512)
  })

  it('reads a JPEG\'s from its frame header, past the other segments', () => {
    const app0 = [0xff, 0xe0, 0, 16, ...Array<number>(14).fill(0)]
    const sof0 = [0xff, 0xc0, 0, 17, 8, 0x02, 0x00, 0x01, 0xf4, 3, ...Array<number>(9).fill(0)]
    expect(tileImageWidth(bytes([0xff, 0xd8], app0, sof0))).toBe(500)
  })

  it('reads a WebP\'s, lossy, lossless or extended', () => {
    const riff = (chunk: string, body: number[]): Uint8Array => bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [0, 0, 0, 0], body, Array<number>(8).fill(0))
    expect(tileImageWidth(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(512), ...le16(512)]))).toBe(512)
    const lossless = 255 | (0 << 14) // width - 1 in the low 14 bits
    expect(tileImageWidth(riff('VP8L', [0x2f, ...le16(lossless), 0, 0]))).toBe(256)
    expect(tileImageWidth(riff('VP8X', [0, 0, 0, 0, ...le24(511), ...le24(511)]))).toBe(512)
  })

  it('gives up on anything else', () => {
    expect(tileImageWidth(new Uint8Array([1, 2, 3, 4]))).toBeNull()
    expect(tileImageWidth(new Uint8Array())).toBeNull()
  })
})
