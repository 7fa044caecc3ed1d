import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Trx } from '../db/transaction.js';
import type { CalendarDaysTable, CalendarYearsTable } from './tables.js';

export type YearRow = CalendarYearsTable;
export type DayRow = CalendarDaysTable;
type Reader = Kysely<Database> | Trx;

/** Rows per INSERT: 4 parameters each, far below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 250;

export function listYearRows(db: Reader): Promise<YearRow[]> {
  return db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

export function findYearRow(db: Reader, year: number): Promise<YearRow | undefined> {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
}

export async function countYears(db: Reader): Promise<number> {
  const row = await db
    .selectFrom('calendar_years')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Holidays and working days per year: `{ year → { holiday: n, workday: n } }`. */
export async function countDaysByYear(db: Reader): Promise<Map<number, { holiday: number; workday: number }>> {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['year', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['year', 'kind'])
    .execute();
  const out = new Map<number, { holiday: number; workday: number }>();
  for (const row of rows) {
    const entry = out.get(Number(row.year)) ?? { holiday: 0, workday: 0 };
    if (row.kind === 'holiday' || row.kind === 'workday') entry[row.kind] = Number(row.n);
    out.set(Number(row.year), entry);
  }
  return out;
}

export function listDayRows(db: Reader, year: number): Promise<DayRow[]> {
  return db.selectFrom('calendar_days').selectAll().where('year', '=', year).orderBy('date').execute();
}

/** The approved years and all their special days: what the in-memory calendar is built from. */
export async function loadApprovedData(db: Reader): Promise<{ years: number[]; days: DayRow[] }> {
  const years = await db.selectFrom('calendar_years').select('year').where('status', '=', 'approved').execute();
  const days = await db
    .selectFrom('calendar_days')
    .innerJoin('calendar_years', 'calendar_years.year', 'calendar_days.year')
    .select(['calendar_days.date', 'calendar_days.year', 'calendar_days.kind', 'calendar_days.name'])
    .where('calendar_years.status', '=', 'approved')
    .execute();
  return { years: years.map((r) => Number(r.year)), days };
}

/** Changes whenever a year is approved (or seeded): lets every process notice approvals made by another. */
export async function approvedSignature(db: Reader): Promise<string> {
  const row = await db
    .selectFrom('calendar_years')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('approved_at').as('latest')])
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}|${row.latest ?? ''}`;
}

export async function insertYearRows(trx: Trx, rows: readonly YearRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto('calendar_years')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function replaceDraftYearRow(trx: Trx, row: YearRow): Promise<void> {
  await trx.updateTable('calendar_years').set(row).where('year', '=', row.year).where('status', '=', 'draft').execute();
}

export async function deleteDayRows(trx: Trx, year: number): Promise<void> {
  await trx.deleteFrom('calendar_days').where('year', '=', year).execute();
}

export async function insertDayRows(trx: Trx, rows: readonly DayRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto('calendar_days')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

/** Approves a draft; false when the year was not a draft any more (someone else approved it first). */
export async function approveYearRow(trx: Trx, year: number, approvedBy: string, approvedAt: string): Promise<boolean> {
  const result = await trx
    .updateTable('calendar_years')
    .set({ status: 'approved', approved_by: approvedBy, approved_at: approvedAt })
    .where('year', '=', year)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
