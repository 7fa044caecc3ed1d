import { buildWorkbook, type SheetRow } from '../../platform/excel/index.js';
import { type ColumnKey, DATA_SHEET, OFFICERS_SHEET } from './excel-columns.js';

export type OfficerSheetRow = SheetRow<ColumnKey>;

const HELP = {
  title: '执法人员导入说明',
  lines: [
    `1. 在「${DATA_SHEET}」工作表第 2 行起每行填写一名执法人员,不要修改、删除或调换第 1 行的表头;每次最多 5000 行。`,
    '2. 以「执法证件号码」识别人员:系统中没有的号码新增人员,已登记的号码用本行内容更新该人员信息。',
    '3. 导入前逐行逐列检查,只要有一处错误就不写入任何数据,并列出全部错误(行号、列名、原因),改正后重新导入即可。',
    '4. 日期可填 Excel 日期或文本 YYYY-MM-DD(如 2026-05-01);「状态」与「法律职业资格」可从下拉列表选择。',
    '5. 导出的执法人员表与本模板格式相同,可修改后直接导入。',
  ],
};

/** The data sheet with the given rows and, for the template, the 说明 sheet. */
export function officersWorkbook(rows: readonly OfficerSheetRow[], options: { withHelp: boolean }): Promise<Buffer> {
  return buildWorkbook([{ spec: OFFICERS_SHEET, rows }], options.withHelp ? HELP : null);
}
