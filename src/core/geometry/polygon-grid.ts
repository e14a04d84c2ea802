import type { Position } from 'geojson'
import { EDGE_CROSSES, EDGE_ON, testEdge } from './edge-test'
import { FloatList, groupByKey, IntList } from './int-list'

/**
 * A raster index over a set of polygon parts (each part = one Polygon's rings: outer ring then holes).
 *
 * Every cell of a regular grid over the parts' bounding box is either *clean* — no edge comes near it, so the
 * whole cell lies inside exactly one part or outside all parts, and a point in it is answered by one array read —
 * or a *boundary* cell, which lists the edges that touch it. A point in a boundary cell is answered exactly:
 * walk left along its grid row to the first clean cell, whose answer is known, and count the edges crossed on
 * the way (per part, with the same predicate turf uses). Cells where two parts overlap are treated as boundary
 * cells with no edges, so overlaps are still answered exactly.
 */
export interface PolygonGrid {
  readonly partCount: number
  readonly minX: number
  readonly minY: number
  readonly cellW: number
  readonly cellH: number
  readonly invW: number
  readonly invH: number
  readonly cols: number
  readonly rows: number
  /** ≥ 0: the part covering the whole cell; -1: outside every part; ≤ -2: boundary cell number -(v + 2). */
  readonly cells: Int32Array
  /** Edges of boundary cell b are `boundaryEdges[boundaryStart[b] .. boundaryStart[b + 1])`; b = 0 has none. */
  readonly boundaryStart: Int32Array
  readonly boundaryEdges: Int32Array
  /** x1, y1, x2, y2 per edge, interleaved. */
  readonly edges: Float64Array
  readonly edgePart: Int32Array
  /** Scratch for exact queries (the index is used from one thread at a time). */
  readonly scratch: QueryScratch
}

interface QueryScratch {
  stamp: Int32Array
  /** Query number that last touched each part. */
  partStamp: Int32Array
  now: number
  parity: Uint8Array
  onEdge: Uint8Array
  touched: Int32Array
}

/** Cells per edge: more cells means fewer points fall in boundary cells, at the price of build time and memory. */
const CELLS_PER_EDGE = 4
const MIN_CELLS = 1024
const MAX_CELLS = 1 << 22
/** Edges are registered in every cell within this fraction of a cell, so float rounding never hides an edge. */
const MARGIN = 1e-6
const OUTSIDE = -1
/** Boundary cell 0 has no edges: it marks cells where parts overlap. */
const OVERLAP = -2

interface EdgeSet { edges: Float64Array, edgePart: Int32Array, minX: number, minY: number, maxX: number, maxY: number }

/** Flattens the parts' rings into one edge array, closing rings that are not closed. */
function collectEdges(parts: Position[][][]): EdgeSet {
  const coords = new FloatList(4096)
  const owner = new IntList(1024)
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  parts.forEach((rings, part) => {
    for (const ring of rings) {
      const n = ring.length
      if (n < 2) continue
      const first = ring[0]!, last = ring[n - 1]!
      const closed = first[0] === last[0] && first[1] === last[1]
      const edgeCount = closed ? n - 1 : n
      for (let i = 0; i < edgeCount; i++) {
        const a = ring[i]!, b = ring[(i + 1) % n]!
        coords.push(a[0]!)
        coords.push(a[1]!)
        coords.push(b[0]!)
        coords.push(b[1]!)
        owner.push(part)
        minX = Math.min(minX, a[0]!)
        maxX = Math.max(maxX, a[0]!)
        minY = Math.min(minY, a[1]!)
        maxY = Math.max(maxY, a[1]!)
      }
    }
  })
  return { edges: coords.data.slice(0, coords.length), edgePart: owner.data.slice(0, owner.length), minX, minY, maxX, maxY }
}

type GridFrame = Omit<PolygonGrid, 'cells' | 'boundaryStart' | 'boundaryEdges' | 'edges' | 'edgePart' | 'scratch' | 'partCount'>

/** Picks a grid of about CELLS_PER_EDGE cells per edge with near-square cells, padded so no vertex is on its rim. */
function chooseFrame(set: EdgeSet): GridFrame {
  const edgeCount = set.edgePart.length
  if (edgeCount === 0) return { minX: 0, minY: 0, cellW: 1, cellH: 1, invW: 1, invH: 1, cols: 1, rows: 1 }
  const span = Math.max(set.maxX - set.minX, set.maxY - set.minY, 1e-9)
  const pad = span * 1e-6
  const minX = set.minX - pad, minY = set.minY - pad
  const width = set.maxX + pad - minX, height = set.maxY + pad - minY
  const target = Math.min(MAX_CELLS, Math.max(MIN_CELLS, edgeCount * CELLS_PER_EDGE))
  const cols = Math.max(1, Math.round(Math.sqrt((target * width) / height)))
  const rows = Math.max(1, Math.round(target / cols))
  const cellW = width / cols, cellH = height / rows
  return { minX, minY, cellW, cellH, invW: 1 / cellW, invH: 1 / cellH, cols, rows }
}

/**
 * Pushes every cell whose (margin-grown) box touches segment (x1,y1)→(x2,y2).
 * Rows come from the segment's y-range and, per row, columns from the x-range the segment spans within
 * that row; growing the row by the margin before interpolating keeps near-horizontal segments safe too.
 */
export function pushSegmentCells(g: GridFrame, x1: number, y1: number, x2: number, y2: number, out: IntList): void {
  const mx = marginOf(g.cellW, g.minX), my = marginOf(g.cellH, g.minY)
  const ylo = Math.min(y1, y2) - my, yhi = Math.max(y1, y2) + my
  const exlo = Math.min(x1, x2), exhi = Math.max(x1, x2)
  const r0 = clampIndex(Math.floor((ylo - g.minY) * g.invH), g.rows)
  const r1 = clampIndex(Math.floor((yhi - g.minY) * g.invH), g.rows)
  const dxdy = y1 === y2 ? 0 : (x2 - x1) / (y2 - y1)
  for (let r = r0; r <= r1; r++) {
    let xl = exlo, xr = exhi
    if (r0 !== r1 && y1 !== y2) {
      const ya = Math.max(ylo, g.minY + r * g.cellH - my), yb = Math.min(yhi, g.minY + (r + 1) * g.cellH + my)
      const xa = x1 + (ya - y1) * dxdy, xb = x1 + (yb - y1) * dxdy
      xl = Math.max(exlo, Math.min(xa, xb))
      xr = Math.min(exhi, Math.max(xa, xb))
    }
    const c0 = clampIndex(Math.floor((xl - mx - g.minX) * g.invW), g.cols)
    const c1 = clampIndex(Math.floor((xr + mx - g.minX) * g.invW), g.cols)
    const base = r * g.cols
    for (let c = c0; c <= c1; c++) out.push(base + c)
  }
}

/** The margin for one axis: a small fraction of a cell, but never below float resolution at these coordinates. */
function marginOf(cellSize: number, origin: number): number {
  return Math.max(cellSize * MARGIN, Math.abs(origin) * 1e-12)
}

function clampIndex(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i
}

/** Registers every edge in the cells it touches, numbers the boundary cells and builds their edge lists. */
function registerEdges(frame: GridFrame, set: EdgeSet): Pick<PolygonGrid, 'cells' | 'boundaryStart' | 'boundaryEdges'> {
  const cellIds = new IntList(set.edgePart.length * 3)
  const edgeIds = new IntList(set.edgePart.length * 3)
  const e = set.edges
  for (let i = 0; i < set.edgePart.length; i++) {
    const before = cellIds.length
    pushSegmentCells(frame, e[4 * i]!, e[4 * i + 1]!, e[4 * i + 2]!, e[4 * i + 3]!, cellIds)
    for (let k = before; k < cellIds.length; k++) edgeIds.push(i)
  }
  const cellCount = frame.cols * frame.rows
  const cells = new Int32Array(cellCount).fill(OUTSIDE)
  // Number boundary cells from 1 (0 is the empty list used for overlaps) in cell order.
  const boundaryOf = new IntList(1024)
  let next = 1
  for (let k = 0; k < cellIds.length; k++) {
    const cell = cellIds.data[k]!
    if (cells[cell] === OUTSIDE) cells[cell] = -(next++ + 2)
    boundaryOf.push(-cells[cell]! - 2)
  }
  const grouped = groupByKey(boundaryOf, edgeIds, next)
  return { cells, boundaryStart: grouped.start, boundaryEdges: grouped.values }
}

/** Builds the grid index over `parts` (each part: one Polygon's rings, outer first). */
export function buildPolygonGrid(parts: Position[][][]): PolygonGrid {
  const set = collectEdges(parts)
  const frame = chooseFrame(set)
  const registered = registerEdges(frame, set)
  const grid: PolygonGrid = {
    ...frame,
    ...registered,
    partCount: parts.length,
    edges: set.edges,
    edgePart: set.edgePart,
    scratch: {
      stamp: new Int32Array(set.edgePart.length),
      partStamp: new Int32Array(parts.length),
      now: 0,
      parity: new Uint8Array(parts.length),
      onEdge: new Uint8Array(parts.length),
      touched: new Int32Array(Math.max(1, parts.length)),
    },
  }
  labelCleanCells(grid)
  return grid
}

/**
 * Labels every clean cell with the part containing its centre: for each row, the edges crossing the row's
 * centre line (half-open in y) are sorted by x and swept left to right, toggling each part's parity.
 * Clean cells have no edge nearby, so the centre's answer holds for the whole cell.
 */
function labelCleanCells(g: PolygonGrid): void {
  const { rowStart, xs, parts } = rowCrossings(g)
  const parity = new Uint8Array(g.partCount)
  for (let r = 0; r < g.rows; r++) {
    const s = rowStart[r]!, e = rowStart[r + 1]!
    const order = Array.from({ length: e - s }, (_, i) => s + i).sort((a, b) => xs[a]! - xs[b]!)
    let ptr = 0, inside = 0, sum = 0
    for (let c = 0; c < g.cols; c++) {
      const xc = g.minX + (c + 0.5) * g.cellW
      for (; ptr < order.length && xs[order[ptr]!]! < xc; ptr++) {
        const part = parts[order[ptr]!]!
        parity[part] = parity[part]! ^ 1
        const sign = parity[part] ? 1 : -1
        inside += sign
        sum += sign * part
      }
      const cell = r * g.cols + c
      if (g.cells[cell]! >= OUTSIDE) g.cells[cell] = inside === 0 ? OUTSIDE : inside === 1 ? sum : OVERLAP
    }
    parity.fill(0)
  }
}

/** The x of every edge crossing each row's centre line, grouped by row. */
function rowCrossings(g: PolygonGrid): { rowStart: Int32Array, xs: Float64Array, parts: Int32Array } {
  const rowIds = new IntList(4096)
  const crossingIds = new IntList(4096)
  const xs = new FloatList(4096)
  const e = g.edges
  for (let i = 0; i < g.edgePart.length; i++) {
    const x1 = e[4 * i]!, y1 = e[4 * i + 1]!, x2 = e[4 * i + 2]!, y2 = e[4 * i + 3]!
    if (y1 === y2) continue
    const lo = Math.max(0, Math.floor((Math.min(y1, y2) - g.minY) * g.invH) - 1)
    const hi = Math.min(g.rows - 1, Math.floor((Math.max(y1, y2) - g.minY) * g.invH) + 1)
    for (let r = lo; r <= hi; r++) {
      const yc = g.minY + (r + 0.5) * g.cellH
      if ((y1 <= yc) === (y2 <= yc)) continue
      rowIds.push(r)
      crossingIds.push(xs.length)
      xs.push(x1 + ((yc - y1) * (x2 - x1)) / (y2 - y1))
      xs.push(g.edgePart[i]!)
    }
  }
  const grouped = groupByKey(rowIds, crossingIds, g.rows)
  const n = grouped.values.length
  const sortedXs = new Float64Array(n), parts = new Int32Array(n)
  for (let k = 0; k < n; k++) {
    const at = grouped.values[k]!
    sortedXs[k] = xs.data[at]!
    parts[k] = xs.data[at + 1]!
  }
  return { rowStart: grouped.start, xs: sortedXs, parts }
}

/**
 * The parts containing (px, py), boundary included (as turf does). Returns the lowest such part, or -1;
 * when `all` is given, every containing part is appended to it.
 */
export function locateParts(g: PolygonGrid, px: number, py: number, all?: number[]): number {
  const c = Math.floor((px - g.minX) * g.invW)
  const r = Math.floor((py - g.minY) * g.invH)
  if (!(c >= 0 && c < g.cols && r >= 0 && r < g.rows)) return -1
  const v = g.cells[r * g.cols + c]!
  if (v >= OUTSIDE) {
    if (all && v >= 0) all.push(v)
    return v
  }
  return locateExact(g, px, py, r, c, all)
}

/**
 * Exact answer in a boundary cell. With q the right border of the first clean cell to the left on the same
 * row (or -∞ past the grid), p is in part P iff q is in P xor an odd number of P's edges cross segment qp;
 * every edge that can cross qp is registered in the boundary cells between them. An edge through p itself
 * puts p on P's boundary, which counts as inside. Leftwards because testEdge, like turf, casts its ray
 * towards -x: "crosses the ray from p but not the ray from q" is then exactly "crosses qp".
 */
function locateExact(g: PolygonGrid, px: number, py: number, r: number, c: number, all?: number[]): number {
  const s = g.scratch
  const now = ++s.now
  let touchedCount = 0
  const rowBase = r * g.cols
  let k = c
  while (k >= 0 && g.cells[rowBase + k]! < OUTSIDE) k--
  const qLabel = k >= 0 ? g.cells[rowBase + k]! : OUTSIDE
  const qx = k >= 0 ? g.minX + (k + 1) * g.cellW : -Infinity
  for (let cc = k + 1; cc <= c; cc++) {
    const b = -g.cells[rowBase + cc]! - 2
    for (let j = g.boundaryStart[b]!; j < g.boundaryStart[b + 1]!; j++) {
      const edge = g.boundaryEdges[j]!
      if (s.stamp[edge] === now) continue
      s.stamp[edge] = now
      const part = g.edgePart[edge]!
      const result = crossingAt(g.edges, edge, px, py, qx)
      if (result === 0) continue
      if (s.partStamp[part] !== now) {
        s.partStamp[part] = now
        s.touched[touchedCount++] = part
      }
      if (result === EDGE_ON) s.onEdge[part] = 1
      else s.parity[part] = s.parity[part]! ^ 1
    }
  }
  return collectInside(s, touchedCount, qLabel, all)
}

/** EDGE_ON when the edge goes through p, EDGE_CROSSES when it crosses segment qp, else 0. */
function crossingAt(e: Float64Array, edge: number, px: number, py: number, qx: number): number {
  const x1 = e[4 * edge]!, y1 = e[4 * edge + 1]!, x2 = e[4 * edge + 2]!, y2 = e[4 * edge + 3]!
  const atP = testEdge(x1, y1, x2, y2, px, py)
  if (atP === EDGE_ON) return EDGE_ON
  const atQ = qx === -Infinity ? 0 : testEdge(x1, y1, x2, y2, qx, py)
  return (atP === EDGE_CROSSES) !== (atQ === EDGE_CROSSES) ? EDGE_CROSSES : 0
}

/** Combines the per-part parities with q's known part; resets the scratch for the next query. */
function collectInside(s: QueryScratch, touchedCount: number, qLabel: number, all?: number[]): number {
  let best = -1
  let qSeen = false
  for (let i = 0; i < touchedCount; i++) {
    const part = s.touched[i]!
    const isQ = part === qLabel
    qSeen ||= isQ
    if (s.onEdge[part] || (s.parity[part] === 1) !== isQ) {
      if (best < 0 || part < best) best = part
      all?.push(part)
    }
    s.parity[part] = 0
    s.onEdge[part] = 0
  }
  if (qLabel >= 0 && !qSeen) {
    if (best < 0 || qLabel < best) best = qLabel
    all?.push(qLabel)
  }
  return best
}
