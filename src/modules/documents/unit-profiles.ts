import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { canonicalJson } from '../../platform/events/canonical-json.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { can } from './policy.js';
import { findUnit } from './repository.js';
import {
  isEmptyProfile,
  normalizeUnitProfile,
  type ProfileLayer,
  parseProfile,
  profileJson,
  resolveUnitProfile,
  type UnitProfile,
  type UnitProfileListItem,
  type UnitProfileView,
} from './unit-profile.js';
import { deleteUnitProfile, listUnitProfileRows, profilesOf, UNIT_PROFILE_SET, upsertUnitProfile } from './unit-profiles-repository.js';

type Reader = Kysely<Database> | Trx;

/** Unit ids from the unit itself up to the root (a path is `/root/…/unit/`). */
const upwards = (path: string) => path.split('/').filter(Boolean).reverse();

async function layersFor(db: Reader, path: string): Promise<(ProfileLayer & { updatedAt: string })[]> {
  const ids = upwards(path);
  const rows = await profilesOf(db, ids);
  return ids.flatMap((id) => {
    const row = rows.find((r) => r.unit_id === id);
    return row ? [{ unitId: id, unitName: row.unit_name, profile: parseProfile(row.data), updatedAt: row.updated_at }] : [];
  });
}

async function viewOf(db: Reader, unit: { id: string; name: string; path: string }): Promise<UnitProfileView> {
  const layers = await layersFor(db, unit.path);
  const own = layers[0]?.unitId === unit.id ? layers[0] : undefined;
  const { profile, sources } = resolveUnitProfile(layers);
  return {
    unitId: unit.id,
    unitName: unit.name,
    own: own?.profile ?? null,
    updatedAt: own?.updatedAt ?? null,
    effective: profile,
    sources,
  };
}

/**
 * The 文书固定信息 a document of this unit prints by default: each part (contact, payment, remedies)
 * from the unit itself, else from its nearest ancestor that has it. Null when neither the unit nor
 * any ancestor has any (or the unit does not exist). A plain lookup: the caller authorizes.
 */
export async function unitProfileFor(db: Reader, unitId: string): Promise<UnitProfile | null> {
  const unit = await findUnit(db, unitId);
  if (!unit) return null;
  const { profile } = resolveUnitProfile(await layersFor(db, unit.path));
  return isEmptyProfile(profile) ? null : profile;
}

/** Every unit, in tree order, with its own profile and the source of each effective part. */
export async function listUnitProfiles(db: Kysely<Database>, actor: Actor): Promise<UnitProfileListItem[]> {
  requireUser(actor);
  authorize(can(actor, 'documents.read'));
  const rows = await listUnitProfileRows(db);
  const layerOf = new Map<string, ProfileLayer>();
  for (const r of rows)
    if (r.data !== null) layerOf.set(r.unit_id, { unitId: r.unit_id, unitName: r.unit_name, profile: parseProfile(r.data) });
  return rows.map((r) => {
    const layers = upwards(r.path).flatMap((id) => layerOf.get(id) ?? []);
    return {
      unitId: r.unit_id,
      unitName: r.unit_name,
      parentId: r.parent_id,
      profile: layerOf.get(r.unit_id)?.profile ?? null,
      updatedAt: r.updated_at,
      sources: resolveUnitProfile(layers).sources,
    };
  });
}

export async function getUnitProfile(db: Kysely<Database>, actor: Actor, unitId: string): Promise<UnitProfileView> {
  requireUser(actor);
  authorize(can(actor, 'documents.read'));
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound('unit_not_found', '单位不存在');
  return viewOf(db, unit);
}

/**
 * Sets a unit's own 文书固定信息 (replacing what it had; a part left out is inherited again, an empty
 * profile removes it). Documents issued before keep what they printed.
 */
export async function setUnitProfile(db: Kysely<Database>, actor: Actor, unitId: string, input: UnitProfile): Promise<UnitProfileView> {
  const user = requireUser(actor);
  authorize(can(user, 'documents.manage_unit_profiles'), '只有系统管理员可以设置文书固定信息');
  const profile = normalizeUnitProfile(input);
  return inTransaction(db, async (trx) => {
    const unit = await findUnit(trx, unitId);
    if (!unit) throw notFound('unit_not_found', '单位不存在');
    const json = profileJson(profile);
    if (isEmptyProfile(profile)) await deleteUnitProfile(trx, unitId);
    else
      await upsertUnitProfile(trx, {
        unit_id: unitId,
        data: canonicalJson(json),
        updated_at: new Date().toISOString(),
        updated_by: user.userId,
      });
    await recordEvent(trx, user, { type: UNIT_PROFILE_SET, subject: { type: 'unit', id: unitId }, data: { profile: json } });
    return viewOf(trx, unit);
  });
}
