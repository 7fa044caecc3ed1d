import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { systemActor } from '../../platform/auth/actor.js';
import { type Calendar, loadCalendar } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { documentText, type IssuedDocumentRef, listIssuedDocuments } from '../documents/index.js';
import { dueFrom, isPublishedType, minorReason, PUBLISHED_TYPE_CODES, PUBLISHED_TYPES } from './publication-data.js';
import * as repo from './repository.js';

// Drafts are derived from the documents module's issued decisions (ADR 0006): the cases module does
// not call publications, so a decision cannot be left unpublished because an issuing path forgot to.

const SYNC_ACTOR = systemActor('publications');

/**
 * How far before the newest draft an incremental sync looks again. A document's issued_at is taken when
 * its issuing transaction starts; one that committed after the previous sync read the documents (a
 * transaction of seconds) is still inside this window. Documents seen twice are skipped by id.
 */
const OVERLAP_MS = 60 * 60 * 1000;

export interface SyncResult {
  /** Drafts created by this call. */
  readonly created: number;
  /** Drafts whose due date could now be computed (their year's holidays were entered since). */
  readonly duesSet: number;
}

/**
 * Creates a draft for every issued decision document in force that has none, and fills in due dates
 * that waited for a year's holiday schedule. Idempotent and safe to run concurrently (a document gets
 * one draft; the loser of a race inserts nothing and records nothing).
 *
 * The staff queue calls it before listing: it reads only documents issued since the newest draft (less
 * an hour's overlap) and the drafts still waiting for a due date, so it costs a few small queries when
 * nothing is new. A scheduled job (e.g. nightly, through
 * platform/jobs) should call it with `full: true`, which reads every decision document: that catches a
 * type newly listed in PUBLISHED_TYPES and anything an incremental run could have missed.
 */
export async function syncDrafts(db: Kysely<Database>, options: { calendar?: Calendar; full?: boolean } = {}): Promise<SyncResult> {
  const calendar = options.calendar ?? (await loadCalendar(db));
  const newest = options.full ? undefined : await repo.newestDraftCreatedAt(db);
  const issuedSince = newest === undefined ? undefined : new Date(Date.parse(newest) - OVERLAP_MS).toISOString();
  // A superseded document is not in force: its correction gets the draft.
  const documents = (await listIssuedDocuments(db, PUBLISHED_TYPE_CODES, { issuedSince })).filter((d) => d.supersededBy === null);
  const drafted = await repo.documentsWithPublication(
    db,
    documents.map((d) => d.id),
  );
  let created = 0;
  for (const document of documents) {
    if (!drafted.has(document.id) && (await createDraft(db, calendar, document))) created++;
  }
  return { created, duesSet: await setPendingDues(db, calendar) };
}

async function createDraft(db: Kysely<Database>, calendar: Calendar, document: IssuedDocumentRef): Promise<boolean> {
  if (!isPublishedType(document.type)) return false;
  const source = await documentText(db, document.id);
  if (!source) return false;
  const { category, days } = PUBLISHED_TYPES[document.type];
  const dueOn = dueFrom(calendar, document.documentDate, days);
  // Known at once from the document data: the queue shows it as 不予公开 rather than as a deadline.
  const blockedReason = minorReason(source.data.party, document.documentDate);
  const id = randomUUID();
  return inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const inserted = await repo.insertDraft(trx, {
      id,
      document_id: document.id,
      document_type: document.type,
      document_number: document.number,
      case_id: document.caseId,
      case_no: source.data.case?.number ?? '',
      unit_id: document.unitId,
      unit_path: document.unitPath,
      category,
      decided_on: document.documentDate,
      due_on: dueOn,
      state: blockedReason === null ? 'draft' : 'blocked',
      blocked_reason: blockedReason,
      withdrawn_reason: null,
      withdrawn_at: null,
      current_version: 0,
      created_at: now,
      updated_at: now,
    });
    if (!inserted) return false;
    await recordEvent(trx, SYNC_ACTOR, {
      type: repo.DRAFTED,
      subject: { type: 'publication', id },
      data: { documentId: document.id, caseId: document.caseId, number: document.number, category, dueOn, blockedReason },
      blobs: [document.sha256],
    });
    return true;
  });
}

/** Due dates of drafts created while their year's holidays were unknown, now that they may be known. */
async function setPendingDues(db: Kysely<Database>, calendar: Calendar): Promise<number> {
  let set = 0;
  for (const row of await repo.draftsWithoutDue(db)) {
    if (!isPublishedType(row.document_type)) continue;
    const dueOn = dueFrom(calendar, row.decided_on, PUBLISHED_TYPES[row.document_type].days);
    if (dueOn === null) continue;
    const changed = await inTransaction(db, async (trx) => {
      if (!(await repo.setDue(trx, row.id, dueOn))) return false;
      await recordEvent(trx, SYNC_ACTOR, { type: repo.DUE_SET, subject: { type: 'publication', id: row.id }, data: { dueOn } });
      return true;
    });
    if (changed) set++;
  }
  return set;
}
