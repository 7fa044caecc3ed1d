import type { Kysely } from 'kysely';
import { systemActor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { PREFIX_SET, upsertPrefix } from './repository.js';

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
