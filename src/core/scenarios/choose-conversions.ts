import { SITE_KINDS, type Site } from '../model'
import { kindIndex } from '../coverage/coverage'
import { orderCandidates, type ClusterTiers } from './candidate-order'
import { conversionsNeeded, type ClusterPlan } from './cluster-plan'
import type { SiteRequirement } from './requirements'
import { CONVERTIBLE, KIND_COUNT, type SiteFacts } from './site-facts'

/** The sites to convert, each with the due day it must be live by and the requirement that chose it. */
export interface Selection {
  chosen: Uint8Array
  /** Due day per chosen site (the earliest requirement that needed it). */
  dueDay: Int32Array
  /** ≥ 0: the site requirement id; < 0: -(cluster choice index) - 1. */
  why: Int32Array
  /** Chosen site indices in the order they were chosen. */
  order: number[]
}

/** A kind's candidates per region, best first (compressed rows), with a cursor past the chosen ones. */
interface CandidateLists { start: Int32Array, sites: Int32Array, cursor: Int32Array }

const MERCHANT = kindIndex('merchant')

/**
 * Chooses the fewest conversions that meet every site requirement by its due day, milestone by milestone.
 *
 * Per kind, the requirements nest by region (a county's target counts its towns' sites), so the minimum is
 * the bottom-up bound E(r) = max(need(r), Σ E(children)), capped by the candidates (need(r): the largest
 * shortfall of r over the milestones). The greedy meets the narrowest regions first and, when a wider
 * region needs more, gives the extra to children that will need it later (E(c) − chosen(c) > 0) before any
 * other candidate — so an early county top-up is never wasted where a town needs its own later. With
 * enough candidates every region ends with exactly E conversions (units and lines crossing towns aside).
 * Clusters chosen for exists targets get their merchants first, in the same milestone order.
 */
export function chooseConversions(data: { sites: Site[] }, facts: SiteFacts, requirements: SiteRequirement[], clusters: ClusterPlan, tiers: ClusterTiers): Selection {
  const n = data.sites.length
  const selection: Selection = { chosen: new Uint8Array(n), dueDay: new Int32Array(n), why: new Int32Array(n), order: [] }
  const chooser = new Chooser(data.sites, facts, selection, requirements, tiers)
  const days = [...new Set([...requirements.map((r) => r.dueDay), ...clusters.choices.map((c) => c.dueDay)])].sort((a, b) => a - b)
  const depth = facts.index.tree.depth
  for (const day of days) {
    clusters.choices.forEach((choice, c) => {
      if (choice.dueDay === day) chooser.establish(clusters, c)
    })
    const due = requirements.filter((r) => r.dueDay === day).sort((a, b) => depth[b.region]! - depth[a.region]! || a.id - b.id)
    for (const requirement of due) chooser.meet(requirement)
  }
  return selection
}

class Chooser {
  private readonly lists = new Map<number, CandidateLists>()
  /** Kinds with a target counted in units: their candidates are ordered largest first for every target. */
  private readonly unitKinds: Set<number>
  /** Chosen sites and units per (region × KIND_COUNT + kind). */
  private readonly chosenSites: Float64Array
  private readonly chosenUnits: Float64Array
  /** The bottom-up bound per measure: key `${kind}:${byUnits}` → per region. */
  private readonly eventual = new Map<string, Float64Array>()
  private readonly children: number[][]

  constructor(private readonly sites: Site[], private readonly facts: SiteFacts, private readonly selection: Selection, requirements: SiteRequirement[], private readonly tiers: ClusterTiers) {
    const cells = facts.index.tree.codes.length * KIND_COUNT
    this.chosenSites = new Float64Array(cells)
    this.chosenUnits = new Float64Array(cells)
    this.children = facts.index.tree.codes.map(() => [])
    facts.index.tree.parent.forEach((parent, child) => {
      if (parent >= 0) this.children[parent]!.push(child)
    })
    this.unitKinds = new Set(requirements.filter((r) => r.byUnits).map((r) => r.kind))
    for (const requirement of requirements) this.eventualBound(requirement.kind, requirement.byUnits, requirements)
  }

  /** Picks merchants inside the cluster until it is established by its choice's due day. */
  establish(clusters: ClusterPlan, choiceIndex: number): void {
    const choice = clusters.choices[choiceIndex]!
    const option = clusters.options[choice.option]!
    let missing = conversionsNeeded(option, choice.dueDay) - option.convertible.filter((i) => this.selection.chosen[i]).length
    const ordered = orderCandidates(this.sites, option.convertible, this.tiers, false)
    for (let k = 0; k < ordered.length && missing > 0; k++) {
      if (this.selection.chosen[ordered[k]!]) continue
      this.pick(ordered[k]!, choice.dueDay, -choiceIndex - 1)
      missing--
    }
  }

  /** Tops the requirement's region up to what it needs by its due day. */
  meet(requirement: SiteRequirement): void {
    const current = requirement.have + this.chosenIn(requirement.region, requirement.kind, requirement.byUnits)
    if (current < requirement.needed) this.distribute(requirement, requirement.region, requirement.needed - current)
  }

  private chosenIn(region: number, kind: number, byUnits: boolean): number {
    const cell = region * KIND_COUNT + kind
    return byUnits ? this.chosenUnits[cell]! : this.chosenSites[cell]!
  }

  /** Converts `amount` (sites or units) in `region`: first in children still short of their eventual bound. */
  private distribute(requirement: SiteRequirement, region: number, amount: number): number {
    const { kind, byUnits } = requirement
    const bound = this.eventual.get(`${kind}:${byUnits}`)!
    let got = 0
    for (const child of this.children[region]!) {
      if (got >= amount) return got
      const room = bound[child]! - this.chosenIn(child, kind, byUnits)
      if (room > 0) got += this.distribute(requirement, child, Math.min(amount - got, room))
    }
    const list = this.listFor(kind)
    while (got < amount) {
      const site = this.next(list, region)
      if (site < 0) break
      this.pick(site, requirement.dueDay, requirement.id)
      got += byUnits ? this.sites[site]!.units : 1
    }
    return got
  }

  private pick(site: number, dueDay: number, why: number): void {
    const { selection } = this
    selection.chosen[site] = 1
    selection.dueDay[site] = dueDay
    selection.why[site] = why
    selection.order.push(site)
    const kind = kindIndex(this.sites[site]!.kind)
    for (const r of this.facts.chains[site]!) {
      this.chosenSites[r * KIND_COUNT + kind]! += 1
      this.chosenUnits[r * KIND_COUNT + kind]! += this.sites[site]!.units
    }
  }

  private next(list: CandidateLists, region: number): number {
    const end = list.start[region + 1]!
    while (list.cursor[region]! < end) {
      const site = list.sites[list.cursor[region]!]!
      if (!this.selection.chosen[site]) return site
      list.cursor[region]!++
    }
    return -1
  }

  private listFor(kind: number): CandidateLists {
    let list = this.lists.get(kind)
    if (!list) {
      // Largest first serves a line count too (any line counts one), so one order fits both measures.
      list = buildLists(this.sites, this.facts, kind, this.unitKinds.has(kind), this.tiers)
      this.lists.set(kind, list)
    }
    return list
  }

  /** E(r) = min(candidates(r), max(need(r), Σ E(children))), need(r) the largest shortfall over the milestones. */
  private eventualBound(kind: number, byUnits: boolean, requirements: SiteRequirement[]): void {
    const key = `${kind}:${byUnits}`
    if (this.eventual.has(key)) return
    const { tree } = this.facts.index
    const need = new Float64Array(tree.codes.length)
    for (const r of requirements) if (r.kind === kind && r.byUnits === byUnits) need[r.region] = Math.max(need[r.region]!, r.needed - r.have)
    const available = (r: number): number => (byUnits ? this.facts.convertibleUnits : this.facts.convertibleSites)[r * KIND_COUNT + kind]!
    const bound = new Float64Array(tree.codes.length)
    for (const r of tree.deepestFirst) {
      bound[r] = Math.min(available(r), Math.max(need[r]!, bound[r]!))
      if (tree.parent[r]! >= 0) bound[tree.parent[r]!]! += bound[r]!
    }
    this.eventual.set(key, bound)
  }
}

/** The kind's convertible sites per region (every region of each site's chain), best first. */
function buildLists(sites: Site[], facts: SiteFacts, kind: number, byUnits: boolean, tiers: ClusterTiers): CandidateLists {
  const candidates: number[] = []
  sites.forEach((site, i) => {
    if (facts.state[i] === CONVERTIBLE && site.kind === SITE_KINDS[kind]) candidates.push(i)
  })
  const ordered = orderCandidates(sites, candidates, tiers, byUnits && kind !== MERCHANT)
  const regions = facts.index.tree.codes.length
  const start = new Int32Array(regions + 1)
  for (const i of ordered) for (const r of facts.chains[i]!) start[r + 1]!++
  for (let r = 0; r < regions; r++) start[r + 1]! += start[r]!
  const fill = start.slice(0, regions)
  const list = new Int32Array(start[regions]!)
  for (const i of ordered) for (const r of facts.chains[i]!) list[fill[r]!++] = i
  return { start, sites: list, cursor: start.slice(0, regions) }
}
