import type { FeatureCollection } from 'geojson'
import type { Site } from '../../core/model'
import { loadExcel } from '../import/read-xlsx-table'
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

/** One sheet of a workbook to write. */
export interface SheetData {
  name: string
  header: string[]
  rows: Array<Array<string | number | null>>
}

/** Writes sheets into an XLSX file: a bold, frozen header row and columns wide enough for their header. */
export async function writeWorkbook(sheets: readonly SheetData[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcel()
  const workbook = new ExcelJS.Workbook()
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    worksheet.addRow(sheet.header).font = { bold: true }
    for (const row of sheet.rows) worksheet.addRow(row)
    worksheet.columns.forEach((column, i) => (column.width = Math.max(10, sheet.header[i]!.length * 2 + 2)))
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
