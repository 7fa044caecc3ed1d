import type * as Echarts from 'echarts/core';
import { CATEGORIES } from '../catalog/index.js';
import type { ReportFigures } from './figures.js';

// The report's charts as SVG rendered on the server (ECharts SSR): the page needs no script, and the
// same numbers are in the tables beside each chart for screen readers and printing. Series are silent
// (no hover styles): a static picture has nothing to hover.

type Engine = typeof Echarts;
let engine: Promise<Engine> | undefined;

/** ECharts is loaded when a report page is first drawn, not with the app: it is large and few requests need it. */
function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    core.use([charts.BarChart, charts.LineChart, components.GridComponent, components.LegendComponent, renderers.SVGRenderer]);
    return core;
  })();
  return engine;
}

export interface Chart {
  /** Which table of the page carries the same numbers. */
  readonly key: 'category' | 'unit' | 'month';
  readonly title: string;
  readonly svg: string;
}

// Narrow enough that, scaled to a 375 px phone, the labels stay legible.
const WIDTH = 480;
const FONT = { fontFamily: 'sans-serif', fontSize: 13 };
const COLORS = ['#b4232a', '#1f5f99', '#c48a1a'];

function render(echarts: Engine, option: Echarts.EChartsCoreOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, color: COLORS, textStyle: FONT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Horizontal bars (names on the left read well on a phone), one series per measure. */
function bars(echarts: Engine, names: readonly string[], series: readonly { name: string; data: readonly number[] }[]): string {
  const height = Math.max(180, 60 + names.length * (series.length * 14 + 14));
  return render(
    echarts,
    {
      legend: { top: 0, selectedMode: false, data: series.map((s) => s.name) },
      grid: { left: 8, right: 48, top: 32, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 150, overflow: 'truncate' } },
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        data: [...s.data].reverse(),
        // Zeros stay unlabelled: a row of 0s would crowd out the bars that carry the figures.
        label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (p.value === 0 ? '' : String(p.value)) },
        barMaxWidth: 18,
        silent: true,
      })),
    },
    height,
  );
}

function categoryChart(echarts: Engine, f: ReportFigures): Chart {
  return {
    key: 'category',
    title: '按执法事项类别',
    svg: bars(echarts, CATEGORIES, [
      { name: '案源登记', data: CATEGORIES.map((c) => f.total.byCategory[c] ?? 0) },
      { name: '作出决定', data: CATEGORIES.map((c) => f.total.decisionsByCategory[c] ?? 0) },
    ]),
  };
}

function unitChart(echarts: Engine, f: ReportFigures): Chart {
  return {
    key: 'unit',
    title: '按单位',
    svg: bars(
      echarts,
      f.units.map((u) => u.unitName),
      [
        { name: '案源登记', data: f.units.map((u) => u.counts.received) },
        { name: '作出决定', data: f.units.map((u) => u.counts.decisions) },
        { name: '公开决定', data: f.units.map((u) => u.counts.published) },
      ],
    ),
  };
}

function monthChart(echarts: Engine, f: ReportFigures): Chart {
  const months = f.months.map((m) => `${Number(m.month.slice(5, 7))}月`);
  return {
    key: 'month',
    title: '月度趋势',
    svg: render(
      echarts,
      {
        legend: { top: 0, selectedMode: false, data: ['案源登记', '作出决定'] },
        grid: { left: 8, right: 16, top: 32, bottom: 8 },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '案源登记', type: 'line', silent: true, data: f.months.map((m) => m.received) },
          { name: '作出决定', type: 'line', silent: true, data: f.months.map((m) => m.decisions) },
        ],
      },
      280,
    ),
  };
}

/** Every chart of the report page. */
export async function reportCharts(f: ReportFigures): Promise<Chart[]> {
  const echarts = await loadEngine();
  const category = categoryChart(echarts, f);
  const month = monthChart(echarts, f);
  return f.units.length > 0 ? [category, unitChart(echarts, f), month] : [category, month];
}
