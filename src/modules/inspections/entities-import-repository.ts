import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { InspectionEntityImportsTable } from './tables.js';

// All SQL of the import jobs of the 检查对象名录库 (inspection_entity_imports).

export type ImportRow = Selectable<InspectionEntityImportsTable>;

export async function insertImport(db: Kysely<Database>, row: { id: string; fileName: string; createdBy: string; createdAt: string }) {
  await db
    .insertInto('inspection_entity_imports')
    .values({
      id: row.id,
      file_name: row.fileName,
      state: 'reading',
      rows_read: 0,
      rows_written: 0,
      error_count: 0,
      errors: '[]',
      summary: null,
      created_by: row.createdBy,
      created_at: row.createdAt,
      finished_at: null,
    })
    .execute();
}

export function findImport(db: Kysely<Database>, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('inspection_entity_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listImports(db: Kysely<Database>, limit: number): Promise<ImportRow[]> {
  return db.selectFrom('inspection_entity_imports').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

/** Imports still reading (at most one, unless a crash left one behind). */
export function readingImports(db: Kysely<Database>): Promise<ImportRow[]> {
  return db.selectFrom('inspection_entity_imports').selectAll().where('state', '=', 'reading').execute();
}

export async function setRowsRead(db: Kysely<Database>, id: string, rowsRead: number): Promise<void> {
  await whileReading(db, id, { rows_read: rowsRead });
}

/** Changes an import only while it is still reading: a late job never overwrites a verdict. */
async function whileReading(
  db: Kysely<Database> | Trx,
  id: string,
  changes: Partial<Omit<InspectionEntityImportsTable, 'id'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('inspection_entity_imports')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', 'reading')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends a reading import as failed. */
export function failImport(
  db: Kysely<Database>,
  id: string,
  outcome: { rowsRead: number | null; errorCount: number; errors: string; finishedAt: string },
): Promise<boolean> {
  return whileReading(db, id, {
    state: 'failed',
    ...(outcome.rowsRead === null ? {} : { rows_read: outcome.rowsRead }),
    error_count: outcome.errorCount,
    errors: outcome.errors,
    finished_at: outcome.finishedAt,
  });
}

/** Marks the import done inside the writing transaction; false when it no longer reads (declared interrupted meanwhile). */
export function completeImport(
  trx: Trx,
  id: string,
  outcome: { rowsRead: number; rowsWritten: number; summary: string; finishedAt: string },
): Promise<boolean> {
  return whileReading(trx, id, {
    state: 'done',
    rows_read: outcome.rowsRead,
    rows_written: outcome.rowsWritten,
    summary: outcome.summary,
    finished_at: outcome.finishedAt,
  });
}

/** A finished import written directly (demo data): no job, no reading phase. */
export async function insertFinishedImport(
  trx: Trx,
  row: { id: string; fileName: string; createdBy: string; createdAt: string; rows: number; summary: string },
): Promise<void> {
  await trx
    .insertInto('inspection_entity_imports')
    .values({
      id: row.id,
      file_name: row.fileName,
      state: 'done',
      rows_read: row.rows,
      rows_written: row.rows,
      error_count: 0,
      errors: '[]',
      summary: row.summary,
      created_by: row.createdBy,
      created_at: row.createdAt,
      finished_at: row.createdAt,
    })
    .execute();
}
