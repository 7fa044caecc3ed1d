import ExcelJS from 'exceljs';
import { invalid } from '../../platform/errors.js';
import { COLUMNS, type ColumnKey, cellText, DATA_SHEET, HELP_SHEET, MAX_ROWS } from './excel-columns.js';

/** One problem of an imported file: a cell (Excel row number and column header) or the file itself. */
export interface CellError {
  readonly row: number | null;
  readonly column: string | null;
  readonly reason: string;
}

/** A non-blank data row: its Excel row number and every template column as trimmed text. */
export interface RawRow {
  readonly row: number;
  readonly cells: Readonly<Record<ColumnKey, string>>;
}

export interface SheetContent {
  readonly rows: readonly RawRow[];
  /** File-level problems (header, no data, too many rows); when any, `rows` is empty. */
  readonly errors: readonly CellError[];
}

export const unreadable = () => invalid('import_unreadable', '无法读取上传的文件,请上传由导入模板填写的 Excel(.xlsx)文件');

/** Opens the workbook and reads the data sheet; a body that is no .xlsx workbook is `import_unreadable`. */
export async function readOfficerSheet(body: Buffer): Promise<SheetContent> {
  if (body.length === 0) throw unreadable();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(body).buffer);
  } catch {
    throw unreadable();
  }
  const sheet = workbook.getWorksheet(DATA_SHEET) ?? workbook.worksheets.find((s) => s.name !== HELP_SHEET);
  if (!sheet) return fileError(`文件中没有「${DATA_SHEET}」工作表`);

  const headerRow = sheet.getRow(1);
  const positions = new Map<string, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  headerRow.eachCell((cell, col) => {
    const header = cellText(cell.value);
    if (header === '') return;
    if (!COLUMNS.some((c) => c.header === header)) unknown.push(header);
    else if (positions.has(header)) repeated.push(header);
    else positions.set(header, col);
  });
  const missing = COLUMNS.filter((c) => !positions.has(c.header)).map((c) => c.header);
  if (positions.size === 0 && unknown.length === 0) return fileError('文件是空的:第 1 行应为表头,请使用导入模板');
  const headerProblems = [
    missing.length > 0 ? `缺少列:${missing.join('、')}` : '',
    unknown.length > 0 ? `无法识别的列:${unknown.join('、')}` : '',
    repeated.length > 0 ? `重复的列:${repeated.join('、')}` : '',
  ].filter((p) => p !== '');
  if (headerProblems.length > 0) {
    return { rows: [], errors: [{ row: 1, column: null, reason: `表头与导入模板不一致(${headerProblems.join(';')})` }] };
  }

  const rows: RawRow[] = [];
  let tooMany = false;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1 || tooMany) return;
    const cells = Object.fromEntries(COLUMNS.map((c) => [c.key, cellText(row.getCell(positions.get(c.header) ?? 0).value)]));
    if (Object.values(cells).every((v) => v === '')) return;
    if (rows.length >= MAX_ROWS) {
      tooMany = true;
      return;
    }
    rows.push({ row: rowNumber, cells: cells as Record<ColumnKey, string> });
  });
  if (tooMany) return fileError(`数据超过 ${MAX_ROWS} 行,请分批导入`);
  if (rows.length === 0) return fileError('文件中没有数据行(第 2 行起填写执法人员)');
  return { rows, errors: [] };
}

const fileError = (reason: string): SheetContent => ({ rows: [], errors: [{ row: null, column: null, reason }] });
