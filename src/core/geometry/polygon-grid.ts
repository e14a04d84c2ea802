import type { Position } from 'geojson'
import { EDGE_CROSSES, EDGE_ON, testEdge } from './edge-test'
import { IntList } from './int-list'

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
  /**
   * Per entry of boundaryEdges, the edge's y-range within its cell's row quantized to 0..65535 (lo, hi; widened
   * by one step, so never narrower than the true range): an exact query rejects most edges from these 4 bytes
   * read in order, instead of fetching each edge's coordinates from all over the edge array.
   */
  readonly boundaryBands: Uint16Array
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
const MIN_CELLS = 1 << 16
/** Cells across a typical part, at least. */
const DETAIL = 6
const MAX_CELLS = 1 << 22
/** Edges are registered in every cell within this fraction of a cell, so float rounding never hides an edge. */
const MARGIN = 1e-6
const OUTSIDE = -1
/** Steps of the quantized edge y-ranges in boundaryBands. */
const BAND_STEPS = 65535
/** Boundary cell 0 has no edges: it marks cells where parts overlap. */
const OVERLAP = -2

interface EdgeSet { edges: Float64Array, edgePart: Int32Array, minX: number, minY: number, maxX: number, maxY: number }

/** Flattens the parts' rings into one edge array (sized up front: no growing), closing rings that are not closed. */
function collectEdges(parts: Position[][][]): EdgeSet {
  let count = 0
  for (const rings of parts) for (const ring of rings) count += ringEdgeCount(ring)
  const edges = new Float64Array(count * 4), edgePart = new Int32Array(count)
  let e = 0
  for (let part = 0; part < parts.length; part++) {
    for (const ring of parts[part]!) {
      const n = ring.length, edgeCount = ringEdgeCount(ring)
      for (let i = 0; i < edgeCount; i++, e++) {
        const a = ring[i]!, b = ring[i + 1 === n ? 0 : i + 1]!
        edges[4 * e] = a[0]!
        edges[4 * e + 1] = a[1]!
        edges[4 * e + 2] = b[0]!
        edges[4 * e + 3] = b[1]!
        edgePart[e] = part
      }
    }
  }
  return { edges, edgePart, ...boundsOf(edges) }
}

function ringEdgeCount(ring: Position[]): number {
  const n = ring.length
  if (n < 2) return 0
  const first = ring[0]!, last = ring[n - 1]!
  return first[0] === last[0] && first[1] === last[1] ? n - 1 : n
}

/** Every vertex starts an edge, so the edges' start points give the bounds. */
function boundsOf(edges: Float64Array): { minX: number, minY: number, maxX: number, maxY: number } {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (let i = 0; i < edges.length; i += 4) {
    const x = edges[i]!, y = edges[i + 1]!
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  return { minX, minY, maxX, maxY }
}

type GridFrame = Omit<PolygonGrid, 'cells' | 'boundaryStart' | 'boundaryEdges' | 'boundaryBands' | 'edges' | 'edgePart' | 'scratch' | 'partCount'>

/**
 * Picks a grid of about CELLS_PER_EDGE cells per edge, and at least fine enough that a typical part spans
 * DETAIL cells across (few, small polygons such as clusters would otherwise sit in a handful of boundary
 * cells); near-square cells, padded so no vertex is on the grid's rim.
 */
function chooseFrame(set: EdgeSet, cellsPerEdge: number): GridFrame {
  const edgeCount = set.edgePart.length
  if (edgeCount === 0) return { minX: 0, minY: 0, cellW: 1, cellH: 1, invW: 1, invH: 1, cols: 1, rows: 1 }
  const span = Math.max(set.maxX - set.minX, set.maxY - set.minY, 1e-9)
  const pad = span * 1e-6
  const minX = set.minX - pad, minY = set.minY - pad
  const width = set.maxX + pad - minX, height = set.maxY + pad - minY
  const detailCell = medianPartSize(set) / DETAIL
  const forDetail = detailCell > 0 ? (width / detailCell) * (height / detailCell) : 0
  const target = Math.min(MAX_CELLS, Math.max(MIN_CELLS, edgeCount * cellsPerEdge, forDetail))
  const cols = Math.max(1, Math.round(Math.sqrt((target * width) / height)))
  const rows = Math.max(1, Math.round(target / cols))
  const cellW = width / cols, cellH = height / rows
  return { minX, minY, cellW, cellH, invW: 1 / cellW, invH: 1 / cellH, cols, rows }
}

/** Median over parts of the larger side of the part's bounding box. */
function medianPartSize(set: EdgeSet): number {
  const parts = set.edgePart.length > 0 ? set.edgePart[set.edgePart.length - 1]! + 1 : 0
  const box = new Float64Array(parts * 4).fill(Infinity)
  for (let p = 0; p < parts; p++) box[4 * p + 2] = box[4 * p + 3] = -Infinity
  for (let i = 0; i < set.edgePart.length; i++) {
    const p = 4 * set.edgePart[i]!, x = set.edges[4 * i]!, y = set.edges[4 * i + 1]!
    box[p] = Math.min(box[p]!, x)
    box[p + 1] = Math.min(box[p + 1]!, y)
    box[p + 2] = Math.max(box[p + 2]!, x)
    box[p + 3] = Math.max(box[p + 3]!, y)
  }
  const sizes = Array.from({ length: parts }, (_, p) => Math.max(box[4 * p + 2]! - box[4 * p]!, box[4 * p + 3]! - box[4 * p + 1]!))
    .filter((size) => size > 0 && Number.isFinite(size)).sort((a, b) => a - b)
  return sizes.length > 0 ? sizes[sizes.length >> 1]! : 0
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

/**
 * Registers every edge in the cells it touches, numbers the boundary cells in cell order (a row's boundary cells are
 * neighbours in memory too) and builds their edge lists: a counting pass, then a filling pass. Clean cells are left
 * 0 for labelCleanCells.
 */
function registerEdges(frame: GridFrame, set: EdgeSet): Pick<PolygonGrid, 'cells' | 'boundaryStart' | 'boundaryEdges' | 'boundaryBands'> {
  const n = set.edgePart.length, e = set.edges
  const { cols, rows, minX, minY, invW, invH, cellH } = frame
  const mx = marginOf(frame.cellW, minX), my = marginOf(cellH, minY)
  const spill = new IntList(64)
  // Pass 1: each edge's cell, or -1 when it touches several, and the edges per cell, counted in the label array.
  const cells = new Int32Array(cols * rows)
  const edgeCell = new Int32Array(n)
  let boundaryCount = 1, total = 0
  for (let i = 0; i < n; i++) {
    const x1 = e[4 * i]!, y1 = e[4 * i + 1]!, x2 = e[4 * i + 2]!, y2 = e[4 * i + 3]!
    // Most edges of a detailed boundary are far shorter than a cell: one cell, no row walk.
    const c0 = Math.floor((Math.min(x1, x2) - mx - minX) * invW), c1 = Math.floor((Math.max(x1, x2) + mx - minX) * invW)
    const r0 = Math.floor((Math.min(y1, y2) - my - minY) * invH), r1 = Math.floor((Math.max(y1, y2) + my - minY) * invH)
    if (c0 === c1 && r0 === r1 && c0 >= 0 && c0 < cols && r0 >= 0 && r0 < rows) {
      const cell = r0 * cols + c0
      edgeCell[i] = cell
      if (cells[cell]!++ === 0) boundaryCount++
      total++
      continue
    }
    edgeCell[i] = -1
    spill.length = 0
    pushSegmentCells(frame, x1, y1, x2, y2, spill)
    for (let k = 0; k < spill.length; k++) if (cells[spill.data[k]!]!++ === 0) boundaryCount++
    total += spill.length
  }
  // Boundary cells are numbered from 1: 0 is the empty list that marks overlaps.
  const boundaryStart = new Int32Array(boundaryCount + 1)
  const boundaryRowY = new Float64Array(boundaryCount)
  let b = 1, at = 0
  for (let r = 0, cell = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, cell++) {
      const count = cells[cell]!
      if (count === 0) continue
      boundaryStart[b] = at
      boundaryRowY[b] = minY + r * cellH
      at += count
      cells[cell] = -(b++ + 2)
    }
  }
  boundaryStart[boundaryCount] = total
  // Pass 2: each edge into the lists of its cells, with its quantized y-range in that cell's row.
  const cursor = boundaryStart.slice(0, boundaryCount)
  const boundaryEdges = new Int32Array(total), boundaryBands = new Uint16Array(2 * total)
  const scale = invH * BAND_STEPS
  for (let i = 0; i < n; i++) {
    const single = edgeCell[i]!
    if (single < 0) {
      spill.length = 0
      pushSegmentCells(frame, e[4 * i]!, e[4 * i + 1]!, e[4 * i + 2]!, e[4 * i + 3]!, spill)
    }
    const ylo = Math.min(e[4 * i + 1]!, e[4 * i + 3]!), yhi = Math.max(e[4 * i + 1]!, e[4 * i + 3]!)
    for (let k = 0, count = single >= 0 ? 1 : spill.length; k < count; k++) {
      const b = -cells[single >= 0 ? single : spill.data[k]!]! - 2, j = cursor[b]!++
      boundaryEdges[j] = i
      // The edge's y-range within the row, widened by a step (see PolygonGrid.boundaryBands).
      const lo = Math.floor((ylo - boundaryRowY[b]!) * scale) - 1, hi = Math.ceil((yhi - boundaryRowY[b]!) * scale) + 1
      boundaryBands[2 * j] = lo < 0 ? 0 : lo > BAND_STEPS ? BAND_STEPS : lo
      boundaryBands[2 * j + 1] = hi < 0 ? 0 : hi > BAND_STEPS ? BAND_STEPS : hi
    }
  }
  return { cells, boundaryStart, boundaryEdges, boundaryBands }
}

/** Builds the grid index over `parts` (each part: one Polygon's rings, outer first); `cellsPerEdge` tunes its resolution. */
export function buildPolygonGrid(parts: Position[][][], cellsPerEdge = CELLS_PER_EDGE): PolygonGrid {
  const set = collectEdges(parts)
  const frame = chooseFrame(set, cellsPerEdge)
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
 * Labels every clean cell. A run of clean cells along a row holds no edge, so the whole run lies in one part, outside
 * every part, or in the same overlap; so does a clean cell directly below a clean cell, as no edge touches the
 * border they share. A run therefore takes the label of any clean cell above it, and only a run with none above
 * (the top of a part, the underside of an overhang) is located exactly, by the query's own walk left from its first
 * cell's centre to the previous run of its row, which is labelled already.
 */
function labelCleanCells(g: PolygonGrid): void {
  const { cols, rows, cells } = g
  const inside: number[] = []
  for (let r = 0; r < rows; r++) {
    const base = r * cols
    let c = 0
    while (c < cols) {
      // Not labelled yet, in this row from c on: clean cells hold 0, boundary cells -3 or less.
      if (cells[base + c]! < 0) {
        c++
        continue
      }
      let end = c + 1
      while (end < cols && cells[base + end] === 0) end++
      let label = OUTSIDE, fromAbove = false
      for (let k = base - cols + c, stop = base - cols + end; r > 0 && k < stop; k++) {
        if (cells[k]! >= OVERLAP) {
          label = cells[k]!
          fromAbove = true
          break
        }
      }
      if (!fromAbove) {
        inside.length = 0
        locateExact(g, g.minX + (c + 0.5) * g.cellW, g.minY + (r + 0.5) * g.cellH, r, c - 1, inside, true)
        label = inside.length === 0 ? OUTSIDE : inside.length === 1 ? inside[0]! : OVERLAP
      }
      cells.fill(label, base + c, base + end)
      c = end
    }
  }
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
 * Exact answer in a boundary cell. With q a point of the nearest clean cell on the same row (its border towards p;
 * or -∞ past the grid's left end), p is in part P iff q is in P xor an odd number of P's edges cross segment qp;
 * every edge that can cross qp is registered in the boundary cells between them. An edge through p itself puts p
 * on P's boundary, which counts as inside. testEdge, like turf, casts its ray towards -x, so "crosses the ray from
 * p xor the ray from q" is exactly "crosses qp", whichever side q is on. `leftOnly`: q must be on the left (the
 * labelling, where the cells to the right are not labelled yet).
 */
function locateExact(g: PolygonGrid, px: number, py: number, r: number, c: number, all?: number[], leftOnly = false): number {
  const s = g.scratch
  const now = ++s.now
  let touchedCount = 0
  const rowBase = r * g.cols, cells = g.cells
  // The nearest clean cell: step left and right in turn (left only when told, or past the grid's right end).
  let k = c, right = -1
  for (let j = c + 1; k >= 0 && cells[rowBase + k]! < OUTSIDE; j++) {
    k--
    if (!leftOnly && j < g.cols && cells[rowBase + j]! >= OUTSIDE) {
      right = j
      break
    }
  }
  const qLabel = right >= 0 ? cells[rowBase + right]! : k >= 0 ? cells[rowBase + k]! : OUTSIDE
  const qx = right >= 0 ? g.minX + right * g.cellW : k >= 0 ? g.minX + (k + 1) * g.cellW : -Infinity
  const from = right >= 0 ? c : k + 1, to = right >= 0 ? right - 1 : c
  const band = (py - g.minY - r * g.cellH) * g.invH * BAND_STEPS
  const { boundaryStart, boundaryEdges, boundaryBands } = g
  for (let cc = from; cc <= to; cc++) {
    const b = -cells[rowBase + cc]! - 2
    for (let j = boundaryStart[b]!, end = boundaryStart[b + 1]!; j < end; j++) {
      // An edge entirely above or below the row line can neither cross it nor hold p: most edges end here,
      // on their quantized range, without touching their coordinates.
      if (boundaryBands[2 * j + 1]! < band - 1 || boundaryBands[2 * j]! > band + 1) continue
      const edge = boundaryEdges[j]!
      const y1 = g.edges[4 * edge + 1]!, y2 = g.edges[4 * edge + 3]!
      if ((y1 > py && y2 > py) || (y1 < py && y2 < py) || s.stamp[edge] === now) continue
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
