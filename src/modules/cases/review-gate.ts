import type { Actor } from '../../platform/auth/actor.js';
import type { Trx } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { type BenchmarkChoice, type CaseData, type Penalty, proposalOf, sameProposal } from './case-data.js';
import * as repo from './repository.js';
import { parseCaseData } from './views.js';

// 行政处罚法 §58: a decision the catalogue marks major is not made until the 法制审核 has agreed — and
// it must be the decision that was agreed. The reviews module writes where the review stands into the
// case (recordReviewState); the gate reads only the case.

const STATUS_TEXT: Readonly<Record<string, string>> = {
  submitted: '已提交,待审核',
  in_review: '审核中',
  returned: '已退回承办机构',
  escalated: '已提请集体讨论',
};

/** Refuses (409 legal_review_required) a decision of a major case that the review has not cleared as it is. */
export function checkReviewClearance(data: CaseData, penalty: Penalty, benchmark: BenchmarkChoice | null): void {
  const review = data.review;
  if (!review.required) return;
  const cleared = review.cleared;
  if (!cleared) {
    const where = review.status ? (STATUS_TEXT[review.status] ?? review.status) : '尚未提交法制审核';
    throw conflict(
      'legal_review_required',
      `本案属于重大执法决定(${review.reasons.join(';')}),须经法制审核同意后方可作出决定;法制审核${where}`,
    );
  }
  if (!sameProposal(cleared.proposal, proposalOf(penalty, benchmark))) {
    throw conflict(
      'legal_review_required',
      `拟作出的决定与法制审核${cleared.by === 'collective' ? '集体讨论决定' : '同意'}的内容(处罚种类、罚款数额或裁量阶次)不一致,须重新提交法制审核`,
    );
  }
}

/** Where the review stands, written into the case in the reviews module's transaction. */
export async function recordReviewState(
  trx: Trx,
  actor: Actor,
  caseId: string,
  state: { status: string; reviewId: string; round: number; cleared: NonNullable<CaseData['review']['cleared']> | null },
): Promise<void> {
  const row = await repo.findCase(trx, caseId);
  if (!row) throw notFound('case_not_found', '案件不存在');
  const data = parseCaseData(row.data);
  data.review = { ...data.review, status: state.status, reviewId: state.reviewId, cleared: state.cleared };
  await repo.updateCase(trx, caseId, { data: JSON.stringify(data), updated_at: new Date().toISOString() });
  // The case's own record shows each turn of its review (the review keeps the details).
  await recordEvent(trx, actor, {
    type: 'case.review_updated',
    subject: { type: 'case', id: caseId },
    data: { reviewId: state.reviewId, status: state.status, round: state.round, cleared: state.cleared !== null },
  });
}
