import { assignSites, type SiteAssignment } from '../coverage/assign-sites'
import { buildRegionIndex, type RegionIndex } from '../geometry/region-index'
import { applyPlanChange, type PlanChange, type PlanData, type Site } from '../model'
import { createPlanEvaluator, type PlanEvaluator } from '../plans/evaluate-plan'

/** A site change larger than this many sites, and than this share of the plan, rebuilds instead of updating. */
const BULK_MIN = 2000
const BULK_SHARE = 0.125

/**
 * The engine's state for the open plan, kept current one change at a time, so an edit costs microseconds
 * whatever the plan's size: the region index (rebuilt only when the regions change), the site assignment,
 * and the counters on the date being looked at. A site edit goes into the counters (PlanEvaluator.applyEdit),
 * unless it touches a large part of the plan (an import), which rebuilds them on the next read; a change to
 * regions drops everything; a change to clusters, targets, indicators or settings drops the counters.
 */
export class PlanSession {
  private regionIndex: RegionIndex | null
  private siteAssignment: SiteAssignment | null = null
  private current: { asOfDate: string, evaluator: PlanEvaluator } | null = null
  /** Site by id, built on the first site change (a million-site plan pays it once, not per edit). */
  private byId: Map<string, Site> | null = null

  /** `previous`: the session this one replaces; its index is kept when the regions are the same array. */
  constructor(private plan: PlanData, previous?: PlanSession | null) {
    this.regionIndex = previous && previous.plan.regions === plan.regions ? previous.regionIndex : null
  }

  /** The plan as of the last change. */
  get data(): PlanData {
    return this.plan
  }

  get index(): RegionIndex {
    return (this.regionIndex ??= buildRegionIndex(this.plan.regions))
  }

  /** Which regions each site lies in; updated in place by site edits. */
  get assignment(): SiteAssignment {
    return (this.siteAssignment ??= assignSites(this.index, this.plan.sites))
  }

  /** Counters for the plan on `asOfDate` (ISO); built on the first read for a date, then kept current. */
  evaluator(asOfDate: string): PlanEvaluator {
    if (this.current?.asOfDate !== asOfDate) {
      this.current = { asOfDate, evaluator: createPlanEvaluator(this.plan, asOfDate, { index: this.index, assignment: this.assignment }) }
    }
    return this.current.evaluator
  }

  /** Applies changes in order and returns the new plan data (the input is never modified). */
  apply(changes: readonly PlanChange[]): PlanData {
    for (const change of changes) {
      const before = this.plan
      this.plan = applyPlanChange(before, change)
      const touched = change.type === 'sites.put' ? change.sites.length : change.type === 'sites.delete' ? change.ids.length : 0
      if (touched > Math.max(BULK_MIN, before.sites.length * BULK_SHARE)) {
        // An import or a bulk delete: one pass over all sites beats a per-site update (~3 µs each) by far.
        this.siteAssignment = null
        this.current = null
        this.byId = null
        continue
      }
      switch (change.type) {
        case 'sites.put':
          for (const site of change.sites) this.editSite(this.sitesById(before).get(site.id) ?? null, site)
          break
        case 'sites.delete':
          for (const id of change.ids) {
            const site = this.sitesById(before).get(id)
            if (site) this.editSite(site, null)
          }
          break
        case 'regions.replace':
          this.regionIndex = null
          this.siteAssignment = null
          this.current = null
          break
        case 'plan.update':
          if (change.patch.settings) this.current = null
          break
        default:
          // Clusters, targets, indicators: the counters are laid out for them; rebuild on the next read.
          this.current = null
      }
    }
    return this.plan
  }

  private editSite(before: Site | null, after: Site | null): void {
    const byId = this.byId!
    if (before) byId.delete(before.id)
    if (after) byId.set(after.id, after)
    if (this.current) this.current.evaluator.applyEdit(before, after)
    // Without counters the assignment cannot follow the edit (the counters move sites between regions).
    else this.siteAssignment = null
  }

  private sitesById(data: PlanData): Map<string, Site> {
    return (this.byId ??= new Map(data.sites.map((site) => [site.id, site])))
  }
}
