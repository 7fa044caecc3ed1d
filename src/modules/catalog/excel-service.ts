import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import {
  buildWorkbook,
  type CellError,
  type ExcelFile,
  type Help,
  ImportInvalidError,
  type ImportResult,
  type RawRow,
  type SheetContent,
  type SheetSpec,
} from '../../platform/excel/index.js';
import { loadUnitNames, type UnitNames } from '../org/index.js';
import type { BenchmarkData } from './benchmark-data.js';
import { BENCHMARK_SHEETS, BENCHMARKS_MAIN, type BenchmarkMainKey, benchmarkSheets, parseBenchmarkSheets } from './excel-benchmarks.js';
import { importEntries, type ParsedEntry, readWorkbookSheets } from './excel-import.js';
import { ITEM_SHEETS, ITEMS_MAIN, type ItemMainKey, itemSheets, parseItemSheets } from './excel-items.js';
import type { ItemData } from './item-data.js';
import { benchmarkKind, itemKind } from './kind-registry.js';
import type { KindDef } from './kinds.js';
import { can } from './policy.js';
import * as repo from './repository.js';
import { requireEditor } from './service.js';
import { parseData } from './views.js';

/** How one kind's entries become a workbook and back. */
export interface Spreadsheet<D, M extends string> {
  def: KindDef<D>;
  main: SheetSpec<M>;
  details: readonly SheetSpec<string>[];
  help: Help;
  sheets(entries: readonly { code: string; data: D }[], units: UnitNames): SheetContent<string>[];
  parse(
    main: readonly RawRow<M>[],
    details: Map<string, readonly RawRow<string>[]>,
    units: UnitNames,
    errors: CellError[],
  ): ParsedEntry<D>[];
}

const helpLines = (label: string, main: string, details: readonly SheetSpec<string>[]): string[] => [
  `1. 在「${main}」工作表第 2 行起每行填写一个${label};${details.map((d) => `「${d.name}」`).join('、')}工作表的每行用编码对应到所属的${label}。不要修改第 1 行的表头;每个工作表最多 5000 行。`,
  `2. 以编码识别:系统中没有的编码新建${label}(第 1 版草稿);已有的编码用表中内容生成新版本草稿(已有草稿的更新该草稿;与现行版本相同的不变)。导入不会发布,请在控制台核对后发布。`,
  '3. 导入前逐行逐列检查,只要有一处错误就不写入任何数据,并列出全部错误(工作表、行号、列名、原因),改正后重新导入即可。',
  '4. 多项内容(如申请材料)在单元格内换行(Alt+Enter)或用「;」分隔;带下拉列表的列请从列表中选择。',
  `5. 导出的${label}表与本模板格式相同(每项导出最新版本,含草稿),可修改后直接导入。`,
];

export const ITEMS_SPREADSHEET: Spreadsheet<ItemData, ItemMainKey> = {
  def: itemKind,
  main: ITEMS_MAIN,
  details: ITEM_SHEETS.slice(1),
  help: { title: '执法事项导入说明', lines: helpLines('执法事项', ITEMS_MAIN.name, ITEM_SHEETS.slice(1)) },
  sheets: itemSheets,
  parse: parseItemSheets,
};

export const BENCHMARKS_SPREADSHEET: Spreadsheet<BenchmarkData, BenchmarkMainKey> = {
  def: benchmarkKind,
  main: BENCHMARKS_MAIN,
  details: BENCHMARK_SHEETS.slice(1),
  help: { title: '裁量基准导入说明', lines: helpLines('裁量基准', BENCHMARKS_MAIN.name, BENCHMARK_SHEETS.slice(1)) },
  sheets: benchmarkSheets,
  parse: parseBenchmarkSheets,
};

export async function spreadsheetTemplate<D, M extends string>(
  db: Kysely<Database>,
  actor: Actor,
  s: Spreadsheet<D, M>,
): Promise<ExcelFile> {
  requireEditor(actor);
  const sheets = s.sheets([], await loadUnitNames(db));
  return { filename: `${s.def.label}导入模板.xlsx`, body: await buildWorkbook(sheets, s.help) };
}

/** Checks every cell of every sheet, then writes all entries as drafts in one transaction, or nothing. */
export async function importSpreadsheet<D, M extends string>(
  db: Kysely<Database>,
  actor: Actor,
  s: Spreadsheet<D, M>,
  body: Buffer,
): Promise<ImportResult> {
  requireEditor(actor);
  const { main, details } = await readWorkbookSheets(body, s.main, s.details);
  const errors: CellError[] = [];
  const entries = s.parse(main, details, await loadUnitNames(db), errors);
  if (errors.length > 0) throw new ImportInvalidError(errors);
  return importEntries(db, actor, s.def, s.main.name, entries);
}

const PAGE = 500;

/** The newest version of every entry (drafts included), in the template's format. */
export async function exportSpreadsheet<D, M extends string>(db: Kysely<Database>, actor: Actor, s: Spreadsheet<D, M>): Promise<ExcelFile> {
  requireUser(actor);
  authorize(can(actor, 'catalog.list'));
  const entries: { code: string; data: D }[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await repo.listVersionRows(db, { kind: s.def.kind, which: 'latest', offset, limit: PAGE });
    entries.push(...rows.map((r) => ({ code: r.code, data: parseData<D>(r.data) })));
    if (rows.length < PAGE) break;
  }
  const sheets = s.sheets(entries, await loadUnitNames(db));
  return { filename: `${s.def.label}-${shanghaiToday()}.xlsx`, body: await buildWorkbook(sheets, null) };
}
