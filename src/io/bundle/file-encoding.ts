import { BundleError, type BundleFile } from './bundle-error'

/** Anything a file picker, a fetch or a test hands over. */
export type FileInput = Blob | ArrayBuffer | Uint8Array | string

const GZIP_MAGIC = [0x1f, 0x8b]

/** JSON text parts as a file, gzip-compressed when asked and the platform can (CompressionStream). */
export async function jsonFile(parts: string[], compress: boolean): Promise<Blob> {
  const blob = new Blob(parts, { type: 'application/json' })
  if (!compress || typeof CompressionStream === 'undefined') return blob
  const stream = blob.stream().pipeThrough(new CompressionStream('gzip'))
  return new Blob([await new Response(stream).arrayBuffer()], { type: 'application/gzip' })
}

const FILE_NAMES: Record<BundleFile, string> = { bundle: 'plan bundle', changeSet: 'change set' }

/** The JSON value of a file, gunzipped first when it is gzip (recognised by its first bytes, not its name). */
async function readJsonFile(input: FileInput, file: BundleFile): Promise<unknown> {
  const text = await readText(input, file)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new BundleError('not-a-bundle', file, `This file is not a ${FILE_NAMES[file]}: it is not JSON.`)
  }
}

/**
 * A JSON file of a versioned format (`{ format, version, … }`): refused when it is not that format, or when a
 * newer version of the app wrote it (its version is above `latest`).
 */
export async function readVersionedJson(input: FileInput, format: string, latest: number, file: BundleFile): Promise<{ json: object, version: number }> {
  const json = await readJsonFile(input, file)
  const what = FILE_NAMES[file]
  const { format: found, version } = (json ?? {}) as { format?: unknown, version?: unknown }
  if (found !== format || typeof version !== 'number') {
    throw new BundleError('not-a-bundle', file, `This file is not a ${what} of the e-CNY rollout planner.`)
  }
  if (version > latest) {
    throw new BundleError('newer-version', file, `This ${what} was written by a newer version of the planner (format ${version}; this version reads formats up to ${latest}). Update the app, then import it again.`, { found: version, latest })
  }
  return { json: json as object, version }
}

async function readText(input: FileInput, file: BundleFile): Promise<string> {
  if (typeof input === 'string') return input
  const bytes = input instanceof Blob ? new Uint8Array(await input.arrayBuffer()) : input instanceof Uint8Array ? input : new Uint8Array(input)
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return new TextDecoder().decode(bytes)
  if (typeof DecompressionStream === 'undefined') throw new BundleError('invalid', file, 'This file is compressed and this browser cannot decompress it.')
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'))
  try {
    return await new Response(stream).text()
  } catch {
    throw new BundleError('invalid', file, 'This file is damaged: its compressed data is cut short or corrupt.')
  }
}

/** Bytes as base64 (photos travel inside JSON). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // In slices: String.fromCharCode with millions of arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** base64 back to bytes. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
