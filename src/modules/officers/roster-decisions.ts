import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { publishDeadline } from './deadline.js';
import { findOfficersByIds } from './officers-repository.js';
import { can } from './policy.js';
import { actorRef, BATCH_STATUS_LABELS, type BatchView, batchView, EDITABLE } from './roster-batches.js';
import { entryJson, entryOfOfficer, entryOfRow, type PublicEntry, parseEntry, rowOfEntry } from './roster-entries.js';
import * as repo from './roster-repository.js';
import { shanghaiToday } from './validity.js';

async function batchIn(trx: Trx, id: string, allowed: readonly string[], code: string, verb: string): Promise<repo.BatchRow> {
  const row = await repo.findBatchRow(trx, id);
  if (!row) throw notFound('batch_not_found', '清单变更批次不存在');
  if (!allowed.includes(row.status)) throw conflict(code, `批次${BATCH_STATUS_LABELS[row.status] ?? row.status},不能${verb}`);
  return row;
}

/** Freezes each item's public entry and marks the batch submitted (also used by the demo seed). */
export async function submitInTransaction(trx: Trx, actor: Actor, id: string): Promise<void> {
  const batch = await batchIn(trx, id, EDITABLE, 'batch_not_editable', '报送');
  const items = await repo.listItemRows(trx, id);
  if (items.length === 0) throw invalid('batch_empty', '批次中没有任何变更,不能报送');
  const ids = items.map((i) => i.officer_id);
  const pending = await repo.pendingBatchesFor(trx, id, ids);
  if (pending.length > 0)
    throw new AppError('conflict', 'officer_in_pending_batch', '批次中有执法人员已在另一个待确认的批次中,请等待司法局确认或退回后再报送', {
      details: pending,
    });
  const latest = await repo.latestVersion(trx);
  const published = new Set(latest ? (await repo.listEntryRows(trx, latest.version)).map((e) => e.officer_id) : []);
  const notPublished = items.filter((i) => i.action === 'remove' && !published.has(i.officer_id)).map((i) => i.officer_id);
  if (notPublished.length > 0)
    throw new AppError('conflict', 'officer_not_published', '要移出清单的执法人员不在现行公开清单中', { details: notPublished });
  const officers = new Map((await findOfficersByIds(trx, ids)).map((o) => [o.id, o]));
  const frozen = [];
  for (const item of items) {
    const officer = officers.get(item.officer_id);
    const entry = item.action === 'upsert' && officer ? entryOfOfficer(officer) : null;
    await repo.setItemEntry(trx, id, item.officer_id, entry === null ? null : JSON.stringify(entry));
    frozen.push({ officerId: item.officer_id, action: item.action, entry: entry === null ? null : entryJson(entry) });
  }
  const now = new Date().toISOString();
  const submitted = { status: 'submitted', submitted_at: now, updated_at: now, return_reason: null };
  if (!(await repo.transitionBatch(trx, id, batch.status, submitted))) throw conflict('batch_not_editable', '批次已被处理,请刷新后查看');
  await recordEvent(trx, actor, { type: 'roster.submitted', subject: { type: 'roster_batch', id }, data: { items: frozen } });
}

/** Confirms a submitted batch and publishes the next roster version (also used by the demo seed). */
export async function confirmInTransaction(trx: Trx, actor: Actor, id: string, deadline: string): Promise<void> {
  const batch = await batchIn(trx, id, ['submitted'], 'batch_not_submitted', '确认');
  const now = new Date().toISOString();
  const decided = { status: 'confirmed', decided_at: now, decided_by: actorRef(actor), updated_at: now, publish_deadline: deadline };
  // The conditional update locks the batch row: of two concurrent confirmations only one proceeds.
  if (!(await repo.transitionBatch(trx, id, 'submitted', decided))) throw conflict('batch_not_submitted', '批次已被处理,请刷新后查看');
  const latest = await repo.latestVersion(trx);
  const roster = new Map<string, PublicEntry>();
  if (latest) for (const row of await repo.listEntryRows(trx, latest.version)) roster.set(row.officer_id, entryOfRow(row));
  for (const item of await repo.listItemRows(trx, id)) {
    if (item.action === 'remove') roster.delete(item.officer_id);
    else if (item.entry !== null) roster.set(item.officer_id, parseEntry(item.entry));
  }
  const version = (latest?.version ?? 0) + 1;
  const entries = [...roster.values()].map((e) => rowOfEntry(version, e));
  await repo.insertVersion(
    trx,
    { version, batch_id: id, published_at: now, publish_deadline: deadline, entry_count: entries.length },
    entries,
  );
  await repo.updateBatchRow(trx, id, { version });
  await recordEvent(trx, actor, {
    type: 'roster.confirmed',
    subject: { type: 'roster_batch', id },
    data: { title: batch.title, version, publishDeadline: deadline },
  });
  await recordEvent(trx, actor, {
    type: 'roster.published',
    subject: { type: 'roster_version', id: String(version) },
    data: { batchId: id, version, entryCount: entries.length, publishDeadline: deadline, publishedAt: now },
  });
}

async function reload(trx: Trx, id: string): Promise<BatchView> {
  const row = await repo.findBatchRow(trx, id);
  if (!row) throw notFound('batch_not_found', '清单变更批次不存在');
  return batchView(trx, row);
}

export async function submitBatch(db: Kysely<Database>, actor: Actor, id: string): Promise<BatchView> {
  requireUser(actor);
  authorize(can(actor, 'officer.edit'), '只有政策法规科(法制审核人员)或系统管理员可以报送清单变更');
  return inTransaction(db, async (trx) => {
    await submitInTransaction(trx, actor, id);
    return reload(trx, id);
  });
}

/**
 * 司法局确认: publishes the batch as the next roster version and records the date by which the
 * public page must show it (5 working days, by the calendar, read before the transaction).
 */
export async function confirmBatch(db: Kysely<Database>, actor: Actor, id: string, today = shanghaiToday()): Promise<BatchView> {
  requireUser(actor);
  authorize(can(actor, 'roster.confirm'), '只有司法局监督人员可以确认执法人员清单');
  const existing = await repo.findBatchRow(db, id);
  if (!existing) throw notFound('batch_not_found', '清单变更批次不存在');
  const deadline = await publishDeadline(db, today);
  return inTransaction(db, async (trx) => {
    await confirmInTransaction(trx, actor, id, deadline);
    return reload(trx, id);
  });
}

/** 司法局退回: the reason is mandatory; the public roster stays as it was. */
export async function returnBatch(db: Kysely<Database>, actor: Actor, id: string, reasonInput: string): Promise<BatchView> {
  requireUser(actor);
  authorize(can(actor, 'roster.confirm'), '只有司法局监督人员可以退回执法人员清单');
  const reason = reasonInput.trim();
  if (reason === '') throw invalid('reason_required', '退回须说明理由');
  return inTransaction(db, async (trx) => {
    await batchIn(trx, id, ['submitted'], 'batch_not_submitted', '退回');
    const now = new Date().toISOString();
    const changes = { status: 'returned', decided_at: now, decided_by: actorRef(actor), return_reason: reason, updated_at: now };
    if (!(await repo.transitionBatch(trx, id, 'submitted', changes))) throw conflict('batch_not_submitted', '批次已被处理,请刷新后查看');
    await recordEvent(trx, actor, { type: 'roster.returned', subject: { type: 'roster_batch', id }, data: { reason } });
    return reload(trx, id);
  });
}
