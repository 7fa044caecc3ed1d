import type { Insertable, Kysely, Selectable } from 'kysely';
import type { UnitScope } from '../../platform/auth/policy.js';
import { containsInsensitive, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { ArchiveChecksTable, CaseFileItemsTable, CaseFileSupplementsTable, CaseFilesTable, DisposalListsTable } from './tables.js';

// All SQL of the archives module (portable Kysely; LIKE through the dialect helpers).

type Reader = Kysely<Database> | Trx;
export type CaseFileRow = Selectable<CaseFilesTable>;
export type ItemRow = Selectable<CaseFileItemsTable>;
export type CheckRow = Selectable<ArchiveChecksTable>;
export type SupplementRow = Selectable<CaseFileSupplementsTable>;
export type DisposalListRow = Selectable<DisposalListsTable>;

export const ARCHIVED = 'case_file.archived';
export const SUPPLEMENTED = 'case_file.supplemented';
export const CHECKED = 'case_file.checked';
export const HOLD_SET = 'case_file.legal_hold_set';
export const HOLD_RELEASED = 'case_file.legal_hold_released';
export const EXPORTED = 'case_file.exported';
export const DISPOSAL_PROPOSED = 'disposal_list.proposed';
export const DISPOSAL_APPROVED = 'disposal_list.approved';
export const DISPOSAL_REJECTED = 'disposal_list.rejected';
export const DISPOSAL_EXECUTED = 'disposal_list.executed';

export function findCaseFile(db: Reader, id: string): Promise<CaseFileRow | undefined> {
  return db.selectFrom('case_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCaseFileOfCase(db: Reader, caseId: string): Promise<CaseFileRow | undefined> {
  return db.selectFrom('case_files').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** Ids of the cases that have a case file (to tell which closed cases still wait). */
export async function archivedCaseIds(db: Reader, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('case_files')
    .select('case_id')
    .where('case_id', 'in', [...caseIds])
    .execute();
  return new Set(rows.map((r) => r.case_id));
}

export interface CaseFileFilter {
  readonly scope: UnitScope;
  readonly q?: string;
  readonly state?: string;
  readonly retention?: string;
  readonly year?: number;
  /** Retention ended on or before this day (a 销毁清单's candidates). */
  readonly expiredBy?: string;
  readonly limit: number;
  readonly offset: number;
}

function filtered(db: Reader, f: CaseFileFilter) {
  let query = db.selectFrom('case_files');
  if (f.scope.kind === 'subtree') query = query.where(startsWith('unit_path', f.scope.path));
  if (f.state !== undefined) query = query.where('state', '=', f.state);
  if (f.retention !== undefined) query = query.where('retention', '=', f.retention);
  if (f.year !== undefined) query = query.where('year', '=', f.year);
  if (f.expiredBy !== undefined) query = query.where('retention_until', 'is not', null).where('retention_until', '<', f.expiredBy);
  const q = f.q?.trim();
  if (q) {
    query = query.where((eb) =>
      eb.or([containsInsensitive('case_no', q), containsInsensitive('title', q), containsInsensitive('archive_no', q)]),
    );
  }
  return query;
}

export async function listCaseFileRows(db: Reader, f: CaseFileFilter): Promise<{ rows: CaseFileRow[]; total: number }> {
  const rows = await filtered(db, f).selectAll().orderBy('accepted_at', 'desc').orderBy('id').offset(f.offset).limit(f.limit).execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** The next 件号 of a year and retention class, in the caller's transaction (the counter row stays locked until commit). */
export async function takeNextSeq(trx: Trx, year: number, retention: string): Promise<number> {
  const increment = () =>
    trx
      .updateTable('case_file_counters')
      .set((eb) => ({ last_no: eb('last_no', '+', 1) }))
      .where('year', '=', year)
      .where('retention', '=', retention)
      .returning('last_no')
      .executeTakeFirst();
  let row = await increment();
  if (!row) {
    await trx
      .insertInto('case_file_counters')
      .values({ year, retention, last_no: 0 })
      .onConflict((oc) => oc.columns(['year', 'retention']).doNothing())
      .execute();
    row = await increment();
  }
  if (!row) throw new Error('case file counter row missing after insert');
  return Number(row.last_no);
}

/** Inserts unless another acceptance of the same case got there first: true when this call inserted it. */
export async function insertCaseFile(trx: Trx, row: Insertable<CaseFilesTable>): Promise<boolean> {
  const inserted = await trx
    .insertInto('case_files')
    .values(row)
    .onConflict((oc) => oc.column('case_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function insertItems(trx: Trx, rows: readonly Insertable<CaseFileItemsTable>[]): Promise<void> {
  // Bounded batches: SQLite allows at most 32766 bound parameters in one statement.
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('case_file_items')
      .values(rows.slice(i, i + 500))
      .execute();
}

export function listItems(db: Reader, caseFileId: string): Promise<ItemRow[]> {
  return db.selectFrom('case_file_items').selectAll().where('case_file_id', '=', caseFileId).orderBy('position').execute();
}

/** Items of every file in `ids` (a 销毁清单's content). */
export function listItemsOf(db: Reader, caseFileIds: readonly string[]): Promise<ItemRow[]> {
  if (caseFileIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_file_items')
    .selectAll()
    .where('case_file_id', 'in', [...caseFileIds])
    .orderBy('case_file_id')
    .orderBy('position')
    .execute();
}

/** Files other than `exceptFileIds`, not disposed, that hold any of these hashes (content is shared by address). */
export async function filesHoldingBlobs(db: Reader, sha256s: readonly string[], exceptFileIds: readonly string[]): Promise<Set<string>> {
  if (sha256s.length === 0) return new Set();
  let query = db
    .selectFrom('case_file_items')
    .innerJoin('case_files', 'case_files.id', 'case_file_items.case_file_id')
    .select('case_file_items.sha256')
    .where('case_file_items.sha256', 'in', [...sha256s])
    .where('case_files.state', '!=', 'disposed');
  if (exceptFileIds.length > 0) query = query.where('case_files.id', 'not in', [...exceptFileIds]);
  return new Set((await query.execute()).map((r) => r.sha256));
}

export function listSupplements(db: Reader, caseFileId: string): Promise<SupplementRow[]> {
  return db.selectFrom('case_file_supplements').selectAll().where('case_file_id', '=', caseFileId).orderBy('no').execute();
}

export async function insertSupplement(trx: Trx, row: Insertable<CaseFileSupplementsTable>): Promise<void> {
  await trx.insertInto('case_file_supplements').values(row).execute();
}

export async function updateCaseFile(trx: Trx, id: string, changes: Partial<Omit<CaseFileRow, 'id'>>): Promise<void> {
  await trx.updateTable('case_files').set(changes).where('id', '=', id).execute();
}

export async function insertCheck(trx: Trx, row: Insertable<ArchiveChecksTable>): Promise<void> {
  await trx.insertInto('archive_checks').values(row).execute();
}

export function listChecks(db: Reader, caseId: string): Promise<CheckRow[]> {
  return db.selectFrom('archive_checks').selectAll().where('case_id', '=', caseId).orderBy('checked_at', 'desc').orderBy('id').execute();
}

export function findCheck(db: Reader, id: string): Promise<CheckRow | undefined> {
  return db.selectFrom('archive_checks').selectAll().where('id', '=', id).executeTakeFirst();
}

// 销毁清单

export function findDisposalList(db: Reader, id: string): Promise<DisposalListRow | undefined> {
  return db.selectFrom('disposal_lists').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listDisposalLists(db: Reader): Promise<DisposalListRow[]> {
  return db.selectFrom('disposal_lists').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function disposalListFileIds(db: Reader, listId: string): Promise<string[]> {
  const rows = await db.selectFrom('disposal_list_files').select('case_file_id').where('list_id', '=', listId).execute();
  return rows.map((r) => r.case_file_id);
}

/** Files already on a list that is not rejected: a file goes on one list at a time. */
export async function filesOnOpenLists(db: Reader, caseFileIds: readonly string[]): Promise<Map<string, string>> {
  if (caseFileIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('disposal_list_files')
    .innerJoin('disposal_lists', 'disposal_lists.id', 'disposal_list_files.list_id')
    .select(['disposal_list_files.case_file_id', 'disposal_lists.list_no'])
    .where('disposal_list_files.case_file_id', 'in', [...caseFileIds])
    .where('disposal_lists.state', 'in', ['pending', 'approved'])
    .execute();
  return new Map(rows.map((r) => [r.case_file_id, r.list_no]));
}

export async function countDisposalLists(db: Reader, yearPrefix: string): Promise<number> {
  const row = await db
    .selectFrom('disposal_lists')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(startsWith('list_no', yearPrefix))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertDisposalList(trx: Trx, row: Insertable<DisposalListsTable>, caseFileIds: readonly string[]): Promise<void> {
  await trx.insertInto('disposal_lists').values(row).execute();
  for (const id of caseFileIds) await trx.insertInto('disposal_list_files').values({ list_id: row.id, case_file_id: id }).execute();
}

/** Moves a list from one state to the next only if it is still in `from` (a second click loses). */
export async function moveDisposalList(
  trx: Trx,
  id: string,
  from: string,
  changes: Partial<Omit<DisposalListRow, 'id'>>,
): Promise<boolean> {
  const result = await trx.updateTable('disposal_lists').set(changes).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
