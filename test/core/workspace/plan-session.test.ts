import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clustersFromCollection, DEMO_REPORT_DATE, type ClusterCollection } from '@/core/demo'
import { DEFAULT_CLUSTER_RULE, SITE_KINDS, type PlanChange, type PlanData, type Site } from '@/core/model'
import { evaluatePlan } from '@/core/plans/evaluate-plan'
import { instantiateTemplate } from '@/core/templates'
import { PlanSession } from '@/core/workspace/plan-session'
import { evaluateTownView } from '@/core/workspace/town-view'
import { seededRandom } from '../geometry/fixtures'
import { readDemoFiles } from '../../support/demo-expectations'

const COUNTY = '370124000000'

function demoPlan(): PlanData {
  const { regions, sites } = readDemoFiles()
  const clusters = clustersFromCollection(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/geo/pingyin-demo-clusters.geojson'), 'utf8')) as ClusterCollection)
  return {
    plan: { id: 'p', name: 'demo', rootRegionCode: COUNTY, templateId: 'pingyin-2023', settings: { clusterRule: DEFAULT_CLUSTER_RULE }, isDemo: true, createdAt: '', updatedAt: '' },
    regions, sites, clusters, targets: instantiateTemplate('pingyin-2023', COUNTY), indicators: [],
  }
}

/** What the planner shows, from a fresh evaluation: every counter, target and cluster. */
function snapshot(data: PlanData, asOfDate: string, evaluation = evaluatePlan(data, asOfDate)) {
  return {
    counts: data.regions.flatMap((r) => SITE_KINDS.map((kind) => evaluation.coverage.get(r.code, kind))),
    targets: evaluation.targets,
    clusters: evaluation.clusters,
    outside: [...evaluation.assignment.outside].sort(),
  }
}

/** One random edit of the kinds the planner makes: status and date changes, moves, adds, deletes, a cluster, a setting. */
function randomChange(data: PlanData, random: () => number, step: number): PlanChange {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const site = pick(data.sites)
  const roll = random()
  if (roll < 0.45) {
    const live = site.status !== 'live'
    return { type: 'sites.put', sites: [{ ...site, status: live ? 'live' : 'contacted', liveDate: live ? pick(['2023-02-01', '2023-08-15', null]) : null, plannedDate: live ? null : pick(['2023-09-30', '2024-03-01', null]) }] }
  }
  if (roll < 0.6 && site.geometry.type === 'Point') {
    const [x, y] = site.geometry.coordinates as [number, number]
    // Far enough to cross into a neighbouring town now and then, or out of the county.
    return { type: 'sites.put', sites: [{ ...site, geometry: { type: 'Point', coordinates: [x + (random() - 0.5) * 0.2, y + (random() - 0.5) * 0.2] } }] }
  }
  if (roll < 0.72) {
    const [x, y] = pick(data.sites.filter((s) => s.geometry.type === 'Point')).geometry.coordinates as [number, number]
    const added: Site = { ...site, id: `new-${step}`, kind: 'merchant', geometry: { type: 'Point', coordinates: [x + 1e-4, y] }, status: 'live', liveDate: '2023-03-01' }
    return { type: 'sites.put', sites: [added] }
  }
  if (roll < 0.84) return { type: 'sites.delete', ids: [site.id] }
  if (roll < 0.92) {
    const cluster = pick(data.clusters)
    const ring = cluster.geometry.coordinates[0]!.map(([x, y]) => [x! * 1.0001, y!])
    return { type: 'clusters.put', clusters: [{ ...cluster, geometry: { type: 'Polygon', coordinates: [ring] } }] }
  }
  return { type: 'plan.update', patch: { settings: { ...data.plan.settings, clusterRule: { minLiveMerchants: pick([3, 10]), minLiveShare: pick([0.2, 0.5]) } } } }
}

describe('PlanSession', () => {
  it('keeps every counter, target and cluster equal to a fresh evaluation through a long run of edits and date changes', () => {
    const random = seededRandom(7)
    const session = new PlanSession(demoPlan())
    const dates = [DEMO_REPORT_DATE, '2023-12-31']
    let incremental = 0
    for (let step = 0; step < 120; step++) {
      const asOfDate = dates[Math.floor(step / 40) % 2]!
      const before = session.evaluator(asOfDate)
      const change = randomChange(session.data, random, step)
      const data = session.apply([change])
      const after = session.evaluator(asOfDate)
      if (after === before) incremental++
      expect(data).toBe(session.data)
      expect(snapshot(data, asOfDate, after.evaluate()), `step ${step}: ${change.type}`).toEqual(snapshot(data, asOfDate))
    }
    // Site edits went through the counters, not a rebuild.
    expect(incremental).toBeGreaterThan(80)
  })

  it('gives the town view the same rows from its counters as from a recount', () => {
    const session = new PlanSession(demoPlan())
    const choice = { kind: 'merchant', milestone: 'year' } as const
    const site = session.data.sites.find((s) => s.kind === 'merchant' && s.status !== 'live')!
    const data = session.apply([{ type: 'sites.put', sites: [{ ...site, status: 'live', liveDate: '2023-01-05' }] }])
    const fromCounters = evaluateTownView(data, DEMO_REPORT_DATE, choice, { evaluator: session.evaluator(DEMO_REPORT_DATE) })
    const recounted = evaluateTownView(data, DEMO_REPORT_DATE, choice)
    expect(fromCounters.towns).toEqual(recounted.towns)
    expect(fromCounters.root).toEqual(recounted.root)
  })

  it('never modifies the data it was given, and keeps the region index while the regions stay the same', () => {
    const original = demoPlan()
    const sites = original.sites
    const session = new PlanSession(original)
    const index = session.index
    session.apply([{ type: 'sites.delete', ids: [sites[0]!.id] }, { type: 'plan.update', patch: { name: 'renamed' } }])
    expect(original.sites).toBe(sites)
    expect(original.sites).toHaveLength(sites.length)
    expect(session.data.plan.name).toBe('renamed')
    expect(new PlanSession(original, session).index).toBe(index)
    session.apply([{ type: 'regions.replace', regions: original.regions.slice() }])
    expect(session.index).not.toBe(index)
  })
})

describe('PlanSession with a large change', () => {
  it('rebuilds instead of updating site by site when an import touches much of the plan, with the same results', () => {
    const session = new PlanSession(demoPlan())
    const before = session.evaluator(DEMO_REPORT_DATE)
    const imported = session.data.sites.slice(0, 2500).map((site, i): Site => ({ ...site, id: `import-${i}`, status: 'live', liveDate: '2023-05-01' }))
    const data = session.apply([{ type: 'sites.put', sites: imported }])
    const after = session.evaluator(DEMO_REPORT_DATE)
    expect(after).not.toBe(before)
    expect(snapshot(data, DEMO_REPORT_DATE, after.evaluate())).toEqual(snapshot(data, DEMO_REPORT_DATE))
    // A small edit afterwards goes through the rebuilt counters again.
    const site = data.sites[0]!
    session.apply([{ type: 'sites.put', sites: [{ ...site, status: 'suspended', liveDate: null }] }])
    expect(session.evaluator(DEMO_REPORT_DATE)).toBe(after)
    expect(snapshot(session.data, DEMO_REPORT_DATE, after.evaluate())).toEqual(snapshot(session.data, DEMO_REPORT_DATE))
  })
})
