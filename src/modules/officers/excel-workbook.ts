import ExcelJS from 'exceljs';
import { COLUMNS, type ColumnKey, DATA_SHEET, HELP_SHEET, MAX_ROWS, QUALIFICATION_LABELS, STATUS_BY_LABEL } from './excel-columns.js';

export type SheetRow = Readonly<Record<ColumnKey, string>>;

/** Data validation is part of exceljs's worksheet model but missing from its type declarations. */
interface WithValidations {
  dataValidations?: { add(address: string, validation: ExcelJS.DataValidation): void };
}

const TEXT_KEYS: readonly ColumnKey[] = ['certificateNo', 'qualificationNo', 'validFrom', 'validTo'];

/** The data sheet (header, drop-down lists, the given rows) and, for the template, the 说明 sheet. */
export async function officersWorkbook(rows: readonly SheetRow[], options: { withHelp: boolean }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sanxiang';
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.note = column.hint;
    if (column.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    // Numbers and dates stay as typed: Excel would otherwise turn long certificate numbers into 6.4E+11.
    if (TEXT_KEYS.includes(column.key)) sheet.getColumn(i + 1).numFmt = '@';
  });
  for (const row of rows) sheet.addRow(COLUMNS.map((c) => row[c.key]));

  const validations = (sheet as unknown as WithValidations).dataValidations;
  const listOn = (key: ColumnKey, values: readonly string[], label: string) => {
    const col = sheet.getColumn(key).letter;
    validations?.add(`${col}2:${col}${MAX_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: label,
      error: `请从下拉列表中选择:${values.join('、')}`,
    });
  };
  listOn('status', Object.keys(STATUS_BY_LABEL), '状态');
  listOn('qualification', QUALIFICATION_LABELS, '法律职业资格');

  if (options.withHelp) addHelpSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addHelpSheet(workbook: ExcelJS.Workbook): void {
  const help = workbook.addWorksheet(HELP_SHEET);
  help.getColumn(1).width = 24;
  help.getColumn(2).width = 80;
  const lines = [
    '执法人员导入说明',
    '',
    `1. 在「${DATA_SHEET}」工作表第 2 行起每行填写一名执法人员,不要修改、删除或调换第 1 行的表头;每次最多 ${MAX_ROWS} 行。`,
    '2. 以「执法证件号码」识别人员:系统中没有的号码新增人员,已登记的号码用本行内容更新该人员信息。',
    '3. 导入前逐行逐列检查,只要有一处错误就不写入任何数据,并列出全部错误(行号、列名、原因),改正后重新导入即可。',
    '4. 日期可填 Excel 日期或文本 YYYY-MM-DD(如 2026-05-01);「状态」与「法律职业资格」可从下拉列表选择。',
    '5. 导出的执法人员表与本模板格式相同,可修改后直接导入。',
    '',
    '各列填写要求',
  ];
  for (const line of lines) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 14 };
  help.getRow(lines.length).font = { bold: true };
  for (const column of COLUMNS) help.addRow([column.header, column.hint]);

  help.addRow([]);
  help.addRow(['填写示例(请勿在本工作表中填写数据)']).font = { bold: true };
  help.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
  help.addRow(COLUMNS.map((c) => c.example));
}
