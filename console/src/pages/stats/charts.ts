import { percentText } from '../../../../src/modules/stats/indicators';
import type { Count, MonthRow, SubjectRow } from '../../api/stats';
import type { ChartOption } from './EChart';

// The dashboard's chart options. Every series has a named legend entry and every bar its value label, so
// nothing is told by colour alone; the tables beside the charts carry the same figures.

const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };
const valueLabel = { show: true, position: 'right' as const };

export function barsOf(rows: readonly Count[], name: string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { ...grid, top: 16 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', name, data: rows.map((r) => r.count), label: valueLabel }],
  };
}

export function pieOf(rows: readonly Count[], name: string): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        name,
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: rows.filter((r) => r.count > 0).map((r) => ({ name: r.label, value: r.count })),
        label: { formatter: '{b}\n{c} 件' },
      },
    ],
  };
}

export function caseTrend(months: readonly MonthRow[]): ChartOption {
  const bar = (name: string, pick: (m: MonthRow) => number) => ({ type: 'bar', name, data: months.map(pick) });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1, name: '件' },
    series: [bar('受理登记', (m) => m.received), bar('作出决定', (m) => m.decided), bar('结案', (m) => m.closed)],
  };
}

export function rateTrend(months: readonly MonthRow[]): ChartOption {
  const line = (name: string, symbol: string, pick: (m: MonthRow) => number | null) => ({
    type: 'line',
    name,
    symbol,
    symbolSize: 8,
    connectNulls: false,
    data: months.map((m) => {
      const rate = pick(m);
      return rate === null ? null : Math.round(rate * 1000) / 10;
    }),
  });
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', min: 0, max: 100, name: '%' },
    // Different marker shapes as well as colours tell the lines apart.
    series: [
      line('决定超期率', 'circle', (m) => m.decisionLate.rate),
      line('音像记录例外率', 'rect', (m) => m.avException.rate),
      line('法制审核退回率', 'triangle', (m) => m.reviewReturned.rate),
      line('按期公开率', 'diamond', (m) => m.publicationOnTime.rate),
    ],
  };
}

export function unitBars(rows: readonly SubjectRow[]): ChartOption {
  const top = rows.slice(0, 12);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: top.map((r) => r.name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: '受理登记', data: top.map((r) => r.received), label: valueLabel },
      { type: 'bar', name: '在办', data: top.map((r) => r.open), label: valueLabel },
      {
        type: 'bar',
        name: '逾期',
        data: top.map((r) => r.overdue.numerator),
        label: {
          ...valueLabel,
          formatter: (p: { dataIndex: number }) => {
            const r = top[p.dataIndex];
            return r ? `${r.overdue.numerator}(${percentText(r.overdue.rate)})` : '';
          },
        },
      },
    ],
  };
}
