import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { UnitScope } from '../../platform/auth/policy.js';
import { containsInsensitive, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { ViolationNoticeBatchesTable, ViolationNoticeEntriesTable } from './tables.js';

// All SQL of the violation-notices module (portable Kysely; LIKE through the dialect helpers).

type Reader = Kysely<Database> | Trx;
export type EntryRow = Selectable<ViolationNoticeEntriesTable>;
export type BatchRow = Selectable<ViolationNoticeBatchesTable>;

export const DERIVED = 'violation_notice.derived';
export const SAVED = 'violation_notice.saved';
export const INCLUDED = 'violation_notice.included';
export const EXCLUDED = 'violation_notice.excluded';
export const REMOVED = 'violation_notice.removed';
export const COMPILED = 'violation_notice.batch_compiled';
export const PUBLISHED = 'violation_notice.batch_published';

export async function findEntry(db: Reader, id: string): Promise<EntryRow | undefined> {
  return db.selectFrom('violation_notice_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The case/party pairs that already have an entry (derivation is idempotent). */
export async function derivedKeys(db: Reader): Promise<Set<string>> {
  const rows = await db.selectFrom('violation_notice_entries').select(['case_id', 'party_id']).execute();
  return new Set(rows.map((r) => `${r.case_id}:${r.party_id}`));
}

/** Inserts unless a concurrent derivation did: true when this call inserted the entry. */
export async function insertEntry(trx: Trx, row: Insertable<ViolationNoticeEntriesTable>): Promise<boolean> {
  const inserted = await trx
    .insertInto('violation_notice_entries')
    .values(row)
    .onConflict((oc) => oc.columns(['case_id', 'party_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Changes an entry only if it is still as it was read (state and last update): false when someone else changed it. */
export async function updateEntry(
  trx: Trx,
  id: string,
  expected: { state: string; updatedAt: string },
  changes: Updateable<ViolationNoticeEntriesTable>,
): Promise<boolean> {
  const result = await trx
    .updateTable('violation_notice_entries')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', expected.state)
    .where('updated_at', '=', expected.updatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface EntryFilter {
  scope: UnitScope;
  state?: string;
  q?: string;
  offset: number;
  limit: number;
}

export async function listEntries(db: Reader, filter: EntryFilter): Promise<{ rows: EntryRow[]; total: number }> {
  let query = db.selectFrom('violation_notice_entries');
  if (filter.scope.kind === 'none') return { rows: [], total: 0 };
  if (filter.scope.kind === 'subtree') query = query.where(startsWith('unit_path', filter.scope.path));
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([containsInsensitive('subject_name', q), containsInsensitive('case_no', q)]));
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('decided_on', 'desc')
    .orderBy('case_no', 'desc')
    .orderBy('id')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute();
  return { rows, total: Number(total.n) };
}

/** A batch's entries in list order (oldest decision first). */
export async function entriesOfBatch(db: Reader, batchId: string): Promise<EntryRow[]> {
  return db
    .selectFrom('violation_notice_entries')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('decided_on')
    .orderBy('case_no')
    .orderBy('id')
    .execute();
}

export async function findBatch(db: Reader, id: string): Promise<BatchRow | undefined> {
  return db.selectFrom('violation_notice_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBatchOf(db: Reader, year: number, quarter: number): Promise<BatchRow | undefined> {
  return db.selectFrom('violation_notice_batches').selectAll().where('year', '=', year).where('quarter', '=', quarter).executeTakeFirst();
}

export async function listBatches(db: Reader, state?: string): Promise<BatchRow[]> {
  let query = db.selectFrom('violation_notice_batches').selectAll();
  if (state) query = query.where('state', '=', state);
  return query.orderBy('year', 'desc').orderBy('quarter', 'desc').execute();
}

/** Inserts the quarter's batch unless a concurrent compile did: true when this call inserted it. */
export async function insertBatch(trx: Trx, row: Insertable<ViolationNoticeBatchesTable>): Promise<boolean> {
  const inserted = await trx
    .insertInto('violation_notice_batches')
    .values(row)
    .onConflict((oc) => oc.columns(['year', 'quarter']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Changes a batch only while it is in `expectedState`: a published batch is never changed again. */
export async function updateBatch(
  trx: Trx,
  id: string,
  expectedState: string,
  changes: Updateable<ViolationNoticeBatchesTable>,
): Promise<boolean> {
  const result = await trx
    .updateTable('violation_notice_batches')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', expectedState)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Fills a draft batch: its previous entries are let go, then every included entry decided on or before
 * the quarter's end and not in another batch joins (a late entry of an earlier quarter whose list is
 * already published is carried into this one rather than lost). Returns the number of entries.
 */
export async function fillBatch(trx: Trx, batchId: string, quarterEnd: string, now: string): Promise<number> {
  await trx.updateTable('violation_notice_entries').set({ batch_id: null }).where('batch_id', '=', batchId).execute();
  const result = await trx
    .updateTable('violation_notice_entries')
    .set({ batch_id: batchId, updated_at: now })
    .where('state', '=', 'included')
    .where('batch_id', 'is', null)
    .where('decided_on', '<=', quarterEnd)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How many entries of each batch have been removed since publication. */
export async function removedCounts(db: Reader): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('violation_notice_entries')
    .select(['batch_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'removed')
    .groupBy('batch_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.batch_id === null ? [] : [[r.batch_id, Number(r.n)] as const])));
}
