import type { Milestone, PlanData, Region, RegionLevel, Site, Target, TargetMetric } from '../model'
import { evaluatePlan, type PlanEvaluation } from '../plans/evaluate-plan'
import type { GapUnit, TargetEvaluation, TargetStatus } from '../targets/evaluate-target'

/** One side of a compared target: what the engine says for that plan. */
export interface TargetSide {
  value: number
  status: TargetStatus
  met: boolean
  gap: number
  gapUnit: GapUnit
  projectedDate: string | null
}

/** A target in one region, evaluated in both plans. A side is null when that plan lacks the target. */
export interface TargetComparisonRow {
  targetId: string
  title: string
  metric: TargetMetric
  milestone: Milestone
  dueDate: string
  regionCode: string
  left: TargetSide | null
  right: TargetSide | null
  /** The value or the status differs, or only one plan has the target. */
  differs: boolean
}

/** One region (the root, then the regions of `level` under it) with its targets side by side. */
export interface RegionComparisonRow {
  regionCode: string
  name: string
  level: RegionLevel
  targets: TargetComparisonRow[]
  /** Any of its targets differs: the row the UI highlights. */
  differs: boolean
}

/** The site fields a comparison looks at (liveDate too: a status set to live comes with its date). */
export const COMPARED_SITE_FIELDS = ['status', 'plannedDate', 'operator', 'liveDate'] as const
export type ComparedSiteField = (typeof COMPARED_SITE_FIELDS)[number]

/** A field of a site whose value differs between the plans. */
export interface SiteFieldChange {
  field: ComparedSiteField
  left: string | null
  right: string | null
}

/** A site that exists in one plan only, or whose compared fields differ. */
export interface SiteDifference {
  siteId: string
  name: string
  change: 'added' | 'removed' | 'changed'
  /** The differing fields of a changed site; empty for an added or removed one. */
  fields: SiteFieldChange[]
}

/** Two plans compared on one date. `left` is usually the plan, `right` its duplicate. */
export interface PlanComparison {
  asOfDate: string
  leftPlanId: string
  rightPlanId: string
  /** The distinct milestones (due dates) of the compared targets, ascending: the columns a UI offers. */
  milestones: { milestone: Milestone, dueDate: string }[]
  regions: RegionComparisonRow[]
  /** Codes of the regions whose row differs, in row order. */
  differingRegions: string[]
  sites: SiteDifference[]
}

/** Reuse evaluations the caller already has (the UI keeps one per open plan). */
export interface ComparePlansOptions {
  /** Level of the rows under the root; 'town' by default. */
  level?: RegionLevel
  leftEvaluation?: PlanEvaluation
  rightEvaluation?: PlanEvaluation
}

/**
 * Compares two plans on `asOfDate` (ISO): every target in the root region and in each region of `level` under
 * it (plus any other region a target is evaluated in, so nothing is hidden), and the sites that differ.
 */
export function comparePlans(left: PlanData, right: PlanData, asOfDate: string, options: ComparePlansOptions = {}): PlanComparison {
  const leftEvaluation = options.leftEvaluation ?? evaluatePlan(left, asOfDate)
  const rightEvaluation = options.rightEvaluation ?? evaluatePlan(right, asOfDate)
  const targets = targetsById(left.targets, right.targets)
  const rows = targetRows(targets, leftEvaluation.targets, rightEvaluation.targets)
  const regions = regionRows(left, right, options.level ?? 'town', rows)
  return {
    asOfDate,
    leftPlanId: left.plan.id,
    rightPlanId: right.plan.id,
    milestones: milestonesOf([...targets.values()]),
    regions,
    differingRegions: regions.filter((r) => r.differs).map((r) => r.regionCode),
    sites: diffSites(left.sites, right.sites),
  }
}

/** Targets of both plans by id, the left plan's version first (its title is the one shown). */
function targetsById(left: Target[], right: Target[]): Map<string, Target> {
  const byId = new Map<string, Target>()
  for (const target of [...left, ...right]) if (!byId.has(target.id)) byId.set(target.id, target)
  return byId
}

function milestonesOf(targets: Target[]): PlanComparison['milestones'] {
  const byDate = new Map<string, Milestone>()
  for (const t of targets) if (!byDate.has(t.dueDate) || t.milestone !== 'custom') byDate.set(t.dueDate, t.milestone)
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([dueDate, milestone]) => ({ milestone, dueDate }))
}

const rowKey = (targetId: string, regionCode: string): string => `${targetId}\u0000${regionCode}`

/** One row per (target, region) evaluated in either plan, in left-then-right evaluation order. */
function targetRows(targets: Map<string, Target>, left: TargetEvaluation[], right: TargetEvaluation[]): TargetComparisonRow[] {
  const rightByKey = new Map(right.map((e) => [rowKey(e.targetId, e.regionCode), e]))
  const leftKeys = new Set<string>()
  const rows = left.map((e) => {
    const key = rowKey(e.targetId, e.regionCode)
    leftKeys.add(key)
    return targetRow(targets.get(e.targetId)!, e.regionCode, e, rightByKey.get(key) ?? null)
  })
  for (const e of right) {
    if (!leftKeys.has(rowKey(e.targetId, e.regionCode))) rows.push(targetRow(targets.get(e.targetId)!, e.regionCode, null, e))
  }
  return rows
}

function targetRow(target: Target, regionCode: string, left: TargetEvaluation | null, right: TargetEvaluation | null): TargetComparisonRow {
  const a = left && side(left)
  const b = right && side(right)
  // Values are compared exactly: both sides come from the same integer counts, so equal plans give equal floats.
  const differs = !a || !b || a.status !== b.status || a.value !== b.value
  const { id: targetId, title, metric, milestone, dueDate } = target
  return { targetId, title, metric, milestone, dueDate, regionCode, left: a, right: b, differs }
}

function side(e: TargetEvaluation): TargetSide {
  return { value: e.value, status: e.status, met: e.met, gap: e.gap, gapUnit: e.gapUnit, projectedDate: e.projectedDate }
}

/** The root, the regions of `level` under it (in the left plan's order), then any other region with a row. */
function regionRows(left: PlanData, right: PlanData, level: RegionLevel, rows: TargetComparisonRow[]): RegionComparisonRow[] {
  const regions = new Map<string, Region>()
  for (const r of [...left.regions, ...right.regions]) if (!regions.has(r.code)) regions.set(r.code, r)
  const roots = [left.plan.rootRegionCode, right.plan.rootRegionCode]
  const under = (r: Region): boolean => r.level === level && isUnder(regions, r, roots)
  const codes = new Set<string>(roots.filter((code) => regions.has(code)))
  for (const r of regions.values()) if (under(r)) codes.add(r.code)
  for (const row of rows) if (regions.has(row.regionCode)) codes.add(row.regionCode)
  const byRegion = new Map<string, TargetComparisonRow[]>()
  for (const row of rows) byRegion.set(row.regionCode, [...byRegion.get(row.regionCode) ?? [], row])
  return [...codes].map((code) => {
    const region = regions.get(code)!
    const targets = byRegion.get(code) ?? []
    return { regionCode: code, name: region.name, level: region.level, targets, differs: targets.some((t) => t.differs) }
  })
}

function isUnder(regions: Map<string, Region>, region: Region, roots: string[]): boolean {
  let at: Region | undefined = region
  for (let steps = 0; at && steps <= regions.size; steps++) {
    if (roots.includes(at.code)) return true
    at = at.parentCode === null ? undefined : regions.get(at.parentCode)
  }
  return false
}

/**
 * Sites that differ: changed ones (in the left plan's order), removed ones (left only), then added ones (right
 * only, in the right plan's order). Linear in the number of sites, so a city plan's 500,000 sites are fine.
 */
export function diffSites(left: Site[], right: Site[]): SiteDifference[] {
  const rightById = new Map(right.map((s) => [s.id, s]))
  const leftIds = new Set<string>()
  const differences: SiteDifference[] = []
  for (const a of left) {
    leftIds.add(a.id)
    const b = rightById.get(a.id)
    if (!b) {
      differences.push({ siteId: a.id, name: a.name, change: 'removed', fields: [] })
      continue
    }
    const fields = COMPARED_SITE_FIELDS
      .filter((field) => a[field] !== b[field])
      .map((field) => ({ field, left: a[field], right: b[field] }))
    if (fields.length > 0) differences.push({ siteId: a.id, name: b.name, change: 'changed', fields })
  }
  for (const b of right) if (!leftIds.has(b.id)) differences.push({ siteId: b.id, name: b.name, change: 'added', fields: [] })
  return differences
}
