import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { UnitsTable } from './tables.js';

export type UnitRow = UnitsTable;
type Reader = Kysely<Database> | Trx;

export function listUnitRows(db: Reader): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('path').execute();
}

export function findUnitRow(db: Reader, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitByName(db: Reader, parentId: string | null, name: string): Promise<UnitRow | undefined> {
  const query = db.selectFrom('units').selectAll().where('name', '=', name);
  return (parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId)).executeTakeFirst();
}

export async function countUnits(db: Reader): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUnitRow(trx: Trx, row: UnitRow): Promise<void> {
  await trx.insertInto('units').values(row).execute();
}

export async function updateUnitRow(
  trx: Trx,
  id: string,
  changes: Partial<Pick<UnitRow, 'name' | 'sort_order' | 'updated_at'>>,
): Promise<void> {
  await trx.updateTable('units').set(changes).where('id', '=', id).execute();
}

/** The agency itself: the unit without a parent (the oldest, should there ever be several). */
export function findRootUnit(db: Reader): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
}
