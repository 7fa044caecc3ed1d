import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';

// All SQL of 文书固定信息 (document_unit_profiles).

type Reader = Kysely<Database> | Trx;

export const UNIT_PROFILE_SET = 'document.unit_profile_set';

/** Every unit in tree order with its own stored profile (null columns when it has none). */
export function listUnitProfileRows(db: Reader) {
  return db
    .selectFrom('units')
    .leftJoin('document_unit_profiles as p', 'p.unit_id', 'units.id')
    .select(['units.id as unit_id', 'units.name as unit_name', 'units.parent_id', 'units.path', 'p.data', 'p.updated_at'])
    .orderBy('units.path')
    .execute();
}

/** The stored profiles of these units (those that have one), with the units' names. */
export function profilesOf(db: Reader, unitIds: readonly string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('document_unit_profiles as p')
    .innerJoin('units', 'units.id', 'p.unit_id')
    .select(['p.unit_id', 'units.name as unit_name', 'p.data', 'p.updated_at'])
    .where('p.unit_id', 'in', unitIds)
    .execute();
}

export async function upsertUnitProfile(trx: Trx, row: { unit_id: string; data: string; updated_at: string; updated_by: string }) {
  await trx
    .insertInto('document_unit_profiles')
    .values(row)
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ data: row.data, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}

export async function deleteUnitProfile(trx: Trx, unitId: string) {
  await trx.deleteFrom('document_unit_profiles').where('unit_id', '=', unitId).execute();
}
