import ExcelJS from 'exceljs';
import { CATEGORIES, PENALTY_TYPES } from '../catalog/index.js';
import { REPORT_LINES } from './rows.js';
import type { PublicReport } from './views.js';

// The published report as a workbook: the summary by unit, the categories, the penalty types, the
// months, and a 说明 sheet with 统计截至, the notes and the SHA-256 of the frozen figures.

const bold = (row: ExcelJS.Row) => {
  row.font = { bold: true };
};

export async function reportWorkbook(report: PublicReport): Promise<Buffer> {
  const { figures } = report;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sanxiang';

  const summary = workbook.addWorksheet('总表', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  summary.columns = [
    { header: '指标', width: 30 },
    { header: '合计', width: 14 },
    ...figures.units.map((u) => ({ header: u.unitName, width: 16 })),
  ];
  bold(summary.getRow(1));
  for (const line of REPORT_LINES) {
    const row = summary.addRow([line.label, figures.total[line.key], ...figures.units.map((u) => u.counts[line.key])]);
    if (line.yuan) for (let i = 2; i <= figures.units.length + 2; i++) row.getCell(i).numFmt = '#,##0.00';
  }

  const categories = workbook.addWorksheet('事项类别');
  categories.columns = [
    { header: '事项类别', width: 16 },
    { header: '案源登记(件)', width: 14 },
    { header: '作出决定(件)', width: 14 },
  ];
  bold(categories.getRow(1));
  for (const c of CATEGORIES) categories.addRow([c, figures.total.byCategory[c] ?? 0, figures.total.decisionsByCategory[c] ?? 0]);

  const penalties = workbook.addWorksheet('处罚种类');
  penalties.columns = [
    { header: '处罚种类', width: 22 },
    { header: '决定(件)', width: 12 },
  ];
  bold(penalties.getRow(1));
  for (const t of PENALTY_TYPES) penalties.addRow([t, figures.total.byPenaltyType[t] ?? 0]);

  const months = workbook.addWorksheet('月度');
  months.columns = [
    { header: '月份', width: 12 },
    { header: '案源登记(件)', width: 14 },
    { header: '作出决定(件)', width: 14 },
    { header: '罚款金额(元)', width: 16 },
  ];
  bold(months.getRow(1));
  for (const m of figures.months) months.addRow([m.month, m.received, m.decisions, m.fineYuan]).getCell(4).numFmt = '#,##0.00';

  const help = workbook.addWorksheet('说明');
  help.getColumn(1).width = 100;
  help.addRow([`${report.year} 年度行政执法统计年报`]).font = { bold: true, size: 14 };
  help.addRow([`统计截至:${report.asOf}${report.partial ? '(年度尚未结束)' : ''}`]);
  help.addRow([`公布时间:${report.publishedAt}`]);
  help.addRow([`数据 SHA-256:${report.figuresSha256}(账本序号 ${report.ledgerIndex})`]);
  help.addRow([]);
  for (const note of figures.notes) help.addRow([note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
