import type { MultiPolygon, Polygon } from 'geojson'

/** Administrative levels, from the widest to the narrowest. */
export const REGION_LEVELS = ['province', 'city', 'county', 'town', 'village'] as const
export type RegionLevel = (typeof REGION_LEVELS)[number]

/** An administrative unit the rollout is counted in. */
export interface Region {
  /** 12-digit 统计用区划代码 (e.g. 370124002000), or a user id for imported units without one. */
  code: string
  name: string
  level: RegionLevel
  /** Code of the enclosing region; null for the plan's root. */
  parentCode: string | null
  /** WGS-84 boundary; null when only the code is known (e.g. a county used as a roll-up node). */
  geometry: Polygon | MultiPolygon | null
  /** True when the boundary is a stand-in (e.g. the demo's Voronoi town cells), not an official outline. */
  approximate: boolean
}

/** Depth of a level in REGION_LEVELS, used to order roll-ups. */
export function levelRank(level: RegionLevel): number {
  return REGION_LEVELS.indexOf(level)
}
