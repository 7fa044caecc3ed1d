// The shapes of a 法制审核 (pure: the console imports them too). States, the plan's checklist, the
// conclusions of an opinion, the package a unit submits.

import type { Proposal } from '../cases/case-data.js';

export type { Proposal };

export const REVIEW_STATES = ['submitted', 'in_review', 'returned', 'agreed', 'escalated', 'settled'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Readonly<Record<ReviewState, string>> = {
  submitted: '待审核',
  in_review: '审核中',
  returned: '已退回',
  agreed: '审核同意',
  escalated: '提请集体讨论',
  settled: '集体讨论决定',
};

/** The checklist of the plan (§13): each item gets a result and a note in every opinion. */
export const CHECKLIST = [
  { key: 'subject', label: '执法主体合法' },
  { key: 'qualification', label: '执法人员具备执法资格' },
  { key: 'procedure', label: '执法程序合法' },
  { key: 'facts', label: '案件事实清楚' },
  { key: 'evidence', label: '证据合法充分' },
  { key: 'law', label: '适用法律、法规、规章准确' },
  { key: 'discretion', label: '裁量基准运用适当' },
  { key: 'authority', label: '未超越法定职权' },
  { key: 'documents', label: '执法文书完备、规范' },
  { key: 'crime', label: '是否涉嫌犯罪需要移送司法机关' },
] as const;
export type ChecklistKey = (typeof CHECKLIST)[number]['key'];

export const CHECK_RESULTS = ['pass', 'problem', 'na'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_LABELS: Readonly<Record<CheckResult, string>> = { pass: '符合', problem: '存在问题', na: '不适用' };

/** 同意 clears the decision; the other two return the case to the handling unit. */
export const CONCLUSIONS = ['agreed', 'problems', 'revise'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];
export const CONCLUSION_LABELS: Readonly<Record<Conclusion, string>> = {
  agreed: '同意',
  problems: '存在问题',
  revise: '建议修改后提交',
};

export interface ChecklistEntry {
  key: ChecklistKey;
  result: CheckResult;
  note: string;
}

export interface Problem {
  /** 1-based, stable within the round: the unit answers by number. */
  no: number;
  key: ChecklistKey;
  text: string;
}

export interface Opinion {
  checklist: ChecklistEntry[];
  problems: Problem[];
  note: string;
  /** The signature of the opinion document's SHA-256 by each ledger signing key. */
  signatures: { keyName: string; algorithm: string; keyId: string; signature: string }[];
}

/** A result of an automatic pre-check (issue 6 item 3). */
export interface PreCheck {
  key: string;
  label: string;
  status: 'pass' | 'fail' | 'attention';
  detail: string;
  /** Where the evidence for it is (a console path or an API path). */
  link: string | null;
}

/** The submission package, frozen with its round. */
export interface ReviewPackage {
  caseId: string;
  caseNo: string;
  title: string;
  item: { code: string; name: string; versionId: string };
  parties: { kind: string; name: string; idNo: string }[];
  /** 情况说明 written by the unit. */
  statement: string;
  facts: string;
  evidence: { description: string; sha256?: string }[];
  legalBases: { law: string; article: string; role: string }[];
  benchmark: { code: string; name: string; tier: string; rangeYuan: [number, number] | null; withinTier: boolean; reason: string } | null;
  officers: { name: string; certificateNo: string }[];
  proposal: Proposal;
  /** The draft decision as the platform renders it from the proposal, and its hash. */
  draftDecision: { html: string; sha256: string };
  hearing: { heldOn: string; recordDocumentId: string | null; recordNumber: string | null } | null;
  reports: { evidenceId: string; description: string; sha256: string }[];
  determination: { reasons: string[]; rules: { code: string; name: string; explanation: string }[] };
  preChecks: PreCheck[];
}

export interface Attestation {
  by: string;
  byName: string;
  at: string;
  text: string;
}

/** The fixed words the handling unit signs with each submission (its responsibility, §15 of the plan). */
export const ATTESTATION_TEXT = '承办机构承诺:报送法制审核的材料真实、准确、完整,并对此承担责任。';

export const reviewStateLabel = (state: string): string =>
  (REVIEW_STATES as readonly string[]).includes(state) ? REVIEW_STATE_LABELS[state as ReviewState] : state;

/** The stages a case may be submitted from: a penalty is proposed (告知 drafted) and not yet decided. */
export const SUBMITTABLE_STAGES: readonly string[] = ['notified', 'notice_served', 'hearing_requested', 'heard'];

/** What a reviewer sends as an opinion (checked whole by checkOpinion). */
export interface OpinionInput {
  checklist: { key: string; result: string; note: string }[];
  conclusion: string;
  problems: { key: string; text: string }[];
  note: string;
}

/** A leader's record of the 集体讨论 that settles a disagreement. */
export interface SettleInput {
  heldOn: string;
  participants: string[];
  positions: string;
  decision: string;
  outcome: 'proposal' | 'opinion';
}
