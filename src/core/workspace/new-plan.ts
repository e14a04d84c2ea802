import type { PlanData } from '../model'
import { instantiateTemplate } from '../templates'

export interface NewPlanRequest {
  name: string
  /** Target template id, or null for a plan without targets. */
  templateId: string | null
  /** The region the plan covers; its descendants in the current plan come along as its regions. */
  rootRegionCode: string
}

/** A new plan over a region of the open plan: that region and the ones under it, no sites, the template's targets. */
export function newPlanData(source: PlanData, request: NewPlanRequest, id: string, now: string): PlanData {
  const keep = new Set([request.rootRegionCode])
  for (let grew = true; grew;) {
    grew = false
    for (const region of source.regions) {
      if (region.parentCode && keep.has(region.parentCode) && !keep.has(region.code)) {
        keep.add(region.code)
        grew = true
      }
    }
  }
  const regions = source.regions.filter((r) => keep.has(r.code)).map((r) => (r.code === request.rootRegionCode ? { ...r, parentCode: null } : r))
  return {
    plan: {
      id, name: request.name, rootRegionCode: request.rootRegionCode, templateId: request.templateId,
      settings: { clusterRule: source.plan.settings.clusterRule }, isDemo: false, createdAt: now, updatedAt: now,
    },
    regions,
    sites: [],
    clusters: [],
    targets: request.templateId ? instantiateTemplate(request.templateId, request.rootRegionCode) : [],
    indicators: [],
  }
}
