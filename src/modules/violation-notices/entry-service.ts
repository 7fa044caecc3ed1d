import type { Kysely, Updateable } from 'kysely';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { CATEGORY_LABELS, type Category, isCategory } from './categories.js';
import { checkForPublication, cleanFields } from './fields.js';
import { canOnEntry, type ViolationNoticesAction } from './policy.js';
import { getEntry, visibleEntry } from './read-service.js';
import * as repo from './repository.js';
import type { ViolationNoticeEntriesTable } from './tables.js';
import type { EntryView, NoticeFields } from './views.js';

// Marking, confirming, excluding and removing entries. Each is one transaction with its event; an
// entry moves only if it is still as it was read. An entry on a published list is frozen (the list's
// hash is in the ledger): it can only be removed, with a reason.

export interface EntryInput extends NoticeFields {
  category: string | null;
}

const MESSAGES: Readonly<Record<Exclude<ViolationNoticesAction, 'violation_notice.read'>, string>> = {
  'violation_notice.edit': '只有承办人员、承办机构负责人或法制审核人员可以编辑公布事项',
  'violation_notice.confirm': '只有承办机构负责人或法制审核人员可以确认公布事项',
  'violation_notice.compile': '只有法制审核人员或系统管理员可以编制公布名单',
  'violation_notice.publish': '只有局领导或法制审核人员可以发布公布名单',
  'violation_notice.remove': '只有承办机构负责人、局领导或法制审核人员可以撤下已公布的事项',
};

async function target(db: Kysely<Database>, user: UserActor, id: string, action: keyof typeof MESSAGES) {
  const row = await visibleEntry(db, user, id);
  authorize(canOnEntry(user, action, row.unit_path), MESSAGES[action]);
  return row;
}

const changed = () => conflict('entry_changed', '该公布事项刚被他人修改,请刷新后重试');

/**
 * Applies `changes` to the entry only if it is still as `row` was read, with its event, in one
 * transaction; refused (entry_changed) when someone else changed it first.
 */
async function moveEntry(
  db: Kysely<Database>,
  user: UserActor,
  row: repo.EntryRow,
  changes: Updateable<ViolationNoticeEntriesTable>,
  event: { type: string; data: Record<string, string | number | null> },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const moved = await repo.updateEntry(
      trx,
      row.id,
      { state: row.state, updatedAt: row.updated_at },
      { ...changes, updated_at: now, updated_by: user.userId },
    );
    if (!moved) throw changed();
    await recordEvent(trx, user, {
      type: event.type,
      subject: { type: 'violation_notice', id: row.id },
      data: { caseId: row.case_id, ...event.data },
    });
  });
}

/** Refused once on a published list or removed: the published list is frozen. */
async function assertEditable(db: Kysely<Database>, row: repo.EntryRow): Promise<void> {
  if (row.state === 'removed') throw conflict('entry_removed', '该事项已撤下,不能再修改');
  const batch = row.batch_id ? await repo.findBatch(db, row.batch_id) : undefined;
  if (batch?.state === 'published') throw conflict('entry_published', '该事项所在名单已公布,内容不能修改;如需更正请撤下并写明理由');
}

function categoryOf(value: string | null): Category | null {
  if (value === null || value === '') return null;
  if (!isCategory(value)) throw invalid('category_invalid', '违法行为类别不在第29号令第五条所列范围内');
  return value;
}

const reasonOf = (reason: string, what: string): string => {
  const why = reason.trim();
  if (why === '') throw invalid('reason_required', `${what}须写明理由`);
  if (why.length > 500) throw invalid('reason_too_long', '理由不超过 500 字');
  return why;
};

/** 编辑: the category and the fields are saved as they are (a draft); the state does not change. */
export async function saveEntry(db: Kysely<Database>, actor: Actor, id: string, input: EntryInput): Promise<EntryView> {
  const user = requireUser(actor);
  const row = await target(db, user, id, 'violation_notice.edit');
  await assertEditable(db, row);
  const category = categoryOf(input.category);
  const fields = cleanFields(input);
  await moveEntry(db, user, row, { category, ...columns(fields) }, { type: repo.SAVED, data: { category } });
  return getEntry(db, user, id);
}

const columns = (f: NoticeFields) => ({
  subject_name: f.subjectName,
  credit_code: f.creditCode,
  address: f.address,
  responsible_person: f.responsiblePerson,
  facts: f.facts,
  handling: f.handling,
});

/**
 * 确认纳入: the category is required (第五条) and every 第六条 field must be present and free of
 * natural persons' identifiers. The entry then waits for its quarter's list.
 */
export async function includeEntry(db: Kysely<Database>, actor: Actor, id: string, input: EntryInput): Promise<EntryView> {
  const user = requireUser(actor);
  const row = await target(db, user, id, 'violation_notice.confirm');
  await assertEditable(db, row);
  const category = categoryOf(input.category);
  if (category === null) throw invalid('category_required', '请选择第29号令第五条规定的违法行为类别');
  const fields = cleanFields(input);
  checkForPublication(fields);
  await moveEntry(
    db,
    user,
    row,
    { category, ...columns(fields), state: 'included', excluded_reason: null },
    { type: repo.INCLUDED, data: { category, categoryLabel: CATEGORY_LABELS[category] } },
  );
  return getEntry(db, user, id);
}

/** 不予纳入: the violation is not a 重大 one in the sense of 第五条; the reason is recorded. It leaves any draft list. */
export async function excludeEntry(db: Kysely<Database>, actor: Actor, id: string, reason: string): Promise<EntryView> {
  const user = requireUser(actor);
  const why = reasonOf(reason, '不予纳入');
  const row = await target(db, user, id, 'violation_notice.confirm');
  await assertEditable(db, row);
  await moveEntry(
    db,
    user,
    row,
    { state: 'excluded', excluded_reason: why, batch_id: null },
    { type: repo.EXCLUDED, data: { reason: why } },
  );
  return getEntry(db, user, id);
}

/**
 * 撤下: an entry of a published list is taken off (e.g. the decision was revoked in 行政复议 or by a
 * court). 第29号令 has no removal rule; we follow 行政处罚法 §48 (a revoked decision's publication is
 * withdrawn, with the reason): the portal keeps the row's number and the subject's name with the note.
 */
export async function removeEntry(db: Kysely<Database>, actor: Actor, id: string, reason: string): Promise<EntryView> {
  const user = requireUser(actor);
  const why = reasonOf(reason, '撤下');
  const row = await target(db, user, id, 'violation_notice.remove');
  if (row.state === 'removed') throw conflict('entry_removed', '该事项已撤下');
  const batch = row.batch_id ? await repo.findBatch(db, row.batch_id) : undefined;
  if (!batch || batch.state !== 'published') throw conflict('entry_not_published', '该事项尚未公布,无需撤下;可以不予纳入');
  await moveEntry(
    db,
    user,
    row,
    { state: 'removed', removed_reason: why, removed_at: new Date().toISOString() },
    { type: repo.REMOVED, data: { batchId: batch.id, year: Number(batch.year), quarter: Number(batch.quarter), reason: why } },
  );
  return getEntry(db, user, id);
}
