import type { ChangeRecord, Plan, PlanBackup, PlanData, SitePhoto } from '@/core/model'
import { BundleError } from './bundle-error'
import { fromBase64, jsonFile, readVersionedJson, toBase64, type FileInput } from './file-encoding'

/** What the first member of every bundle says. */
export const BUNDLE_FORMAT = 'ecny-plan-bundle'
/** The bundle format this version of the app writes; it reads this one and every older one. */
export const BUNDLE_VERSION = 2

/** A photo inside a bundle: its bytes as base64. */
export interface BundlePhoto extends Omit<SitePhoto, 'data'> {
  dataBase64: string
}

/**
 * Format 2: one plan with everything it holds, its applied history and its photos, as one JSON document
 * (gzip-compressed when exported with `compress`).
 */
export interface PlanBundleV2 extends PlanData {
  format: typeof BUNDLE_FORMAT
  version: 2
  /** ISO timestamp of the export. */
  exportedAt: string
  history: ChangeRecord[]
  photos: BundlePhoto[]
}

/** Format 1, the first released: the plan's data only, nested under `data` (no history, no photos). */
export interface PlanBundleV1 {
  format: typeof BUNDLE_FORMAT
  version: 1
  exportedAt: string
  data: PlanData
}

/** A bundle as read: the backup it restores, and the format version the file had. */
export interface ParsedBundle {
  backup: PlanBackup
  /** The file's format version (older ones are upgraded on reading). */
  version: number
  exportedAt: string
}

const SITES_PER_PART = 10_000

/** Writes a plan backup (readPlanBackup, or what deletePlan returned) as a bundle file. */
export async function exportBundle(backup: PlanBackup, options: { compress?: boolean } = {}): Promise<Blob> {
  const photos = await Promise.all(backup.photos.map(photoToBundle))
  const { sites, ...rest } = backup
  const head = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: new Date().toISOString(), ...rest, photos }
  const headText = JSON.stringify(head)
  // The sites go in as separate parts: 500,000 sites in one JSON.stringify would make one huge string.
  const parts = [headText.slice(0, -1), ',"sites":[']
  for (let start = 0; start < sites.length; start += SITES_PER_PART) {
    const text = JSON.stringify(sites.slice(start, start + SITES_PER_PART))
    parts.push(start === 0 ? '' : ',', text.slice(1, -1))
  }
  parts.push(']}')
  return jsonFile(parts, options.compress ?? false)
}

/** A file name for a plan's bundle, e.g. "平阴县 2023 方案-2024-03-01.ecny-plan.json". */
export function bundleFileName(plan: Plan, compressed = false): string {
  const safe = plan.name.replace(/[\\/:*?"<>|]+/g, '_').trim() || plan.id
  return `${safe}-${new Date().toISOString().slice(0, 10)}.ecny-plan.json${compressed ? '.gz' : ''}`
}

/**
 * Reads a bundle file (plain or gzip JSON). An older format is upgraded; a newer one, or anything that is not
 * a bundle, is refused with a BundleError saying why.
 */
export async function parseBundle(input: FileInput): Promise<ParsedBundle> {
  const { json, version } = await readVersionedJson(input, BUNDLE_FORMAT, BUNDLE_VERSION, 'bundle')
  const bundle = version === 1 ? upgradeV1(json as PlanBundleV1) : json as PlanBundleV2
  checkShape(bundle)
  const { format: _format, version: _version, exportedAt, photos, ...data } = bundle
  return { backup: { ...data, photos: photos.map(photoFromBundle) }, version, exportedAt }
}

function upgradeV1(bundle: PlanBundleV1): PlanBundleV2 {
  if (typeof bundle.data !== 'object' || bundle.data === null) throw new BundleError('invalid', 'bundle', 'This bundle is damaged: it holds no plan.')
  return { ...bundle.data, format: BUNDLE_FORMAT, version: 2, exportedAt: bundle.exportedAt, history: [], photos: [] }
}

const LISTS = ['regions', 'sites', 'clusters', 'targets', 'indicators', 'history', 'photos'] as const

function checkShape(bundle: PlanBundleV2): void {
  if (typeof bundle.plan?.id !== 'string' || typeof bundle.plan.name !== 'string') {
    throw new BundleError('invalid', 'bundle', 'This bundle is damaged: its plan has no id or name.')
  }
  for (const list of LISTS) {
    if (!Array.isArray(bundle[list])) throw new BundleError('invalid', 'bundle', `This bundle is damaged: "${list}" is not a list.`)
  }
  const badSite = bundle.sites.findIndex((site) => typeof site?.id !== 'string' || typeof site.geometry !== 'object')
  if (badSite >= 0) throw new BundleError('invalid', 'bundle', `This bundle is damaged: site ${badSite + 1} has no id or geometry.`)
}

async function photoToBundle({ data, ...photo }: SitePhoto): Promise<BundlePhoto> {
  return { ...photo, dataBase64: toBase64(new Uint8Array(await data.arrayBuffer())) }
}

function photoFromBundle({ dataBase64, ...photo }: BundlePhoto): SitePhoto {
  return { ...photo, data: new Blob([fromBase64(dataBase64)], { type: photo.mimeType }) }
}
