/**
 * The pixel width of a PNG, JPEG or WebP tile, read from its header (null when unreadable). A PMTiles header
 * does not say its tiles' size, and MapLibre must know it: a 512 px tile drawn as 256 px halves every label.
 */
export function tileImageWidth(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const ascii = (at: number, length: number): string => String.fromCharCode(...bytes.subarray(at, at + length))
  if (bytes.length >= 24 && bytes[0] === 0x89 && ascii(1, 3) === 'PNG') return view.getUint32(16)
  if (bytes.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return webpWidth(bytes, view, ascii(12, 4))
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegWidth(bytes, view)
  return null
}

function webpWidth(bytes: Uint8Array, view: DataView, chunk: string): number | null {
  // VP8: 14 bits at 26; VP8L: 14 bits after the signature byte at 21; VP8X: 24 bits (minus one) at 24.
  if (chunk === 'VP8 ') return view.getUint16(26, true) & 0x3fff
  if (chunk === 'VP8L') return ((bytes[21]! | (bytes[22]! << 8)) & 0x3fff) + 1
  if (chunk === 'VP8X') return (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16)) + 1
  return null
}

function jpegWidth(bytes: Uint8Array, view: DataView): number | null {
  let at = 2
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1]!
    // Start-of-frame markers (C0–CF but not DHT C4, JPG C8, DAC CC) carry the frame's height, then width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return view.getUint16(at + 7)
    at += 2 + view.getUint16(at + 2)
  }
  return null
}
