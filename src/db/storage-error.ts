/**
 * Why a write failed: the device's storage is full ('quota'), the database could not be used (another tab holds
 * an old version open, the connection was closed: 'blocked'), the plan is missing or already exists, or
 * anything else ('unknown').
 */
export type StorageFailure = 'quota' | 'blocked' | 'missing' | 'exists' | 'unknown'

/**
 * A write that did not happen. The database is exactly as it was before the write (IndexedDB rolled the
 * transaction back), so the caller can keep the user's input and offer to retry.
 */
export class StorageWriteError extends Error {
  override readonly name = 'StorageWriteError'

  constructor(
    /** Why it failed, for the message shown to the user. */
    readonly reason: StorageFailure,
    /** What was being written, e.g. 'commit "Status → live" to plan demo-pingyin'. */
    readonly operation: string,
    options?: { cause?: unknown, detail?: string },
  ) {
    super(`Could not ${operation}: ${REASON_TEXT[reason]}${options?.detail ? ` (${options.detail})` : ''}. Nothing was changed.`, { cause: options?.cause })
  }
}

const REASON_TEXT: Record<StorageFailure, string> = {
  quota: 'the device\'s storage is full',
  blocked: 'the database is blocked or closed (is the planner open in an older tab?)',
  missing: 'the plan does not exist',
  exists: 'a plan with this id already exists',
  unknown: 'the database refused the write',
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'])
const BLOCKED_NAMES = new Set(['DatabaseClosedError', 'BlockedError', 'VersionChangeError', 'OpenFailedError', 'InvalidStateError', 'MissingAPIError'])

/** Turns whatever a Dexie write threw into a StorageWriteError (kept as it is when it already is one). */
export function toStorageError(error: unknown, operation: string): StorageWriteError {
  if (error instanceof StorageWriteError) return error
  const names = errorNames(error)
  const reason: StorageFailure = names.some((name) => QUOTA_NAMES.has(name))
    ? 'quota'
    : names.some((name) => BLOCKED_NAMES.has(name)) ? 'blocked' : 'unknown'
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return new StorageWriteError(reason, operation, { cause: error, detail })
}

/** The names along an error's chain: Dexie wraps the browser's error (inner), a bulk write lists its failures. */
function errorNames(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return []
  const { name, inner, cause, failures } = error as { name?: unknown, inner?: unknown, cause?: unknown, failures?: unknown }
  const nested = [inner, cause, ...(Array.isArray(failures) ? failures : [])]
  return [...(typeof name === 'string' ? [name] : []), ...nested.flatMap((e) => errorNames(e, depth + 1))]
}

/** Runs a write and reports any failure as a StorageWriteError naming `operation`. */
export async function runWrite<T>(operation: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    throw toStorageError(error, operation)
  }
}
