import { type Kysely, sql } from 'kysely';
import { containsInsensitive, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { CasePartiesTable, CasePaymentsTable, CaseStepsTable, CasesTable } from './tables.js';

type Reader = Kysely<Database> | Trx;

/** The next case number of a year, without gaps: one row per year, bumped inside the caller's transaction. */
export async function nextCaseNo(trx: Trx, year: number): Promise<number> {
  await trx
    .insertInto('case_counters')
    .values({ year, last_no: 0 })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  const row = await trx
    .updateTable('case_counters')
    .set({ last_no: sql`last_no + 1` })
    .where('year', '=', year)
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return Number(row.last_no);
}

export async function insertCase(trx: Trx, row: CasesTable): Promise<void> {
  await trx.insertInto('cases').values(row).execute();
}

export async function updateCase(trx: Trx, id: string, changes: Partial<Omit<CasesTable, 'id' | 'case_no' | 'created_at'>>): Promise<void> {
  await trx.updateTable('cases').set(changes).where('id', '=', id).execute();
}

export function findCase(db: Reader, id: string): Promise<CasesTable | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertParty(trx: Trx, row: CasePartiesTable): Promise<void> {
  await trx.insertInto('case_parties').values(row).execute();
}

export function listParties(db: Reader, caseId: string): Promise<CasePartiesTable[]> {
  return db.selectFrom('case_parties').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export async function insertCaseOfficers(
  trx: Trx,
  caseId: string,
  officers: readonly { officerId: string; role: string }[],
): Promise<void> {
  if (officers.length === 0) return;
  await trx
    .insertInto('case_officers')
    .values(officers.map((o) => ({ case_id: caseId, officer_id: o.officerId, role: o.role })))
    .execute();
}

export async function listCaseOfficers(
  db: Reader,
  caseId: string,
): Promise<{ officerId: string; role: string; name: string; certificateNo: string }[]> {
  const rows = await db
    .selectFrom('case_officers as co')
    .innerJoin('officers as o', 'o.id', 'co.officer_id')
    .select(['co.officer_id', 'co.role', 'o.name', 'o.certificate_no'])
    .where('co.case_id', '=', caseId)
    .orderBy('co.role', 'desc')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ officerId: r.officer_id, role: r.role, name: r.name, certificateNo: r.certificate_no }));
}

export async function nextStepSeq(trx: Trx, caseId: string): Promise<number> {
  const row = await trx
    .selectFrom('case_steps')
    .select((eb) => eb.fn.max('seq').as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function insertStep(trx: Trx, row: CaseStepsTable): Promise<void> {
  await trx.insertInto('case_steps').values(row).execute();
}

export async function listSteps(db: Reader, caseId: string): Promise<CaseStepsTable[]> {
  const rows = await db.selectFrom('case_steps').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export async function insertPayment(trx: Trx, row: CasePaymentsTable): Promise<void> {
  await trx.insertInto('case_payments').values(row).execute();
}

export async function listPayments(db: Reader, caseId: string): Promise<CasePaymentsTable[]> {
  const rows = await db
    .selectFrom('case_payments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('paid_on')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
}

export async function receiptTaken(db: Reader, receiptNo: string): Promise<boolean> {
  return (await db.selectFrom('case_payments').select('id').where('receipt_no', '=', receiptNo).executeTakeFirst()) !== undefined;
}

export interface CaseFilter {
  unitPathPrefix?: string;
  /** The chosen unit's subtree (within the scope above: both must hold). */
  unitSubtree?: string;
  stage?: string;
  q?: string;
  officerId?: string;
  /** Cases whose nearest open deadline is on or before this date. */
  dueBy?: string;
  offset: number;
  limit: number;
}

function filtered(db: Reader, f: CaseFilter) {
  let query = db.selectFrom('cases');
  if (f.unitPathPrefix !== undefined) query = query.where(startsWith('unit_path', f.unitPathPrefix));
  if (f.unitSubtree !== undefined) query = query.where(startsWith('unit_path', f.unitSubtree));
  if (f.stage) query = query.where('stage', '=', f.stage);
  if (f.dueBy) query = query.where('next_deadline', '<=', f.dueBy);
  if (f.officerId) {
    const officerId = f.officerId;
    query = query.where('id', 'in', (eb) => eb.selectFrom('case_officers').select('case_id').where('officer_id', '=', officerId));
  }
  const q = f.q;
  if (q) {
    query = query.where((eb) =>
      eb.or([
        containsInsensitive('case_no', q),
        containsInsensitive('title', q),
        eb('id', 'in', eb.selectFrom('case_parties').select('case_id').where(containsInsensitive('name', q))),
      ]),
    );
  }
  return query;
}

export async function listCaseRows(db: Reader, f: CaseFilter): Promise<{ rows: CasesTable[]; total: number }> {
  const rows = await filtered(db, f)
    .selectAll()
    // Open deadlines first, nearest first (SQLite and PostgreSQL order nulls differently, so say it).
    .orderBy((eb) => eb.case().when('next_deadline', 'is', null).then(1).else(0).end())
    .orderBy('next_deadline')
    .orderBy('created_at', 'desc')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map((r) => ({ ...r, review_required: Number(r.review_required) })), total: Number(count.n) };
}

export async function unitPath(db: Reader, unitId: string): Promise<string | undefined> {
  return (await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst())?.path;
}

/** Open cases whose list deadline is empty and whose data holds a deadline waiting for a year's holidays. */
export function listOpenCasesWithoutDeadline(db: Reader): Promise<Pick<CasesTable, 'id' | 'data'>[]> {
  return (
    db
      .selectFrom('cases')
      .select(['id', 'data'])
      .where('next_deadline', 'is', null)
      .where('closed_on', 'is', null)
      .where('stage', 'not in', ['closed', 'cancelled', 'not_accepted'])
      // Only those holding a deadline without a date: the list runs this before every page.
      .where(containsInsensitive('data', '"due":null'))
      .execute()
  );
}

export async function partyNamesOf(db: Reader, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (caseIds.length === 0) return names;
  const rows = await db
    .selectFrom('case_parties')
    .select(['case_id', 'name'])
    .where('case_id', 'in', [...caseIds])
    .orderBy('id')
    .execute();
  for (const r of rows) names.set(r.case_id, [...(names.get(r.case_id) ?? []), r.name]);
  return names;
}

/** Cases whose decision was recorded as revoked, changed, unlawful or void (all, or among `caseIds`). */
export async function listRevokedCases(db: Reader, caseIds?: readonly string[]): Promise<{ id: string; case_no: string; data: string }[]> {
  let query = db.selectFrom('cases').select(['id', 'case_no', 'data']).where('decision_revoked_on', 'is not', null);
  if (caseIds !== undefined) query = query.where('id', 'in', [...caseIds]);
  return query.orderBy('decision_revoked_on').execute();
}

export function findCaseByNumber(db: Reader, caseNo: string): Promise<CasesTable | undefined> {
  return db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst();
}
