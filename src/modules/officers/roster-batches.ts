import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { findOfficersByIds } from './officers-repository.js';
import { can } from './policy.js';
import { type PublicEntry, parseEntry } from './roster-entries.js';
import * as repo from './roster-repository.js';

export const BATCH_STATUSES = ['draft', 'submitted', 'confirmed', 'returned'] as const;
export const BATCH_STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: '草稿',
  submitted: '已报送',
  confirmed: '已确认',
  returned: '已退回',
};
export const ITEM_ACTIONS = ['upsert', 'remove'] as const;
/** Batches the 政策法规科 may still change. */
export const EDITABLE = ['draft', 'returned'];

export interface BatchItemInput {
  officerId: string;
  action: string;
}

export interface BatchView {
  id: string;
  title: string;
  status: string;
  statusLabel: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  returnReason: string | null;
  version: number | null;
  publishDeadline: string | null;
  items: { officerId: string; officerName: string; certificateNo: string; action: string; entry: PublicEntry | null }[];
}

export async function batchView(db: Kysely<Database> | Trx, row: repo.BatchRow): Promise<BatchView> {
  const items = await repo.listItemRows(db, row.id);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    statusLabel: BATCH_STATUS_LABELS[row.status] ?? row.status,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    returnReason: row.return_reason,
    version: row.version,
    publishDeadline: row.publish_deadline,
    items: items.map((i) => ({
      officerId: i.officer_id,
      officerName: i.officer_name,
      certificateNo: i.certificate_no,
      action: i.action,
      entry: i.entry === null ? null : parseEntry(i.entry),
    })),
  };
}

export const actorRef = (actor: Actor) =>
  actor.kind === 'user' ? actor.userId : actor.kind === 'system' ? `system:${actor.name}` : 'anonymous';

async function checkItems(trx: Trx, items: readonly BatchItemInput[]): Promise<void> {
  const ids = items.map((i) => i.officerId);
  if (new Set(ids).size !== ids.length) throw invalid('duplicate_officer', '同一执法人员在一个批次中只能出现一次');
  if (items.some((i) => !ITEM_ACTIONS.some((a) => a === i.action)))
    throw invalid('invalid_action', '变更类型应为 upsert(新增或更新)或 remove(移出清单)');
  const found = new Set((await findOfficersByIds(trx, ids)).map((o) => o.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw invalid('officer_not_found', '批次中有执法人员不存在', missing);
}

/** Creates a draft batch with its `roster.batch_created` event (also used by the demo seed). */
export async function insertBatch(trx: Trx, actor: Actor, input: { title: string; note?: string | null; items: BatchItemInput[] }) {
  const title = input.title.trim();
  if (title === '') throw invalid('title_required', '批次名称不能为空');
  await checkItems(trx, input.items);
  const id = randomUUID();
  const now = new Date().toISOString();
  const note = input.note?.trim() || null;
  await repo.insertBatchRow(trx, {
    id,
    title,
    status: 'draft',
    note,
    created_by: actorRef(actor),
    created_at: now,
    updated_at: now,
    submitted_at: null,
    decided_at: null,
    decided_by: null,
    return_reason: null,
    version: null,
    publish_deadline: null,
  });
  await repo.replaceItemRows(trx, id, input.items);
  await recordEvent(trx, actor, {
    type: 'roster.batch_created',
    subject: { type: 'roster_batch', id },
    data: { title, note, items: input.items.map((i) => ({ officerId: i.officerId, action: i.action })) },
  });
  return id;
}

export async function createBatch(
  db: Kysely<Database>,
  actor: Actor,
  input: { title: string; note?: string | null; items: BatchItemInput[] },
) {
  requireUser(actor);
  authorize(can(actor, 'officer.edit'), '只有政策法规科(法制审核人员)或系统管理员可以起草清单变更');
  return inTransaction(db, async (trx) => {
    const id = await insertBatch(trx, actor, input);
    const row = await repo.findBatchRow(trx, id);
    if (!row) throw notFound('batch_not_found', '清单变更批次不存在');
    return batchView(trx, row);
  });
}

export async function updateBatch(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { title?: string; note?: string | null; items?: BatchItemInput[] },
) {
  requireUser(actor);
  authorize(can(actor, 'officer.edit'), '只有政策法规科(法制审核人员)或系统管理员可以修改清单变更');
  return inTransaction(db, async (trx) => {
    const row = await repo.findBatchRow(trx, id);
    if (!row) throw notFound('batch_not_found', '清单变更批次不存在');
    if (!EDITABLE.includes(row.status))
      throw conflict('batch_not_editable', `批次${BATCH_STATUS_LABELS[row.status] ?? row.status},不能修改`);
    const title = input.title?.trim() ?? row.title;
    if (title === '') throw invalid('title_required', '批次名称不能为空');
    const note = input.note === undefined ? row.note : input.note?.trim() || null;
    if (input.items) {
      await checkItems(trx, input.items);
      await repo.replaceItemRows(trx, id, input.items);
    }
    await repo.updateBatchRow(trx, id, { title, note, updated_at: new Date().toISOString() });
    await recordEvent(trx, actor, {
      type: 'roster.batch_updated',
      subject: { type: 'roster_batch', id },
      data: { title, note, items: input.items ? input.items.map((i) => ({ officerId: i.officerId, action: i.action })) : null },
    });
    return batchView(trx, { ...row, title, note });
  });
}

export async function getBatch(db: Kysely<Database>, actor: Actor, id: string): Promise<BatchView> {
  requireUser(actor);
  authorize(can(actor, 'roster.list'));
  const row = await repo.findBatchRow(db, id);
  if (!row) throw notFound('batch_not_found', '清单变更批次不存在');
  return batchView(db, row);
}

export async function listBatches(db: Kysely<Database>, actor: Actor, query: { status?: string; page: number; pageSize: number }) {
  requireUser(actor);
  authorize(can(actor, 'roster.list'));
  const { rows, total } = await repo.listBatchRows(db, {
    status: query.status,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const items = [];
  for (const row of rows) items.push(await batchView(db, row));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
