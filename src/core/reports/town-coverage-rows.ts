import { assignSites } from '../coverage/assign-sites'
import { createCoverage } from '../coverage/coverage'
import { buildRegionIndex } from '../geometry/region-index'
import type { PlanData, Region, Target } from '../model'
import { requiredLive } from '../targets/evaluate-target'

/** One row of the coverage table: merchants of a region against the share target that applies to it. */
export interface TownCoverageRow {
  code: string
  name: string
  live: number
  total: number
  /** live / total, 0 when there are no merchants. */
  share: number
  /** The merchant share target (0–1) that applies, or null when the plan has none. */
  threshold: number | null
  dueDate: string | null
  /** Merchants still needed to reach the threshold (0 when met); null without a target. */
  gap: number | null
}

export interface TownCoverage {
  root: TownCoverageRow | null
  towns: TownCoverageRow[]
}

/**
 * Merchant coverage of the plan's towns/streets and of its root region, as of a date. The target shown is the
 * plan's merchant share target due next (else the last one): one set for the town itself or for each town under
 * an ancestor, else the root's target, which the seed plans set county-wide ("全县 30% 的商户") and which a town
 * must reach too for the county to.
 */
export function buildTownCoverageRows(data: PlanData, asOfDate: string): TownCoverage {
  const coverage = createCoverage(data.regions, data.sites, assignSites(buildRegionIndex(data.regions), data.sites), asOfDate)
  const shareTargets = data.targets.filter((t) => t.metric === 'share' && t.kind === 'merchant')
  const row = (region: Region): TownCoverageRow => {
    const { live, total } = coverage.get(region.code, 'merchant')
    const target = targetFor(region, shareTargets, data.regions, asOfDate)
    return {
      code: region.code,
      name: region.name,
      live,
      total,
      share: total === 0 ? 0 : live / total,
      threshold: target?.threshold ?? null,
      dueDate: target?.dueDate ?? null,
      gap: target ? Math.max(0, requiredLive(target.threshold, total) - live) : null,
    }
  }
  const root = data.regions.find((r) => r.code === data.plan.rootRegionCode)
  return { root: root ? row(root) : null, towns: data.regions.filter((r) => r.level === 'town').map(row) }
}

function targetFor(region: Region, targets: Target[], regions: Region[], asOfDate: string): Target | null {
  const ancestors = new Set<string>()
  for (let code: string | null = region.parentCode; code; code = regions.find((r) => r.code === code)?.parentCode ?? null) ancestors.add(code)
  const own = targets.filter((t) => (t.scope.regionCode === region.code && !t.scope.eachLevel)
    || (t.scope.eachLevel === region.level && ancestors.has(t.scope.regionCode)))
  const inherited = targets.filter((t) => !t.scope.eachLevel && ancestors.has(t.scope.regionCode))
  const candidates = (own.length > 0 ? own : inherited).toSorted((a, b) => a.dueDate.localeCompare(b.dueDate))
  return candidates.find((t) => t.dueDate >= asOfDate) ?? candidates.at(-1) ?? null
}
