import type { CellValue, Workbook } from 'exceljs'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readSourceTable } from '@/io/import/adapters'
import { columnIndex, isDateFormat, serialToIsoDate } from '@/io/import/xlsx-sheet-reader'
import { loadExcel } from '@/io/load-excel'
import { fixture } from './fixtures'

/** How exceljs shows a cell (the reader this one replaced): the reference the fast reader must agree with. */
function exceljsText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value !== 'object') return String(value).trim()
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim()
  if ('result' in value) return exceljsText(value.result as CellValue)
  return 'text' in value ? String(value.text).trim() : ''
}

/** Every non-empty cell of a sheet as exceljs reads it: "row:column" → text. */
async function exceljsCells(bytes: Uint8Array, sheet: string): Promise<Record<string, string>> {
  const workbook = new (await loadExcel()).Workbook()
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  const cells: Record<string, string> = {}
  workbook.getWorksheet(sheet)!.eachRow((row, r) => row.eachCell((cell, c) => {
    const text = exceljsText(cell.value)
    if (text !== '') cells[`${r}:${c}`] = text
  }))
  return cells
}

/** The same cells as the import table holds them (header row 1 included). */
async function importedCells(bytes: Uint8Array, sheet: string): Promise<Record<string, string>> {
  const table = await readSourceTable('book.xlsx', bytes, { sheet })
  const cells: Record<string, string> = {}
  table.columns.forEach((column, c) => column !== '' && (cells[`1:${c + 1}`] = column))
  table.records.forEach((record, i) => table.columns.forEach((column, c) => {
    const text = String(record[column] ?? '')
    if (text !== '') cells[`${table.rowNumbers[i]}:${c + 1}`] = text
  }))
  return cells
}

async function writeWith(build: (workbook: Workbook) => void): Promise<Uint8Array> {
  const workbook = new (await loadExcel()).Workbook()
  build(workbook)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

const WIDE = Array.from({ length: 30 }, (_, i) => `列${i + 1}`)

describe('the XLSX reader agrees with exceljs', () => {
  it('on the fixture workbooks', async () => {
    const bytes = fixture('sites-two-sheets.xlsx')
    expect(await importedCells(bytes, '商户台账')).toEqual(await exceljsCells(bytes, '商户台账'))
    // Without a choice, the first sheet with rows below its header: here the notes sheet, as exceljs chose.
    expect(await readSourceTable('t.xlsx', bytes)).toMatchObject({ sheets: ['说明', '商户台账'], sheet: '说明', rowNumbers: [2, 3] })
    const table = await readSourceTable('t.xlsx', bytes, { sheet: '商户台账' })
    expect(table.records[0]).toMatchObject({ 编号: 'm1', 经度: '116.411111', 上线日期: '2023-03-01' })
  })

  it('on numbers, dates, formulas, rich text, empty cells and columns past Z', async () => {
    const bytes = await writeWith((workbook) => {
      const sheet = workbook.addWorksheet('台账')
      sheet.addRow(WIDE)
      sheet.addRow(['甲 & <乙>', 116.503097, new Date('2023-06-30T00:00:00Z'), null, { formula: 'B2*2', result: 233.006194 }, { richText: [{ text: '富' }, { text: '文本' }] }, true, -0.5, 1e-7, ...Array(20).fill(null), 'AD 列'])
      sheet.addRow(Array(26).fill(null).concat(['AA 列']))
      sheet.addRow([])
      sheet.addRow(['第五行', 36.1, new Date('1999-12-31T00:00:00Z')])
      sheet.getCell('C5').numFmt = 'yyyy"年"m"月"d"日"'
    })
    const cells = await importedCells(bytes, '台账')
    expect(cells).toEqual(await exceljsCells(bytes, '台账'))
    expect(cells).toMatchObject({ '2:1': '甲 & <乙>', '2:3': '2023-06-30', '2:5': '233.006194', '2:30': 'AD 列', '3:27': 'AA 列', '5:3': '1999-12-31' })
  })

  it('in the 1904 date system', async () => {
    const bytes = await writeWith((workbook) => {
      workbook.properties.date1904 = true
      const sheet = workbook.addWorksheet('1904')
      sheet.addRow(['名称', '上线日期'])
      sheet.addRow(['甲', new Date('2023-03-01T00:00:00Z')])
    })
    expect(await importedCells(bytes, '1904')).toEqual({ '1:1': '名称', '1:2': '上线日期', '2:1': '甲', '2:2': '2023-03-01' })
  })
})

/** A workbook written by hand, with what exceljs never writes: inline strings, phonetic runs, cells without r. */
function handWritten(sheetXml: string, styles = ''): Uint8Array {
  const rels = '<Relationships><Relationship Id="rId9" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>'
  return zipSync({
    'xl/workbook.xml': strToU8('<workbook><workbookPr date1904="false"/><sheets><sheet name="A&amp;B" sheetId="1" r:id="rId9"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/sharedStrings.xml': strToU8('<sst><si><t>名称</t></si><si><r><t>平阴</t></r><r><t xml:space="preserve"> 超市</t></r><rPh sb="0" eb="2"><t>ピンイン</t></rPh></si><si><t/></si></sst>'),
    'xl/styles.xml': strToU8(`<styleSheet>${styles}<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="164"/></cellXfs></styleSheet>`),
    'xl/worksheets/data.xml': strToU8(`<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`),
  })
}

describe('the XLSX reader on hand-written parts', () => {
  it('reads inline strings, rich shared strings without their phonetic runs, and cells without a reference', async () => {
    const bytes = handWritten(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c t="inlineStr"><is><t>日期</t></is></c><c t="inlineStr"><is><t>代码</t></is></c></row>'
      + '<row><c t="s"><v>1</v></c><c s="1"><v>45107</v></c><c t="str"><f>A1</f><v>&#x41;&#66;</v></c></row>'
      + '<row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4" s="2"><v>45000.75</v></c><c r="C4" t="b"><v>1</v></c></row>'
      + '<row r="5"><c r="A5" t="e"><v>#N/A</v></c></row>',
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;/&quot;m&quot;/&quot;d"/></numFmts>',
    )
    const table = await readSourceTable('hand.xlsx', bytes, {})
    expect(table).toMatchObject({ sheets: ['A&B'], columns: ['名称', '日期', '代码'], rowNumbers: [2, 4] })
    expect(table.records).toEqual([{ 名称: '平阴 超市', 日期: '2023-06-30', 代码: 'AB' }, { 名称: '', 日期: '2023-03-15', 代码: 'true' }])
  })

  it('refuses what is not a workbook', async () => {
    await expect(readSourceTable('junk.xlsx', strToU8('not a zip at all'), {})).rejects.toThrow('junk.xlsx: not an XLSX workbook')
    await expect(readSourceTable('other.xlsx', zipSync({ 'word/document.xml': strToU8('<w/>') }), {})).rejects.toThrow('not an XLSX workbook (no xl/workbook.xml)')
  })

  it('knows column letters, date formats and both date systems', () => {
    expect([columnIndex('A'), columnIndex('Z'), columnIndex('AA'), columnIndex('AZ'), columnIndex('XFD')]).toEqual([0, 25, 26, 51, 16383])
    expect([isDateFormat('yyyy/m/d'), isDateFormat('[$-804]yyyy"年"m"月"'), isDateFormat('0.00_);[Red](0.00)'), isDateFormat('"days"0'), isDateFormat('General')]).toEqual([true, true, false, false, false])
    expect([serialToIsoDate(1, false), serialToIsoDate(59, false), serialToIsoDate(61, false), serialToIsoDate(45107, false), serialToIsoDate(0, true), serialToIsoDate(43645, true)])
      .toEqual(['1900-01-01', '1900-02-28', '1900-03-01', '2023-06-30', '1904-01-01', '2023-06-30'])
  })
})
