/**
 * Why a file could not be read as a bundle or change set: it is not one ('not-a-bundle'), it was written by a
 * newer version of the app ('newer-version': update the app), or it is damaged ('invalid').
 */
export type BundleProblem = 'not-a-bundle' | 'newer-version' | 'invalid'

/** A bundle or change set that was refused; the message says why in words a user can act on. */
export class BundleError extends Error {
  override readonly name = 'BundleError'

  constructor(readonly problem: BundleProblem, message: string) {
    super(message)
  }
}
