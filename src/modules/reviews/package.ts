import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { invalid } from '../../platform/errors.js';
import type { Penalty } from '../cases/case-data.js';
import { type CaseView, caseDocumentData, type ProposedDecision } from '../cases/index.js';
import { type BenchmarkData, benchmarkKind, entryVersion } from '../catalog/index.js';
import { listCaseDocuments, renderHtml } from '../documents/index.js';
import { evidenceFacts } from '../evidence/index.js';
import { type PreCheckDeps, runPreChecks } from './pre-checks.js';
import type { ReviewPackage } from './review-data.js';

// 送审材料 (domain research C6): 情况说明 (facts, evidence, law applied, how the benchmark was applied,
// officers' qualifications), the draft decision, the evidence with hashes, the 听证笔录 if heard and other
// reports — assembled from the case, so the reviewer sees what the case holds, not a retyped copy.

export interface SubmissionInput {
  /** 情况说明 in the unit's words. */
  statement: string;
  /** Other reports filed as evidence of the case (评估、鉴定报告 …). */
  reportEvidenceIds: string[];
  /** The unit confirms the materials are true, accurate and complete. */
  attested: boolean;
  /**
   * The decision the unit intends, when not the notified one (e.g. lighter after 陈述申辩): checked as the
   * decision will be; the decision must then be exactly what the review agreed.
   */
  proposal?: { penalty: Penalty; benchmark: { code: string; tierNo: number; departureReason: string } };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The package for this case now, or 400 `review_package_incomplete` listing everything missing (what
 * the unit must still do or write), so one refusal tells the whole story.
 */
export async function assemblePackage(
  db: Kysely<Database>,
  deps: PreCheckDeps,
  c: CaseView,
  input: SubmissionInput,
  proposed: ProposedDecision | null,
): Promise<ReviewPackage> {
  const missing: string[] = [];
  const statement = input.statement.trim();
  if (statement === '') missing.push('情况说明');
  if (!input.attested) missing.push('承办机构对材料真实、准确、完整的承诺');
  const notice = c.data.notice;
  if (!notice) missing.push('拟作出的行政处罚(请先拟定事先告知)');
  const data = await caseDocumentData(db, c);
  const facts = c.steps.findLast((s) => s.action === 'end_investigation')?.data.note;
  if (typeof facts !== 'string' || facts.trim() === '') missing.push('调查终结报告(违法事实)');
  const evidence = data.evidence ?? [];
  if (evidence.length === 0) missing.push('证据材料');
  if ((data.legalBases ?? []).length === 0) missing.push('适用的法律依据');
  if (c.officers.length === 0) missing.push('执法人员及其执法证件');
  const documents = await listCaseDocuments(db, c.id);
  const hearingRecord = documents.find((d) => d.type === 'hearing_record' && d.supersededBy === null);
  if (c.data.hearing?.heldOn && !hearingRecord) missing.push('听证笔录(请先签发)');
  const reports = await evidenceFacts(db, input.reportEvidenceIds);
  const foreign = input.reportEvidenceIds.filter((id) => !reports.some((r) => r.id === id && r.caseId === c.id));
  if (foreign.length > 0) throw invalid('evidence_not_of_case', '所附报告须是本案已归集的证据');
  if (missing.length > 0 || !notice || !proposed) {
    throw invalid('review_package_incomplete', `送审材料不完整,缺少:${missing.join('、')}`, missing);
  }
  const { penalty, benchmark: chosen } = proposed;
  const draftHtml = renderHtml('penalty_decision', {
    ...data,
    penalty: { types: penalty.types, amountYuan: penalty.fineYuan ?? undefined, other: penalty.description },
  });
  return {
    caseId: c.id,
    caseNo: c.caseNo,
    title: c.title,
    item: { code: c.itemCode, name: c.data.itemName, versionId: c.itemVersionId },
    parties: c.parties.map((p) => ({ kind: p.kind, name: p.name, idNo: p.idNo })),
    statement,
    facts: String(facts),
    evidence: evidence.map((e) =>
      e.sha256 ? { description: e.description ?? '', sha256: e.sha256 } : { description: e.description ?? '' },
    ),
    legalBases: (data.legalBases ?? []).map((b) => ({ law: b.law, article: b.article, role: b.role ?? 'violated' })),
    benchmark: {
      code: chosen.code,
      name: (await entryVersion<BenchmarkData>(db, benchmarkKind, chosen.versionId))?.data.name ?? '',
      tier: `第 ${chosen.tierNo} 阶次(${chosen.tierLevel})`,
      rangeYuan: chosen.rangeYuan,
      withinTier: chosen.withinTier,
      reason: chosen.departureReason,
    },
    officers: c.officers.map((o) => ({ name: o.name, certificateNo: o.certificateNo })),
    proposal: proposed.proposal,
    draftDecision: { html: draftHtml, sha256: sha256(draftHtml) },
    hearing: c.data.hearing?.heldOn
      ? { heldOn: c.data.hearing.heldOn, recordDocumentId: hearingRecord?.id ?? null, recordNumber: hearingRecord?.number ?? null }
      : null,
    reports: reports.map((r) => ({ evidenceId: r.id, description: `${r.kind}(${r.recordedAt.slice(0, 10)})`, sha256: r.sha256 })),
    determination: {
      reasons: proposed.review.reasons,
      rules: (proposed.review.rules ?? []).map((r) => ({ code: r.code, name: r.name, explanation: r.explanation })),
    },
    preChecks: await runPreChecks(db, deps, c),
  };
}
