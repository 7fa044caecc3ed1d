import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { DocumentsTable } from './tables.js';

type Reader = Kysely<Database> | Trx;

export const ISSUED = 'document.issued';
export const VIEWED = 'document.viewed';
export const PREFIX_SET = 'document.number_prefix_set';

export type DocumentRow = Selectable<DocumentsTable> & { unit_path: string; unit_name: string };

/**
 * Takes the next 文号 of a unit, type and year in the caller's transaction. The single-row
 * `UPDATE … RETURNING` holds the row lock until the transaction ends, so concurrent issuers on
 * PostgreSQL queue behind it (SQLite serializes writers anyway); a rollback gives the number back.
 * The first number of a year inserts the row: `ON CONFLICT DO NOTHING` makes a concurrent first
 * insert wait for the other transaction and then fall through to the UPDATE, on both databases.
 */
export async function takeNextNumber(trx: Trx, key: { unitId: string; type: string; year: number }): Promise<number> {
  const increment = () =>
    trx
      .updateTable('document_counters')
      .set((eb) => ({ last_no: eb('last_no', '+', 1) }))
      .where('unit_id', '=', key.unitId)
      .where('type', '=', key.type)
      .where('year', '=', key.year)
      .returning('last_no')
      .executeTakeFirst();
  let row = await increment();
  if (!row) {
    await trx
      .insertInto('document_counters')
      .values({ unit_id: key.unitId, type: key.type, year: key.year, last_no: 0 })
      .onConflict((oc) => oc.columns(['unit_id', 'type', 'year']).doNothing())
      .execute();
    row = await increment();
  }
  if (!row) throw new Error('document counter row missing after insert');
  return Number(row.last_no);
}

export async function findUnit(db: Reader, unitId: string): Promise<{ id: string; name: string; path: string } | undefined> {
  return db.selectFrom('units').select(['id', 'name', 'path']).where('id', '=', unitId).executeTakeFirst();
}

export async function findPrefix(db: Reader, unitId: string): Promise<string | undefined> {
  const row = await db.selectFrom('document_number_prefixes').select('prefix').where('unit_id', '=', unitId).executeTakeFirst();
  return row?.prefix;
}

/** Every unit with its prefix (null when unset), in tree order. */
export async function listPrefixes(db: Reader) {
  return db
    .selectFrom('units')
    .leftJoin('document_number_prefixes as p', 'p.unit_id', 'units.id')
    .select(['units.id as unit_id', 'units.name as unit_name', 'units.path as unit_path', 'p.prefix', 'p.updated_at', 'p.updated_by'])
    .orderBy('units.path')
    .execute();
}

export async function upsertPrefix(trx: Trx, row: { unit_id: string; prefix: string; updated_at: string; updated_by: string }) {
  await trx
    .insertInto('document_number_prefixes')
    .values(row)
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ prefix: row.prefix, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}

export async function insertDocument(trx: Trx, row: Insertable<DocumentsTable>): Promise<void> {
  await trx.insertInto('documents').values(row).execute();
}

/**
 * The only change an issued document ever sees: it is superseded by its correction. Returns false
 * when it was superseded already (the correction then fails with a conflict).
 */
export async function markSuperseded(trx: Trx, id: string, by: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('documents')
    .set({ superseded_by: by, superseded_at: at })
    .where('id', '=', id)
    .where('superseded_by', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function joined(db: Reader) {
  return db
    .selectFrom('documents')
    .innerJoin('units', 'units.id', 'documents.unit_id')
    .selectAll('documents')
    .select(['units.path as unit_path', 'units.name as unit_name']);
}

export async function findDocumentRow(db: Reader, id: string): Promise<DocumentRow | undefined> {
  return joined(db).where('documents.id', '=', id).executeTakeFirst();
}

/** A case's documents in the order they were issued (corrections after what they correct). */
export async function listCaseDocumentRows(db: Reader, caseId: string): Promise<DocumentRow[]> {
  return joined(db).where('documents.case_id', '=', caseId).orderBy('documents.issued_at').orderBy('documents.version').execute();
}

/** Another unit whose configured prefix is this one (文号 must not collide across units). */
export async function prefixOwner(db: Reader, prefix: string, exceptUnitId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('document_number_prefixes as p')
    .innerJoin('units', 'units.id', 'p.unit_id')
    .select('units.name')
    .where('p.prefix', '=', prefix)
    .where('p.unit_id', '!=', exceptUnitId)
    .executeTakeFirst();
  return row?.name;
}

/**
 * Issued documents of these types with their unit's path, oldest first, without the (large) data
 * column; with `issuedSince`, only those issued at or after that instant.
 */
export async function listIssuedRowsOfTypes(db: Reader, types: readonly string[], issuedSince?: string) {
  if (types.length === 0) return [];
  let query = db
    .selectFrom('documents')
    .innerJoin('units', 'units.id', 'documents.unit_id')
    .select([
      'documents.id',
      'documents.case_id',
      'documents.unit_id',
      'units.path as unit_path',
      'documents.type',
      'documents.title',
      'documents.number',
      'documents.version',
      'documents.document_date',
      'documents.sha256',
      'documents.superseded_by',
      'documents.issued_at',
    ])
    .where('documents.type', 'in', [...types]);
  if (issuedSince !== undefined) query = query.where('documents.issued_at', '>=', issuedSince);
  return query.orderBy('documents.issued_at').orderBy('documents.id').execute();
}
