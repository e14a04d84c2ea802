import type { LineString, Point } from 'geojson'

/** What a site is; drives its symbol, its counting unit and which targets count it. */
export const SITE_KINDS = [
  'merchant', 'school', 'hospital', 'bus_line', 'postal_outlet', 'utility_point', 'parking', 'venue',
  'tax_hall', 'payroll_unit', 'union', 'community', 'charity', 'other',
] as const
export type SiteKind = (typeof SITE_KINDS)[number]

/** Rollout pipeline: candidate → contacted → retrofitting → live (已受理); suspended is off the pipeline. */
export const SITE_STATUSES = ['candidate', 'contacted', 'retrofitting', 'live', 'suspended'] as const
export type SiteStatus = (typeof SITE_STATUSES)[number]

/** How a site accepts e-CNY: 静态码, 碰一碰, 双离线, POS, 线上. */
export const ACCEPTANCE_METHODS = ['static_qr', 'nfc', 'dual_offline', 'pos', 'online'] as const
export type AcceptanceMethod = (typeof ACCEPTANCE_METHODS)[number]

/** The designated operator banks (运营机构). */
export const OPERATORS = ['icbc', 'abc', 'boc', 'ccb', 'bocom', 'psbc', 'cmb', 'cib', 'mybank', 'webank'] as const
export type Operator = (typeof OPERATORS)[number]

/** One place (or line) where e-CNY acceptance is rolled out. */
export interface Site {
  id: string
  name: string
  kind: SiteKind
  /** WGS-84; a bus line is a LineString, everything else a Point. */
  geometry: Point | LineString
  status: SiteStatus
  methods: AcceptanceMethod[]
  operator: Operator | null
  /** ISO date (YYYY-MM-DD) the site is planned to go live. */
  plannedDate: string | null
  /** ISO date the site actually went live; a live site counts from this date on. */
  liveDate: string | null
  /** Counting unit: vehicles of a bus line, staff of a payroll unit; 1 otherwise. */
  units: number
  address?: string
  contact?: string
  notes?: string
  /** Free attributes kept from imports. */
  attributes?: Record<string, string>
}

/** A site is live on `asOfDate` when its status is live and it went live on or before that date. */
export function isLiveOn(site: Pick<Site, 'status' | 'liveDate'>, asOfDate: string): boolean {
  return site.status === 'live' && (site.liveDate === null || site.liveDate <= asOfDate)
}
