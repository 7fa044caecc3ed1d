import type { Kysely } from 'kysely';
import { type Actor, systemActor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import type { ItemData } from './item-data.js';
import { avRuleKind, benchmarkKind, itemKind, reviewRuleKind, windowBoardKind } from './kind-registry.js';
import type { KindDef } from './kinds.js';
import { anyEntry } from './repository.js';
import { DEMO_BENCHMARKS } from './seed-benchmarks.js';
import { DEMO_ITEMS } from './seed-data.js';
import { DEMO_AV_RULES, DEMO_REVIEW_RULES, DEMO_WINDOW_BOARDS } from './seed-lists.js';
import { insertDraft, insertEntry, publishInTransaction } from './service.js';

const INSPECTION = '劳动保障监察监督局';
const LEGAL = '政策法规科';

interface Units {
  root: { id: string; name: string };
  inspection: { id: string; name: string };
  legal: { id: string; name: string };
}

async function publishAll<D>(trx: Trx, actor: Actor, def: KindDef<D>, entries: readonly { code: string; data: D }[]): Promise<void> {
  for (const { code, data } of entries) {
    const { itemId, versionId } = await insertEntry(trx, actor, def, code, data);
    await publishInTransaction(trx, actor, def, itemId, versionId);
  }
}

/**
 * The demo 执法公示 catalogue: five real 劳动保障监察 items (the 工时 item has a published version 2 so its
 * history shows, the 社会保险 item an unpublished draft), eight 裁量基准, an 音像记录事项清单, a
 * 重大执法决定法制审核目录 and two 岗位职责公示牌. Each kind is seeded only when none of it exists.
 */
export async function seedCatalogDemo(db: Kysely<Database>): Promise<void> {
  const rows = await db.selectFrom('units').select(['id', 'name', 'parent_id']).orderBy('created_at').execute();
  const root = rows.find((u) => u.parent_id === null);
  if (!root) return;
  const units: Units = {
    root,
    inspection: rows.find((u) => u.name === INSPECTION) ?? root,
    legal: rows.find((u) => u.name === LEGAL) ?? root,
  };
  const actor = systemActor('seed-demo');
  await inTransaction(db, async (trx) => {
    if (!(await anyEntry(trx, 'item'))) await seedItems(trx, actor, units);
    const at =
      (unitId: string) =>
      <D>(e: { code: string; data: D }) => ({ code: e.code, data: { ...e.data, unitId } });
    if (!(await anyEntry(trx, 'benchmark'))) await publishAll(trx, actor, benchmarkKind, DEMO_BENCHMARKS.map(at(units.inspection.id)));
    if (!(await anyEntry(trx, 'av_rule'))) await publishAll(trx, actor, avRuleKind, DEMO_AV_RULES.map(at(units.inspection.id)));
    if (!(await anyEntry(trx, 'review_rule'))) await publishAll(trx, actor, reviewRuleKind, DEMO_REVIEW_RULES.map(at(units.legal.id)));
    if (!(await anyEntry(trx, 'window_board')))
      await publishAll(trx, actor, windowBoardKind, DEMO_WINDOW_BOARDS.map(at(units.inspection.id)));
  });
}

async function seedItems(trx: Trx, actor: Actor, { root, inspection }: Units): Promise<void> {
  const city = root.name.replace(/人力资源和社会保障局$/, '');
  for (const item of DEMO_ITEMS) {
    const data: ItemData = {
      ...item.data,
      unitId: inspection.id,
      acceptingBody: inspection.name,
      approvingBody: root.name,
      remedies: [
        { channel: '行政复议', period: `自知道该行政行为之日起 60 日内向${city}人民政府申请` },
        { channel: '行政诉讼', period: '自知道或者应当知道作出行政行为之日起 6 个月内向人民法院提起' },
      ],
      supervision: `${city}司法局行政执法监督;${root.name}政策法规科`,
      complaint: '劳动保障监察举报投诉电话 12333;12345 政务服务便民热线',
    };
    const { itemId, versionId } = await insertEntry(trx, actor, itemKind, item.code, data);
    await publishInTransaction(trx, actor, itemKind, itemId, versionId);
    if (item.code === 'RS-CF-004') {
      const steps = data.steps.map((s) => (s.name === '决定' ? { ...s, role: '局负责人(经法制审核;重大案件集体讨论)' } : s));
      const second = await insertDraft(trx, actor, itemKind, itemId, { ...data, promisedLimit: { value: 45, unit: '日' }, steps });
      await publishInTransaction(trx, actor, itemKind, itemId, second);
    }
    if (item.code === 'RS-CF-003') await insertDraft(trx, actor, itemKind, itemId, { ...data, fees: '不收费(草稿修订中)' });
  }
}
