import {
  ACCEPTANCE_METHODS, OPERATORS, SITE_KINDS, SITE_STATUSES,
  type AcceptanceMethod, type Operator, type Site, type SiteKind, type SiteStatus,
} from '../../core/model'
import { isIsoDate } from '../../core/targets/dates'
import { ImportError, type ImportLocation } from '../import-error'

/** One input record: column or property name → raw value. */
export type RawRecord = Record<string, unknown>

/** Column names accepted for each site field (English names match case-insensitively). */
export const FIELD_ALIASES = {
  id: ['id', 'site_id', '编号', '序号', '商户编号', '网点编号'],
  name: ['name', '名称', '商户名称', '场景名称', '单位名称', '商户名', '网点名称'],
  kind: ['kind', 'type', '类型', '场景类型', '场景'],
  status: ['status', '状态'],
  plannedDate: ['planned_date', 'planneddate', '计划上线日期', '计划日期'],
  liveDate: ['live_date', 'livedate', 'go-live date', 'go_live_date', '上线日期', '受理日期', '开通日期'],
  units: ['units', '数量', '车辆数'],
  operator: ['operator', 'bank', '运营机构', '合作银行'],
  methods: ['methods', '受理方式'],
  address: ['address', '地址'],
  lng: ['lng', 'lon', 'long', 'longitude', 'x', '经度'],
  lat: ['lat', 'latitude', 'y', '纬度'],
} as const
export type SiteField = keyof typeof FIELD_ALIASES

const KIND_LABELS: Record<string, SiteKind> = {
  '商户': 'merchant', '学校': 'school', '医院': 'hospital', '医疗机构': 'hospital', '诊所': 'hospital', '卫生室': 'hospital',
  '公交线路': 'bus_line', '公交': 'bus_line', '邮政网点': 'postal_outlet', '邮政': 'postal_outlet', '水电气暖': 'utility_point',
  '缴费点': 'utility_point', '停车': 'parking', '停车场': 'parking', '文旅体育场馆': 'venue', '场馆': 'venue', '办税服务厅': 'tax_hall',
  '代发工资单位': 'payroll_unit', '工会': 'union', '社区': 'community', '公益': 'charity', '慈善': 'charity', '其他': 'other',
  '医院/卫生院': 'hospital', '卫生院': 'hospital', '缴费网点': 'utility_point', '文体场馆': 'venue', '公益慈善': 'charity', '餐饮': 'merchant', '零售': 'merchant',
}
const STATUS_LABELS: Record<string, SiteStatus> = {
  候选: 'candidate', 待拓展: 'candidate', 已联系: 'contacted', 已对接: 'contacted', 改造中: 'retrofitting',
  已受理: 'live', 已上线: 'live', 已开通: 'live', 暂停: 'suspended', 已暂停: 'suspended', 待对接: 'candidate',
}
const OPERATOR_LABELS: Record<string, Operator> = {
  工行: 'icbc', 工商银行: 'icbc', 农行: 'abc', 农业银行: 'abc', 中行: 'boc', 中国银行: 'boc', 建行: 'ccb', 建设银行: 'ccb',
  交行: 'bocom', 交通银行: 'bocom', 邮储: 'psbc', 邮储银行: 'psbc', 招行: 'cmb', 招商银行: 'cmb', 兴业: 'cib', 兴业银行: 'cib',
  网商银行: 'mybank', 微众银行: 'webank', 中国工商银行: 'icbc', 中国农业银行: 'abc', 中国建设银行: 'ccb', 中国邮政储蓄银行: 'psbc',
}
const METHOD_LABELS: Record<string, AcceptanceMethod> = { 静态码: 'static_qr', 碰一碰: 'nfc', 双离线: 'dual_offline', POS: 'pos', 线上: 'online' }

/** Maps each site field to the column that holds it in `columns`, or undefined. */
export function mapColumns(columns: readonly string[]): Partial<Record<SiteField, string>> {
  const mapping: Partial<Record<SiteField, string>> = {}
  for (const field of Object.keys(FIELD_ALIASES) as SiteField[]) {
    const aliases: readonly string[] = FIELD_ALIASES[field]
    const column = columns.find((c) => aliases.includes(c.trim().toLowerCase()))
    if (column !== undefined) mapping[field] = column
  }
  return mapping
}

function text(record: RawRecord, column: string | undefined): string {
  const value = column === undefined ? undefined : record[column]
  return value === undefined || value === null ? '' : String(value).trim()
}

/** The model value a raw enum value stands for (its code in any case, or a Chinese label), or undefined. */
function recognise<T extends string>(raw: string, codes: readonly T[], labels: Record<string, T>): T | undefined {
  return (codes as readonly string[]).includes(raw.toLowerCase()) ? raw.toLowerCase() as T : labels[raw]
}

/** Reads an enum field given as its code or a Chinese label; empty gives the fallback. */
function choice<T extends string>(raw: string, codes: readonly T[], labels: Record<string, T>, fallback: T, at: ImportLocation): T {
  if (raw === '') return fallback
  const found = recognise(raw, codes, labels)
  if (!found) throw new ImportError(at, `unknown value "${raw}" (expected one of ${codes.join(', ')})`)
  return found
}

/**
 * The user's value mapping for the enum fields a register spells its own way: raw value (trimmed) → model
 * value, or null to reject the rows that carry it. Values not listed are read as usual (code or Chinese label).
 */
export interface ValueMapping {
  status?: Record<string, SiteStatus | null>
  kind?: Record<string, SiteKind | null>
}

/** The enum fields a ValueMapping covers. */
export type MappedField = keyof ValueMapping

/** What the import recognises by itself for a raw value of `field` ('' → the default), or null. */
export function recogniseValue(field: MappedField, raw: string): SiteStatus | SiteKind | null {
  if (raw === '') return field === 'status' ? 'candidate' : 'merchant'
  return (field === 'status' ? recognise(raw, SITE_STATUSES, STATUS_LABELS) : recognise(raw, SITE_KINDS, KIND_LABELS)) ?? null
}

/** An enum field through the user's mapping first, then the usual reading. */
function mappedChoice<T extends string>(raw: string, mapped: Record<string, T | null> | undefined, read: () => T, at: ImportLocation): T {
  if (!mapped || !Object.hasOwn(mapped, raw)) return read()
  const value = mapped[raw]
  if (value === null || value === undefined) throw new ImportError(at, `value "${raw}" is set to be rejected in the value mapping`)
  return value
}

/** Accepts 2023-06-30, 2023/6/30 and 2023.6.30; empty gives null. */
export function parseDate(raw: string, at: ImportLocation): string | null {
  if (raw === '') return null
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw)
  const iso = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : ''
  if (!isIsoDate(iso)) throw new ImportError(at, `"${raw}" is not a date (expected YYYY-MM-DD)`)
  return iso
}

/** Reads a number; empty gives the fallback (or an error when there is none). */
export function parseNumber(raw: string, at: ImportLocation, fallback?: number): number {
  if (raw === '' && fallback !== undefined) return fallback
  const value = Number(raw)
  if (raw === '' || !Number.isFinite(value)) throw new ImportError(at, raw === '' ? 'is empty' : `"${raw}" is not a number`)
  return value
}

/** Everything of a site except its geometry, validated; `row` names the record in messages. */
export function siteFields(record: RawRecord, columns: Partial<Record<SiteField, string>>, file: string, row: number, values: ValueMapping = {}): Omit<Site, 'geometry'> {
  const at = (field: SiteField): ImportLocation => ({ file, row, field: columns[field] ?? field })
  const units = parseNumber(text(record, columns.units), at('units'), 1)
  if (units < 0) throw new ImportError(at('units'), 'must not be negative')
  const operator = text(record, columns.operator)
  const kindText = text(record, columns.kind), statusText = text(record, columns.status)
  const methods = text(record, columns.methods).split(/[;,，、|]/).map((m) => m.trim()).filter(Boolean)
  const site: Omit<Site, 'geometry'> = {
    id: text(record, columns.id) || `row-${row}`,
    name: text(record, columns.name),
    kind: mappedChoice(kindText, values.kind, () => choice(kindText, SITE_KINDS, KIND_LABELS, 'merchant', at('kind')), at('kind')),
    status: mappedChoice(statusText, values.status, () => choice(statusText, SITE_STATUSES, STATUS_LABELS, 'candidate', at('status')), at('status')),
    methods: methods.map((m) => choice(m, ACCEPTANCE_METHODS, METHOD_LABELS, 'online', at('methods'))),
    operator: operator === '' ? null : choice(operator, OPERATORS, OPERATOR_LABELS, 'icbc', at('operator')),
    plannedDate: parseDate(text(record, columns.plannedDate), at('plannedDate')),
    liveDate: parseDate(text(record, columns.liveDate), at('liveDate')),
    units,
  }
  const address = text(record, columns.address)
  if (address) site.address = address
  return site
}

/** Reads lng/lat from their columns and checks their range (a swapped pair is the usual mistake). */
export function readLngLat(record: RawRecord, columns: Partial<Record<SiteField, string>>, file: string, row: number): [number, number] {
  const lngAt = { file, row, field: columns.lng ?? 'lng' }, latAt = { file, row, field: columns.lat ?? 'lat' }
  const lng = parseNumber(text(record, columns.lng), lngAt)
  const lat = parseNumber(text(record, columns.lat), latAt)
  if (lng < -180 || lng > 180) throw new ImportError(lngAt, `${lng} is not a longitude`)
  if (lat < -90 || lat > 90) throw new ImportError(latAt, `${lat} is not a latitude (are longitude and latitude swapped?)`)
  return [lng, lat]
}
