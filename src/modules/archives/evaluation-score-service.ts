import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, inScope, readScope, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { loadUnitNames } from '../org/index.js';
import type { Score } from './evaluation-checks.js';
import * as erepo from './evaluation-repository.js';
import { checkedScores, type RoundResults, roundResults, scoreOf } from './evaluation-scoring.js';
import { requireEvaluationReader, scopePath } from './evaluation-service.js';
import { parseSheet, type SheetItem } from './evaluation-sheet.js';
import { type EvaluationView, officersOf, type RoundSummary, scoresOf, toEvaluationView, toRoundSummary } from './evaluation-views.js';
import { can } from './policy.js';

// Scoring one sampled file (a draft the reviewer may save as often as needed, then a final submission) and
// the results of a round per unit and per officer.

async function readableEvaluation(db: Kysely<Database>, actor: Actor, id: string) {
  requireEvaluationReader(actor);
  const row = await erepo.findEvaluation(db, id);
  // Out of a unit head's scope is "not found": the file's existence is not disclosed.
  if (!row || !inScope(readScope(actor), row.unit_path)) throw notFound('evaluation_not_found', '没有找到该评查记录');
  const round = await erepo.findRound(db, row.round_id);
  if (!round) throw notFound('evaluation_round_not_found', '没有找到该评查活动');
  return { row, round };
}

export async function getEvaluation(db: Kysely<Database>, actor: Actor, id: string): Promise<EvaluationView> {
  const { row, round } = await readableEvaluation(db, actor, id);
  return toEvaluationView(row, round, (await loadUnitNames(db)).nameOf(row.unit_id));
}

/** The evaluation an evaluator may still change: its round open, itself not submitted. */
async function changeable(db: Kysely<Database>, actor: Actor, id: string) {
  requireUser(actor);
  authorize(can(actor, 'archive.evaluate'), '只有法制审核人员(政策法规科)可以评查案卷');
  const found = await readableEvaluation(db, actor, id);
  if (found.round.state !== 'open') throw conflict('evaluation_round_closed', '该评查活动已结束,评查结果不能再修改');
  if (found.row.state !== 'draft') throw conflict('evaluation_submitted', `案卷 ${found.row.archive_no} 的评查结果已提交,不能再修改`);
  return found;
}

const submittedMeanwhile = (archiveNo: string) => conflict('evaluation_submitted', `案卷 ${archiveNo} 的评查结果已提交,不能再修改`);

export async function saveEvaluationScores(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { scores: Score[]; comment: string },
): Promise<EvaluationView> {
  const { row, round } = await changeable(db, actor, id);
  const sheet = parseSheet(round.sheet);
  const scores = checkedScores(sheet, input.scores);
  const comment = input.comment.trim();
  await inTransaction(db, async (trx) => {
    if (!(await erepo.updateDraft(trx, id, { scores: JSON.stringify(scores), comment, updated_at: new Date().toISOString() }))) {
      throw submittedMeanwhile(row.archive_no);
    }
    await recordEvent(trx, actor, {
      type: erepo.EVALUATION_SAVED,
      subject: { type: 'case_file_evaluation', id },
      data: { roundId: round.id, caseFileId: row.case_file_id, score: scoreOf(sheet, scores), scores: scores.map((s) => ({ ...s })) },
    });
  });
  return getEvaluation(db, actor, id);
}

/** Submits the saved draft: from now on the evaluation is final. */
export async function submitEvaluation(db: Kysely<Database>, actor: Actor, id: string): Promise<EvaluationView> {
  const user = requireUser(actor);
  const { row, round } = await changeable(db, actor, id);
  const sheet = parseSheet(round.sheet);
  // The draft was checked when saved, and the prefill is valid by construction; checked again so a
  // submission can never carry a deduction without its reason.
  const scores = checkedScores(sheet, scoresOf(row));
  const score = scoreOf(sheet, scores);
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const moved = await erepo.updateDraft(trx, id, {
      state: 'submitted',
      reviewer_id: user.userId,
      reviewer_name: user.displayName,
      submitted_at: now,
      updated_at: now,
    });
    if (!moved) throw submittedMeanwhile(row.archive_no);
    await recordEvent(trx, actor, {
      type: erepo.EVALUATION_SUBMITTED,
      subject: { type: 'case_file_evaluation', id },
      data: {
        roundId: round.id,
        caseFileId: row.case_file_id,
        archiveNo: row.archive_no,
        sheetVersion: Number(round.sheet_version),
        score,
        scores: scores.map((s) => ({ ...s })),
        comment: row.comment,
      },
    });
  });
  return getEvaluation(db, actor, id);
}

export interface ResultsView extends RoundResults {
  round: RoundSummary;
  sheet: SheetItem[];
  /** Evaluations in the reader's scope not yet submitted (not counted above). */
  pending: number;
  files: {
    archiveNo: string;
    caseNo: string;
    title: string;
    unitName: string;
    officerNames: string[];
    score: number;
    scores: Score[];
    reviewerName: string;
    submittedAt: string;
    comment: string;
  }[];
}

/** Results of the submitted evaluations (in the reader's scope): per unit, per officer, per item. */
export async function evaluationResults(db: Kysely<Database>, actor: Actor, roundId: string): Promise<ResultsView> {
  requireEvaluationReader(actor);
  const round = await erepo.findRound(db, roundId);
  if (!round) throw notFound('evaluation_round_not_found', '没有找到该评查活动');
  const [rows, names, progress] = await Promise.all([
    erepo.listEvaluations(db, roundId, scopePath(actor)),
    loadUnitNames(db),
    erepo.roundProgress(db, [roundId]),
  ]);
  const sheet = parseSheet(round.sheet);
  const submitted = rows.filter((r) => r.state === 'submitted');
  const scored = submitted.map((r) => ({
    unitId: r.unit_id,
    unitName: names.nameOf(r.unit_id),
    officers: officersOf(r),
    scores: scoresOf(r),
  }));
  return {
    round: toRoundSummary(round, progress.get(roundId) ?? { total: 0, submitted: 0 }, round.unit_id ? names.nameOf(round.unit_id) : null),
    sheet,
    pending: rows.length - submitted.length,
    ...roundResults(sheet, scored),
    files: submitted.map((r) => ({
      archiveNo: r.archive_no,
      caseNo: r.case_no,
      title: r.title,
      unitName: names.nameOf(r.unit_id),
      officerNames: officersOf(r).map((o) => o.name),
      score: scoreOf(sheet, scoresOf(r)),
      scores: scoresOf(r),
      reviewerName: r.reviewer_name ?? '',
      submittedAt: r.submitted_at ?? '',
      comment: r.comment,
    })),
  };
}
