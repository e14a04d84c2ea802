import type { IndicatorKey, IndicatorObservation, Region } from '../../core/model'
import { monthEnd } from '../../core/workspace/report-data'
import type { RawRecord, SourceTable } from '../import/source-table'
import { createRegionMatcher, parseFigure, parseMonth, type RegionMatch } from './indicator-cells'
import { indicatorOfLabel, scaleOfLabel, type IndicatorMapping } from './indicator-columns'

/** Why a row (or one figure of a wide row) was not imported. */
export const INDICATOR_ISSUES = [
  'region-missing', 'region-unknown', 'region-ambiguous', 'month-missing', 'month-invalid',
  'indicator-unknown', 'value-missing', 'value-invalid', 'duplicate', 'conflict',
] as const
export type IndicatorIssueCode = (typeof INDICATOR_ISSUES)[number]

/** A problem at a row (as the user sees it in the file) and field (the column), with the cell's text. */
export interface IndicatorIssue {
  row: number
  field: string
  code: IndicatorIssueCode
  value: string
  /** duplicate / conflict: the other row giving the same region, month and indicator. */
  otherRow?: number
}

/** One figure read from the file. */
export interface IndicatorFigure {
  row: number
  regionCode: string
  regionName: string
  /** 'YYYY-MM' */
  month: string
  indicator: IndicatorKey
  value: number
}

/** The validation report, and what importing it would change. */
export interface IndicatorAnalysis {
  /** Data rows in the file. */
  rows: number
  figures: IndicatorFigure[]
  issues: IndicatorIssue[]
  /** New observations (dated the month's last day), and existing ones given a new value. */
  added: IndicatorObservation[]
  updated: IndicatorObservation[]
  unchanged: number
}

/** The mapping is usable when it names a region and a month column, and the figures' columns. */
export function mappingComplete(mapping: IndicatorMapping): boolean {
  if (!mapping.region || !mapping.month) return false
  return mapping.layout === 'long' ? !!(mapping.indicator && mapping.value) : Object.values(mapping.columns).some(Boolean)
}

/**
 * Reads every row of an indicator table into figures, rejecting what cannot be read with its row and field, then
 * matches the figures against the plan's observations: one observation per region, month and indicator (an
 * existing one in the same month is updated, so a corrected sheet imported again replaces its figures).
 */
export function analyseIndicators(table: SourceTable, mapping: IndicatorMapping, regions: readonly Region[], rootCode: string, existing: readonly IndicatorObservation[]): IndicatorAnalysis {
  const matchRegion = createRegionMatcher(regions, rootCode)
  const issues: IndicatorIssue[] = []
  const read: IndicatorFigure[] = []
  table.records.forEach((record, i) => {
    const row = table.rowNumbers[i] ?? i + 2
    const where = readWhere(record, mapping, matchRegion, row, issues)
    if (!where) return
    for (const figure of readFigures(record, mapping, row, issues)) read.push({ row, ...where, ...figure })
  })
  const figures = withoutDuplicates(read, issues)
  issues.sort((a, b) => a.row - b.row)
  return { rows: table.records.length, figures, issues, ...reconcile(figures, existing) }
}

function readWhere(record: RawRecord, mapping: IndicatorMapping, matchRegion: (text: string) => RegionMatch, row: number, issues: IndicatorIssue[]): Pick<IndicatorFigure, 'regionCode' | 'regionName' | 'month'> | null {
  const regionText = String(record[mapping.region] ?? '').trim()
  const monthText = String(record[mapping.month] ?? '').trim()
  const match = regionText ? matchRegion(regionText) : null
  const month = monthText ? parseMonth(monthText) : null
  const before = issues.length
  if (!regionText) issues.push({ row, field: mapping.region, code: 'region-missing', value: '' })
  else if (match && 'problem' in match) issues.push({ row, field: mapping.region, code: match.problem === 'ambiguous' ? 'region-ambiguous' : 'region-unknown', value: regionText })
  if (!monthText) issues.push({ row, field: mapping.month, code: 'month-missing', value: '' })
  else if (!month) issues.push({ row, field: mapping.month, code: 'month-invalid', value: monthText })
  if (issues.length > before || !match || !('region' in match) || !month) return null
  return { regionCode: match.region.code, regionName: match.region.name, month }
}

/** The figures of a row: one (long layout) or one per mapped indicator column with a value (wide). */
function readFigures(record: RawRecord, mapping: IndicatorMapping, row: number, issues: IndicatorIssue[]): Array<{ indicator: IndicatorKey, value: number }> {
  if (mapping.layout === 'long') {
    const label = String(record[mapping.indicator] ?? '').trim()
    const indicator = indicatorOfLabel(label)
    if (!indicator) {
      issues.push({ row, field: mapping.indicator, code: 'indicator-unknown', value: label })
      return []
    }
    const value = readValue(record, mapping.value, scaleOfLabel(label) ?? mapping.scale[indicator] ?? 1, row, issues, true)
    return value === null ? [] : [{ indicator, value: roundFigure(indicator, value) }]
  }
  const figures: Array<{ indicator: IndicatorKey, value: number }> = []
  const before = issues.length
  for (const [indicator, column] of Object.entries(mapping.columns) as Array<[IndicatorKey, string]>) {
    if (!column) continue
    const value = readValue(record, column, mapping.scale[indicator] ?? 1, row, issues, false)
    if (value !== null) figures.push({ indicator, value: roundFigure(indicator, value) })
  }
  if (figures.length === 0 && issues.length === before) {
    issues.push({ row, field: Object.values(mapping.columns).filter(Boolean).join(', '), code: 'value-missing', value: '' })
  }
  return figures
}

/** A cell's figure times the scale; an empty cell is an issue only where the row has nothing else (long layout). */
function readValue(record: RawRecord, column: string, scale: number, row: number, issues: IndicatorIssue[], required: boolean): number | null {
  const text = String(record[column] ?? '').trim()
  if (text === '' || text === '-' || text === '—') {
    if (required) issues.push({ row, field: column, code: 'value-missing', value: text })
    return null
  }
  const figure = parseFigure(text)
  if (figure === null) issues.push({ row, field: column, code: 'value-invalid', value: text })
  return figure === null ? null : figure * scale
}

/** Counts are whole; an amount keeps its fen (a figure in 万元 with decimals). */
function roundFigure(indicator: IndicatorKey, value: number): number {
  return indicator === 'transaction_amount_yuan' ? Math.round(value * 100) / 100 : Math.round(value)
}

const keyOf = (f: Pick<IndicatorFigure, 'regionCode' | 'month' | 'indicator'>): string => `${f.regionCode}|${f.month}|${f.indicator}`

/**
 * The same region, month and indicator given twice: with the same value the later row is a duplicate (the first
 * is kept); with another value neither can be trusted, so both are rejected as a conflict.
 */
function withoutDuplicates(figures: IndicatorFigure[], issues: IndicatorIssue[]): IndicatorFigure[] {
  const first = new Map<string, IndicatorFigure>()
  const dropped = new Set<IndicatorFigure>()
  for (const figure of figures) {
    const earlier = first.get(keyOf(figure))
    if (!earlier) {
      first.set(keyOf(figure), figure)
      continue
    }
    dropped.add(figure)
    const field = figure.indicator
    if (earlier.value === figure.value) {
      issues.push({ row: figure.row, field, code: 'duplicate', value: String(figure.value), otherRow: earlier.row })
    } else {
      issues.push({ row: figure.row, field, code: 'conflict', value: String(figure.value), otherRow: earlier.row })
      if (!dropped.has(earlier)) issues.push({ row: earlier.row, field, code: 'conflict', value: String(earlier.value), otherRow: figure.row })
      dropped.add(earlier)
    }
  }
  return figures.filter((figure) => !dropped.has(figure))
}

/** Figures against the plan's observations: added, updated (same region, month, indicator) or unchanged. */
function reconcile(figures: IndicatorFigure[], existing: readonly IndicatorObservation[]): Pick<IndicatorAnalysis, 'added' | 'updated' | 'unchanged'> {
  const current = new Map<string, IndicatorObservation>()
  for (const o of existing.toSorted((a, b) => a.date.localeCompare(b.date))) current.set(keyOf({ ...o, month: o.date.slice(0, 7) }), o)
  const added: IndicatorObservation[] = []
  const updated: IndicatorObservation[] = []
  let unchanged = 0
  for (const figure of figures) {
    const date = monthEnd(figure.month)
    const before = current.get(keyOf(figure))
    if (!before) added.push({ id: `ind-${figure.regionCode}-${figure.month}-${figure.indicator}`, regionCode: figure.regionCode, date, indicator: figure.indicator, value: figure.value })
    else if (before.value === figure.value && before.date === date) unchanged++
    else updated.push({ ...before, date, value: figure.value })
  }
  return { added, updated, unchanged }
}
