import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { ITEM_KINDS, type ItemData } from './model.js';
import { can } from './policy.js';
import * as repo from './repository.js';
import type { ItemInput, ItemView } from './views.js';

export type { ItemInput, ItemView } from './views.js';

// 随机抽查事项清单: every change is a new published version (the list is public from the first), the
// previous one kept; abolishing takes an item off the current list.

export const itemView = (row: repo.ItemRow): ItemView => ({
  ...(JSON.parse(row.data) as ItemData),
  id: row.id,
  code: row.code,
  versionNo: Number(row.version_no),
  current: Number(row.current) === 1,
  unitId: row.unit_id,
  unitName: row.unit_name,
  changeNote: row.change_note,
  publishedAt: row.published_at,
});

function checkItem(input: ItemInput): ItemData {
  const text = (value: string, field: string, max: number): string => {
    const t = value.trim();
    if (t === '') throw invalid('item_field_required', `请填写${field}`);
    if (t.length > max) throw invalid('item_field_too_long', `${field}不能超过 ${max} 个字`);
    return t;
  };
  if (!ITEM_KINDS.includes(input.kind)) throw invalid('item_kind_invalid', `事项类别应为${ITEM_KINDS.join('或')}`);
  if (!(input.percent > 0 && input.percent <= 100)) throw invalid('item_percent_invalid', '抽查比例应大于 0、不超过 100(%)');
  return {
    category: text(input.category, '抽查类别', 50),
    name: text(input.name, '抽查事项', 200),
    target: text(input.target, '检查对象', 200),
    kind: input.kind,
    basis: text(input.basis, '检查依据', 4000),
    content: text(input.content, '抽查内容', 4000),
    method: text(input.method, '检查方式', 500),
    percent: input.percent,
    frequency: text(input.frequency, '抽查频次', 200),
    level: text(input.level, '实施层级', 100),
    field: text(input.field, '执法类别', 50),
  };
}

/** The current list (public and staff alike), optionally searched by name, content or basis. */
export async function listCurrentItems(db: Kysely<Database>, q?: string): Promise<ItemView[]> {
  return (await repo.listCurrentItems(db, q?.trim() || undefined)).map(itemView);
}

/** An item's versions, newest first (404 for an unknown code). */
export async function itemVersions(db: Kysely<Database>, code: string): Promise<ItemView[]> {
  const rows = await repo.listItemVersions(db, code);
  if (rows.length === 0) throw notFound('item_not_found', '抽查事项不存在');
  return rows.map(itemView);
}

async function publishVersion(trx: Trx, actor: Actor, code: string, data: ItemData, unitId: string, note: string | null) {
  const latest = await repo.latestItemVersion(trx, code);
  const versionNo = (latest ? Number(latest.version_no) : 0) + 1;
  const id = randomUUID();
  const event = await recordEvent(trx, actor, {
    type: 'inspection.item_published',
    subject: { type: 'inspection_item', id: code },
    data: { code, versionNo, unitId, changeNote: note, ...data },
  });
  await repo.supersedeItem(trx, code);
  await repo.insertItem(trx, {
    id,
    code,
    version_no: versionNo,
    current: 1,
    unit_id: unitId,
    data: JSON.stringify(data),
    change_note: note,
    published_at: event.occurredAt,
    published_by: requireUser(actor).userId,
    ledger_index: event.ledgerIndex,
  });
  return id;
}

/** Adds an item to the list (its code is the next free 「SJ-nnn」). */
export async function createItem(db: Kysely<Database>, actor: Actor, input: ItemInput): Promise<ItemView> {
  authorize(can(actor, 'inspection.items'), '只有政策法规科可以编制抽查事项清单');
  const data = checkItem(input);
  if (!(await repo.unitExists(db, input.unitId))) throw invalid('unit_not_found', '实施机构不存在');
  const code = await inTransaction(db, async (trx) => {
    const next = `SJ-${String((await repo.countItemCodes(trx)) + 1).padStart(3, '0')}`;
    await publishVersion(trx, actor, next, data, input.unitId, null);
    return next;
  });
  return (await itemVersions(db, code))[0] as ItemView;
}

/** A new version of an item in force; a change note is required. */
export async function reviseItem(db: Kysely<Database>, actor: Actor, code: string, input: ItemInput): Promise<ItemView> {
  authorize(can(actor, 'inspection.items'), '只有政策法规科可以编制抽查事项清单');
  const data = checkItem(input);
  const note = (input.changeNote ?? '').trim();
  if (note === '') throw invalid('change_note_required', '修订抽查事项须说明修订理由');
  if (!(await repo.unitExists(db, input.unitId))) throw invalid('unit_not_found', '实施机构不存在');
  await inTransaction(db, async (trx) => {
    const latest = await repo.latestItemVersion(trx, code);
    if (!latest) throw notFound('item_not_found', '抽查事项不存在');
    if (Number(latest.current) !== 1) throw conflict('item_abolished', '该抽查事项已废止,不能修订');
    await publishVersion(trx, actor, code, data, input.unitId, note);
  });
  return (await itemVersions(db, code))[0] as ItemView;
}

/** Takes an item off the current list (its versions stay readable). */
export async function abolishItem(db: Kysely<Database>, actor: Actor, code: string, reason: string): Promise<void> {
  authorize(can(actor, 'inspection.items'), '只有政策法规科可以编制抽查事项清单');
  if (reason.trim() === '') throw invalid('reason_required', '请填写废止理由');
  await inTransaction(db, async (trx) => {
    const latest = await repo.latestItemVersion(trx, code);
    if (!latest) throw notFound('item_not_found', '抽查事项不存在');
    if (Number(latest.current) !== 1) throw conflict('item_abolished', '该抽查事项已废止');
    await repo.supersedeItem(trx, code);
    await recordEvent(trx, actor, {
      type: 'inspection.item_abolished',
      subject: { type: 'inspection_item', id: code },
      data: { code, versionNo: Number(latest.version_no), reason: reason.trim() },
    });
  });
}
