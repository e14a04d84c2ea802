import { decodeTextAs, findBinaryByte } from '../decode-text'
import { ImportError } from '../import-error'
import type { RawRecord, ReadOptions, SourceTable } from './source-table'

/**
 * A CSV file as a table: UTF-8 (with or without BOM) or GBK/GB18030, detected unless the user chose; the
 * delimiter is guessed (comma, semicolon, tab, bar). A file that is empty, binary, has one column only or
 * a broken row (a missing closing quote, a cut-off last line) is refused with the row, so nothing half-read
 * is ever imported.
 */
export async function readCsvTable(file: string, bytes: Uint8Array, options: ReadOptions): Promise<SourceTable> {
  if (bytes.length === 0) throw new ImportError({ file }, 'the file is empty')
  const binaryAt = findBinaryByte(bytes)
  if (binaryAt >= 0) throw new ImportError({ file }, `not a text file (binary byte 0x${bytes[binaryAt]!.toString(16).padStart(2, '0')} at offset ${binaryAt})`)
  const { default: Papa } = await import('papaparse')
  const { text, encoding } = decodeTextAs(bytes, options.encoding)
  if (text.trim() === '') throw new ImportError({ file }, 'the file is empty')
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' })
  const [header = [], ...rows] = parsed.data
  const columns = header.map((c) => c.trim())
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes')
  if (quoteError) throw new ImportError({ file, row: (quoteError.row ?? 0) + 1 }, `${quoteError.message} (is the file cut off?)`)
  if (columns.length < 2) {
    throw new ImportError({ file, row: 1 }, `only one column "${columns[0] ?? ''}" in the header: the delimiter is not a comma, semicolon, tab or bar`)
  }
  if (rows.length === 0) throw new ImportError({ file, row: 2 }, 'the file has a header but no data rows')
  const records: RawRecord[] = []
  const rowNumbers: number[] = []
  rows.forEach((cells, i) => {
    // A cut-off last line (or a stray delimiter) leaves a row with fewer cells than the header.
    if (cells.length < columns.length) throw new ImportError({ file, row: i + 2, field: columns[cells.length] }, `${cells.length} of ${columns.length} fields: the row is incomplete (is the file cut off?)`)
    const record: RawRecord = {}
    columns.forEach((column, c) => (record[column] = cells[c]))
    records.push(record)
    rowNumbers.push(i + 2)
  })
  return { file, format: 'csv', columns, records, rowNumbers, geometries: null, encoding }
}
