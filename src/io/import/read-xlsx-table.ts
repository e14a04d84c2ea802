import { ImportError } from '../import-error'
import type { RawRecord, ReadOptions, SourceTable } from './source-table'
import { openWorkbook, type XlsxWorkbook } from './xlsx-sheet-reader'
import { readSheetRows, type SheetRows } from './xlsx-sheet-scan'

// Import no longer reads with exceljs; its loader lives in io/load-excel and is re-exported for existing callers.
export { loadExcel } from '../load-excel'

/** The parts a workbook's sheets are read with (the sheets themselves are unzipped only when read). */
const WORKBOOK_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'])

/** An XLSX workbook as a table: one sheet (the chosen one, else the first with data rows), header in row 1. */
export async function readXlsxTable(file: string, bytes: Uint8Array, options: ReadOptions): Promise<SourceTable> {
  if (bytes.length === 0) throw new ImportError({ file }, 'the file is empty')
  const { unzipSync } = await import('fflate')
  let book: XlsxWorkbook
  try {
    book = openWorkbook(unzipSync(bytes, { filter: (entry) => WORKBOOK_PARTS.has(entry.name) }))
  } catch (error) {
    throw new ImportError({ file }, `not an XLSX workbook (${(error as Error).message})`)
  }
  const sheetRows = (path: string): SheetRows => {
    return readSheetRows(book, unzipSync(bytes, { filter: (entry) => entry.name === path })[path] ?? new Uint8Array())
  }
  const { name, rows } = pickSheet(book, sheetRows, file, options.sheet)
  const { columns, records, rowNumbers } = tableOfRows(rows, `${file} [${name}]`)
  return { file, format: 'xlsx', columns, records, rowNumbers, geometries: null, sheets: book.sheets.map((s) => s.name), sheet: name }
}

function pickSheet(book: XlsxWorkbook, sheetRows: (path: string) => SheetRows, file: string, name: string | undefined): { name: string, rows: SheetRows } {
  if (name !== undefined) {
    const chosen = book.sheets.find((s) => s.name === name)
    if (!chosen) throw new ImportError({ file }, `no sheet named "${name}"`)
    return { name, rows: sheetRows(chosen.path) }
  }
  if (book.sheets.length === 0) throw new ImportError({ file }, 'the workbook has no sheets')
  let first: { name: string, rows: SheetRows } | null = null
  for (const sheet of book.sheets) {
    const read = { name: sheet.name, rows: sheetRows(sheet.path) }
    if (read.rows.size > 1) return read
    first ??= read
  }
  return first!
}

function tableOfRows(rows: SheetRows, file: string): Pick<SourceTable, 'columns' | 'records' | 'rowNumbers'> {
  const header = rows.get(1) ?? []
  const columns = Array.from(header, (c) => c ?? '')
  if (columns.filter(Boolean).length === 0) throw new ImportError({ file, row: 1 }, 'the sheet is empty (no header row)')
  const records: RawRecord[] = []
  const rowNumbers: number[] = []
  for (const [rowNumber, cells] of [...rows].sort((a, b) => a[0] - b[0])) {
    // Cells right of the header are not part of the table; a row with none left is an empty row.
    if (rowNumber === 1 || !cells.slice(0, columns.length).some((v) => v !== undefined)) continue
    const record: RawRecord = {}
    columns.forEach((column, c) => {
      if (column) record[column] = cells[c] ?? ''
    })
    records.push(record)
    rowNumbers.push(rowNumber)
  }
  if (records.length === 0) throw new ImportError({ file, row: 2 }, 'the sheet has a header but no data rows')
  return { columns, records, rowNumbers }
}
