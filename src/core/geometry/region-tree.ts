import type { Region } from '../model'

/**
 * The region set as parallel arrays: a region is known by its position in the array given to
 * buildRegionTree. `parent` is -1 for a root or when the parent code is not in the set.
 */
export interface RegionTree {
  readonly codes: readonly string[]
  readonly positionOf: ReadonlyMap<string, number>
  readonly parent: Int32Array
  /** 0 for roots. */
  readonly depth: Int32Array
  /** Each region's chain: itself, its parent, … up to its root. */
  readonly chains: readonly Int32Array[]
  /** Positions ordered deepest first, for summing children into parents. */
  readonly deepestFirst: Int32Array
}

/** Builds the tree; throws on a duplicate code or a parent cycle, which would make every roll-up wrong. */
export function buildRegionTree(regions: readonly Region[]): RegionTree {
  const positionOf = new Map<string, number>()
  regions.forEach((region, i) => {
    if (positionOf.has(region.code)) throw new Error(`duplicate region code ${region.code}`)
    positionOf.set(region.code, i)
  })
  const parent = new Int32Array(regions.length)
  regions.forEach((region, i) => {
    parent[i] = region.parentCode === null ? -1 : positionOf.get(region.parentCode) ?? -1
  })
  const chains = regions.map((_, i) => chainOf(parent, i, regions))
  const depth = Int32Array.from(chains, (chain) => chain.length - 1)
  const deepestFirst = Int32Array.from(regions.keys()).sort((a, b) => depth[b]! - depth[a]!)
  return { codes: regions.map((r) => r.code), positionOf, parent, depth, chains, deepestFirst }
}

function chainOf(parent: Int32Array, start: number, regions: readonly Region[]): Int32Array {
  const chain: number[] = []
  for (let at = start; at >= 0; at = parent[at]!) {
    if (chain.length > regions.length) throw new Error(`region parent cycle at ${regions[start]!.code}`)
    chain.push(at)
  }
  return Int32Array.from(chain)
}

/** True when `ancestor` is `position` itself or one of its ancestors. */
export function isWithin(tree: RegionTree, position: number, ancestor: number): boolean {
  return tree.chains[position]!.includes(ancestor)
}

/**
 * The union of the chains of `positions`, each region once: the regions a site in all of `positions`
 * counts in. This is what keeps a bus line crossing two towns of one county from counting twice there.
 */
export function unionOfChains(tree: RegionTree, positions: readonly number[]): Int32Array {
  if (positions.length === 1) return tree.chains[positions[0]!]!
  const seen = new Set<number>()
  for (const p of positions) for (const at of tree.chains[p]!) seen.add(at)
  return Int32Array.from(seen)
}

/**
 * Sums rows of `values` (row width `width`, one row per region position) up the tree in place: afterwards each
 * row holds itself plus all its descendants. For counts taken at the narrowest region only, which is a third of
 * the writes of counting every site into its whole chain.
 */
export function rollUpRows(tree: RegionTree, values: Int32Array | Float64Array, width: number): void {
  for (const position of tree.deepestFirst) {
    const parent = tree.parent[position]!
    if (parent < 0) continue
    const from = position * width, to = parent * width
    for (let j = 0; j < width; j++) values[to + j]! += values[from + j]!
  }
}
