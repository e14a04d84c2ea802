import type { SiteStatus } from '@/core/model'

/** One colour per rollout status; the legend and the map layers both read from here so they always match. */
export const STATUS_COLORS: Record<SiteStatus, string> = {
  candidate: '#9aa3ad',
  contacted: '#4e79a7',
  retrofitting: '#f28e2b',
  live: '#2e9d5b',
  suspended: '#c0392b',
}

export const TOWN_LINE_COLOR = '#5b6b7a'
export const COUNTY_LINE_COLOR = '#243447'
export const CLUSTER_COLOR = '#8e44ad'
export const BACKGROUND_COLOR = '#eef1ec'
/**
 * The halo of the sites a box or lasso selected: a cyan no status, choropleth or basemap colour comes near (as the
 * selection colour of desktop GIS), with the app's dark blue as its rim so it stands out on light ground too.
 */
export const SELECTION_COLOR = '#00c2ff'
export const SELECTION_RIM_COLOR = '#1d3b57'

/** Choropleth colours of a target's status; 'none' is a town the target does not apply to. */
export const TARGET_STATUS_COLORS = {
  met: '#2e9d5b',
  on_track: '#a3d39c',
  at_risk: '#f2b134',
  off_track: '#e06a4f',
  done: '#2e9d5b',
  open: '#c9d1d9',
  none: '#ffffff',
} as const
