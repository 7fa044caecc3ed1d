import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { unitNumberPrefix } from '../documents/index.js';
import { listPublicUnits } from '../org/index.js';

/** A unit's chain up to the root of its tree, the unit first. */
async function chainOf(db: Kysely<Database>, unitId: string): Promise<{ id: string; name: string }[]> {
  const units = new Map((await listPublicUnits(db)).map((u) => [u.id, u]));
  const chain: { id: string; name: string }[] = [];
  let unit = units.get(unitId);
  for (let guard = 0; unit && guard < 100; guard += 1) {
    chain.push({ id: unit.id, name: unit.name });
    unit = unit.parentId ? units.get(unit.parentId) : undefined;
  }
  return chain;
}

/** The agency a unit belongs to: the root of its tree (the 全宗 of its archives). */
export async function agencyOf(db: Kysely<Database>, unitId: string): Promise<{ readonly id: string; readonly name: string }> {
  const root = (await chainOf(db, unitId)).at(-1);
  return root ?? { id: unitId, name: '' };
}

/**
 * The 全宗 code in a 档号: the agency's 文号 prefix (石人社), else that of the highest unit above the case's
 * that has one (石人社监), else the word 全宗 — an agency sets its prefix once in 文书设置.
 */
export async function fondsCode(db: Kysely<Database>, unitId: string): Promise<string> {
  let code = '全宗';
  for (const unit of await chainOf(db, unitId)) {
    const prefix = await unitNumberPrefix(db, unit.id);
    if (prefix) code = prefix;
  }
  return code;
}
