import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import type { BlobStore } from '../../platform/blobs/index.js';
import { loadCalendar, plusDays, shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { canonicalJson, type JsonValue } from '../../platform/events/canonical-json.js';
import { listEvents } from '../../platform/events/list-events.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { caseUnitPath, evaluateProposal, getCase, recordReviewState } from '../cases/index.js';
import { openDocumentAuthorized } from '../documents/index.js';
import { legalQualificationOfUser } from '../officers/index.js';
import { displayNamesOf } from '../org/index.js';
import { assemblePackage, type SubmissionInput } from './package.js';
import { can, canOnReview } from './policy.js';
import type { PreCheckDeps } from './pre-checks.js';
import * as repo from './repository.js';
import {
  ATTESTATION_TEXT,
  type Attestation,
  type PreCheck,
  type ReviewPackage,
  type ReviewState,
  SUBMITTABLE_STAGES,
} from './review-data.js';
import { packageChanges, type ReviewSummary, type ReviewView, toConsultationView, toRoundView, toSummary } from './views.js';

// 法制审核 from submission to the reviewer's desk: who may submit, the frozen package and attestation,
// the review clock, taking a review, a longer period with approval, and reading reviews.

/** 审核期限: working days from a complete submission, and what an approval adds (SANXIANG_REVIEW_DAYS…). */
export interface ReviewDays {
  readonly period: number;
  readonly extension: number;
}
/** The defaults (domain research C7): 7 working days, +3 with approval. */
export const DEFAULT_REVIEW_DAYS: ReviewDays = { period: 7, extension: 3 };

const json = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The review row the actor may see, or "not found" (out of scope like a missing id). */
export async function visibleReview(db: Kysely<Database> | Trx, actor: Actor, id: string): Promise<repo.ReviewRow> {
  const user = requireUser(actor);
  const row = await repo.findReview(db, id);
  if (!row || !canOnReview(user, 'review.list', row.unit_path)) throw notFound('review_not_found', '法制审核不存在');
  return row;
}

export async function reviewDue(db: Kysely<Database> | Trx, from: string, days: number): Promise<string | null> {
  const calendar = await loadCalendar(db);
  try {
    return calendar.addWorkingDays(from, days);
  } catch {
    return null; // the year's holidays are not entered yet: shown as 待定 until they are
  }
}

/** A new round from the case as it is now: the package, its hash, the attestation; returns the round id. */
export async function newRound(
  trx: Trx,
  actor: Actor & { kind: 'user' },
  review: { id: string; roundNo: number },
  pkg: ReviewPackage,
  answers: { problemNo: number; answer: string }[] | null,
): Promise<{ packageSha256: string; attestation: Attestation }> {
  const packageText = canonicalJson(json(pkg));
  const attestation: Attestation = { by: actor.userId, byName: actor.displayName, at: new Date().toISOString(), text: ATTESTATION_TEXT };
  const packageSha256 = sha256(packageText);
  await repo.insertRound(trx, {
    id: randomUUID(),
    review_id: review.id,
    round_no: review.roundNo,
    package: packageText,
    package_sha256: packageSha256,
    attestation: JSON.stringify(attestation),
    answers: answers === null ? null : JSON.stringify(answers),
    submitted_at: attestation.at,
    submitted_by: actor.userId,
    conclusion: null,
    opinion: null,
    opinion_document_id: null,
    concluded_at: null,
    concluded_by: null,
  });
  return { packageSha256, attestation };
}

/** Warnings a submission carries: a review period that would run past the case's own decision deadline. */
function warningsFor(due: string | null, decisionDue: string | null | undefined): string[] {
  if (due === null) return ['审核期限待定:审核期限所在年度的节假日安排尚未录入'];
  if (decisionDue && due > decisionDue) return [`审核期限 ${due} 晚于本案作出决定的期限 ${decisionDue},请抓紧审核或依法延长办案期限`];
  return [];
}

/**
 * 送审: the handling unit submits a case the catalogue (or its head) marks major. The package is
 * assembled and checked complete, frozen with the unit's attestation; the review clock starts now.
 */
export async function submitReview(
  db: Kysely<Database>,
  deps: PreCheckDeps,
  actor: Actor,
  caseId: string,
  input: SubmissionInput,
  days: ReviewDays = DEFAULT_REVIEW_DAYS,
): Promise<ReviewView> {
  const user = requireUser(actor);
  const c = await getCase(db, user, caseId);
  const unitPath = await caseUnitPath(db, caseId);
  authorize(canOnReview(user, 'review.submit', unitPath), '只有承办机构的执法人员或负责人可以报送法制审核');
  // What is reviewed is the decision intended (the notified one unless the unit proposes another).
  const proposed = c.data.notice ? await evaluateProposal(db, user, caseId, input.proposal) : null;
  if (!(proposed?.review.required ?? c.data.review.required)) {
    throw conflict('review_not_required', '本案(按拟作出的决定)未被认定为重大执法决定,无需法制审核');
  }
  if (!SUBMITTABLE_STAGES.includes(c.stage)) {
    throw conflict('review_not_submittable', `案件处于「${c.stageLabel}」阶段:拟定事先告知后、作出决定前方可报送法制审核`);
  }
  if (await repo.findReviewOfCase(db, caseId)) throw conflict('review_exists', '本案已报送法制审核;被退回的请修改后重新报送');
  const pkg = await assemblePackage(db, deps, c, input, proposed);
  const today = shanghaiToday();
  const due = await reviewDue(db, today, days.period);
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    await repo.insertReview(trx, {
      id,
      case_id: c.id,
      case_no: c.caseNo,
      case_title: c.title,
      unit_id: c.unitId,
      unit_path: unitPath,
      state: 'submitted',
      reviewer_id: null,
      round_no: 1,
      due_on: due,
      extended: 0,
      settlement: null,
      created_at: now,
      updated_at: now,
    });
    const { packageSha256 } = await newRound(trx, user, { id, roundNo: 1 }, pkg, null);
    await recordReviewState(trx, user, c.id, { status: 'submitted', reviewId: id, round: 1, cleared: null });
    await recordEvent(trx, user, {
      type: 'review.submitted',
      subject: { type: 'review', id },
      data: { caseId: c.id, caseNo: c.caseNo, round: 1, packageSha256, dueOn: due, attestation: ATTESTATION_TEXT },
    });
  });
  return getReview(db, user, id);
}

/** A 法制审核人员 takes a waiting review. A first review needs 法律职业资格 (plan §11). */
export async function takeReview(db: Kysely<Database>, actor: Actor, id: string): Promise<ReviewView> {
  const user = requireUser(actor);
  await inTransaction(db, async (trx) => {
    const row = await visibleReview(trx, user, id);
    authorize(canOnReview(user, 'review.conduct', row.unit_path), '只有政策法规科的法制审核人员可以承办法制审核');
    if (row.state !== 'submitted') throw conflict('review_not_waiting', '该审核已由他人承办或已办结');
    const qualification = await legalQualificationOfUser(trx, user.userId);
    if (!qualification) {
      throw forbidden('legal_qualification_required', '初次从事法制审核的人员应当取得法律职业资格;您的执法人员信息中没有法律职业资格');
    }
    await repo.updateReview(trx, id, { state: 'in_review', reviewer_id: user.userId, updated_at: new Date().toISOString() });
    await recordReviewState(trx, user, row.case_id, { status: 'in_review', reviewId: id, round: Number(row.round_no), cleared: null });
    await recordEvent(trx, user, {
      type: 'review.taken',
      subject: { type: 'review', id },
      data: { caseId: row.case_id, round: Number(row.round_no), qualification: qualification.level },
    });
  });
  return getReview(db, user, id);
}

/** +3 working days, once, with a leader's approval and a reason. */
export async function extendReview(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  reason: string,
  days: ReviewDays = DEFAULT_REVIEW_DAYS,
): Promise<ReviewView> {
  const user = requireUser(actor);
  const why = reason.trim();
  if (why === '') throw invalid('reason_required', '延长审核期限须写明理由');
  await inTransaction(db, async (trx) => {
    const row = await visibleReview(trx, user, id);
    authorize(canOnReview(user, 'review.extend', row.unit_path), '延长审核期限须由局领导批准');
    if (row.state !== 'submitted' && row.state !== 'in_review') throw conflict('review_not_open', '该审核不在审核中');
    if (Number(row.extended) === 1) throw conflict('already_extended', '审核期限已延长过一次');
    if (row.due_on === null) throw conflict('due_pending', '审核期限待定,无法延长');
    if (days.extension === 0) throw conflict('extension_not_allowed', '本机关未设置审核期限的延长');
    const due = await reviewDue(trx, row.due_on, days.extension);
    await repo.updateReview(trx, id, { due_on: due, extended: 1, updated_at: new Date().toISOString() });
    await recordEvent(trx, user, {
      type: 'review.extended',
      subject: { type: 'review', id },
      data: { caseId: row.case_id, dueOn: due, reason: why },
    });
  });
  return getReview(db, user, id);
}

export async function getReview(db: Kysely<Database>, actor: Actor, id: string): Promise<ReviewView> {
  const row = await visibleReview(db, actor, id);
  const rounds = (await repo.listRounds(db, id)).map(toRoundView);
  const consultations = (await repo.listConsultations(db, id)).map(toConsultationView);
  const names = await displayNamesOf(db, [row.reviewer_id ?? '']);
  // Who did what when (taken, extended and why, escalated and why, consulted …): the review's own events.
  const { items: events } = await listEvents(db, { subjectType: 'review', subjectId: id, ascending: true, offset: 0, limit: 500 });
  const open = row.state === 'submitted' || row.state === 'in_review';
  const decisionDue = open
    ? (await getCase(db, actor, row.case_id)).data.deadlines.find((d) => d.kind === 'decision' && d.closedOn === null)?.due
    : undefined;
  return {
    ...toSummary(row, names),
    rounds,
    consultations,
    settlement: row.settlement ? (JSON.parse(row.settlement) as ReviewView['settlement']) : null,
    changes: packageChanges(rounds.at(-2)?.package, rounds.at(-1)?.package),
    history: events.map((e) => ({
      type: e.type,
      occurredAt: e.occurredAt,
      actorName: e.actorName,
      ledgerIndex: e.ledgerIndex,
      data: e.data,
    })),
    warnings: open ? warningsFor(row.due_on, decisionDue) : [],
  };
}

export async function reviewOfCase(db: Kysely<Database>, actor: Actor, caseId: string): Promise<ReviewView | null> {
  await getCase(db, actor, caseId);
  const row = await repo.findReviewOfCase(db, caseId);
  return row ? getReview(db, actor, row.id) : null;
}

export type ReviewListItem = ReviewSummary & { determination: string[]; preChecks: PreCheck[] };

export interface ListReviewsQuery {
  state?: ReviewState;
  /** mine: the reviewer's own and the section's waiting queue; all: everything in scope. */
  view?: 'mine' | 'all';
  dueWithinDays?: number;
  page: number;
  pageSize: number;
}

/** The caller's reviews (a reviewer's inbox: own and waiting; others: those of their units), nearest due first. */
export async function listReviews(
  db: Kysely<Database>,
  actor: Actor,
  query: ListReviewsQuery,
): Promise<{ items: ReviewListItem[]; total: number; page: number; pageSize: number }> {
  const user = requireUser(actor);
  authorize(can(user, 'review.list'), '无权查看法制审核');
  const scope = readScope(user);
  if (scope.kind === 'none') return { items: [] as ReviewListItem[], total: 0, page: query.page, pageSize: query.pageSize };
  const dueBy = query.dueWithinDays === undefined ? undefined : plusDays(shanghaiToday(), query.dueWithinDays);
  const { rows, total } = await repo.listReviewRows(db, {
    unitPathPrefix: scope.kind === 'subtree' ? scope.path : undefined,
    // Due dates matter only while the review is open: a concluded one is never "overdue".
    states: query.state ? [query.state] : query.dueWithinDays === undefined ? undefined : ['submitted', 'in_review'],
    reviewerOrQueue: query.view === 'mine' ? user.userId : undefined,
    dueBy,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const names = await displayNamesOf(
    db,
    rows.map((r) => r.reviewer_id ?? ''),
  );
  // One query for the page's current rounds (not one per row).
  const latest = await repo.currentPackages(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const text = latest.get(r.id);
      const pkg = text ? (JSON.parse(text) as ReviewPackage) : null;
      return { ...toSummary(r, names), determination: pkg?.determination.reasons ?? [], preChecks: pkg?.preChecks ?? [] };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * A 法制审核意见书 of a review the caller may see (the handling unit included, though 政策法规科 issued
 * it): the review authorizes, the documents module streams and logs the 调阅.
 */
export async function openOpinionDocument(db: Kysely<Database>, blobs: BlobStore, actor: Actor, documentId: string) {
  const reviewId = await repo.reviewOfOpinionDocument(db, documentId);
  if (reviewId === undefined) throw notFound('document_not_found', '文书不存在');
  await visibleReview(db, actor, reviewId);
  return openDocumentAuthorized(db, blobs, actor, documentId);
}
