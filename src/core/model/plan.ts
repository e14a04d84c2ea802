import type { Cluster, ClusterRule } from './cluster'
import type { IndicatorObservation } from './indicator'
import type { Region } from './region'
import type { Site } from './site'
import type { Target } from './target'

export interface PlanSettings {
  clusterRule: ClusterRule
  /** ISO date the plan's figures are read on by default (a report date); today when absent. */
  asOfDate?: string
}

/** A named scenario of the rollout. */
export interface Plan {
  id: string
  name: string
  rootRegionCode: string
  /** Target template the plan started from, if any. */
  templateId: string | null
  settings: PlanSettings
  /** True while the plan is the built-in demo. */
  isDemo: boolean
  /** ISO timestamps */
  createdAt: string
  updatedAt: string
}

/** Everything a plan holds, as plain data (what the engine, the bundle and the stores exchange). */
export interface PlanData {
  plan: Plan
  regions: Region[]
  sites: Site[]
  clusters: Cluster[]
  targets: Target[]
  indicators: IndicatorObservation[]
}
