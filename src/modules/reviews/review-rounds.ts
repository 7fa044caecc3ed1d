import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { isIsoDate, shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { evaluateProposal, getCase, recordReviewState } from '../cases/index.js';
import { assemblePackage, type SubmissionInput } from './package.js';
import { canOnReview } from './policy.js';
import type { PreCheckDeps } from './pre-checks.js';
import * as repo from './repository.js';
import { type Opinion, type ReviewPackage, type SettleInput, SUBMITTABLE_STAGES } from './review-data.js';
import { assertReviewerOf } from './review-opinion.js';
import { DEFAULT_REVIEW_DAYS, getReview, newRound, type ReviewDays, reviewDue, visibleReview } from './review-service.js';
import type { ReviewView, Settlement } from './views.js';

/** A returned review is answered; an agreed or settled one may be submitted anew while undecided. */
const RESUBMITTABLE: readonly string[] = ['returned', 'agreed', 'settled'];

// After an opinion: the unit answers each problem and resubmits (a new round with its own package),
// or its head escalates a disagreement to a 集体讨论, whose record settles it. And 法律顾问 consultations.

/**
 * The unit answers every problem of the returned round and submits again — or, before deciding, submits
 * a changed decision after an agreement (e.g. lighter after new facts): a new round, cleared again only
 * when agreed again.
 */
export async function resubmitReview(
  db: Kysely<Database>,
  deps: PreCheckDeps,
  actor: Actor,
  id: string,
  input: SubmissionInput & { answers: { problemNo: number; answer: string }[] },
  days: ReviewDays = DEFAULT_REVIEW_DAYS,
): Promise<ReviewView> {
  const user = requireUser(actor);
  const row = await visibleReview(db, user, id);
  authorize(canOnReview(user, 'review.submit', row.unit_path), '只有承办机构的执法人员或负责人可以重新报送');
  if (!RESUBMITTABLE.includes(row.state))
    throw conflict('review_not_returned', '审核中的案件不能重新报送;被退回或审核同意后、作出决定前方可重新报送');
  const last = (await repo.listRounds(db, id)).at(-1);
  const problems = last?.opinion ? (JSON.parse(last.opinion) as Opinion).problems : [];
  const answers = problems.map((p) => ({ problemNo: p.no, answer: input.answers.find((a) => a.problemNo === p.no)?.answer.trim() ?? '' }));
  const unanswered = answers.filter((a) => a.answer === '').map((a) => `第 ${a.problemNo} 个问题`);
  if (unanswered.length > 0)
    throw invalid('answers_required', `请逐项说明对审核意见的整改情况:${unanswered.join('、')}未作说明`, unanswered);
  const c = await getCase(db, user, row.case_id);
  if (!SUBMITTABLE_STAGES.includes(c.stage)) {
    throw conflict('review_not_submittable', `案件处于「${c.stageLabel}」阶段:作出决定前方可重新报送法制审核`);
  }
  const proposed = c.data.notice ? await evaluateProposal(db, user, row.case_id, input.proposal) : null;
  const pkg = await assemblePackage(db, deps, c, input, proposed);
  const roundNo = Number(row.round_no) + 1;
  const due = await reviewDue(db, shanghaiToday(), days.period);
  // The reviewer who returned it reviews the answers; the clock starts again with the new package.
  const state = row.reviewer_id ? 'in_review' : 'submitted';
  await inTransaction(db, async (trx) => {
    const { packageSha256 } = await newRound(trx, user, { id, roundNo }, pkg, answers);
    await repo.updateReview(trx, id, { state, round_no: roundNo, due_on: due, extended: 0, updated_at: new Date().toISOString() });
    await recordReviewState(trx, user, row.case_id, { status: state, reviewId: id, round: roundNo, cleared: null });
    await recordEvent(trx, user, {
      type: 'review.resubmitted',
      subject: { type: 'review', id },
      data: { caseId: row.case_id, round: roundNo, packageSha256, dueOn: due, answers: answers.length },
    });
  });
  return getReview(db, user, id);
}

/** The handling unit's head disagrees with a returned opinion and asks for a 集体讨论. */
export async function escalateReview(db: Kysely<Database>, actor: Actor, id: string, reason: string): Promise<ReviewView> {
  const user = requireUser(actor);
  const why = reason.trim();
  if (why === '') throw invalid('reason_required', '提请集体讨论须写明不同意审核意见的理由');
  await inTransaction(db, async (trx) => {
    const row = await visibleReview(trx, user, id);
    authorize(canOnReview(user, 'review.escalate', row.unit_path), '只有承办机构负责人可以提请集体讨论');
    if (row.state !== 'returned') throw conflict('review_not_returned', '只有被退回的审核可以提请集体讨论');
    await repo.updateReview(trx, id, { state: 'escalated', updated_at: new Date().toISOString() });
    await recordReviewState(trx, user, row.case_id, { status: 'escalated', reviewId: id, round: Number(row.round_no), cleared: null });
    await recordEvent(trx, user, { type: 'review.escalated', subject: { type: 'review', id }, data: { caseId: row.case_id, reason: why } });
  });
  return getReview(db, user, id);
}

/** A leader records the 集体讨论: decide as proposed (clears the decision) or follow the opinion. */
export async function settleReview(db: Kysely<Database>, actor: Actor, id: string, input: SettleInput): Promise<ReviewView> {
  const user = requireUser(actor);
  const participants = [...new Set(input.participants.map((p) => p.trim()).filter((p) => p !== ''))];
  const errors: string[] = [];
  if (!isIsoDate(input.heldOn) || input.heldOn > shanghaiToday()) errors.push('讨论日期应为今天或以前的日期');
  if (participants.length < 3) errors.push('集体讨论应有三名以上参加人员');
  if (input.positions.trim() === '') errors.push('请记录各方意见');
  if (input.decision.trim() === '') errors.push('请记录讨论决定');
  if (errors.length > 0) throw invalid('settlement_invalid', `集体讨论记录不完整:${errors.join(';')}`, errors);
  await inTransaction(db, async (trx) => {
    const row = await visibleReview(trx, user, id);
    authorize(canOnReview(user, 'review.settle', row.unit_path), '集体讨论决定由局领导记录');
    if (row.state !== 'escalated') throw conflict('review_not_escalated', '该审核未提请集体讨论');
    const settlement: Settlement = {
      heldOn: input.heldOn,
      participants,
      positions: input.positions.trim(),
      decision: input.decision.trim(),
      outcome: input.outcome,
      recordedBy: user.userId,
      recordedAt: new Date().toISOString(),
    };
    const last = (await repo.listRounds(trx, id)).at(-1);
    if (!last) throw notFound('review_not_found', '法制审核不存在');
    const pkg = JSON.parse(last.package) as ReviewPackage;
    const settled = input.outcome === 'proposal';
    await repo.updateReview(trx, id, {
      state: settled ? 'settled' : 'returned',
      settlement: JSON.stringify(settlement),
      updated_at: settlement.recordedAt,
    });
    await recordReviewState(trx, user, row.case_id, {
      status: settled ? 'settled' : 'returned',
      reviewId: id,
      round: Number(row.round_no),
      cleared: settled ? { proposal: pkg.proposal, on: input.heldOn, round: Number(row.round_no), by: 'collective' } : null,
    });
    await recordEvent(trx, user, {
      type: 'review.settled',
      subject: { type: 'review', id },
      data: { caseId: row.case_id, heldOn: input.heldOn, participants, outcome: input.outcome, decision: settlement.decision },
    });
  });
  return getReview(db, user, id);
}

/** The reviewer asks a 法律顾问. */
export async function consult(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { adviser: string; question: string },
): Promise<ReviewView> {
  const user = requireUser(actor);
  const adviser = input.adviser.trim();
  const question = input.question.trim();
  if (adviser === '' || question === '') throw invalid('consultation_invalid', '请填写法律顾问和咨询的问题');
  await inTransaction(db, async (trx) => {
    const row = await assertReviewerOf(trx, user, id);
    const cid = randomUUID();
    await repo.insertConsultation(trx, {
      id: cid,
      review_id: id,
      round_no: Number(row.round_no),
      adviser,
      question,
      asked_at: new Date().toISOString(),
      asked_by: user.userId,
      reply: null,
      replied_at: null,
      recorded_by: null,
    });
    await recordEvent(trx, user, {
      type: 'review.consulted',
      subject: { type: 'review', id },
      data: { consultationId: cid, adviser, question },
    });
  });
  return getReview(db, user, id);
}

/** The reviewer records the 法律顾问's reply. */
export async function recordReply(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  consultationId: string,
  replyText: string,
): Promise<ReviewView> {
  const user = requireUser(actor);
  const reply = replyText.trim();
  if (reply === '') throw invalid('reply_required', '请填写法律顾问的答复');
  await inTransaction(db, async (trx) => {
    await assertReviewerOf(trx, user, id);
    const found = await repo.findConsultation(trx, consultationId);
    if (!found || found.review_id !== id) throw notFound('consultation_not_found', '咨询记录不存在');
    if (found.reply !== null) throw conflict('already_replied', '该咨询已记录答复');
    await repo.replyConsultation(trx, consultationId, { reply, replied_at: new Date().toISOString(), recorded_by: user.userId });
    await recordEvent(trx, user, { type: 'review.consultation_replied', subject: { type: 'review', id }, data: { consultationId, reply } });
  });
  return getReview(db, user, id);
}
