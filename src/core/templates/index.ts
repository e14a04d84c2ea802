import type { Target } from '../model'
import { GUANGDONG_CITY_DRAFT } from './guangdong-city-draft'
import { JINAN_2023 } from './jinan-2023'
import { PINGYIN_2023 } from './pingyin-2023'
import { targetsFromSpecs, type TargetTemplate } from './template-spec'

export type { TargetSpec, TargetTemplate } from './template-spec'
export { PINGYIN_ANNEX } from './pingyin-annex'

/** The target templates taken from the seed plans, in the order a user picks from. */
export const TARGET_TEMPLATES: readonly TargetTemplate[] = [PINGYIN_2023, JINAN_2023, GUANGDONG_CITY_DRAFT]

/** Ids of the templates. */
export type TemplateId = 'pingyin-2023' | 'jinan-2023' | 'guangdong-city-draft'

/** The template's targets placed under `rootRegionCode` (the plan's root: a county for Pingyin, a city otherwise). */
export function instantiateTemplate(templateId: string, rootRegionCode: string): Target[] {
  const template = TARGET_TEMPLATES.find((t) => t.id === templateId)
  if (!template) throw new Error(`unknown target template ${templateId}`)
  return targetsFromSpecs(template, rootRegionCode)
}
