import type { Kysely } from 'kysely';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { type BatchState, CATEGORY_LABELS, type EntryState, isCategory, quarterLabel, quarterOf } from './categories.js';
import { syncCandidates } from './derive.js';
import { can, canOnEntry } from './policy.js';
import * as repo from './repository.js';
import type { BatchSummary, BatchView, EntryView, PublicNoticeBatch, PublicNoticeEntry, PublicNoticeList } from './views.js';

// Reads: the staff lists (unit-scoped; out-of-scope reads answer 404) and the public lists (published only).

const entryState = (s: string): EntryState => (s === 'included' || s === 'excluded' || s === 'removed' ? s : 'candidate');
const batchState = (s: string): BatchState => (s === 'published' ? 'published' : 'draft');

export function entryView(row: repo.EntryRow, batch: repo.BatchRow | undefined): EntryView {
  const category = row.category !== null && isCategory(row.category) ? row.category : null;
  const { year, quarter } = quarterOf(row.decided_on);
  const batchRef = batch
    ? { id: batch.id, year: Number(batch.year), quarter: Number(batch.quarter), state: batchState(batch.state) }
    : null;
  const state = entryState(row.state);
  return {
    id: row.id,
    caseId: row.case_id,
    caseNo: row.case_no,
    unitId: row.unit_id,
    decidedOn: row.decided_on,
    year,
    quarter,
    category,
    categoryLabel: category ? CATEGORY_LABELS[category] : null,
    subjectName: row.subject_name,
    creditCode: row.credit_code,
    address: row.address,
    responsiblePerson: row.responsible_person,
    facts: row.facts,
    handling: row.handling,
    state,
    excludedReason: row.excluded_reason,
    batch: batchRef,
    removedReason: row.removed_reason,
    removedAt: row.removed_at,
    editable: state !== 'removed' && batchRef?.state !== 'published',
    updatedAt: row.updated_at,
  };
}

export function batchSummary(row: repo.BatchRow, removed: number, today = shanghaiToday()): BatchSummary {
  const state = batchState(row.state);
  return {
    id: row.id,
    year: Number(row.year),
    quarter: Number(row.quarter),
    label: quarterLabel(Number(row.year), Number(row.quarter)),
    state,
    dueOn: row.due_on,
    overdue: state === 'draft' && row.due_on < today,
    entryCount: Number(row.entry_count),
    removedCount: removed,
    compiledAt: row.compiled_at,
    publishedAt: row.published_at,
    listSha256: row.list_sha256,
    ledgerIndex: row.ledger_index === null ? null : Number(row.ledger_index),
  };
}

/** The entry if the user may see it (404 otherwise, so its existence is not revealed). */
export async function visibleEntry(db: Kysely<Database>, user: UserActor, id: string): Promise<repo.EntryRow> {
  const row = await repo.findEntry(db, id);
  if (!row || !canOnEntry(user, 'violation_notice.read', row.unit_path)) throw notFound('entry_not_found', '公布事项不存在');
  return row;
}

export async function getEntry(db: Kysely<Database>, actor: Actor, id: string): Promise<EntryView> {
  const user = requireUser(actor);
  const row = await visibleEntry(db, user, id);
  return entryView(row, row.batch_id ? await repo.findBatch(db, row.batch_id) : undefined);
}

export interface EntryQuery {
  state?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** The staff list; candidates for newly decided cases are derived first (idempotent, so nothing is missed). */
export async function listEntries(db: Kysely<Database>, actor: Actor, query: EntryQuery) {
  const user = requireUser(actor);
  authorize(can(user, 'violation_notice.read'), '无权查看重大劳动保障违法行为公布事项');
  await syncCandidates(db);
  const { rows, total } = await repo.listEntries(db, {
    scope: readScope(user),
    state: query.state,
    q: query.q?.trim() || undefined,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const batches = new Map((await repo.listBatches(db)).map((b) => [b.id, b]));
  return {
    items: rows.map((r) => entryView(r, r.batch_id ? batches.get(r.batch_id) : undefined)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function listBatches(db: Kysely<Database>, actor: Actor): Promise<BatchSummary[]> {
  const user = requireUser(actor);
  authorize(can(user, 'violation_notice.read'), '无权查看重大劳动保障违法行为公布名单');
  const removed = await repo.removedCounts(db);
  return (await repo.listBatches(db)).map((b) => batchSummary(b, removed.get(b.id) ?? 0));
}

export async function getBatch(db: Kysely<Database>, actor: Actor, id: string): Promise<BatchView> {
  const user = requireUser(actor);
  authorize(can(user, 'violation_notice.read'), '无权查看重大劳动保障违法行为公布名单');
  const row = await repo.findBatch(db, id);
  if (!row) throw notFound('batch_not_found', '公布名单不存在');
  const entries = (await repo.entriesOfBatch(db, id)).filter((e) => canOnEntry(user, 'violation_notice.read', e.unit_path));
  const removed = entries.filter((e) => e.state === 'removed').length;
  return { ...batchSummary(row, removed), entries: entries.map((e) => entryView(e, row)) };
}

// ---- public -------------------------------------------------------------------------------------

/** The public row: a removed entry keeps its number and name with the note; its other fields are no longer shown. */
export function publicEntry(row: repo.EntryRow, no: number): PublicNoticeEntry {
  const category = row.category !== null && isCategory(row.category) ? row.category : 'other';
  const removed = row.state === 'removed' ? { reason: row.removed_reason ?? '', removedAt: row.removed_at ?? '' } : null;
  const shown = (text: string) => (removed ? '' : text);
  return {
    no,
    category,
    categoryLabel: CATEGORY_LABELS[category],
    subjectName: row.subject_name,
    creditCode: shown(row.credit_code),
    address: shown(row.address),
    responsiblePerson: shown(row.responsible_person),
    facts: shown(row.facts),
    handling: shown(row.handling),
    decidedOn: row.decided_on,
    removed,
  };
}

function publicBatch(row: repo.BatchRow, removed: number): PublicNoticeBatch {
  return {
    year: Number(row.year),
    quarter: Number(row.quarter),
    label: quarterLabel(Number(row.year), Number(row.quarter)),
    publishedAt: row.published_at ?? '',
    entryCount: Number(row.entry_count),
    removedCount: removed,
    listSha256: row.list_sha256 ?? '',
    ledgerIndex: Number(row.ledger_index ?? -1),
  };
}

/** The published quarterly lists, newest first; `year` narrows to one year. */
export async function listPublicBatches(db: Kysely<Database>, year?: number): Promise<PublicNoticeBatch[]> {
  const removed = await repo.removedCounts(db);
  return (await repo.listBatches(db, 'published'))
    .filter((b) => year === undefined || Number(b.year) === year)
    .map((b) => publicBatch(b, removed.get(b.id) ?? 0));
}

/** One published quarterly list; `q` keeps the rows whose subject's name contains it (numbers stay as published). */
export async function getPublicList(db: Kysely<Database>, year: number, quarter: number, q = ''): Promise<PublicNoticeList> {
  const row = await repo.findBatchOf(db, year, quarter);
  if (!row || row.state !== 'published') throw notFound('batch_not_found', `${quarterLabel(year, quarter)}的公布名单不存在或尚未公布`);
  const entries = (await repo.entriesOfBatch(db, row.id)).map((e, i) => publicEntry(e, i + 1));
  const needle = q.trim().toLowerCase();
  return {
    ...publicBatch(row, entries.filter((e) => e.removed !== null).length),
    entries: needle === '' ? entries : entries.filter((e) => e.subjectName.toLowerCase().includes(needle)),
  };
}
