import type { Insertable, Kysely, Selectable } from 'kysely';
import { startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { CaseFileEvaluationsTable, EvaluationRoundsTable, EvaluationSheetsTable } from './evaluation-tables.js';
import type { CaseFileRow } from './repository.js';

// All SQL of 案卷评查 (portable Kysely).

type Reader = Kysely<Database> | Trx;
export type SheetRow = Selectable<EvaluationSheetsTable>;
export type RoundRow = Selectable<EvaluationRoundsTable>;
export type EvaluationRow = Selectable<CaseFileEvaluationsTable>;

export const SHEET_SAVED = 'evaluation_sheet.saved';
export const ROUND_CREATED = 'evaluation_round.created';
export const ROUND_CLOSED = 'evaluation_round.closed';
export const EVALUATION_SAVED = 'case_file_evaluation.saved';
export const EVALUATION_SUBMITTED = 'case_file_evaluation.submitted';

export function latestSheet(db: Reader): Promise<SheetRow | undefined> {
  return db.selectFrom('evaluation_sheets').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export function listSheetVersions(db: Reader): Promise<Pick<SheetRow, 'version' | 'note' | 'created_by_name' | 'created_at'>[]> {
  return db
    .selectFrom('evaluation_sheets')
    .select(['version', 'note', 'created_by_name', 'created_at'])
    .orderBy('version', 'desc')
    .execute();
}

/** Inserts a version unless a concurrent save took its number: true when this call inserted it. */
export async function insertSheet(trx: Trx, row: Insertable<EvaluationSheetsTable>): Promise<boolean> {
  const inserted = await trx
    .insertInto('evaluation_sheets')
    .values(row)
    .onConflict((oc) => oc.column('version').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Archived (not disposed) files of a year, optionally of one unit subtree, in 档号 order (the draw's population). */
export function archivedFilesOfYear(db: Reader, year: number, unitPath: string | null): Promise<CaseFileRow[]> {
  let query = db.selectFrom('case_files').selectAll().where('year', '=', year).where('state', '=', 'archived');
  if (unitPath !== null) query = query.where(startsWith('unit_path', unitPath));
  return query.orderBy('archive_no').execute();
}

export async function insertRound(
  trx: Trx,
  row: Insertable<EvaluationRoundsTable>,
  evaluations: readonly Insertable<CaseFileEvaluationsTable>[],
): Promise<void> {
  await trx.insertInto('evaluation_rounds').values(row).execute();
  // Bounded batches: SQLite allows at most 32766 bound parameters in one statement.
  for (let i = 0; i < evaluations.length; i += 200)
    await trx
      .insertInto('case_file_evaluations')
      .values(evaluations.slice(i, i + 200))
      .execute();
}

export function findRound(db: Reader, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom('evaluation_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listRounds(db: Reader): Promise<RoundRow[]> {
  return db.selectFrom('evaluation_rounds').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
}

/** Evaluations per state of each round (for the list). */
export async function roundProgress(db: Reader, roundIds: readonly string[]): Promise<Map<string, { total: number; submitted: number }>> {
  const out = new Map<string, { total: number; submitted: number }>();
  if (roundIds.length === 0) return out;
  const rows = await db
    .selectFrom('case_file_evaluations')
    .select(['round_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', 'in', [...roundIds])
    .groupBy(['round_id', 'state'])
    .execute();
  for (const r of rows) {
    const seen = out.get(r.round_id) ?? { total: 0, submitted: 0 };
    seen.total += Number(r.n);
    if (r.state === 'submitted') seen.submitted += Number(r.n);
    out.set(r.round_id, seen);
  }
  return out;
}

export function listEvaluations(db: Reader, roundId: string, unitPath: string | null): Promise<EvaluationRow[]> {
  let query = db.selectFrom('case_file_evaluations').selectAll().where('round_id', '=', roundId);
  if (unitPath !== null) query = query.where(startsWith('unit_path', unitPath));
  return query.orderBy('position').execute();
}

export function findEvaluation(db: Reader, id: string): Promise<EvaluationRow | undefined> {
  return db.selectFrom('case_file_evaluations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Changes a draft; false when it was submitted meanwhile (a second submit loses). */
export async function updateDraft(trx: Trx, id: string, changes: Partial<Omit<EvaluationRow, 'id' | 'round_id'>>): Promise<boolean> {
  const result = await trx
    .updateTable('case_file_evaluations')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countDrafts(db: Reader, roundId: string): Promise<number> {
  const row = await db
    .selectFrom('case_file_evaluations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .where('state', '=', 'draft')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Closes an open round; false when it was closed meanwhile. */
export async function closeRound(trx: Trx, id: string, by: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('evaluation_rounds')
    .set({ state: 'closed', closed_by: by, closed_at: at })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
