import type { RegionLevel, Target } from '../model'

/** One target of a template, before it is placed under a plan's root region. */
export type TargetSpec = Pick<Target, 'title' | 'metric' | 'kind' | 'countUnits' | 'indicator' | 'threshold' | 'dueDate' | 'milestone' | 'owner'> & {
  /** Unique within the template; the target id is `${templateId}/${key}`. */
  key: string
  /** Evaluate in each region of this level under the root instead of the root itself. */
  each?: RegionLevel
  /** A fixed region (e.g. the star community's street) instead of the plan's root. */
  regionCode?: string
  /** Row or section of the seed plan, and its own words. */
  row: string
  text: string
}

/** A target template taken from one seed plan. */
export interface TargetTemplate {
  id: string
  name: { zh: string, en: string }
  /** Seed plan id: '000' Pingyin, '001' Jinan, '003' Guangdong city draft. */
  planId: string
  /** The level of region the template's root is meant to be (county for Pingyin, city for the others). */
  rootLevel: RegionLevel
  specs: readonly TargetSpec[]
}

/** The fixed milestones of 2023 plans and their dates. */
export const MILESTONE_DATES_2023 = { H1: '2023-06-30', Q3: '2023-09-30', year: '2023-12-31' } as const

/** Places a template's specs under `rootRegionCode`. */
export function targetsFromSpecs(template: TargetTemplate, rootRegionCode: string): Target[] {
  return template.specs.map((spec) => {
    const target: Target = {
      id: `${template.id}/${spec.key}`,
      title: spec.title,
      scope: spec.each
        ? { regionCode: spec.regionCode ?? rootRegionCode, eachLevel: spec.each }
        : { regionCode: spec.regionCode ?? rootRegionCode },
      metric: spec.metric,
      threshold: spec.threshold,
      dueDate: spec.dueDate,
      milestone: spec.milestone,
      source: { planId: template.planId, row: spec.row, text: spec.text },
    }
    if (spec.kind) target.kind = spec.kind
    if (spec.countUnits) target.countUnits = true
    if (spec.indicator) target.indicator = spec.indicator
    if (spec.owner) target.owner = spec.owner
    return target
  })
}
