/** The text of a file and the encoding it was read with. */
export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'gb18030'
}

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

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
