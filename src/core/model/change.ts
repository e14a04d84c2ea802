import type { Cluster } from './cluster'
import type { IndicatorObservation } from './indicator'
import type { Plan, PlanData } from './plan'
import type { Region } from './region'
import type { Site } from './site'
import type { Target } from './target'

/** The plan fields a change may set (the rest — id, root, dates — belong to the plan's identity). */
export type PlanPatch = Partial<Pick<Plan, 'name' | 'settings' | 'templateId'>>

/**
 * One typed change to a plan. A put replaces the record with the same id (keeping its place in the list) or
 * appends it; a delete of an id that does not exist does nothing.
 */
export type PlanChange
  = | { type: 'sites.put', sites: Site[] }
    | { type: 'sites.delete', ids: string[] }
    | { type: 'clusters.put', clusters: Cluster[] }
    | { type: 'clusters.delete', ids: string[] }
    | { type: 'targets.put', targets: Target[] }
    | { type: 'targets.delete', ids: string[] }
    | { type: 'indicators.put', indicators: IndicatorObservation[] }
    | { type: 'indicators.delete', ids: string[] }
    | { type: 'regions.replace', regions: Region[] }
    | { type: 'plan.update', patch: PlanPatch }

/** One entry of a plan's change log: who changed what and when, with what restores the state before it. */
export interface ChangeRecord {
  /** Unique across devices (a UUID): how a change set recognises a change it has already seen. */
  id: string
  planId: string
  /** Position in this plan's log on this device: 1, 2, … (the undo/redo order). */
  seq: number
  /** ISO timestamp of the change. */
  at: string
  /** The device's user name (settings) when the change was made; '' when none was set. */
  user: string
  /** What the change was, in words, e.g. "Status of 孙记早餐店 → live". */
  label: string
  /** The changes applied, in order (redo applies them again). */
  after: PlanChange[]
  /** Changes that, applied in order, restore exactly the records `after` touched (undo applies them). */
  before: PlanChange[]
}

/** A photo attached to a site (field staff), kept with the plan and carried by its bundle. */
export interface SitePhoto {
  id: string
  siteId: string
  /** MIME type, e.g. image/jpeg */
  mimeType: string
  /** ISO timestamp the photo was taken or attached. */
  takenAt: string
  data: Blob
}

/** Everything needed to restore a plan exactly: its data, its change log and its photos (what a bundle holds). */
export interface PlanBackup extends PlanData {
  history: ChangeRecord[]
  photos: SitePhoto[]
}

/** Applies one change to plan data in memory, without touching the input (what another tab does on a commit). */
export function applyPlanChange(data: PlanData, change: PlanChange): PlanData {
  switch (change.type) {
    case 'sites.put': return { ...data, sites: putById(data.sites, change.sites) }
    case 'sites.delete': return { ...data, sites: deleteById(data.sites, change.ids) }
    case 'clusters.put': return { ...data, clusters: putById(data.clusters, change.clusters) }
    case 'clusters.delete': return { ...data, clusters: deleteById(data.clusters, change.ids) }
    case 'targets.put': return { ...data, targets: putById(data.targets, change.targets) }
    case 'targets.delete': return { ...data, targets: deleteById(data.targets, change.ids) }
    case 'indicators.put': return { ...data, indicators: putById(data.indicators, change.indicators) }
    case 'indicators.delete': return { ...data, indicators: deleteById(data.indicators, change.ids) }
    case 'regions.replace': return { ...data, regions: change.regions }
    case 'plan.update': return { ...data, plan: { ...data.plan, ...change.patch } }
  }
}

/** Applies changes in order (a record's `after` to redo it, its `before` to undo it). */
export function applyPlanChanges(data: PlanData, changes: readonly PlanChange[]): PlanData {
  return changes.reduce(applyPlanChange, data)
}

/** `records` with each of `puts` replacing the record of its id in place, or appended when new. */
export function putById<T extends { id: string }>(records: readonly T[], puts: readonly T[]): T[] {
  const next = records.slice()
  // An index only pays off for more than a few records: one edit in 500,000 sites is a single scan.
  const position = puts.length > 8 ? new Map(next.map((record, index) => [record.id, index])) : null
  for (const record of puts) {
    const index = position ? position.get(record.id) ?? -1 : next.findIndex((r) => r.id === record.id)
    if (index >= 0) {
      next[index] = record
    } else {
      position?.set(record.id, next.length)
      next.push(record)
    }
  }
  return next
}

/** `records` without those of `ids`. */
export function deleteById<T extends { id: string }>(records: readonly T[], ids: readonly string[]): T[] {
  const gone = new Set(ids)
  return records.filter((record) => !gone.has(record.id))
}
