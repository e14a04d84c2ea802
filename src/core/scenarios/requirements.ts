import type { PlanData, Target } from '../model'
import { kindIndex } from '../coverage/coverage'
import { scopePositions } from '../plans/evaluate-plan'
import { toDay } from '../targets/dates'
import { requiredLive } from '../targets/evaluate-target'
import { KIND_COUNT, type SiteFacts } from './site-facts'

/**
 * One share/count/complete target in one region: how many sites (or units) must be live by its due day,
 * and how many the plan already has by then (live now, or planned on or before the due day).
 */
export interface SiteRequirement {
  id: number
  target: Target
  region: number
  kind: number
  byUnits: boolean
  dueDay: number
  needed: number
  have: number
  /** Every site (or unit) of the kind in the region: a share/complete target with none has nothing to measure. */
  total: number
}

/** One exists target in one region: how many clusters must be established by its due day. */
export interface ClusterRequirement {
  id: number
  target: Target
  region: number
  dueDay: number
  needed: number
}

/** A target the generator cannot act on, and why. */
export interface SkippedTarget {
  targetId: string
  reason: 'not_sites' | 'no_kind' | 'no_region'
  message: string
}

/** The plan's targets expanded per region, the way evaluatePlan expands them. */
export interface Requirements {
  sites: SiteRequirement[]
  clusters: ClusterRequirement[]
  skipped: SkippedTarget[]
}

/** Expands every target per region of its scope; indicator and checklist targets are skipped (no site makes them). */
export function expandRequirements(data: PlanData, facts: SiteFacts, asOfDay: number): Requirements {
  const result: Requirements = { sites: [], clusters: [], skipped: [] }
  for (const target of data.targets) {
    const positions = scopePositions(facts.index.tree, data, target)
    if (typeof positions === 'string') {
      result.skipped.push({ targetId: target.id, reason: 'no_region', message: positions })
    } else if (target.metric === 'exists') {
      for (const region of positions) result.clusters.push({ id: result.clusters.length, target, region, dueDay: toDay(target.dueDate), needed: Math.ceil(target.threshold) })
    } else if (target.metric === 'indicator' || target.metric === 'checklist') {
      result.skipped.push({ targetId: target.id, reason: 'not_sites', message: `${target.metric} targets are not met by converting sites` })
    } else if (!target.kind) {
      result.skipped.push({ targetId: target.id, reason: 'no_kind', message: 'the target names no kind of site' })
    } else {
      for (const region of positions) result.sites.push(siteRequirement(result.sites.length, target, region, facts, asOfDay))
    }
  }
  return result
}

function siteRequirement(id: number, target: Target, region: number, facts: SiteFacts, asOfDay: number): SiteRequirement {
  const kind = kindIndex(target.kind!)
  const byUnits = target.countUnits === true
  const cell = region * KIND_COUNT + kind
  const total = byUnits ? facts.totalUnits[cell]! : facts.totalSites[cell]!
  const dueDay = toDay(target.dueDate)
  const needed = target.metric === 'share'
    ? requiredLive(target.threshold, total)
    : target.metric === 'complete' ? total : Math.ceil(target.threshold)
  const live = byUnits ? facts.liveUnits[cell]! : facts.liveSites[cell]!
  const have = live + facts.planned.count(region, target.kind!, asOfDay, dueDay, byUnits)
  return { id, target, region, kind, byUnits, dueDay, needed, have, total }
}
