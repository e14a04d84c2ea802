import type { EChartsCoreOption } from 'echarts/core'
import type { TownRow } from '@/core/workspace/town-view'
import type { BurnUp, TargetMarker } from '@/core/workspace/burn-up'
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
