/**
 * Coverage, targets and gaps per region, from a boundary file and a site file:
 *   npm run report -- --regions towns.geojson --sites sites.csv [--targets pingyin-2023|targets.json]
 *     [--root CODE] [--as-of YYYY-MM-DD] [--format json|csv] [--crs wgs84|gcj02|bd09]
 *     [--region-code-field F] [--region-name-field F]
 * Exits 2 with "file: row N, field F: reason" on bad input.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import type { PlanData, Region, Target } from '../src/core/model'
import { DEFAULT_CLUSTER_RULE } from '../src/core/model'
import { evaluatePlan } from '../src/core/plans/evaluate-plan'
import { isIsoDate } from '../src/core/targets/dates'
import { instantiateTemplate, TARGET_TEMPLATES } from '../src/core/templates'
import { ImportError, isCrs, readRegionsFile, readSitesFile, type Crs } from '../src/io'
import { buildReport, reportCsv } from './report-output'
import { parseTargetsJson } from './targets-file'

const OPTIONS = {
  'regions': { type: 'string' },
  'sites': { type: 'string' },
  'targets': { type: 'string' },
  'root': { type: 'string' },
  'as-of': { type: 'string' },
  'format': { type: 'string', default: 'json' },
  'crs': { type: 'string', default: 'wgs84' },
  'region-code-field': { type: 'string' },
  'region-name-field': { type: 'string' },
  'help': { type: 'boolean', default: false },
} as const

/** A mistake in the command line itself. */
class UsageError extends Error {}

type Args = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values']

function readArgs(argv: string[]): Args {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

function checkArgs(args: Args): { regions: string, sites: string, crs: Crs, asOf: string, format: 'json' | 'csv' } {
  if (!args.regions || !args.sites) throw new UsageError('--regions and --sites are required')
  if (!isCrs(args.crs)) throw new UsageError(`--crs must be wgs84, gcj02 or bd09, not ${args.crs}`)
  if (args.format !== 'json' && args.format !== 'csv') throw new UsageError(`--format must be json or csv, not ${args.format}`)
  const asOf = args['as-of'] ?? new Date().toISOString().slice(0, 10)
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, not ${asOf}`)
  return { regions: args.regions, sites: args.sites, crs: args.crs, asOf, format: args.format }
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path)
  } catch (error) {
    throw new ImportError({ file: path }, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
}

/** The plan's root: --root, or the one region without a parent. */
function rootOf(regions: Region[], root: string | undefined): string {
  if (root) {
    if (!regions.some((r) => r.code === root)) throw new UsageError(`--root ${root} is not a region of the boundary file`)
    return root
  }
  const roots = regions.filter((r) => r.parentCode === null || !regions.some((p) => p.code === r.parentCode))
  if (roots.length !== 1) throw new UsageError(`the regions have ${roots.length} roots (${roots.slice(0, 5).map((r) => r.code).join(', ')}…): choose one with --root`)
  return roots[0]!.code
}

function loadTargets(spec: string | undefined, regions: Region[], root: string | undefined): Target[] {
  if (!spec) return []
  if (spec.toLowerCase().endsWith('.json')) return parseTargetsJson(basename(spec), readBytes(spec))
  if (!TARGET_TEMPLATES.some((t) => t.id === spec)) throw new UsageError(`--targets ${spec} is neither a .json file nor a template (${TARGET_TEMPLATES.map((t) => t.id).join(', ')})`)
  return instantiateTemplate(spec, rootOf(regions, root))
}

async function main(argv: string[]): Promise<string> {
  const args = readArgs(argv)
  if (args.help) return `${USAGE}\n`
  const checked = checkArgs(args)
  const regions = readRegionsFile(checked.regions, readBytes(checked.regions), {
    crs: checked.crs, codeField: args['region-code-field'], nameField: args['region-name-field'],
  })
  const sites = await readSitesFile(checked.sites, readBytes(checked.sites), checked.crs)
  const targets = loadTargets(args.targets, regions, args.root)
  const now = new Date().toISOString()
  const data: PlanData = {
    plan: { id: 'cli', name: 'report', rootRegionCode: args.root ?? '', templateId: null, settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: false, createdAt: now, updatedAt: now },
    regions, sites, clusters: [], targets, indicators: [],
  }
  const report = buildReport(data, evaluatePlan(data, checked.asOf))
  return checked.format === 'csv' ? reportCsv(report) : `${JSON.stringify(report, null, 2)}\n`
}

const USAGE = 'usage: npm run report -- --regions <file.geojson> --sites <file.csv|file.geojson> [--targets <template id|file.json>] [--root CODE] [--as-of YYYY-MM-DD] [--format json|csv] [--crs wgs84|gcj02|bd09] [--region-code-field F] [--region-name-field F]'

main(process.argv.slice(2)).then(
  (output) => process.stdout.write(output),
  (error: unknown) => {
    const usage = error instanceof UsageError
    process.stderr.write(`report: ${(error as Error).message}\n${usage ? `${USAGE}\n` : ''}`)
    process.exitCode = usage || error instanceof ImportError ? 2 : 1
  },
)
