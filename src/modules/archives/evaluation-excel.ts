import ExcelJS from 'exceljs';
import type { ResultsView } from './evaluation-score-service.js';
import type { ResultGroup } from './evaluation-scoring.js';

// A round's results as a workbook: 汇总 (the round and each item), 按单位, 按执法人员, 案卷明细 (every submitted
// file with its deduction per item and the reasons), and 说明 (sheet version, the draw's seed).

function sheet(workbook: ExcelJS.Workbook, name: string, columns: readonly [string, number][]): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

const frequentText = (g: ResultGroup): string => g.frequent.map((f) => `${f.title}(${f.count} 件,共扣 ${f.points} 分)`).join(';');

function groupSheet(workbook: ExcelJS.Workbook, name: string, header: string, groups: readonly ResultGroup[]): void {
  const ws = sheet(workbook, name, [
    [header, 28],
    ['评查案卷(件)', 12],
    ['平均分', 10],
    ['最低分', 10],
    ['最高分', 10],
    ['主要扣分项目', 80],
  ]);
  for (const g of groups) ws.addRow([g.name, g.count, g.average, g.lowest, g.highest, frequentText(g)]);
}

export async function resultsWorkbook(r: ResultsView, generatedAt: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sanxiang';
  const summary = sheet(workbook, '汇总', [
    ['评查项目', 28],
    ['分值', 8],
    ['扣分案卷(件)', 14],
    ['扣分合计', 10],
  ]);
  for (const i of r.items) summary.addRow([i.title, i.points, i.deductedCount, i.deductedPoints]);
  summary.addRow([]);
  summary.addRow(['已提交评查(件)', r.count]);
  summary.addRow(['平均分', r.average ?? '']);
  summary.addRow(['最低分', r.lowest ?? '']);
  summary.addRow(['最高分', r.highest ?? '']);
  summary.addRow(['未提交(件)', r.pending]);

  groupSheet(workbook, '按单位', '单位', r.byUnit);
  groupSheet(workbook, '按执法人员', '执法人员', r.byOfficer);

  const files = sheet(workbook, '案卷明细', [
    ['档号', 26],
    ['案件编号', 14],
    ['案由', 36],
    ['单位', 20],
    ['执法人员', 16],
    ['得分', 8],
    ...r.sheet.map((i): [string, number] => [`${i.title}(${i.points} 分)扣分`, 14]),
    ['扣分理由', 60],
    ['总体意见', 40],
    ['评查人', 10],
    ['提交时间', 22],
  ]);
  for (const f of r.files) {
    const deduction = (code: string) => f.scores.find((s) => s.code === code)?.deduction ?? 0;
    const reasons = f.scores
      .filter((s) => s.note !== '')
      .map((s) => `${r.sheet.find((i) => i.code === s.code)?.title ?? s.code}:${s.note}`)
      .join('\n');
    files.addRow([
      f.archiveNo,
      f.caseNo,
      f.title,
      f.unitName,
      f.officerNames.join('、'),
      f.score,
      ...r.sheet.map((i) => deduction(i.code)),
      reasons,
      f.comment,
      f.reviewerName,
      f.submittedAt,
    ]);
  }

  const help = workbook.addWorksheet('说明');
  help.getColumn(1).width = 110;
  help.addRow([`案卷评查结果:${r.round.title}`]).font = { bold: true, size: 14 };
  help.addRow([`归档年度:${r.round.year};${r.round.unitName ? `范围:${r.round.unitName}` : '范围:全局'}`]);
  help.addRow([`评查标准:${r.round.sheetVersion === 0 ? '系统默认标准' : `第 ${r.round.sheetVersion} 版`}`]);
  help.addRow([`抽取:${r.round.population} 件中抽取 ${r.round.sampled} 件;随机种子 ${r.round.seed}`]);
  help.addRow(['统计只计入已提交的评查结果;一件案卷计入其每一名承办执法人员。']);
  help.addRow([`导出时间:${generatedAt}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
