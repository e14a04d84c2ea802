import type { Site } from '@/core/model'
import type { SiteLayer } from './site-layer'

/** Above this many changed sites a full reload of the layer is cheaper than one update each. */
const MAX_SINGLE_UPDATES = 500

/**
 * Brings the site layer from the previous sites array to the next. Edits replace only the changed site
 * objects (applyPlanChanges keeps the others), so a reference comparison finds them and each is one vertex
 * update; anything else (a plan switch, an import) reloads the layer.
 */
export function syncSites(layer: SiteLayer, previous: readonly Site[] | null, next: readonly Site[]): void {
  if (!previous || previous.length !== next.length) {
    layer.setSites(next)
    return
  }
  const changed: number[] = []
  for (let i = 0; i < next.length; i++) {
    if (previous[i] === next[i]) continue
    if (previous[i]!.id !== next[i]!.id || changed.push(i) > MAX_SINGLE_UPDATES) {
      layer.setSites(next)
      return
    }
  }
  for (const i of changed) layer.updateSite(i, next[i]!)
}
