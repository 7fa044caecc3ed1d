import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { invalid } from '../../platform/errors.js';
import { buildWorkbook, cellText, HELP_SHEET } from '../../platform/excel/index.js';
import { CsvSyntaxError, csvRecords, decodeCsv, detectDelimiter } from './entities-csv.js';
import { ENTITIES_SHEET, ENTITIES_SHEET_NAME, type EntityKey, headerOfKey, keyOfHeader } from './entities-fields.js';

/**
 * Reads an uploaded directory row by row — .xlsx through ExcelJS's streaming reader (a 100,000-row
 * workbook never becomes a workbook model in memory) or CSV — matching columns by their Chinese header
 * in any order. Structural problems (unreadable file, wrong header, too many rows) end the reading as a
 * FileProblem; the cells themselves are checked by the caller.
 */

export type EntityCells = Readonly<Record<EntityKey, string>>;

/** A non-blank data row: its spreadsheet row number and every column as trimmed text ('' when absent). */
export interface EntityRawRow {
  readonly row: number;
  readonly cells: EntityCells;
}

export class FileProblem extends Error {
  constructor(
    readonly row: number | null,
    reason: string,
  ) {
    super(reason);
    this.name = 'FileProblem';
  }
}

export type FileFormat = 'xlsx' | 'csv';

/** 100,000 entities is the expected size of a city's directory; twice that still reads within the time limits. */
export const MAX_ENTITY_ROWS = 200_000;

const UNREADABLE = '无法读取文件:请上传由导入模板填写的 Excel(.xlsx)文件,或另存为 CSV 的文件';

/** .xlsx by its zip signature, else CSV; an empty body or an old binary .xls is refused at once (400). */
export function sniffFormat(body: Buffer): FileFormat {
  if (body.length === 0) throw invalid('import_empty', '上传的文件是空的');
  if (body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04) return 'xlsx';
  // Compound File Binary: .xls of Excel 97–2003, or an .xlsx with a password (Excel encrypts into that container).
  if (body[0] === 0xd0 && body[1] === 0xcf && body[2] === 0x11 && body[3] === 0xe0) {
    throw invalid('import_unsupported_format', '不支持 .xls 格式或加密的 Excel 文件:请在 Excel 中取消密码并另存为 .xlsx 或 CSV 后上传');
  }
  return 'csv';
}

/** Which column of the file holds which field; refuses missing required, unknown and repeated headers. */
function columnKeys(headers: readonly string[]): (EntityKey | null)[] {
  const keys: (EntityKey | null)[] = [];
  const seen = new Set<EntityKey>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  for (const header of headers) {
    const text = header.trim();
    const key = text === '' ? undefined : keyOfHeader(text);
    if (text !== '' && key === undefined) unknown.push(text);
    else if (key !== undefined && seen.has(key)) repeated.push(text);
    else if (key !== undefined) seen.add(key);
    keys.push(key !== undefined && !repeated.includes(text) ? key : null);
  }
  if (seen.size === 0 && unknown.length === 0) throw new FileProblem(1, '第 1 行应为表头(列名),请使用导入模板');
  const missing = ENTITIES_SHEET.columns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
  const problems = [
    missing.length > 0 ? `缺少必填列:${missing.join('、')}` : '',
    unknown.length > 0 ? `无法识别的列:${unknown.join('、')}(请删除或改为模板中的列名)` : '',
    repeated.length > 0 ? `重复的列:${repeated.join('、')}` : '',
  ].filter((p) => p !== '');
  if (problems.length > 0) throw new FileProblem(1, `表头与导入模板不一致:${problems.join(';')}`);
  return keys;
}

/** Turns positional records (header first) into keyed rows, skipping blank ones and stopping past the limit. */
async function* keyedRows(records: AsyncIterable<{ row: number; fields: readonly string[] }>): AsyncGenerator<EntityRawRow> {
  let keys: (EntityKey | null)[] | null = null;
  let count = 0;
  for await (const { row, fields } of records) {
    if (keys === null) {
      keys = columnKeys(fields);
      continue;
    }
    const cells: Record<EntityKey, string> = {
      uscc: '',
      name: '',
      legalRepresentative: '',
      address: '',
      region: '',
      industry: '',
      size: '',
      riskClass: '',
      contact: '',
      phone: '',
    };
    let blank = true;
    keys.forEach((key, i) => {
      // A NUL (from a binary file read as text) is no character any database column should keep.
      const value = (fields[i] ?? '').replaceAll('\u0000', '').trim();
      if (key === null || value === '') return;
      cells[key] = value;
      blank = false;
    });
    if (blank) continue;
    count += 1;
    if (count > MAX_ENTITY_ROWS) throw new FileProblem(null, `数据超过 ${MAX_ENTITY_ROWS} 行,请分批导入`);
    yield { row, cells };
  }
  if (keys === null) throw new FileProblem(null, '文件是空的:第 1 行应为表头,第 2 行起每行一个检查对象');
}

async function* csvSource(body: Buffer): AsyncGenerator<{ row: number; fields: string[] }> {
  const text = decodeCsv(body);
  try {
    for (const record of csvRecords(text, detectDelimiter(text))) {
      // Excel's 「sep=,」 hint line is no header.
      if (record.row === 1 && record.fields.length === 1 && /^sep=.$/.test(record.fields[0] ?? '')) continue;
      yield record;
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new FileProblem(error.row, error.message);
    throw error;
  }
}

/** The streaming reader's sheet name (resolved from workbook.xml, though missing from exceljs's declarations). */
const sheetName = (sheet: ExcelJS.stream.xlsx.WorksheetReader): string | undefined => (sheet as unknown as { name?: string }).name;

/** The first worksheet that is not the template's 说明 (people rename the data sheet; the help sheet is drained). */
async function* xlsxSource(body: Buffer): AsyncGenerator<{ row: number; fields: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(body), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const sheet of reader) {
      if (found || sheetName(sheet) === HELP_SHEET) {
        for await (const _ of sheet) {
          // drained: the zip stream moves on only once this sheet's entry is consumed
        }
        continue;
      }
      found = true;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? (row.values as ExcelJS.CellValue[]) : [];
        // row.values is 1-based (index 0 is empty), like Excel's column numbers.
        yield { row: row.number, fields: values.slice(1).map((v) => cellText(v ?? null)) };
      }
    }
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(null, UNREADABLE);
  }
  if (!found) throw new FileProblem(null, `文件中没有「${ENTITIES_SHEET_NAME}」工作表`);
}

/** Every non-blank data row of the file, in order. Throws FileProblem for what makes the whole file unreadable. */
export function readEntityRows(body: Buffer, format: FileFormat = sniffFormat(body)): AsyncGenerator<EntityRawRow> {
  return keyedRows(format === 'xlsx' ? xlsxSource(body) : csvSource(body));
}

const HELP = {
  title: '检查对象名录库导入说明',
  lines: [
    `1. 在「${ENTITIES_SHEET_NAME}」工作表第 2 行起每行填写一个检查对象(市场主体);列的顺序可以调整,列名须与模板一致,必填列不能删除。`,
    `2. 以「${headerOfKey('uscc')}」识别检查对象:名录库中没有的代码新增,已有的代码用本行内容更新;停用的检查对象导入后仍为停用。`,
    '3. 导入前逐行逐列检查(统一社会信用代码按 GB 32100 核对校验码,文件内不得重复),只要有一处错误就不写入任何数据,并列出错误的行号、列名和原因。',
    '4. 也可以上传 CSV 文件(UTF-8 或 Excel 默认的 GBK 编码均可),第 1 行为相同的列名。',
    `5. 每次最多 ${MAX_ENTITY_ROWS} 行、60 MB;大文件导入需要一两分钟,页面会显示进度。`,
  ],
};

/** The empty import template: the data sheet (header with notes and drop-down lists) and the 说明 sheet. */
export function entitiesTemplate(): Promise<Buffer> {
  return buildWorkbook([{ spec: ENTITIES_SHEET, rows: [] }], HELP);
}
