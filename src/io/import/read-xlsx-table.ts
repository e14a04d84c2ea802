import type * as ExcelJSModule from 'exceljs'
import type { CellValue, Workbook, Worksheet } from 'exceljs'
import { ImportError } from '../import-error'
import type { RawRecord, ReadOptions, SourceTable } from './source-table'

/** Loads exceljs on first use: it is large and only an XLSX import or export needs it. */
export async function loadExcel(): Promise<typeof ExcelJSModule> {
  const module = await import('exceljs')
  // The CommonJS build arrives as the default export under Vite and Node ESM.
  return (module as unknown as { default?: typeof ExcelJSModule }).default ?? module
}

/** An XLSX workbook as a table: one sheet (the chosen one, else the first with data rows), header in row 1. */
export async function readXlsxTable(file: string, bytes: Uint8Array, options: ReadOptions): Promise<SourceTable> {
  if (bytes.length === 0) throw new ImportError({ file }, 'the file is empty')
  const ExcelJS = await loadExcel()
  const workbook: Workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  } catch (error) {
    throw new ImportError({ file }, `not an XLSX workbook (${(error as Error).message})`)
  }
  const sheets = workbook.worksheets.map((w) => w.name)
  const sheet = pickSheet(workbook, file, options.sheet)
  const { columns, records, rowNumbers } = readSheet(sheet, file)
  return { file, format: 'xlsx', columns, records, rowNumbers, geometries: null, sheets, sheet: sheet.name }
}

function pickSheet(workbook: Workbook, file: string, name: string | undefined): Worksheet {
  if (name !== undefined) {
    const chosen = workbook.getWorksheet(name)
    if (!chosen) throw new ImportError({ file }, `no sheet named "${name}"`)
    return chosen
  }
  const sheet = workbook.worksheets.find((w) => w.actualRowCount > 1) ?? workbook.worksheets[0]
  if (!sheet) throw new ImportError({ file }, 'the workbook has no sheets')
  return sheet
}

function readSheet(sheet: Worksheet, file: string): Pick<SourceTable, 'columns' | 'records' | 'rowNumbers'> {
  const at = { file: `${file} [${sheet.name}]` }
  const header = sheet.getRow(1)
  const columns: string[] = []
  header.eachCell({ includeEmpty: true }, (cell, col) => (columns[col - 1] = cellText(cell.value)))
  if (columns.filter(Boolean).length === 0) throw new ImportError({ ...at, row: 1 }, 'the sheet is empty (no header row)')
  const records: RawRecord[] = []
  const rowNumbers: number[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return
    const record: RawRecord = {}
    let filled = false
    columns.forEach((column, c) => {
      const value = cellText(row.getCell(c + 1).value)
      if (value !== '') filled = true
      if (column) record[column] = value
    })
    if (!filled) return
    records.push(record)
    rowNumbers.push(rowNumber)
  })
  if (records.length === 0) throw new ImportError({ ...at, row: 2 }, 'the sheet has a header but no data rows')
  return { columns: columns.map((c) => c ?? ''), records, rowNumbers }
}

/** A cell as text: dates as ISO dates, formulas by their result, rich text and hyperlinks by their text. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value !== 'object') return String(value).trim()
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim()
  if ('result' in value) return cellText(value.result as CellValue)
  if ('text' in value) return String(value.text).trim()
  if ('error' in value) return ''
  return ''
}
