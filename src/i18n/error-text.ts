import { StorageWriteError, type StorageFailure } from '@/db/storage-error'
import { BundleError, type BundleProblem } from '@/io/bundle/bundle-error'

/** The `t` of vue-i18n, as far as this module uses it. */
type Translate = (key: string, named: Record<string, unknown>) => string

const STORAGE_KEYS: Record<StorageFailure, string> = {
  quota: 'failure.storage.quota',
  blocked: 'failure.storage.blocked',
  missing: 'failure.storage.missing',
  exists: 'failure.storage.exists',
  unknown: 'failure.storage.unknown',
}

const BUNDLE_KEYS: Record<BundleProblem, string> = {
  'not-a-bundle': 'failure.bundle.notABundle',
  'newer-version': 'failure.bundle.newerVersion',
  'invalid': 'failure.bundle.invalid',
}

/**
 * What went wrong, in the user's language, for a message such as "保存失败：{message}。": a write the storage
 * refused (a full disk, a blocked database) or a file that is not a readable bundle says why and what to do.
 * Other errors keep their own message. No final full stop: the message around it has one.
 */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof StorageWriteError) {
    const detail = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : ''
    return t(STORAGE_KEYS[error.reason], { detail })
  }
  if (error instanceof BundleError) {
    const file = t(`failure.file.${error.file}`, {})
    return t(BUNDLE_KEYS[error.problem], { file, found: error.versions?.found ?? '', latest: error.versions?.latest ?? '', detail: error.message })
  }
  return (error instanceof Error ? error.message : String(error)).replace(/[.。]$/, '')
}
