import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, notFound } from '../../platform/errors.js';
import { checkedPenalty } from './action-handlers.js';
import { type BenchmarkChoice, type CaseData, type Penalty, type Proposal, proposalOf } from './case-data.js';
import { getCase } from './case-service.js';
import { checkNotHeavier, chooseBenchmark } from './gates.js';
import * as repo from './repository.js';
import { determinationFor } from './review-determination.js';
import { parseCaseData } from './views.js';

// What the unit intends to decide, checked as the decision will be (not heavier than notified, within the
// benchmark tier or reasoned) and determined against the review catalogue — without recording anything.
// 法制审核 reviews this proposal; the decision must then be exactly it.

export interface ProposedDecision {
  penalty: Penalty;
  benchmark: BenchmarkChoice;
  proposal: Proposal;
  review: CaseData['review'];
}

export async function evaluateProposal(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  input?: { penalty: Penalty; benchmark: { code: string; tierNo: number; departureReason: string } },
): Promise<ProposedDecision> {
  await getCase(db, actor, caseId);
  const row = await repo.findCase(db, caseId);
  if (!row) throw notFound('case_not_found', '案件不存在');
  const data = parseCaseData(row.data);
  const notice = data.notice;
  if (!notice) throw conflict('notice_missing', '尚未拟定事先告知:拟作出的处罚以事先告知为准');
  const penalty = input ? checkedPenalty(input.penalty) : notice.penalty;
  checkNotHeavier(notice.penalty, penalty);
  const asked = input?.benchmark ?? {
    code: notice.benchmark.code,
    tierNo: notice.benchmark.tierNo,
    departureReason: notice.benchmark.departureReason,
  };
  const benchmark = await chooseBenchmark(db, row.item_code, penalty, {
    ...asked,
    versionId: asked.code === notice.benchmark.code ? notice.benchmark.versionId : undefined,
  });
  const review = await determinationFor(db, row, data, penalty, benchmark);
  return { penalty, benchmark, proposal: proposalOf(penalty, benchmark), review };
}
