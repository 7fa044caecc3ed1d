import ExcelJS from 'exceljs';
import { INDICATORS, percentText, type Rate } from './indicators.js';
import type { Count, StatsOverview, SubjectRow } from './views.js';

// The dashboard as a workbook: one sheet per indicator group, Chinese headers, dates as YYYY-MM-DD text,
// rates as numbers (0–1, shown as percentages) beside the counts they come from, and a 说明 sheet with the
// period, the unit and how each rate is counted.

const PERCENT = '0.0%';

function sheet(workbook: ExcelJS.Workbook, name: string, columns: readonly [string, number][]): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** Writes a rate as three cells: the share (a number formatted as percent, empty when nothing was counted), numerator, denominator. */
function rateCells(r: Rate): (number | string)[] {
  return [r.rate ?? '', r.numerator, r.denominator];
}

function percentColumns(ws: ExcelJS.Worksheet, columns: readonly number[]): void {
  for (const c of columns) ws.getColumn(c).numFmt = PERCENT;
}

function counts(workbook: ExcelJS.Workbook, name: string, header: string, rows: readonly Count[]): void {
  const ws = sheet(workbook, name, [
    [header, 28],
    ['数量', 12],
  ]);
  for (const r of rows) ws.addRow([r.label, r.count]);
}

function subjects(workbook: ExcelJS.Workbook, name: string, header: string, rows: readonly SubjectRow[]): void {
  const rate = (label: string): [string, number][] => [
    [label, 14],
    ['分子', 8],
    ['分母', 8],
  ];
  const ws = sheet(workbook, name, [
    [header, 32],
    ['受理登记(件)', 12],
    ['在办(件)', 10],
    ['已结案(件)', 10],
    ['作出决定(件)', 12],
    ['立案至决定平均用时(日)', 14],
    ...rate(INDICATORS.overdue.label),
    ...rate(INDICATORS.decisionLate.label),
    ...rate(INDICATORS.avException.label),
    ...rate(INDICATORS.reviewReturned.label),
    ...rate(INDICATORS.publicationLate.label),
  ]);
  for (const r of rows) {
    ws.addRow([
      r.name,
      r.received,
      r.open,
      r.closed,
      r.decided,
      r.averageDecisionDays ?? '',
      ...rateCells(r.overdue),
      ...rateCells(r.decisionLate),
      ...rateCells(r.avException),
      ...rateCells(r.reviewReturned),
      ...rateCells(r.publicationLate),
    ]);
  }
  percentColumns(ws, [7, 10, 13, 16, 19]);
}

export async function statsWorkbook(o: StatsOverview, generatedAt: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sanxiang';
  const k = o.kpis;

  const summary = sheet(workbook, '核心指标', [
    ['指标', 26],
    ['数值', 14],
    ['分子', 10],
    ['分母', 10],
    ['口径', 90],
  ]);
  summary.addRow(['受理登记案件(件)', k.received, '', '', '期间内受理登记的案件']);
  summary.addRow(['已结案(件)', k.closed, '', '', '期间内受理登记、已结案的案件']);
  summary.addRow(['在办(件)', k.open, '', '', '期间内受理登记、尚未结案的案件']);
  summary.addRow(['作出决定(件)', k.decided, '', '', '期间内作出的处罚决定(含当场处罚)']);
  summary.addRow([
    '立案至决定平均用时(日)',
    k.averageDecisionDays ?? '',
    '',
    '',
    '期间内作出决定的一般程序案件,自立案之日起的自然日数平均值',
  ]);
  summary.addRow(['受理至结案平均用时(日)', k.averageClosingDays ?? '', '', '', '期间内受理登记、已结案案件的自然日数平均值']);
  summary.addRow(['法制审核平均用时(日)', k.averageReviewDays ?? '', '', '', '期间内提交、已出具意见的审核轮次,自提交至出具意见']);
  summary.addRow(['逾期未公开(件)', k.publicationOverdue, '', '', '期间内作出、已过公开期限仍未公开的决定(不予公开的除外)']);
  for (const key of [
    'overdue',
    'decisionLate',
    'avException',
    'avMissingCases',
    'reviewReturned',
    'publicationOnTime',
    'publicationLate',
  ] as const) {
    const def = INDICATORS[key];
    const row = summary.addRow([def.label, ...rateCells(k[key]), `分子:${def.numerator};分母:${def.denominator}`]);
    row.getCell(2).numFmt = PERCENT;
  }

  counts(workbook, '按办理阶段', '办理阶段', o.byStage);
  counts(workbook, '按案件来源', '案件来源', o.bySource);
  counts(workbook, '按程序', '程序', o.byProcedure);
  subjects(workbook, '按单位', '单位', o.byUnit);
  subjects(workbook, '按执法事项', '执法事项', o.byItem);

  const months = sheet(workbook, '月度趋势', [
    ['月份', 10],
    ['受理登记(件)', 12],
    ['已结案(件)', 10],
    ['作出决定(件)', 12],
    [INDICATORS.decisionLate.label, 12],
    [INDICATORS.avException.label, 14],
    ['法制审核轮次', 12],
    [INDICATORS.reviewReturned.label, 14],
    [INDICATORS.publicationOnTime.label, 12],
  ]);
  for (const m of o.months) {
    months.addRow([
      m.month,
      m.received,
      m.closed,
      m.decided,
      m.decisionLate.rate ?? '',
      m.avException.rate ?? '',
      m.reviewRounds,
      m.reviewReturned.rate ?? '',
      m.publicationOnTime.rate ?? '',
    ]);
  }
  percentColumns(months, [5, 6, 8, 9]);

  counts(workbook, '决定用时', '立案至决定用时', o.decisionDurations);
  counts(workbook, '审核退回原因', '审核要点', o.returnReasons);
  counts(workbook, '公开时效', '公开情况', o.publications);

  const weak = sheet(workbook, '薄弱环节', [
    ['排名', 6],
    ['类型', 10],
    ['名称', 32],
    ['高于总体的指标', 90],
    ['超出合计(百分点)', 14],
  ]);
  for (const w of o.weakSpots) {
    const text = w.indicators
      .map((i) => `${i.label} ${percentText(i.rate)}(${i.numerator}/${i.denominator},总体 ${percentText(i.overallRate)})`)
      .join(';');
    weak.addRow([w.rank, w.kindLabel, w.name, text, w.excess]);
  }

  const help = workbook.addWorksheet('说明');
  help.getColumn(1).width = 110;
  help.addRow(['执法监督统计分析']).font = { bold: true, size: 14 };
  help.addRow([`统计期间:${o.filter.from} 至 ${o.filter.to}`]);
  help.addRow([`统计范围:${o.filter.unitName}`]);
  help.addRow([`逾期判断日:${o.filter.asOf}`]);
  help.addRow([`导出时间:${generatedAt}`]);
  help.addRow(['比率列为 0–1 之间的数值(显示为百分比),旁列为分子和分母;分母为 0 时比率留空。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
