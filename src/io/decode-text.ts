/** The text of a file and the encoding it was read with. */
export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'gb18030'
}

/** How to decode a text file: detect (the default) or force one encoding (the user's override). */
export type TextEncodingChoice = 'auto' | DecodedText['encoding']

/**
 * Decodes bytes as UTF-8 when they are valid UTF-8, else as GB18030 (a superset of GBK/GB2312, what Excel on
 * Chinese Windows writes). Valid UTF-8 is very unlikely to be meaningful GBK, so trying it first is safe.
 * A byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' }
  } catch {
    return { text: stripBom(new TextDecoder('gb18030').decode(bytes)), encoding: 'gb18030' }
  }
}

/** decodeText, or the encoding the user chose (a GBK file that happens to be valid UTF-8, or the reverse). */
export function decodeTextAs(bytes: Uint8Array, choice: TextEncodingChoice = 'auto'): DecodedText {
  if (choice === 'auto') return decodeText(bytes)
  return { text: stripBom(new TextDecoder(choice).decode(bytes)), encoding: choice }
}

/**
 * Offset of the first byte that no text file holds (NUL or a C0 control other than tab/CR/LF/FF), or -1.
 * Looks at the first 64 KiB: junk shows at once, and a 100 MB file is not scanned twice.
 */
export function findBinaryByte(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, 65_536)
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return i
  }
  return -1
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
