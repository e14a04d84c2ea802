import type { SitePhoto } from '@/core/model'
import type { PlannerDatabase } from './database'
import { runWrite } from './storage-error'
import { withoutPlanId } from './write-change'

// Photos are kept beside the change log, not in it: a log entry holding megabytes of image data would make
// every history read and change-set export carry it. A photo is added or removed as a whole, never edited.

/** Stores a photo of a site (replacing one with the same id). */
export async function putPhoto(db: PlannerDatabase, planId: string, photo: SitePhoto): Promise<void> {
  await runWrite(`save photo ${photo.id} of site ${photo.siteId}`, () => db.photos.put({ ...photo, planId }))
}

/** The photos of one site, or of the whole plan when no site is given. */
export async function listPhotos(db: PlannerDatabase, planId: string, siteId?: string): Promise<SitePhoto[]> {
  const rows = await db.photos.where('planId').equals(planId).toArray()
  return rows.filter((row) => siteId === undefined || row.siteId === siteId).map(withoutPlanId)
}

/** Removes a photo. */
export async function deletePhoto(db: PlannerDatabase, planId: string, photoId: string): Promise<void> {
  await runWrite(`delete photo ${photoId}`, () => db.photos.delete([planId, photoId]))
}
