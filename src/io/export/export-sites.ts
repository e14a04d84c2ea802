import type { FeatureCollection } from 'geojson'
import type { Site } from '../../core/model'
import { loadExcel } from '../load-excel'
import { csvDocument } from './csv-text'

/** The columns of a site export, in the Chinese names the import recognises, so an export imports again. */
export const SITE_EXPORT_COLUMNS = ['编号', '名称', '类型', '状态', '经度', '纬度', '运营机构', '受理方式', '计划上线日期', '上线日期', '数量', '地址'] as const

/** One row per site (a line gives its first position); codes as stored (merchant, live, icbc). */
export function siteExportRows(sites: readonly Site[]): Array<Array<string | number>> {
  return sites.map((s) => {
    const [lng, lat] = s.geometry.type === 'Point' ? s.geometry.coordinates : s.geometry.coordinates[0]!
    return [s.id, s.name, s.kind, s.status, lng!, lat!, s.operator ?? '', s.methods.join('、'), s.plannedDate ?? '', s.liveDate ?? '', s.units, s.address ?? '']
  })
}

/** Sites as CSV, UTF-8 with BOM. */
export function sitesToCsv(sites: readonly Site[]): string {
  return csvDocument(SITE_EXPORT_COLUMNS, siteExportRows(sites))
}

/** Sites as a GeoJSON FeatureCollection (WGS-84), every model field as a property. */
export function sitesToGeoJson(sites: readonly Site[]): string {
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: sites.map(({ geometry, attributes, ...fields }) => ({ type: 'Feature', id: fields.id, geometry, properties: { ...attributes, ...fields } })),
  }
  return JSON.stringify(collection)
}

/** Sites as an XLSX workbook with one sheet (exceljs, loaded on first use). */
export async function sitesToXlsx(sites: readonly Site[], sheetName = '站点'): Promise<Uint8Array> {
  return writeWorkbook([{ name: sheetName, header: [...SITE_EXPORT_COLUMNS], rows: siteExportRows(sites) }])
}

/** A number shown as a percentage (0.3 → 30.0%). */
export interface PercentCell {
  percent: number
}

/** One cell: text, a number, a date (written as an Excel date), a percentage, or empty. */
export type SheetCell = string | number | Date | PercentCell | null

/** One sheet of a workbook to write. */
export interface SheetData {
  name: string
  header: string[]
  rows: SheetCell[][]
}

/** Display width of a cell's text in Excel's character units: a CJK character takes two. */
function textWidth(cell: SheetCell): number {
  if (cell === null) return 0
  if (cell instanceof Date) return 10
  if (typeof cell === 'object') return 6
  const text = typeof cell === 'number' ? cell.toLocaleString('en-US') : cell
  let width = 0
  for (const char of text) width += /[\u2e80-\uffff]/.test(char) ? 2 : 1
  return width
}

/** Column widths wide enough for the header and the longest cell (of the first 1,000 rows), within 8–60. */
export function columnWidths(sheet: SheetData): number[] {
  return sheet.header.map((title, c) => {
    const widest = sheet.rows.slice(0, 1_000).reduce((max, row) => Math.max(max, textWidth(row[c] ?? null)), textWidth(title))
    return Math.min(60, Math.max(8, widest + 2))
  })
}

/**
 * Writes sheets into an XLSX file: a bold, frozen header row, columns sized to their content, dates as Excel
 * dates and percentages as numbers with a percent format (so they sort and sum in Excel).
 */
export async function writeWorkbook(sheets: readonly SheetData[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcel()
  const workbook = new ExcelJS.Workbook()
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    worksheet.addRow(sheet.header).font = { bold: true }
    for (const row of sheet.rows) {
      const added = worksheet.addRow(row.map((cell) => (cell !== null && typeof cell === 'object' && !(cell instanceof Date) ? cell.percent : cell)))
      row.forEach((cell, c) => {
        if (cell instanceof Date) added.getCell(c + 1).numFmt = 'yyyy-mm-dd'
        else if (cell !== null && typeof cell === 'object') added.getCell(c + 1).numFmt = '0.0%'
      })
    }
    columnWidths(sheet).forEach((width, i) => (worksheet.getColumn(i + 1).width = width))
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
