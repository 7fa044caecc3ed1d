import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import {
  type CellError,
  ImportInvalidError,
  type ImportResult,
  openWorkbook,
  type RawRow,
  RowReader,
  readSheet,
  type SheetSpec,
} from '../../platform/excel/index.js';
import type { UnitNames } from '../org/index.js';
import type { KindDef } from './kinds.js';
import * as repo from './repository.js';
import { applyDraftChanges, insertDraft, insertEntry } from './service.js';
import { parseData } from './views.js';

// The import side shared by the catalogue's spreadsheets: one main sheet (a row per entry, keyed by its
// code) and detail sheets whose rows name the entry they belong to.

export interface ParsedEntry<D> {
  code: string;
  /** The main sheet's row, where problems the service finds are reported. */
  row: number;
  data: D;
}

/** Opens the workbook and reads every sheet; any structural problem (missing sheet, header) is thrown at once. */
export async function readWorkbookSheets<M extends string>(
  body: Buffer,
  main: SheetSpec<M>,
  details: readonly SheetSpec<string>[],
): Promise<{ main: readonly RawRow<M>[]; details: Map<string, readonly RawRow<string>[]> }> {
  const workbook = await openWorkbook(body);
  const mainRows = readSheet(workbook, main, { nameSheet: true, optional: false });
  const detailRows = details.map((spec) => [spec.name, readSheet(workbook, spec, { nameSheet: true, optional: true })] as const);
  const errors = [...mainRows.errors, ...detailRows.flatMap(([, r]) => r.errors)];
  if (errors.length > 0) throw new ImportInvalidError(errors);
  return { main: mainRows.rows, details: new Map(detailRows.map(([name, r]) => [name, r.rows])) };
}

/** Readers of a detail sheet's rows grouped by entry code; rows naming a code the main sheet lacks are errors. */
export function detailsByCode<K extends string>(
  spec: SheetSpec<K>,
  rows: readonly RawRow<string>[] | undefined,
  codeKey: K,
  codes: ReadonlySet<string>,
  mainSheet: string,
  errors: CellError[],
): Map<string, RowReader<K>[]> {
  const grouped = new Map<string, RowReader<K>[]>();
  for (const raw of (rows ?? []) as readonly RawRow<K>[]) {
    const reader = new RowReader(spec, raw, errors, true);
    const code = raw.cells[codeKey];
    if (code === '') continue;
    if (!codes.has(code)) {
      reader.fail(codeKey, `「${mainSheet}」工作表中没有编码为「${code}」的行`);
      continue;
    }
    grouped.set(code, [...(grouped.get(code) ?? []), reader]);
  }
  return grouped;
}

const CODE = /^[0-9A-Za-z][0-9A-Za-z-]{2,31}$/;

/** Each main row's code checked for form and repeats (reported once per cell); returns the set of codes. */
export function uniqueCodes<K extends string>(readers: readonly RowReader<K>[], codeKey: K): Set<string> {
  const first = new Map<string, number>();
  for (const reader of readers) {
    const code = reader.cell(codeKey);
    if (code === '') continue;
    const seen = first.get(code);
    if (!CODE.test(code)) reader.fail(codeKey, '应为 3–32 位字母、数字或「-」,以字母或数字开头');
    if (seen !== undefined) reader.fail(codeKey, `与第${seen}行的编码重复`);
    else first.set(code, reader.row);
  }
  return new Set(first.keys());
}

async function upsert<D>(trx: Trx, actor: Actor, def: KindDef<D>, entry: ParsedEntry<D>): Promise<keyof ImportResult> {
  const existing = await repo.findItemByCode(trx, entry.code);
  if (!existing) {
    await insertEntry(trx, actor, def, entry.code, entry.data);
    return 'created';
  }
  if (existing.kind !== def.kind) throw new AppError('conflict', 'code_taken', `编码「${entry.code}」已被其他清单使用`);
  const versions = await repo.listVersions(trx, existing.id);
  const draft = versions.find((v) => v.status === 'draft');
  if (draft) return (await applyDraftChanges(trx, actor, def, existing.id, draft.id, entry.data)) ? 'updated' : 'unchanged';
  const current = versions.find((v) => v.status === 'published');
  const checked = await def.check(trx, entry.data);
  if (current && JSON.stringify(checked) === JSON.stringify(parseData<D>(current.data))) return 'unchanged';
  await insertDraft(trx, actor, def, existing.id, checked);
  return 'updated';
}

/**
 * Writes every entry in one transaction — a new code becomes a draft version 1, a changed entry a new
 * (or updated) draft; nothing is published. Whatever the service refuses is reported at the entry's
 * main row, every entry is tried, and any refusal rolls the whole import back.
 */
export async function importEntries<D>(
  db: Kysely<Database>,
  actor: Actor,
  def: KindDef<D>,
  mainSheet: string,
  entries: readonly ParsedEntry<D>[],
): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
  const errors: CellError[] = [];
  await inTransaction(db, async (trx) => {
    for (const entry of entries) {
      try {
        result[await upsert(trx, actor, def, entry)] += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        errors.push({ sheet: mainSheet, row: entry.row, column: null, reason: error.message });
      }
    }
    if (errors.length > 0) throw new ImportInvalidError(errors);
  });
  return result;
}

/** The unit a cell names (its id), or '' with the reason recorded at the cell. */
export function unitCell<K extends string>(reader: RowReader<K>, key: K, units: UnitNames): string {
  const text = reader.text(key, 200);
  if (text === '') return '';
  const found = units.resolve(text);
  if ('reason' in found) {
    reader.fail(key, found.reason);
    return '';
  }
  return found.unitId;
}
