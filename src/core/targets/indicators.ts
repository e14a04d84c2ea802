import type { IndicatorKey, IndicatorObservation } from '../model'
import type { RegionTree } from '../geometry/region-tree'
import { toDay } from './dates'
import type { IndicatorReading } from './evaluate-target'

interface Point { day: number, value: number }

/** Reads indicator values per region; observations are cumulative values (wallets opened so far, …). */
export interface IndicatorBook {
  read(regionPosition: number, indicator: IndicatorKey): IndicatorReading
}

/**
 * A region's value on the as-of date is its latest observation on or before that date; a region with no
 * observation of its own sums its children's values (a city from its districts). The trend is linear
 * between the region's first and latest observations, so it exists only for a region's own series.
 */
export function createIndicatorBook(tree: RegionTree, observations: IndicatorObservation[], asOfDate: string): IndicatorBook {
  const series = new Map<string, Point[]>()
  for (const o of observations) {
    const position = tree.positionOf.get(o.regionCode)
    if (position === undefined || o.date > asOfDate) continue
    const key = `${position}|${o.indicator}`
    const list = series.get(key) ?? []
    list.push({ day: toDay(o.date), value: o.value })
    series.set(key, list)
  }
  for (const list of series.values()) list.sort((a, b) => a.day - b.day)
  const children = childrenOf(tree)
  const valueOf = (position: number, indicator: IndicatorKey): number => {
    const own = series.get(`${position}|${indicator}`)
    if (own) return own[own.length - 1]!.value
    return children[position]!.reduce((sum, child) => sum + valueOf(child, indicator), 0)
  }
  return {
    read(position, indicator) {
      const own = series.get(`${position}|${indicator}`)
      return { value: valueOf(position, indicator), trend: own ? linearTrend(own) : null }
    },
  }
}

function childrenOf(tree: RegionTree): number[][] {
  const children: number[][] = tree.codes.map(() => [])
  tree.parent.forEach((parent, child) => {
    if (parent >= 0) children[parent]!.push(child)
  })
  return children
}

function linearTrend(points: Point[]): ((threshold: number) => number | null) | null {
  const first = points[0]!, last = points[points.length - 1]!
  if (last.day === first.day) return null
  const perDay = (last.value - first.value) / (last.day - first.day)
  if (perDay <= 0) return null
  return (threshold) => last.day + Math.ceil((threshold - last.value) / perDay)
}
