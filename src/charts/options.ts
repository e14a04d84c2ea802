import type { EChartsCoreOption } from 'echarts/core'
import type { TownRow } from '@/core/workspace/town-view'
import type { BurnUp, TargetMarker } from '@/core/workspace/burn-up'
import type { IndicatorSeries, IndicatorTargetMarker } from '@/core/workspace/indicator-series'
import { TARGET_STATUS_COLORS } from '@/map/status-style'

/**
 * Pure option builders: plain data and translated labels in, an ECharts option out. Tests read the numbers
 * back out of the options and compare them with the engine.
 */
export interface TownChartLabels {
  share: string
  target: string
}

/** Share live per town as bars coloured by target status, with the target as a line. */
export function townCoverageOption(rows: TownRow[], labels: TownChartLabels): EChartsCoreOption {
  const threshold = rows.find((r) => r.threshold !== null && r.metric !== 'count')?.threshold ?? null
  return {
    grid: { left: 48, right: 64, top: 24, bottom: 48 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: [{
      name: labels.share,
      type: 'bar',
      data: rows.map((r) => ({ value: r.share, itemStyle: { color: TARGET_STATUS_COLORS[r.status ?? 'none'] === '#ffffff' ? '#9aa3ad' : TARGET_STATUS_COLORS[r.status ?? 'none'] }, code: r.code })),
      label: { show: true, position: 'top', formatter: ({ value }: { value: number }) => `${(value * 100).toFixed(1)}%` },
      markLine: threshold === null ? undefined : { symbol: 'none', label: { formatter: `${labels.target} ${Math.round(threshold * 100)}%` }, lineStyle: { color: '#b3401f', type: 'dashed' }, data: [{ yAxis: threshold }] },
    }],
  }
}

export interface BurnUpLabels {
  live: string
  planned: string
  total: string
}

/** Live and planned cumulative counts by month, with each target as a point at its due month. */
export function burnUpOption(series: BurnUp, markers: TargetMarker[], labels: BurnUpLabels, asOfMonth: string): EChartsCoreOption {
  // What went live is known up to the as-of month only; the planned curve runs on.
  const live = series.live.map((value, i) => ((series.months[i] ?? '') <= asOfMonth ? value : null))
  return {
    grid: { left: 52, right: 20, top: 36, bottom: 40 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.live, labels.planned] },
    xAxis: { type: 'category', data: series.months, boundaryGap: false },
    yAxis: { type: 'value', max: (extent: { max: number }) => Math.max(extent.max, ...markers.map((m) => m.needed)) },
    series: [
      {
        name: labels.live, type: 'line', data: live, areaStyle: { opacity: 0.15 }, itemStyle: { color: '#2e9d5b' },
        markPoint: {
          symbol: 'pin', symbolSize: 38,
          data: markers.filter((m) => series.months.includes(m.month)).map((m) => ({ name: m.title, coord: [m.month, m.needed], value: m.needed, itemStyle: { color: '#b3401f' } })),
        },
        markLine: { symbol: 'none', lineStyle: { color: '#9aa3ad', type: 'dotted' }, label: { formatter: `${labels.total} ${series.total}` }, data: [{ yAxis: series.total }] },
      },
      { name: labels.planned, type: 'line', data: series.planned, lineStyle: { type: 'dashed' }, itemStyle: { color: '#f28e2b' } },
    ],
  }
}

/** Horizontal bars of counts per key (operators, methods), largest first. */
export function breakdownOption(counts: Map<string, number>, labelOf: (key: string) => string, color: string): EChartsCoreOption {
  const entries = [...counts].sort((a, b) => a[1] - b[1])
  return {
    grid: { left: 90, right: 36, top: 8, bottom: 24 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: entries.map(([key]) => labelOf(key)) },
    series: [{ type: 'bar', data: entries.map(([, n]) => n), itemStyle: { color }, label: { show: true, position: 'right' } }],
  }
}

export interface IndicatorChartLabels {
  observed: string
  /** A marker's tooltip line: the target's title and its status. */
  marker: (marker: IndicatorTargetMarker) => string
  /** Axis and marker numbers, compact (400万, 4M). */
  format: (value: number) => string
}

/**
 * One indicator of the root region by month as a line, each target as a pin at its due month and a dashed line
 * at its threshold up to that month, both in the colour of the engine's status.
 */
export function indicatorOption(series: IndicatorSeries, labels: IndicatorChartLabels): EChartsCoreOption {
  const targets = series.targets.filter((m) => series.months.includes(m.month))
  const first = series.months[0] ?? ''
  return {
    grid: { left: 64, right: 24, top: 36, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (value: number | null) => (value === null ? '–' : labels.format(value)) },
    xAxis: { type: 'category', data: series.months, boundaryGap: false },
    yAxis: {
      type: 'value',
      max: (extent: { max: number }) => Math.max(extent.max, ...targets.map((m) => m.threshold)),
      axisLabel: { formatter: (value: number) => labels.format(value) },
    },
    series: [{
      name: labels.observed, type: 'line', data: series.values, symbolSize: 6, itemStyle: { color: '#4e79a7' }, areaStyle: { opacity: 0.12 },
      markPoint: {
        symbol: 'pin', symbolSize: 36,
        // Beside the pin rather than in it: 1000万 or 10M does not fit a pin's head.
        label: { position: 'left', distance: 2, color: '#243447', formatter: ({ value }: { value: number }) => labels.format(value) },
        tooltip: { trigger: 'item', formatter: ({ name }: { name: string }) => name },
        data: targets.map((m) => ({ name: labels.marker(m), coord: [m.month, m.threshold], value: m.threshold, targetId: m.targetId, itemStyle: { color: TARGET_STATUS_COLORS[m.status] } })),
      },
      markLine: {
        symbol: 'none', silent: true, label: { show: false },
        data: targets.map((m) => [
          { coord: [first, m.threshold], lineStyle: { color: TARGET_STATUS_COLORS[m.status], type: 'dashed', width: 1.5 } },
          { coord: [m.month, m.threshold] },
        ]),
      },
    }],
  }
}
