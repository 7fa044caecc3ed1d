import type { Kysely } from 'kysely';
import { systemActor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { ItemData } from './item-data.js';
import { anyItem } from './repository.js';
import { DEMO_ITEMS } from './seed-data.js';
import { insertDraft, insertItem, publishInTransaction } from './service.js';

const INSPECTION = '劳动保障监察监督局';

/**
 * The demo 执法事项清单: five real 劳动保障监察 items, each published as version 1; the 工时 item has a
 * published version 2 (so its history shows) and the 社会保险 item an unpublished draft. Does nothing
 * when any item exists.
 */
export async function seedCatalogDemo(db: Kysely<Database>): Promise<void> {
  if (await anyItem(db)) return;
  const units = await db.selectFrom('units').select(['id', 'name', 'parent_id']).orderBy('created_at').execute();
  const root = units.find((u) => u.parent_id === null);
  const unit = units.find((u) => u.name === INSPECTION) ?? root;
  if (!root || !unit) return;
  const city = root.name.replace(/人力资源和社会保障局$/, '');
  const actor = systemActor('seed-demo');
  await inTransaction(db, async (trx) => {
    for (const item of DEMO_ITEMS) {
      const data: ItemData = {
        ...item.data,
        unitId: unit.id,
        acceptingBody: unit.name,
        approvingBody: root.name,
        remedies: [
          { channel: '行政复议', period: `自知道该行政行为之日起 60 日内向${city}人民政府申请` },
          { channel: '行政诉讼', period: '自知道或者应当知道作出行政行为之日起 6 个月内向人民法院提起' },
        ],
        supervision: `${city}司法局行政执法监督;${root.name}政策法规科`,
        complaint: '劳动保障监察举报投诉电话 12333;12345 政务服务便民热线',
      };
      const { itemId, versionId } = await insertItem(trx, actor, item.code, data);
      await publishInTransaction(trx, actor, itemId, versionId);
      if (item.code === 'RS-CF-004') {
        const steps = data.steps.map((s) => (s.name === '决定' ? { ...s, role: '局负责人(经法制审核;重大案件集体讨论)' } : s));
        const second = await insertDraft(trx, actor, itemId, { ...data, promisedLimit: { value: 45, unit: '日' }, steps });
        await publishInTransaction(trx, actor, itemId, second);
      }
      if (item.code === 'RS-CF-003') await insertDraft(trx, actor, itemId, { ...data, fees: '不收费(草稿修订中)' });
    }
  });
}
