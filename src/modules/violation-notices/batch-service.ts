import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { plusDays, shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { canonicalJson } from '../../platform/events/canonical-json.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { FIRST_YEAR, quarterLabel, quarterRange } from './categories.js';
import { can } from './policy.js';
import { getBatch, publicEntry } from './read-service.js';
import * as repo from './repository.js';
import type { BatchView } from './views.js';

// The quarterly list. 第29号令 第八条: 地市级、县级 bureaus publish their area's 重大劳动保障违法行为 once a
// quarter (the province and the ministry half-yearly), and may publish at any time when needed. The rule
// sets no day within the following quarter, so the due date is the quarter's end plus a configured number
// of days (SANXIANG_VIOLATION_NOTICE_DUE_DAYS, default 15: our assumption, not the rule's).

export interface QuarterInput {
  year: number;
  quarter: number;
}

const published = () => conflict('batch_published', '该季度名单已公布,不能再修改');

/**
 * 编制: creates the quarter's draft list or refreshes it: every included entry decided in the quarter
 * (and any earlier one not yet on a list) joins. Refused for a quarter not yet begun and once published.
 */
export async function compileBatch(db: Kysely<Database>, actor: Actor, input: QuarterInput, dueDays: number): Promise<BatchView> {
  const user = requireUser(actor);
  authorize(can(user, 'violation_notice.compile'), '只有法制审核人员或系统管理员可以编制公布名单');
  const { year, quarter } = input;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > 2100)
    throw invalid('year_invalid', `年份应在 ${FIRST_YEAR} 年(第29号令施行)以后`);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw invalid('quarter_invalid', '季度应为 1–4');
  const { start, end } = quarterRange(year, quarter);
  if (start > shanghaiToday()) throw conflict('quarter_not_started', `${quarterLabel(year, quarter)}尚未开始,不能编制名单`);
  const existing = await repo.findBatchOf(db, year, quarter);
  if (existing?.state === 'published') throw published();
  const id = await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    let batchId = existing?.id;
    if (!batchId) {
      batchId = randomUUID();
      const inserted = await repo.insertBatch(trx, {
        id: batchId,
        year,
        quarter,
        state: 'draft',
        due_on: plusDays(end, dueDays),
        entry_count: 0,
        compiled_at: now,
        compiled_by: user.userId,
        published_at: null,
        published_by: null,
        list_sha256: null,
        ledger_index: null,
        created_at: now,
        updated_at: now,
      });
      if (!inserted) throw conflict('batch_changed', '该季度名单刚被他人编制,请刷新后重试');
    }
    const count = await repo.fillBatch(trx, batchId, end, now);
    const moved = await repo.updateBatch(trx, batchId, 'draft', {
      entry_count: count,
      compiled_at: now,
      compiled_by: user.userId,
      updated_at: now,
    });
    if (!moved) throw published();
    await recordEvent(trx, user, {
      type: repo.COMPILED,
      subject: { type: 'violation_notice_batch', id: batchId },
      data: { year, quarter, entries: count },
    });
    return batchId;
  });
  return getBatch(db, user, id);
}

/** The list as published: the public fields of each entry in order, as canonical JSON, and its SHA-256. */
export function listDigest(entries: readonly repo.EntryRow[]): string {
  const list = entries.map((e, i) => {
    const { removed: _removed, ...fields } = publicEntry({ ...e, state: 'included' }, i + 1);
    return fields;
  });
  return createHash('sha256').update(canonicalJson(list), 'utf8').digest('hex');
}

/**
 * 发布: the draft list becomes public and frozen. The event names the year, quarter, entries and the
 * SHA-256 of the list; the batch keeps the event's ledger index. Entries are then recorded in the
 * employers' 劳动保障守法诚信档案 (第九条) through the same event (the credit file reads the ledger).
 */
export async function publishBatch(db: Kysely<Database>, actor: Actor, id: string): Promise<BatchView> {
  const user = requireUser(actor);
  authorize(can(user, 'violation_notice.publish'), '只有局领导或法制审核人员可以发布公布名单');
  const row = await repo.findBatch(db, id);
  if (!row) throw notFound('batch_not_found', '公布名单不存在');
  if (row.state === 'published') throw conflict('batch_published', '该季度名单已公布');
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const entries = await repo.entriesOfBatch(trx, id);
    if (entries.length !== Number(row.entry_count) || entries.some((e) => e.state !== 'included')) {
      throw conflict('batch_stale', '名单编制后公布事项有变化,请重新编制后再发布');
    }
    const digest = listDigest(entries);
    const event = await recordEvent(trx, user, {
      type: repo.PUBLISHED,
      subject: { type: 'violation_notice_batch', id },
      data: {
        year: Number(row.year),
        quarter: Number(row.quarter),
        entries: entries.length,
        entryIds: entries.map((e) => e.id),
        caseIds: entries.map((e) => e.case_id),
        listSha256: digest,
      },
    });
    const moved = await repo.updateBatch(trx, id, 'draft', {
      state: 'published',
      published_at: now,
      published_by: user.userId,
      list_sha256: digest,
      ledger_index: event.ledgerIndex,
      updated_at: now,
    });
    if (!moved) throw conflict('batch_published', '该季度名单已公布');
  });
  return getBatch(db, user, id);
}
