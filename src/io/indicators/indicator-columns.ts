import { INDICATOR_KEYS, type IndicatorKey } from '../../core/model'

/**
 * How an indicator table is laid out. long: one row per (region, month, indicator) with a value column;
 * wide: one row per (region, month) with a column per indicator (what operators' monthly sheets look like).
 */
export type IndicatorLayout = 'long' | 'wide'

/** Which column holds what, and the unit each indicator is reported in (the user's choice, from the guess). */
export interface IndicatorMapping {
  layout: IndicatorLayout
  /** Region by code (12-digit or its 6/9-digit prefix) or by name. */
  region: string
  month: string
  /** long: the column naming the indicator, and the one with its value. */
  indicator: string
  value: string
  /** wide: the column of each indicator. */
  columns: Partial<Record<IndicatorKey, string>>
  /** What one unit of a reported figure is worth: 1, 10,000 (万) or 100,000,000 (亿). */
  scale: Partial<Record<IndicatorKey, number>>
}

/** The scales a figure may be reported in. */
export const INDICATOR_SCALES = [1, 10_000, 100_000_000] as const

const REGION_ALIASES = ['区域', '地区', '镇街', '镇街名称', '镇（街道）', '街道', '乡镇', '区划', '区划代码', '行政区划', '行政区划代码', '区县', '机构', 'region', 'area', 'district', 'town', 'region code', 'code', 'name']
const MONTH_ALIASES = ['月份', '统计月份', '报告月份', '日期', '统计日期', '统计时间', '时间', '报告期', '期间', '年月', 'month', 'date', 'period']
const INDICATOR_COLUMN_ALIASES = ['指标', '指标名称', '项目', '统计项', 'indicator', 'metric', 'item']
const VALUE_ALIASES = ['数值', '值', '累计值', '累计数', '指标值', '数据', 'value', 'total']

/** Names an indicator goes by, in a header or a cell: exact names first, then words a longer name contains. */
const INDICATOR_ALIASES: Record<IndicatorKey, { exact: string[], contains: string[] }> = {
  personal_wallets: { exact: ['personal wallets', 'personal wallet', 'personal_wallets', 'personal'], contains: ['个人钱包', '个人数字钱包'] },
  corporate_wallets: { exact: ['corporate wallets', 'corporate wallet', 'corporate_wallets', 'corporate'], contains: ['对公钱包', '对公数字钱包', '单位钱包', '企业钱包'] },
  transaction_count: { exact: ['transaction count', 'transactions', 'transaction_count', 'count', '笔数'], contains: ['交易笔数', '消费笔数', '交易次数', '交易量'] },
  transaction_amount_yuan: { exact: ['transaction amount', 'amount', 'transaction_amount', 'transaction_amount_yuan', '金额'], contains: ['交易金额', '交易额', '消费金额'] },
}

/** A header or cell without its decoration: NFKC (full-width brackets and digits), lower case, single spaces. */
export function normaliseLabel(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[_\s]+/g, ' ').trim()
}

/** The words in brackets ("交易金额(万元)" → "万元"), and the label without them. */
function splitUnit(text: string): { label: string, unit: string } {
  const normal = normaliseLabel(text)
  const unit = [...normal.matchAll(/[([{【]([^)\]}】]*)[)\]}】]/g)].map((m) => m[1]).join(' ')
  return { label: normal.replace(/[([{【][^)\]}】]*[)\]}】]/g, '').trim(), unit }
}

/** The indicator a header or cell names ("个人钱包开立数（万户）", "Transaction amount"), or null. */
export function indicatorOfLabel(text: string): IndicatorKey | null {
  const { label } = splitUnit(text)
  if (label === '') return null
  const exact = INDICATOR_KEYS.find((key) => INDICATOR_ALIASES[key].exact.includes(label) || INDICATOR_ALIASES[key].contains.includes(label))
  return exact ?? INDICATOR_KEYS.find((key) => INDICATOR_ALIASES[key].contains.some((word) => label.includes(word))) ?? null
}

/** The scale a label states: 亿 → 100,000,000; 万 → 10,000 (in brackets, or right after the indicator's name); else null. */
export function scaleOfLabel(text: string): number | null {
  const { label, unit } = splitUnit(text)
  const key = indicatorOfLabel(text)
  const word = key ? INDICATOR_ALIASES[key].contains.find((w) => label.includes(w)) : undefined
  const suffix = word ? label.slice(label.indexOf(word) + word.length) : ''
  const stated = `${unit} ${suffix}`
  if (/亿/.test(stated)) return 100_000_000
  if (/万/.test(stated) || /\b(10k|ten thousands?)\b/.test(stated)) return 10_000
  return null
}

const findColumn = (columns: readonly string[], aliases: readonly string[], used: Set<string>): string =>
  columns.find((c) => !used.has(c) && aliases.includes(splitUnit(c).label)) ?? ''

/**
 * Guesses the layout and the columns from the header: a column per indicator makes it wide, an "指标" column
 * long. Units stated in a header ("交易金额(万元)") set that indicator's scale.
 */
export function guessIndicatorMapping(columns: readonly string[]): IndicatorMapping {
  const used = new Set<string>()
  const take = (aliases: readonly string[]): string => {
    const column = findColumn(columns, aliases, used)
    if (column) used.add(column)
    return column
  }
  const region = take(REGION_ALIASES)
  const month = take(MONTH_ALIASES)
  const indicator = take(INDICATOR_COLUMN_ALIASES)
  const wide: IndicatorMapping['columns'] = {}
  const scale: IndicatorMapping['scale'] = {}
  for (const column of columns) {
    const key = used.has(column) ? null : indicatorOfLabel(column)
    if (!key || wide[key]) continue
    wide[key] = column
    used.add(column)
    const stated = scaleOfLabel(column)
    if (stated) scale[key] = stated
  }
  const value = indicator ? take(VALUE_ALIASES) : ''
  const layout: IndicatorLayout = indicator && Object.keys(wide).length === 0 ? 'long' : 'wide'
  return { layout, region, month, indicator: layout === 'long' ? indicator : '', value: layout === 'long' ? value : '', columns: layout === 'wide' ? wide : {}, scale }
}
