import { BarChart, LineChart } from 'echarts/charts'
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TooltipComponent } from 'echarts/components'
import { init, use, type ECharts } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

// Only what the dashboard draws: keeps ECharts' share of the (lazily loaded) dashboard chunk small.
use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, MarkPointComponent, DataZoomComponent, CanvasRenderer])

export function createChart(element: HTMLElement): ECharts {
  return init(element, undefined, { renderer: 'canvas' })
}
