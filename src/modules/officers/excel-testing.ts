import ExcelJS from 'exceljs';
import { COLUMNS, DATA_SHEET } from './excel-columns.js';

// Test-only helpers: officer spreadsheets built and read in memory (no binary fixtures).

export const TEMPLATE_HEADERS = COLUMNS.map((c) => c.header);

export type Cells = Partial<Record<(typeof COLUMNS)[number]['header'], ExcelJS.CellValue>>;

/** A valid row for the given unit name (dates as text; override any cell by its header). */
export function sheetRow(unit: string, certificateNo: string, overrides: Cells = {}): Cells {
  return {
    姓名: '导入测试员',
    所属单位: unit,
    职务: '劳动保障监察员',
    执法类别: '劳动保障监察',
    执法证件号码: certificateNo,
    发证机关: '宁夏回族自治区人民政府',
    有效期起: '2024-01-01',
    有效期止: '2030-12-31',
    状态: '有效',
    法律职业资格: '无',
    法律职业资格证书编号: '',
    ...overrides,
  };
}

/** An .xlsx with a data sheet: the header row, then one Excel row per entry (null = a blank row). */
export async function buildSheet(rows: readonly (Cells | null)[], headers: readonly string[] = TEMPLATE_HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(DATA_SHEET);
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow(row === null ? [] : headers.map((h) => (row as Record<string, ExcelJS.CellValue>)[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every row of a sheet as text cells, the header row first. */
export async function readSheet(body: Buffer, name: string = DATA_SHEET): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      values.push(cell.value === null || cell.value === undefined ? '' : String(cell.value));
    });
    rows.push(values);
  });
  return rows;
}

/** Loads a workbook to edit it (e.g. change an exported cell before re-importing). */
export async function loadWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  return workbook;
}
