import type { Kysely } from 'kysely';
import { containsInsensitive, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { OfficersTable, OfficerTrainingsTable } from './tables.js';

type Reader = Kysely<Database> | Trx;

export type OfficerRow = OfficersTable & { unit_name: string; unit_path: string };
export type TrainingRow = OfficerTrainingsTable;

const columns = [
  'officers.id',
  'officers.user_id',
  'officers.name',
  'officers.unit_id',
  'officers.position',
  'officers.categories',
  'officers.certificate_no',
  'officers.issuing_authority',
  'officers.valid_from',
  'officers.valid_to',
  'officers.status',
  'officers.legal_qualification',
  'officers.legal_qualification_no',
  'officers.created_at',
  'officers.updated_at',
  'units.name as unit_name',
  'units.path as unit_path',
] as const;

const joined = (db: Reader) => db.selectFrom('officers').innerJoin('units', 'units.id', 'officers.unit_id');

export function findOfficerRow(db: Reader, id: string): Promise<OfficerRow | undefined> {
  return joined(db).select(columns).where('officers.id', '=', id).executeTakeFirst();
}

export function findOfficersByIds(db: Reader, ids: readonly string[]): Promise<OfficerRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return joined(db).select(columns).where('officers.id', 'in', ids).execute();
}

export async function certificateTaken(db: Reader, certificateNo: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('officers').select('id').where('certificate_no', '=', certificateNo);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface OfficerFilter {
  readonly unitPathPrefix?: string;
  readonly q?: string;
  readonly status?: string;
  /** Only active certificates whose last valid day falls in [from, to]. */
  readonly expiringBetween?: { readonly from: string; readonly to: string };
  readonly offset: number;
  readonly limit: number;
}

function filtered(db: Reader, f: OfficerFilter) {
  let query = joined(db);
  if (f.unitPathPrefix !== undefined) query = query.where(startsWith('units.path', f.unitPathPrefix));
  if (f.status !== undefined) query = query.where('officers.status', '=', f.status);
  if (f.expiringBetween !== undefined) {
    query = query
      .where('officers.status', '=', 'active')
      .where('officers.valid_to', '>=', f.expiringBetween.from)
      .where('officers.valid_to', '<=', f.expiringBetween.to);
  }
  const q = f.q;
  if (q !== undefined && q !== '') {
    query = query.where((eb) =>
      eb.or(['officers.name', 'officers.certificate_no', 'officers.categories', 'units.name'].map((c) => containsInsensitive(c, q))),
    );
  }
  return query;
}

export async function listOfficerRows(db: Reader, f: OfficerFilter): Promise<{ rows: OfficerRow[]; total: number }> {
  const order = f.expiringBetween ? 'officers.valid_to' : 'officers.name';
  const rows = await filtered(db, f).select(columns).orderBy(order).orderBy('officers.id').offset(f.offset).limit(f.limit).execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function insertOfficerRow(trx: Trx, row: OfficersTable): Promise<void> {
  await trx.insertInto('officers').values(row).execute();
}

export async function updateOfficerRow(trx: Trx, id: string, changes: Partial<Omit<OfficersTable, 'id' | 'created_at'>>): Promise<void> {
  await trx.updateTable('officers').set(changes).where('id', '=', id).execute();
}

export async function deleteOfficerRow(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('officer_trainings').where('officer_id', '=', id).execute();
  await trx.deleteFrom('officers').where('id', '=', id).execute();
}

/** Whether any batch or published version mentions the officer (then the record must stay). */
export async function officerReferenced(db: Reader, id: string): Promise<boolean> {
  const item = await db.selectFrom('roster_batch_items').select('batch_id').where('officer_id', '=', id).executeTakeFirst();
  if (item) return true;
  return (await db.selectFrom('roster_entries').select('version').where('officer_id', '=', id).executeTakeFirst()) !== undefined;
}

export async function unitExists(db: Reader, id: string): Promise<boolean> {
  return (await db.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function userExists(db: Reader, id: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function listTrainingRows(db: Reader, officerId: string): Promise<TrainingRow[]> {
  const rows = await db
    .selectFrom('officer_trainings')
    .selectAll()
    .where('officer_id', '=', officerId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, hours: Number(r.hours) }));
}

export async function findTrainingRow(db: Reader, officerId: string, id: string): Promise<TrainingRow | undefined> {
  const row = await db
    .selectFrom('officer_trainings')
    .selectAll()
    .where('officer_id', '=', officerId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { ...row, hours: Number(row.hours) };
}

export async function insertTrainingRow(trx: Trx, row: TrainingRow): Promise<void> {
  await trx.insertInto('officer_trainings').values(row).execute();
}

export async function deleteTrainingRow(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('officer_trainings').where('id', '=', id).execute();
}

export async function anyOfficer(db: Reader): Promise<boolean> {
  return (await db.selectFrom('officers').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Units by name (for the demo seed), oldest first. */
export function listUnitNames(db: Reader): Promise<{ id: string; name: string; parent_id: string | null }[]> {
  return db.selectFrom('units').select(['id', 'name', 'parent_id']).orderBy('created_at').execute();
}

export function listUsernames(db: Reader): Promise<{ id: string; username: string }[]> {
  return db.selectFrom('users').select(['id', 'username']).execute();
}

export async function unitPathOf(db: Reader, unitId: string): Promise<string | undefined> {
  return (await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst())?.path;
}

/** The officer record of a user account that holds a 法律职业资格, if any. */
export async function findQualifiedOfficerOfUser(db: Kysely<Database> | Trx, userId: string) {
  return db
    .selectFrom('officers')
    .select(['id', 'name', 'legal_qualification', 'legal_qualification_no'])
    .where('user_id', '=', userId)
    .where('legal_qualification', '!=', 'none')
    .executeTakeFirst();
}

/** Officers of units under a path (the unit itself included), by certificate number. */
export function findOfficersUnder(db: Reader, unitPath: string) {
  return db
    .selectFrom('officers')
    .innerJoin('units', 'units.id', 'officers.unit_id')
    .select([
      'officers.id',
      'officers.user_id',
      'officers.name',
      'officers.unit_id',
      'officers.categories',
      'officers.certificate_no',
      'officers.status',
      'officers.valid_from',
      'officers.valid_to',
      'units.name as unit_name',
    ])
    .where(startsWith('units.path', unitPath))
    .orderBy('officers.certificate_no')
    .execute();
}

/** The officer record of a user account, if any. */
export async function findOfficerOfUser(db: Reader, userId: string) {
  return db.selectFrom('officers').select(['id', 'name', 'certificate_no']).where('user_id', '=', userId).executeTakeFirst();
}
