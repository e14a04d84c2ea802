import type { IndicatorKey } from './target'

/** One observed indicator value for a region on a date (cumulative as of that date). */
export interface IndicatorObservation {
  id: string
  regionCode: string
  /** ISO date */
  date: string
  indicator: IndicatorKey
  value: number
}
