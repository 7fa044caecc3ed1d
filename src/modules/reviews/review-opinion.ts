import type { Kysely } from 'kysely';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { BlobStore } from '../../platform/blobs/index.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { NoteSigner } from '../../platform/crypto/signers.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { conflict, invalid } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { caseDocumentData, getCase, recordReviewState } from '../cases/index.js';
import { dateText, issueDocument } from '../documents/index.js';
import { legalQualificationOfUser } from '../officers/index.js';
import { canOnReview } from './policy.js';
import * as repo from './repository.js';
import {
  CHECK_RESULT_LABELS,
  CHECK_RESULTS,
  CHECKLIST,
  type ChecklistEntry,
  CONCLUSION_LABELS,
  CONCLUSIONS,
  type Conclusion,
  type Opinion,
  type OpinionInput,
  type Problem,
  type ReviewPackage,
} from './review-data.js';
import { getReview, visibleReview } from './review-service.js';
import type { ReviewView } from './views.js';

// The reviewer's written opinion: the checklist of the plan item by item, the conclusion, each problem;
// issued as a numbered 《重大行政执法决定法制审核意见书》 (.docx, immutable) and signed over its hash with
// the ledger's keys. 同意 clears the decision as proposed; otherwise the case goes back to the unit.

/** Checks an opinion whole: every checklist item once, problems where the conclusion needs them. */
export function checkOpinion(input: OpinionInput): {
  checklist: ChecklistEntry[];
  conclusion: Conclusion;
  problems: Problem[];
  note: string;
} {
  const errors: string[] = [];
  const conclusion = CONCLUSIONS.find((c) => c === input.conclusion);
  if (!conclusion) errors.push(`审核结论应为:${CONCLUSIONS.map((c) => CONCLUSION_LABELS[c]).join('、')}`);
  const checklist: ChecklistEntry[] = [];
  for (const item of CHECKLIST) {
    const given = input.checklist.filter((e) => e.key === item.key);
    const entry = given[0];
    const result = CHECK_RESULTS.find((r) => r === entry?.result);
    if (given.length !== 1 || !entry || !result) {
      errors.push(`「${item.label}」须填写且只填写一次审核意见(${CHECK_RESULTS.map((r) => CHECK_RESULT_LABELS[r]).join('/')})`);
      continue;
    }
    if (result === 'problem' && entry.note.trim() === '') errors.push(`「${item.label}」存在问题,请写明问题`);
    checklist.push({ key: item.key, result, note: entry.note.trim() });
  }
  const unknown = input.checklist.filter((e) => !CHECKLIST.some((i) => i.key === e.key));
  if (unknown.length > 0) errors.push(`没有审核事项「${unknown.map((e) => e.key).join('、')}」`);
  const problems: Problem[] = [];
  for (const [i, p] of input.problems.entries()) {
    const item = CHECKLIST.find((c) => c.key === p.key);
    if (!item || p.text.trim() === '') errors.push(`第 ${i + 1} 个问题须对应一个审核事项并写明内容`);
    else problems.push({ no: i + 1, key: item.key, text: p.text.trim() });
  }
  if (conclusion === 'agreed' && (problems.length > 0 || checklist.some((e) => e.result === 'problem'))) {
    errors.push('审核结论为「同意」时不能列有存在问题的事项;有问题的请选择「存在问题」或「建议修改后提交」');
  }
  if (conclusion && conclusion !== 'agreed' && problems.length === 0) errors.push('退回承办机构须逐项列明存在的问题');
  if (errors.length > 0 || !conclusion) throw invalid('opinion_invalid', `审核意见不完整:${errors.join(';')}`, errors);
  return { checklist, conclusion, problems, note: input.note.trim() };
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The opinion document's data: the case as documents print it, plus the opinion in words. */
async function opinionData(
  db: Kysely<Database>,
  reviewer: UserActor,
  review: repo.ReviewRow,
  round: repo.RoundRow,
  o: ReturnType<typeof checkOpinion>,
) {
  const c = await getCase(db, reviewer, review.case_id);
  const base = await caseDocumentData(db, c);
  const qualification = await legalQualificationOfUser(db, reviewer.userId);
  return {
    agencyName: base.agencyName,
    unitName: base.unitName,
    case: base.case,
    party: base.party,
    dates: { document: shanghaiToday() },
    extra: {
      round: String(round.round_no),
      submittedOn: dateText(round.submitted_at.slice(0, 10)),
      conclusion: CONCLUSION_LABELS[o.conclusion],
      checklist: o.checklist
        .map(
          (e, i) =>
            `${ORDINALS[i] ?? i + 1}、${CHECKLIST[i]?.label ?? e.key}：${CHECK_RESULT_LABELS[e.result]}${e.note ? `。${e.note}` : ''}。`,
        )
        .join('\n'),
      problems: o.problems.map((p) => p.text).join('\n'),
      note: o.note,
      reviewer: `${reviewer.displayName}${qualification ? `(法律职业资格 ${qualification.level} 类${qualification.certificateNo ? `,证书编号 ${qualification.certificateNo}` : ''})` : ''}`,
    },
  };
}

/** Signs the opinion document's hash with every ledger key: verifiable offline with the published verifier keys. */
export function signOpinion(signers: readonly NoteSigner[], documentId: string, sha256: string): Opinion['signatures'] {
  const message = Buffer.from(`sanxiang review opinion\n${documentId}\n${sha256}\n`);
  return signers.map((s) => ({
    keyName: s.name,
    algorithm: s.algorithm,
    keyId: s.keyId.toString('hex'),
    signature: s.sign(message).toString('base64'),
  }));
}

/** The reviewer concludes the current round. */
export async function concludeReview(
  db: Kysely<Database>,
  deps: { blobs: BlobStore; signers: readonly NoteSigner[] },
  actor: Actor,
  id: string,
  input: OpinionInput,
): Promise<ReviewView> {
  const user = requireUser(actor);
  const opinion = checkOpinion(input);
  const row = await visibleReview(db, user, id);
  authorize(
    canOnReview(user, 'review.conduct', row.unit_path) && row.reviewer_id === user.userId,
    '只有承办该审核的法制审核人员可以出具审核意见',
  );
  if (row.state !== 'in_review') throw conflict('review_not_open', '该审核不在审核中');
  const round = (await repo.listRounds(db, id)).at(-1);
  if (!round || round.conclusion !== null) throw conflict('review_not_open', '本轮审核已出具意见');
  const data = await opinionData(db, user, row, round, opinion);
  await inTransaction(db, async (trx) => {
    const doc = await issueDocument(trx, user, deps.blobs, { caseId: row.case_id, unitId: user.unitId, type: 'review_opinion', data });
    const signed: Opinion = {
      checklist: opinion.checklist,
      problems: opinion.problems,
      note: opinion.note,
      signatures: signOpinion(deps.signers, doc.id, doc.sha256),
    };
    const now = new Date().toISOString();
    if (
      !(await repo.concludeRound(trx, round.id, {
        conclusion: opinion.conclusion,
        opinion: JSON.stringify(signed),
        opinion_document_id: doc.id,
        concluded_at: now,
        concluded_by: user.userId,
      }))
    ) {
      throw conflict('review_not_open', '本轮审核已出具意见');
    }
    const agreed = opinion.conclusion === 'agreed';
    const pkg = JSON.parse(round.package) as ReviewPackage;
    await repo.updateReview(trx, id, { state: agreed ? 'agreed' : 'returned', updated_at: now });
    await recordReviewState(trx, user, row.case_id, {
      status: agreed ? 'agreed' : 'returned',
      reviewId: id,
      round: Number(round.round_no),
      cleared: agreed ? { proposal: pkg.proposal, on: shanghaiToday(), round: Number(round.round_no), by: 'opinion' } : null,
    });
    await recordEvent(trx, user, {
      type: 'review.concluded',
      subject: { type: 'review', id },
      data: {
        caseId: row.case_id,
        round: Number(round.round_no),
        conclusion: opinion.conclusion,
        problems: opinion.problems.length,
        documentId: doc.id,
        number: doc.number,
        packageSha256: round.package_sha256,
      },
      blobs: [doc.sha256],
    });
  });
  return getReview(db, user, id);
}

export async function assertReviewerOf(trx: Trx, user: UserActor, id: string): Promise<repo.ReviewRow> {
  const row = await visibleReview(trx, user, id);
  authorize(canOnReview(user, 'review.conduct', row.unit_path) && row.reviewer_id === user.userId, '只有承办该审核的法制审核人员可以办理');
  if (row.state !== 'in_review') throw conflict('review_not_open', '该审核不在审核中');
  return row;
}
