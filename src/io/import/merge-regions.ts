import type { Region } from '../../core/model'

/**
 * The plan's regions with an imported level swapped in: regions of the levels the file brings (and of the
 * codes it brings) are replaced, the wider ones (the plan's root, its county) are kept, and parents the file
 * only implies are added when the plan lacks them. So importing towns keeps the county a plan is rooted at.
 */
export function mergeRegions(existing: readonly Region[], imported: readonly Region[]): Region[] {
  const levels = new Set(imported.filter((r) => r.geometry).map((r) => r.level))
  const importedCodes = new Set(imported.filter((r) => r.geometry).map((r) => r.code))
  const kept = existing.filter((r) => !levels.has(r.level) && !importedCodes.has(r.code))
  const keptCodes = new Set(kept.map((r) => r.code))
  const added = imported.filter((r) => r.geometry || !keptCodes.has(r.code))
  return [...kept, ...added]
}
