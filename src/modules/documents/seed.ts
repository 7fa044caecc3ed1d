import type { Kysely } from 'kysely';
import { systemActor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { canonicalJson } from '../../platform/events/canonical-json.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { PREFIX_SET, upsertPrefix } from './repository.js';
import { normalizeUnitProfile, profileJson, type UnitProfile } from './unit-profile.js';
import { UNIT_PROFILE_SET, upsertUnitProfile } from './unit-profiles-repository.js';

/** The demo bureau's 文号 prefixes (石嘴山市人社局 → 石人社; its 劳动保障监察监督局 → 石人社监), set once. */
const DEMO_PREFIXES: Readonly<Record<string, string>> = { 劳动保障监察监督局: '石人社监', 政策法规科: '石人社法' };

export async function seedDocumentPrefixesDemo(db: Kysely<Database>): Promise<void> {
  if (await db.selectFrom('document_number_prefixes').select('unit_id').limit(1).executeTakeFirst()) return;
  const units = await db.selectFrom('units').select(['id', 'name']).execute();
  await inTransaction(db, async (trx) => {
    for (const unit of units) {
      const prefix = DEMO_PREFIXES[unit.name];
      if (!prefix) continue;
      await upsertPrefix(trx, { unit_id: unit.id, prefix, updated_at: new Date().toISOString(), updated_by: 'system:seed-demo' });
      await recordEvent(trx, systemActor('seed-demo'), { type: PREFIX_SET, subject: { type: 'unit', id: unit.id }, data: { prefix } });
    }
  });
}

/** The demo bureau's 文书固定信息, set on the root unit so that every unit inherits it. */
const DEMO_PROFILE: UnitProfile = {
  contact: { person: '张明', phone: '0952-2011234', address: '石嘴山市大武口区人社大楼 301 室' },
  payment: { bank: '中国工商银行石嘴山分行', accountName: '石嘴山市财政局非税收入专户', account: '6402 0000 1111 2222', deadlineDays: 15 },
  remedies: {
    reconsiderationBody: '石嘴山市人民政府',
    reconsiderationPeriod: '六十日',
    litigationCourt: '石嘴山市大武口区人民法院',
    litigationPeriod: '六个月',
  },
};

/** Gives the root unit (the agency) the demo profile, once: does nothing when any unit has a profile. */
export async function seedDocumentProfilesDemo(db: Kysely<Database>): Promise<void> {
  if (await db.selectFrom('document_unit_profiles').select('unit_id').limit(1).executeTakeFirst()) return;
  const root = await db.selectFrom('units').select('id').where('parent_id', 'is', null).orderBy('path').executeTakeFirst();
  if (!root) return;
  const json = profileJson(normalizeUnitProfile(DEMO_PROFILE));
  await inTransaction(db, async (trx) => {
    await upsertUnitProfile(trx, {
      unit_id: root.id,
      data: canonicalJson(json),
      updated_at: new Date().toISOString(),
      updated_by: 'system:seed-demo',
    });
    await recordEvent(trx, systemActor('seed-demo'), {
      type: UNIT_PROFILE_SET,
      subject: { type: 'unit', id: root.id },
      data: { profile: json },
    });
  });
}
