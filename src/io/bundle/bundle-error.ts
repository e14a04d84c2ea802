/**
 * Why a file could not be read as a bundle or change set: it is not one ('not-a-bundle'), it was written by a
 * newer version of the app ('newer-version': update the app), or it is damaged ('invalid').
 */
export type BundleProblem = 'not-a-bundle' | 'newer-version' | 'invalid'

/** Which kind of file was being read: a plan's backup (bundle) or a field change set. */
export type BundleFile = 'bundle' | 'changeSet'

/**
 * A bundle or change set that was refused. The message says why in English words a user can act on; the
 * problem, the file and the versions let the UI say the same in the user's language.
 */
export class BundleError extends Error {
  override readonly name = 'BundleError'

  constructor(
    readonly problem: BundleProblem,
    readonly file: BundleFile,
    message: string,
    /** For 'newer-version': the file's format version and the newest this app reads. */
    readonly versions?: { found: number, latest: number },
  ) {
    super(message)
  }
}
