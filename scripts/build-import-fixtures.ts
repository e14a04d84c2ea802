/**
 * Builds the import fixtures (test/fixtures/import/): real-shaped registers and boundaries, and broken files.
 * Run with `npx tsx scripts/build-import-fixtures.ts`; the outputs are small and committed, this rebuilds them.
 * Everything is deterministic (no clock, a seeded generator for the junk file).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { zipSync } from 'fflate'
import gcoord from 'gcoord'
import ExcelJS from 'exceljs'

const OUT = resolve(import.meta.dirname, '../test/fixtures/import')
const write = (name: string, data: string | Uint8Array): void => writeFileSync(resolve(OUT, name), data)

/** Two square towns side by side: 榆山街道 116.40–116.45, 锦水街道 116.45–116.50, both 36.25–36.30. */
const TOWNS = [
  { code: '370124001000', name: '榆山街道', west: 116.4 },
  { code: '370124002000', name: '锦水街道', west: 116.45 },
]
const square = (west: number): number[][] => [[west, 36.25], [west + 0.05, 36.25], [west + 0.05, 36.3], [west, 36.3], [west, 36.25]]

/** The register every site fixture carries (WGS-84): id, name, kind, status, lng, lat, operator, live date. */
export const REGISTER = [
  ['m1', '榆山超市', '商户', '已开通', 116.411111, 36.261111, '工商银行', '2023-03-01'],
  ['m2', '榆山餐馆', '商户', '改造中', 116.422222, 36.272222, '农行', ''],
  ['s1', '锦水小学', '学校', '已受理', 116.461234, 36.281234, '中国银行', '2023-05-20'],
  ['h1', '锦水卫生院', '医院/卫生院', '待对接', 116.473456, 36.263456, '', ''],
  ['p1', '平阴邮政网点', '邮政网点', '已对接', 116.432109, 36.291098, '邮储', ''],
] as const

/** GBK bytes of a text, from the inverse of the platform's GBK decoder (Node has no GBK encoder). */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number[]>()
  const decoder = new TextDecoder('gbk')
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]))
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail])
    }
  }
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else bytes.push(...(table.get(char) ?? [0x3f]))
  }
  return new Uint8Array(bytes)
}

const csv = (rows: ReadonlyArray<ReadonlyArray<string | number>>): string => rows.map((r) => r.join(',')).join('\r\n') + '\r\n'

function buildCsvFixtures(): void {
  const header = ['编号', '名称', '类型', '状态', '经度', '纬度', '运营机构', '上线日期']
  write('sites-utf8-bom.csv', '\uFEFF' + csv([header, ...REGISTER]))
  // Excel on Chinese Windows: GBK, CRLF, a different column order and no id column.
  write('sites-gbk.csv', encodeGbk(csv([['名称', '地址', '经度', '纬度', '类型', '状态'], ...REGISTER.map((r) => [r[1], `平阴县${r[1]}路1号`, r[4], r[5], r[2], r[3]])])))
  // An AMap (Gaode) export: GCJ-02 positions near the east edge, so as WGS-84 they fall outside the towns.
  const amap = REGISTER.map((r, i) => {
    const [x, y] = gcoord.transform([116.4975 + i * 0.0004, 36.26 + i * 0.005], gcoord.WGS84, gcoord.GCJ02) as [number, number]
    return [r[1], `锦水街道${i + 1}号`, x.toFixed(7), y.toFixed(7), '商户']
  })
  write('amap-gcj02.csv', '\uFEFF' + csv([['名称', '地址', '经度(GCJ02)', '纬度(GCJ02)', '类型'], ...amap]))
}

function buildBrokenFixtures(): void {
  const full = csv([['编号', '名称', '经度', '纬度'], ['a', '"甲店"', 116.41, 36.26], ['b', '"乙店', 116.42, 36.27]])
  write('broken-truncated.csv', full.slice(0, full.indexOf('"乙店') + 3))
  write('broken-delimiter.csv', '编号，名称，经度，纬度\r\na，甲店，116.41，36.26\r\n')
  write('broken-empty.csv', '')
  let seed = 42
  const junk = new Uint8Array(2048).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff)
  write('broken-junk.csv', junk)
  write('broken-dms.csv', '\uFEFF' + csv([['名称', '经度', '纬度'], ['甲店', '116°27′', '36°16′'], ['乙店', '116°25′30″', '36°15′']]))
  const bowTie = { type: 'Polygon', coordinates: [[[116.4, 36.25], [116.45, 36.3], [116.45, 36.25], [116.4, 36.3], [116.4, 36.25]]] }
  write('broken-self-intersection.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '370124009000', name: '交叉镇' }, geometry: bowTie }] }))
}

async function buildXlsxFixtures(): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const notes = workbook.addWorksheet('说明')
  notes.addRows([['本表为平阴县数字人民币受理商户台账'], ['坐标系：WGS-84'], ['填报单位：榆山街道办']])
  const sheet = workbook.addWorksheet('商户台账')
  sheet.addRow(['编号', '名称', '类型', '状态', '经度', '纬度', '运营机构', '上线日期'])
  // Excel stores dates as dates and coordinates as numbers: read them back as the same text as the CSV.
  for (const r of REGISTER) sheet.addRow([r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] ? new Date(`${r[7]}T00:00:00Z`) : null])
  write('sites-two-sheets.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))
  const empty = new ExcelJS.Workbook()
  empty.addWorksheet('商户台账').addRow(['编号', '名称', '经度', '纬度'])
  write('broken-zero-rows.xlsx', new Uint8Array(await empty.xlsx.writeBuffer()))
}

function buildKml(): void {
  const placemark = (r: typeof REGISTER[number]): string => `    <Placemark>
      <name>${r[1]}</name>
      <ExtendedData><Data name="编号"><value>${r[0]}</value></Data><Data name="状态"><value>${r[3]}</value></Data><Data name="类型"><value>${r[2]}</value></Data></ExtendedData>
      <Point><coordinates>${r[4]},${r[5]},0</coordinates></Point>
    </Placemark>`
  const town = (t: typeof TOWNS[number]): string => `    <Placemark><name>${t.name}</name><ExtendedData><Data name="code"><value>${t.code}</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>${square(t.west).map((p) => p.join(',')).join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`
  const doc = (body: string[]): string => `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n  <Document>\n${body.join('\n')}\n  </Document>\n</kml>\n`
  write('sites.kml', doc(REGISTER.map(placemark)))
  write('towns.kml', doc(TOWNS.map(town)))
}

function buildTownsGeoJson(): void {
  // The first ring is left unclosed and the second repeats a point: both are trivial repairs.
  const rings = [square(TOWNS[0]!.west).slice(0, 4), [square(TOWNS[1]!.west)[0]!, ...square(TOWNS[1]!.west)]]
  const features = TOWNS.map((t, i) => ({ type: 'Feature', properties: { 区划代码: t.code, 名称: t.name }, geometry: { type: 'Polygon', coordinates: [rings[i]] } }))
  write('towns.geojson', JSON.stringify({ type: 'FeatureCollection', features }, null, 1))
}

interface DbfField { name: string, width: number }

/** A dBASE III table of character fields, names and values GBK-encoded (what Chinese ArcGIS writes). */
function dbf(fields: DbfField[], rows: string[][]): Uint8Array {
  const headerLength = 32 + fields.length * 32 + 1
  const recordLength = 1 + fields.reduce((n, f) => n + f.width, 0)
  const out = new Uint8Array(headerLength + rows.length * recordLength + 1)
  const view = new DataView(out.buffer)
  out[0] = 0x03
  view.setUint32(4, rows.length, true)
  view.setUint16(8, headerLength, true)
  view.setUint16(10, recordLength, true)
  fields.forEach((f, i) => {
    out.set(encodeGbk(f.name).subarray(0, 10), 32 + i * 32)
    out[32 + i * 32 + 11] = 'C'.charCodeAt(0)
    out[32 + i * 32 + 16] = f.width
  })
  out[headerLength - 1] = 0x0d
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength
    out[at++] = 0x20
    fields.forEach((f, i) => {
      const cell = new Uint8Array(f.width).fill(0x20)
      cell.set(encodeGbk(row[i] ?? '').subarray(0, f.width))
      out.set(cell, at)
      at += f.width
    })
  })
  out[out.length - 1] = 0x1a
  return out
}

/** A .shp of records given as [shape type, content bytes]; the file header's box is the records' extent. */
function shp(type: number, contents: Uint8Array[], box: number[]): Uint8Array {
  const length = 100 + contents.reduce((n, c) => n + 8 + c.length, 0)
  const out = new Uint8Array(length)
  const view = new DataView(out.buffer)
  view.setInt32(0, 9994)
  view.setInt32(24, length / 2)
  view.setInt32(28, 1000, true)
  view.setInt32(32, type, true)
  box.forEach((v, i) => view.setFloat64(36 + i * 8, v, true))
  let at = 100
  contents.forEach((c, i) => {
    view.setInt32(at, i + 1)
    view.setInt32(at + 4, c.length / 2)
    out.set(c, at + 8)
    at += 8 + c.length
  })
  return out
}

function pointContent(x: number, y: number): Uint8Array {
  const view = new DataView(new ArrayBuffer(20))
  view.setInt32(0, 1, true)
  view.setFloat64(4, x, true)
  view.setFloat64(12, y, true)
  return new Uint8Array(view.buffer)
}

function polygonContent(ring: number[][]): Uint8Array {
  const view = new DataView(new ArrayBuffer(44 + 4 + ring.length * 16))
  view.setInt32(0, 5, true)
  const xs = ring.map((p) => p[0]!), ys = ring.map((p) => p[1]!)
  ;[Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => view.setFloat64(4 + i * 8, v, true))
  view.setInt32(36, 1, true)
  view.setInt32(40, ring.length, true)
  view.setInt32(44, 0, true)
  ring.forEach((p, i) => {
    view.setFloat64(48 + i * 16, p[0]!, true)
    view.setFloat64(56 + i * 16, p[1]!, true)
  })
  return new Uint8Array(view.buffer)
}

const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'

function buildShapefiles(): void {
  const box = [116.4, 36.25, 116.5, 36.3, 0, 0, 0, 0]
  // No .cpg: the reader must detect GBK in the .dbf (or take the user's choice).
  write('sites-shp-gbk.zip', zipSync({
    'sites.shp': shp(1, REGISTER.map((r) => pointContent(r[4], r[5])), box),
    'sites.dbf': dbf([{ name: '编号', width: 8 }, { name: '名称', width: 40 }, { name: '类型', width: 20 }, { name: '状态', width: 12 }], REGISTER.map((r) => [r[0], r[1], r[2], r[3]])),
    'sites.prj': new TextEncoder().encode(WGS84_PRJ),
  }))
  // Shapefile outer rings run clockwise: the squares reversed.
  write('towns-shp-gbk.zip', zipSync({
    'towns.shp': shp(5, TOWNS.map((t) => polygonContent(square(t.west).reverse())), box),
    'towns.dbf': dbf([{ name: 'CODE', width: 12 }, { name: 'NAME', width: 20 }], TOWNS.map((t) => [t.code, t.name])),
    'towns.prj': new TextEncoder().encode(WGS84_PRJ),
    'towns.cpg': new TextEncoder().encode('GBK'),
  }))
}

/**
 * Indicator reports (test/fixtures/indicators/) as operators send them. The GBK CSV is wide (a column per
 * indicator, the amount in 万元, months as 2023年6月, towns by name, a 合计 row); the XLSX is long (one row per
 * indicator, towns by code or its 9-digit prefix, months as date cells) on its second sheet. Both carry the
 * mistakes the validation must name: an unknown town, a bad month, a non-numeric figure, a repeated row.
 */
async function buildIndicatorFixtures(): Promise<void> {
  const out = resolve(OUT, '../indicators')
  mkdirSync(out, { recursive: true })
  const wide = [
    ['镇街', '月份', '个人钱包（个）', '对公钱包（个）', '交易笔数', '交易金额（万元）'],
    ['榆山街道', '2023年6月', '"12,345"', '210', '8800', '356.5'],
    ['锦水街道', '2023年6月', '9870', '150', '6100', '201.25'],
    ['合计', '2023年6月', '22215', '360', '14900', '557.75'],
    ['榆山', '2023年7月', '13002', '221', '9400', '380'],
    ['平阴新区', '2023年7月', '100', '1', '10', '1'],
    ['锦水街道', '2023年13月', '10010', '155', '6300', '210'],
    ['锦水街道', '2023年7月', '约一万', '158', '6420', ''],
    ['榆山街道', '2023年6月', '"12,345"', '210', '8800', '356.5'],
  ]
  writeFileSync(resolve(out, 'indicators-wide-gbk.csv'), encodeGbk(csv(wide)))
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('填报说明').addRows([['各运营机构于每月末最后两个工作日报送'], ['金额单位见指标名称']])
  const sheet = workbook.addWorksheet('指标月报')
  sheet.addRow(['区划代码', '月份', '指标', '数值'])
  const june = new Date('2023-06-01T00:00:00Z'), july = new Date('2023-07-01T00:00:00Z')
  sheet.addRows([
    [370124001000, june, '个人钱包', 12345],
    [370124001000, june, '交易金额（万元）', 356.5],
    ['370124002', june, '对公钱包', 150],
    [370124002000, july, '交易笔数', 6420],
    [370124002000, july, '交易笔数', 6500],
    [370124999000, july, '个人钱包', 50],
    [370124001000, july, '手续费', 12],
  ])
  sheet.getColumn(2).numFmt = 'yyyy"年"m"月"'
  writeFileSync(resolve(out, 'indicators-long.xlsx'), new Uint8Array(await workbook.xlsx.writeBuffer()))
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  await buildIndicatorFixtures()
  buildCsvFixtures()
  buildBrokenFixtures()
  await buildXlsxFixtures()
  buildKml()
  buildTownsGeoJson()
  buildShapefiles()
}

await main()
