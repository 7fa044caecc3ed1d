import ExcelJS from 'exceljs';
import { cellText } from './cells.js';
import { unreadable } from './errors.js';
import { type CellError, MAX_ROWS, type RawRow, type SheetSpec } from './spec.js';
import { HELP_SHEET } from './workbook.js';

/** Opens an uploaded workbook; a body that is no .xlsx workbook is `import_unreadable`. */
export async function openWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  if (body.length === 0) throw unreadable();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(body).buffer);
  } catch {
    throw unreadable();
  }
  return workbook;
}

export interface ReadOptions {
  /** Errors name the sheet (workbooks with several data sheets). */
  readonly nameSheet: boolean;
  /** A sheet that may hold no rows (detail sheets). */
  readonly optional: boolean;
  /** With a single data sheet, accept it under another name (people rename sheets). */
  readonly anyName?: boolean;
}

export interface SheetRows<K extends string> {
  readonly rows: readonly RawRow<K>[];
  /** Structural problems (missing sheet, header, no data, too many rows); when any, `rows` is empty. */
  readonly errors: readonly CellError[];
}

/** Reads one data sheet by its template header (columns may be in any order); blank rows are skipped. */
export function readSheet<K extends string>(workbook: ExcelJS.Workbook, spec: SheetSpec<K>, options: ReadOptions): SheetRows<K> {
  const sheetName = options.nameSheet ? spec.name : null;
  const fail = (row: number | null, reason: string): SheetRows<K> => ({
    rows: [],
    errors: [{ sheet: sheetName, row, column: null, reason }],
  });
  const sheet = workbook.getWorksheet(spec.name) ?? (options.anyName ? workbook.worksheets.find((s) => s.name !== HELP_SHEET) : undefined);
  if (!sheet) return fail(null, `文件中没有「${spec.name}」工作表`);

  const positions = new Map<string, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    const header = cellText(cell.value);
    if (header === '') return;
    if (!spec.columns.some((c) => c.header === header)) unknown.push(header);
    else if (positions.has(header)) repeated.push(header);
    else positions.set(header, col);
  });
  if (positions.size === 0 && unknown.length === 0) {
    return options.optional ? { rows: [], errors: [] } : fail(null, '文件是空的:第 1 行应为表头,请使用导入模板');
  }
  const missing = spec.columns.filter((c) => !positions.has(c.header)).map((c) => c.header);
  const problems = [
    missing.length > 0 ? `缺少列:${missing.join('、')}` : '',
    unknown.length > 0 ? `无法识别的列:${unknown.join('、')}` : '',
    repeated.length > 0 ? `重复的列:${repeated.join('、')}` : '',
  ].filter((p) => p !== '');
  if (problems.length > 0) return fail(1, `表头与导入模板不一致(${problems.join(';')})`);

  const rows: RawRow<K>[] = [];
  let tooMany = false;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1 || tooMany) return;
    const cells = Object.fromEntries(spec.columns.map((c) => [c.key, cellText(row.getCell(positions.get(c.header) ?? 0).value)]));
    if (Object.values(cells).every((v) => v === '')) return;
    if (rows.length >= MAX_ROWS) {
      tooMany = true;
      return;
    }
    rows.push({ row: rowNumber, cells: cells as Record<K, string> });
  });
  if (tooMany) return fail(null, `数据超过 ${MAX_ROWS} 行,请分批导入`);
  if (rows.length === 0 && !options.optional) return fail(null, `文件中没有数据行(第 2 行起${spec.rowMeaning})`);
  return { rows, errors: [] };
}
