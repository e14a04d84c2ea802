import type { RegionLevel } from './region'
import type { SiteKind } from './site'

/**
 * share: live / total of a kind ≥ threshold (0–1) · count: live sites (or units) ≥ threshold ·
 * exists: established clusters ≥ threshold · complete: every site (or unit) of a kind live ·
 * indicator: an observed indicator ≥ threshold · checklist: a qualitative task, ticked by hand.
 */
export const TARGET_METRICS = ['share', 'count', 'exists', 'complete', 'indicator', 'checklist'] as const
export type TargetMetric = (typeof TARGET_METRICS)[number]

export const INDICATOR_KEYS = ['personal_wallets', 'corporate_wallets', 'transaction_count', 'transaction_amount_yuan'] as const
export type IndicatorKey = (typeof INDICATOR_KEYS)[number]

/** The fixed milestones of the seed plans; any other due date is 'custom'. */
export type Milestone = 'H1' | 'Q3' | 'year' | 'custom'

/** Where a target applies: one region, or each region of `eachLevel` under `regionCode`. */
export interface TargetScope {
  regionCode: string
  eachLevel?: RegionLevel
}

/** Which seed plan row a target was taken from. */
export interface TargetSource {
  /** Seed plan id: '000' Pingyin 2023, '001' Jinan 2023, '003' Guangdong city draft. */
  planId: string
  /** Row or section in that plan, e.g. '附件 8' or '四(三)'. */
  row: string
  /** The plan's own words. */
  text?: string
}

export interface Target {
  id: string
  title: string
  scope: TargetScope
  metric: TargetMetric
  /** Which sites count (share, count, complete). */
  kind?: SiteKind
  /** Count units (bus vehicles, staff) instead of sites. */
  countUnits?: boolean
  indicator?: IndicatorKey
  /** share: 0–1; count/exists/indicator: a number; complete: 1; checklist: 1. */
  threshold: number
  /** ISO date by which the threshold must be reached. */
  dueDate: string
  milestone: Milestone
  source?: TargetSource
  /** Responsible units (责任单位), for checklist items. */
  owner?: string
  /** A checklist item ticked as done. */
  done?: { date: string, note: string }
}
