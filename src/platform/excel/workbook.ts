import ExcelJS from 'exceljs';
import { type Column, MAX_ROWS, type SheetRow, type SheetSpec } from './spec.js';

/** Data validation is part of exceljs's worksheet model but missing from its type declarations. */
interface WithValidations {
  dataValidations?: { add(address: string, validation: ExcelJS.DataValidation): void };
}

export interface SheetContent<K extends string> {
  readonly spec: SheetSpec<K>;
  readonly rows: readonly SheetRow<K>[];
}

/** The 说明 sheet: numbered instructions, then every sheet's columns with their hints and an example row. */
export interface Help {
  readonly title: string;
  readonly lines: readonly string[];
}

export const HELP_SHEET = '说明';

function addDataSheet<K extends string>(workbook: ExcelJS.Workbook, { spec, rows }: SheetContent<K>): void {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  const validations = (sheet as unknown as WithValidations).dataValidations;
  spec.columns.forEach((column: Column<K>, i) => {
    const cell = header.getCell(i + 1);
    cell.note = column.hint;
    if (column.required) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    if (column.text) sheet.getColumn(i + 1).numFmt = '@';
    const list = column.list;
    if (list) {
      const letter = sheet.getColumn(i + 1).letter;
      validations?.add(`${letter}2:${letter}${MAX_ROWS + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: column.header,
        error: `请从下拉列表中选择:${list.join('、')}`,
      });
    }
  });
  for (const row of rows) sheet.addRow(spec.columns.map((c) => row[c.key]));
}

function addHelpSheet(workbook: ExcelJS.Workbook, help: Help, specs: readonly SheetSpec<string>[]): void {
  const sheet = workbook.addWorksheet(HELP_SHEET);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 80;
  sheet.addRow([help.title]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  for (const line of help.lines) sheet.addRow([line]);
  for (const spec of specs) {
    sheet.addRow([]);
    sheet.addRow([`「${spec.name}」工作表各列填写要求(${spec.rowMeaning})`]).font = { bold: true };
    for (const column of spec.columns) sheet.addRow([column.header, column.hint]);
    sheet.addRow(['填写示例(请勿在本工作表中填写数据)']).font = { italic: true };
    sheet.addRow(spec.columns.map((c) => c.header)).font = { bold: true };
    sheet.addRow(spec.columns.map((c) => c.example));
  }
}

/** A workbook with the given data sheets (header with notes, drop-down lists, rows) and, for templates, the 说明 sheet. */
export async function buildWorkbook(sheets: readonly SheetContent<string>[], help: Help | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sanxiang';
  for (const content of sheets) addDataSheet(workbook, content);
  if (help)
    addHelpSheet(
      workbook,
      help,
      sheets.map((s) => s.spec),
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
