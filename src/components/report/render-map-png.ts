import type { TargetStatus } from '@/core/targets/evaluate-target'
import { A4_LANDSCAPE_300DPI, type PrintMapLayout } from '@/core/workspace/print-map'
import type { TownRow } from '@/core/workspace/town-view'
import { COUNTY_LINE_COLOR, TARGET_STATUS_COLORS, TOWN_LINE_COLOR } from '@/map/status-style'

/** The words of the figure, in the user's language. */
export interface MapFigureTexts {
  title: string
  subtitle: string
  legendTitle: string
  status: (status: TargetStatus | 'none') => string
  townLine: (row: TownRow) => string
  gapLine: (row: TownRow) => string | null
  north: string
  scale: (meters: number) => string
  /** The towns' figures beside the map: a header and one row of cells per town. */
  table: { header: string[], cells: (row: TownRow) => string[] }
  /** Attribution and notes, one line each, printed at the foot. */
  footer: string[]
}

/** The fonts the app itself asks for: CJK faces first, so Chinese never falls back to boxes. */
const FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif'
const font = (px: number, weight = 400): string => `${weight} ${px}px ${FONT_FAMILY}`
/** Fill opacity of the towns, as on the report page's map (the outlines and labels stay readable). */
export const FILL_ALPHA = 0.55
const MARGIN = 130
const PANEL_WIDTH = 760
const HEAD = 330
const FOOT = 200

/** Where the map's frame sits on the page, and its size: what layoutPrintMap is given. */
export function mapFrame(): { x: number, y: number, width: number, height: number } {
  const { width, height } = A4_LANDSCAPE_300DPI
  return { x: MARGIN, y: HEAD, width: width - 2 * MARGIN - PANEL_WIDTH - 60, height: height - HEAD - FOOT }
}

function drawAreas(ctx: CanvasRenderingContext2D, layout: PrintMapLayout): void {
  const towns = layout.areas.filter((a) => a.level === 'town')
  ctx.globalAlpha = FILL_ALPHA
  for (const area of towns) {
    ctx.fillStyle = TARGET_STATUS_COLORS[area.status ?? 'none']
    ctx.fill(new Path2D(area.path), 'evenodd')
  }
  ctx.globalAlpha = 1
  ctx.setLineDash([14, 9])
  ctx.lineWidth = 3
  ctx.strokeStyle = TOWN_LINE_COLOR
  for (const area of towns) ctx.stroke(new Path2D(area.path))
  ctx.setLineDash([])
  ctx.lineWidth = 7
  ctx.strokeStyle = COUNTY_LINE_COLOR
  for (const area of layout.areas.filter((a) => a.level !== 'town')) ctx.stroke(new Path2D(area.path))
}

function haloText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number): void {
  ctx.lineWidth = 10
  ctx.strokeStyle = '#ffffff'
  ctx.lineJoin = 'round'
  ctx.strokeText(text, x, y)
  ctx.fillText(text, x, y)
}

function drawLabels(ctx: CanvasRenderingContext2D, layout: PrintMapLayout, texts: MapFigureTexts): void {
  ctx.textAlign = 'center'
  ctx.fillStyle = '#1f2d3a'
  for (const { x, y, row } of layout.labels) {
    ctx.font = font(50, 700)
    haloText(ctx, row.name, x, y - 10)
    ctx.font = font(34)
    haloText(ctx, texts.townLine(row), x, y + 38)
    const gap = texts.gapLine(row)
    if (gap) haloText(ctx, gap, x, y + 80)
  }
}

function drawNorthAndScale(ctx: CanvasRenderingContext2D, layout: PrintMapLayout, texts: MapFigureTexts): void {
  const nx = layout.width - 110, ny = 60
  ctx.fillStyle = '#1f2d3a'
  ctx.beginPath()
  ctx.moveTo(nx, ny)
  ctx.lineTo(nx + 36, ny + 120)
  ctx.lineTo(nx, ny + 92)
  ctx.lineTo(nx - 36, ny + 120)
  ctx.closePath()
  ctx.fill()
  ctx.font = font(46, 700)
  ctx.textAlign = 'center'
  ctx.fillText(texts.north, nx, ny + 180)
  const { px, meters } = layout.scaleBar
  const sx = 40, sy = layout.height - 60
  ctx.fillStyle = '#1f2d3a'
  ctx.fillRect(sx, sy, px / 2, 18)
  ctx.strokeStyle = '#1f2d3a'
  ctx.lineWidth = 3
  ctx.strokeRect(sx, sy, px, 18)
  ctx.font = font(34)
  ctx.textAlign = 'left'
  ctx.fillText('0', sx - 8, sy - 14)
  ctx.textAlign = 'center'
  ctx.fillText(texts.scale(meters), sx + px, sy - 14)
}

const STATUS_ORDER: Array<TargetStatus | 'none'> = ['met', 'on_track', 'at_risk', 'off_track', 'open', 'none']

function drawLegend(ctx: CanvasRenderingContext2D, layout: PrintMapLayout, texts: MapFigureTexts, x: number, y: number): void {
  ctx.textAlign = 'left'
  ctx.fillStyle = '#1f2d3a'
  ctx.font = font(44, 700)
  ctx.fillText(texts.legendTitle, x, y)
  let row = y + 40
  for (const status of STATUS_ORDER) {
    const count = layout.statusCounts[status]
    if (!count && (status === 'open' || status === 'none')) continue
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(x, row, 90, 56)
    ctx.globalAlpha = FILL_ALPHA
    ctx.fillStyle = TARGET_STATUS_COLORS[status]
    ctx.fillRect(x, row, 90, 56)
    ctx.globalAlpha = 1
    ctx.strokeStyle = TOWN_LINE_COLOR
    ctx.lineWidth = 3
    ctx.strokeRect(x, row, 90, 56)
    ctx.fillStyle = '#1f2d3a'
    ctx.font = font(38)
    ctx.fillText(`${texts.status(status)}（${count ?? 0}）`, x + 120, row + 42)
    row += 84
  }
}

/** The towns' figures as a table: name left, numbers right-aligned, each row's status as a swatch. */
function drawTownTable(ctx: CanvasRenderingContext2D, layout: PrintMapLayout, texts: MapFigureTexts, x: number, y: number): void {
  const stops = [x + 40, x + 420, x + 600, x + PANEL_WIDTH]
  const cell = (text: string, column: number, top: number): void => {
    ctx.textAlign = column === 0 ? 'left' : 'right'
    ctx.fillText(text, stops[column]!, top)
  }
  ctx.fillStyle = '#44525f'
  ctx.font = font(30, 700)
  texts.table.header.forEach((text, c) => cell(text, c, y))
  ctx.font = font(32)
  layout.labels.forEach(({ row }, i) => {
    const top = y + 60 + i * 54
    ctx.globalAlpha = FILL_ALPHA
    ctx.fillStyle = TARGET_STATUS_COLORS[row.status ?? 'none']
    ctx.fillRect(x, top - 26, 26, 26)
    ctx.globalAlpha = 1
    ctx.fillStyle = '#1f2d3a'
    texts.table.cells(row).forEach((text, c) => cell(text, c, top))
  })
}

/**
 * Draws the map figure at A4 landscape, 300 dpi: title and date, the towns coloured by target status with their
 * figures, legend, north arrow, scale bar and the data's attribution, and returns it as a PNG.
 */
export async function renderMapPng(layout: PrintMapLayout, texts: MapFigureTexts): Promise<Blob> {
  const { width, height } = A4_LANDSCAPE_300DPI
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')!
  // System CJK fonts are drawn once loaded; asking first avoids a fallback face on the first draw.
  await Promise.all([font(50, 700), font(38)].map((f) => document.fonts.load(f, '数字人民币')))
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  ctx.fillStyle = '#1f2d3a'
  ctx.textAlign = 'left'
  ctx.font = font(84, 700)
  ctx.fillText(texts.title, MARGIN, MARGIN + 70)
  ctx.font = font(44)
  ctx.fillStyle = '#44525f'
  ctx.fillText(texts.subtitle, MARGIN, MARGIN + 150)
  const frame = mapFrame()
  ctx.save()
  ctx.translate(frame.x, frame.y)
  drawAreas(ctx, layout)
  drawLabels(ctx, layout, texts)
  drawNorthAndScale(ctx, layout, texts)
  ctx.restore()
  ctx.strokeStyle = '#b9c4ce'
  ctx.lineWidth = 3
  ctx.strokeRect(frame.x, frame.y, frame.width, frame.height)
  drawLegend(ctx, layout, texts, frame.x + frame.width + 60, frame.y + 40)
  drawTownTable(ctx, layout, texts, frame.x + frame.width + 60, frame.y + 640)
  ctx.fillStyle = '#44525f'
  ctx.font = font(32)
  ctx.textAlign = 'left'
  texts.footer.forEach((line, i) => ctx.fillText(line, MARGIN, height - FOOT + 80 + i * 46))
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'))
}
