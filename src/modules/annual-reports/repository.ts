import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { AnnualReportsTable, AnnualReportUnitsTable } from './tables.js';

type Reader = Kysely<Database> | Trx;
export type ReportRow = Selectable<AnnualReportsTable>;
export type UnitRow = Selectable<AnnualReportUnitsTable>;

export const COMPUTED = 'annual_report.computed';
export const UNIT_CONFIRMED = 'annual_report.unit_confirmed';
export const UNIT_RETURNED = 'annual_report.unit_returned';
export const COMPILED = 'annual_report.compiled';
export const PUBLISHED = 'annual_report.published';

export async function findReport(db: Reader, year: number): Promise<ReportRow | undefined> {
  return db.selectFrom('annual_reports').selectAll().where('year', '=', year).executeTakeFirst();
}

export async function listReports(db: Reader, state?: string): Promise<ReportRow[]> {
  let query = db.selectFrom('annual_reports').selectAll();
  if (state !== undefined) query = query.where('state', '=', state);
  return query.orderBy('year', 'desc').execute();
}

/** Inserts the year's report unless another request just did: true when this call inserted it. */
export async function insertReport(trx: Trx, row: Insertable<AnnualReportsTable>): Promise<boolean> {
  const inserted = await trx
    .insertInto('annual_reports')
    .values(row)
    .onConflict((oc) => oc.column('year').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Changes the report only if it is still in `from` and unchanged since read (updated_at): the loser of a race gets false. */
export async function updateReport(
  trx: Trx,
  id: string,
  from: { state: string; updatedAt: string },
  changes: Partial<Omit<AnnualReportsTable, 'id' | 'year' | 'created_at' | 'created_by'>>,
): Promise<boolean> {
  const result = await trx
    .updateTable('annual_reports')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', from.state)
    .where('updated_at', '=', from.updatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listUnits(db: Reader, reportId: string): Promise<UnitRow[]> {
  return db.selectFrom('annual_report_units').selectAll().where('report_id', '=', reportId).execute();
}

export async function findUnit(db: Reader, reportId: string, unitId: string): Promise<UnitRow | undefined> {
  return db
    .selectFrom('annual_report_units')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

export async function insertUnit(trx: Trx, row: Insertable<AnnualReportUnitsTable>): Promise<void> {
  await trx.insertInto('annual_report_units').values(row).execute();
}

/** Changes a unit's row only if it is still as read (state and updated_at). */
export async function updateUnit(
  trx: Trx,
  id: string,
  from: { state: string; updatedAt: string },
  changes: Partial<Omit<AnnualReportUnitsTable, 'id' | 'report_id' | 'unit_id'>>,
): Promise<boolean> {
  const result = await trx
    .updateTable('annual_report_units')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', from.state)
    .where('updated_at', '=', from.updatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteUnit(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('annual_report_units').where('id', '=', id).execute();
}
