import type { Kysely } from 'kysely';
import { containsInsensitive } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { RosterBatchesTable, RosterBatchItemsTable, RosterEntriesTable, RosterVersionsTable } from './tables.js';

type Reader = Kysely<Database> | Trx;

export type BatchRow = RosterBatchesTable;
export type ItemRow = RosterBatchItemsTable & { officer_name: string; certificate_no: string };
export type EntryRow = RosterEntriesTable;
export type VersionRow = RosterVersionsTable;

const normalizeBatch = (row: BatchRow): BatchRow => ({ ...row, version: row.version === null ? null : Number(row.version) });

export async function findBatchRow(db: Reader, id: string): Promise<BatchRow | undefined> {
  const row = await db.selectFrom('roster_batches').selectAll().where('id', '=', id).executeTakeFirst();
  return row && normalizeBatch(row);
}

export async function listBatchRows(
  db: Reader,
  f: { status?: string; offset: number; limit: number },
): Promise<{ rows: BatchRow[]; total: number }> {
  let base = db.selectFrom('roster_batches');
  if (f.status !== undefined) base = base.where('status', '=', f.status);
  const rows = await base.selectAll().orderBy('updated_at', 'desc').orderBy('id').offset(f.offset).limit(f.limit).execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows.map(normalizeBatch), total: Number(count.n) };
}

export async function insertBatchRow(trx: Trx, row: BatchRow): Promise<void> {
  await trx.insertInto('roster_batches').values(row).execute();
}

export async function updateBatchRow(trx: Trx, id: string, changes: Partial<Omit<BatchRow, 'id'>>): Promise<void> {
  await trx.updateTable('roster_batches').set(changes).where('id', '=', id).execute();
}

export function listItemRows(db: Reader, batchId: string): Promise<ItemRow[]> {
  return db
    .selectFrom('roster_batch_items')
    .innerJoin('officers', 'officers.id', 'roster_batch_items.officer_id')
    .select([
      'roster_batch_items.batch_id',
      'roster_batch_items.officer_id',
      'roster_batch_items.action',
      'roster_batch_items.entry',
      'officers.name as officer_name',
      'officers.certificate_no',
    ])
    .where('roster_batch_items.batch_id', '=', batchId)
    .orderBy('officers.name')
    .orderBy('roster_batch_items.officer_id')
    .execute();
}

export async function replaceItemRows(trx: Trx, batchId: string, items: readonly { officerId: string; action: string }[]): Promise<void> {
  await trx.deleteFrom('roster_batch_items').where('batch_id', '=', batchId).execute();
  if (items.length === 0) return;
  await trx
    .insertInto('roster_batch_items')
    .values(items.map((i) => ({ batch_id: batchId, officer_id: i.officerId, action: i.action, entry: null })))
    .execute();
}

export async function setItemEntry(trx: Trx, batchId: string, officerId: string, entry: string | null): Promise<void> {
  await trx.updateTable('roster_batch_items').set({ entry }).where('batch_id', '=', batchId).where('officer_id', '=', officerId).execute();
}

/** Other submitted batches that change any of these officers (one pending change per officer at a time). */
export async function pendingBatchesFor(db: Reader, exceptBatchId: string, officerIds: readonly string[]): Promise<string[]> {
  if (officerIds.length === 0) return [];
  const rows = await db
    .selectFrom('roster_batch_items')
    .innerJoin('roster_batches', 'roster_batches.id', 'roster_batch_items.batch_id')
    .select('roster_batches.id')
    .distinct()
    .where('roster_batches.status', '=', 'submitted')
    .where('roster_batches.id', '!=', exceptBatchId)
    .where('roster_batch_items.officer_id', 'in', officerIds)
    .execute();
  return rows.map((r) => r.id);
}

export async function latestVersion(db: Reader): Promise<VersionRow | undefined> {
  const row = await db.selectFrom('roster_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row && { ...row, version: Number(row.version), entry_count: Number(row.entry_count) };
}

export async function listEntryRows(db: Reader, version: number): Promise<EntryRow[]> {
  const rows = await db.selectFrom('roster_entries').selectAll().where('version', '=', version).execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

export async function insertVersion(trx: Trx, version: VersionRow, entries: readonly EntryRow[]): Promise<void> {
  await trx.insertInto('roster_versions').values(version).execute();
  // Chunked: SQLite limits the number of bound parameters in one statement.
  for (let i = 0; i < entries.length; i += 50) {
    await trx
      .insertInto('roster_entries')
      .values(entries.slice(i, i + 50))
      .execute();
  }
}

export interface PublicFilter {
  readonly version: number;
  readonly today: string;
  readonly name?: string;
  readonly unit?: string;
  readonly category?: string;
  readonly offset: number;
  readonly limit: number;
}

/** Entries of one version whose certificate is valid on `today` (active and within its dates). */
function publicQuery(db: Reader, f: PublicFilter) {
  let query = db
    .selectFrom('roster_entries')
    .where('version', '=', f.version)
    .where('status', '=', 'active')
    .where('valid_from', '<=', f.today)
    .where('valid_to', '>=', f.today);
  if (f.name) query = query.where(containsInsensitive('name', f.name));
  if (f.unit) query = query.where(containsInsensitive('unit_name', f.unit));
  if (f.category) query = query.where(containsInsensitive('categories', f.category));
  return query;
}

export async function listPublicEntries(db: Reader, f: PublicFilter): Promise<{ rows: EntryRow[]; total: number }> {
  const rows = await publicQuery(db, f)
    .selectAll()
    .orderBy('unit_name')
    .orderBy('name')
    .orderBy('certificate_no')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  const count = await publicQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function listPublicUnitNames(db: Reader, version: number, today: string): Promise<string[]> {
  const rows = await publicQuery(db, { version, today, offset: 0, limit: 0 }).select('unit_name').distinct().orderBy('unit_name').execute();
  return rows.map((r) => r.unit_name);
}

export function findEntryByCertificate(db: Reader, version: number, certificateNo: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom('roster_entries')
    .selectAll()
    .where('version', '=', version)
    .where('certificate_no', '=', certificateNo)
    .executeTakeFirst();
}

/** Moves a batch out of `from` atomically: false when another request changed it first. */
export async function transitionBatch(trx: Trx, id: string, from: string, changes: Partial<Omit<BatchRow, 'id'>>): Promise<boolean> {
  const result = await trx.updateTable('roster_batches').set(changes).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
