import type { PlanData } from '@/core/model'
import { evaluatePlan } from '@/core/plans/evaluate-plan'
import type { GeneratedPlan } from '@/core/scenarios/generate-plan'

/** The plan as it stands once followed: every site planned from `asOfDate` on has gone live on its date. */
export function followPlan(data: PlanData, asOfDate: string): PlanData {
  const sites = data.sites.map((s) => s.status !== 'live' && s.status !== 'suspended' && s.plannedDate !== null && s.plannedDate >= asOfDate
    ? { ...s, status: 'live' as const, liveDate: s.plannedDate }
    : s)
  return { ...data, sites }
}

/**
 * The engine's verdict on a generated plan, for every target (per region) the generator did not report as
 * infeasible or skip: on the as-of date its status must be met or on_track, and with the plan followed it
 * must be met on its due date. Returns the ones that are not, as "target@region: status" (empty when all are).
 */
export function reachableTargetsOnTrack(result: GeneratedPlan, asOfDate: string): string[] {
  const excused = new Set([...result.infeasible.map((t) => `${t.targetId}@${t.regionCode}`), ...result.skipped.map((t) => t.targetId)])
  const now = evaluatePlan(result.data, asOfDate)
  const followed = followPlan(result.data, asOfDate)
  const dueDates = [...new Set(result.data.targets.map((t) => t.dueDate))]
  const atDue = new Map(dueDates.map((date) => [date, evaluatePlan(followed, date)]))
  const problems: string[] = []
  for (const e of now.targets) {
    const key = `${e.targetId}@${e.regionCode}`
    if (excused.has(key) || excused.has(e.targetId) || e.metric === 'checklist' || e.metric === 'indicator') continue
    if (e.status !== 'met' && e.status !== 'on_track') problems.push(`${key}: ${e.status} on ${asOfDate}`)
    const due = atDue.get(e.dueDate)!.targets.find((d) => d.targetId === e.targetId && d.regionCode === e.regionCode)!
    if (!due.met) problems.push(`${key}: ${due.status} on ${e.dueDate} with the plan followed`)
  }
  return problems
}
