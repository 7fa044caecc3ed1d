import type { ConsultationRow, ReviewRow, RoundRow } from './repository.js';
import type { Attestation, Conclusion, Opinion, ReviewPackage, ReviewState } from './review-data.js';
import { reviewStateLabel } from './review-data.js';

export interface ReviewSummary {
  id: string;
  caseId: string;
  caseNo: string;
  caseTitle: string;
  unitId: string;
  state: ReviewState;
  stateLabel: string;
  reviewerId: string | null;
  reviewerName: string | null;
  roundNo: number;
  dueOn: string | null;
  extended: boolean;
  updatedAt: string;
}

export interface RoundView {
  roundNo: number;
  package: ReviewPackage;
  packageSha256: string;
  attestation: Attestation;
  answers: { problemNo: number; answer: string }[] | null;
  submittedAt: string;
  submittedBy: string;
  conclusion: Conclusion | null;
  opinion: Opinion | null;
  opinionDocumentId: string | null;
  concludedAt: string | null;
  concludedBy: string | null;
}

export interface ReviewView extends ReviewSummary {
  rounds: RoundView[];
  consultations: {
    id: string;
    roundNo: number;
    adviser: string;
    question: string;
    askedAt: string;
    reply: string | null;
    repliedAt: string | null;
  }[];
  settlement: Settlement | null;
  /** What changed in the package since the previous round (field → [before, after]), for the reviewer. */
  changes: { field: string; before: string; after: string }[];
  /** The review's events in order: who took it, extended it and why, escalated it and why, consulted whom. */
  history: { type: string; occurredAt: string; actorName: string; ledgerIndex: number | null; data: Record<string, unknown> }[];
  /** While open: the review period runs past the case's decision deadline, or is pending a year's holidays. */
  warnings: string[];
}

/** 集体讨论 that settled a disagreement between the handling unit and 政策法规科. */
export interface Settlement {
  heldOn: string;
  participants: string[];
  positions: string;
  decision: string;
  /** proposal: decide as submitted; opinion: follow the review's opinion (the case stays returned). */
  outcome: 'proposal' | 'opinion';
  recordedBy: string;
  recordedAt: string;
}

export function toSummary(row: ReviewRow, names: ReadonlyMap<string, string>): ReviewSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNo: row.case_no,
    caseTitle: row.case_title,
    unitId: row.unit_id,
    state: row.state as ReviewState,
    stateLabel: reviewStateLabel(row.state),
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_id ? (names.get(row.reviewer_id) ?? null) : null,
    roundNo: Number(row.round_no),
    dueOn: row.due_on,
    extended: Number(row.extended) === 1,
    updatedAt: row.updated_at,
  };
}

export function toRoundView(r: RoundRow): RoundView {
  return {
    roundNo: Number(r.round_no),
    package: JSON.parse(r.package) as ReviewPackage,
    packageSha256: r.package_sha256,
    attestation: JSON.parse(r.attestation) as Attestation,
    answers: r.answers ? (JSON.parse(r.answers) as RoundView['answers']) : null,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    conclusion: (r.conclusion as Conclusion | null) ?? null,
    opinion: r.opinion ? (JSON.parse(r.opinion) as Opinion) : null,
    opinionDocumentId: r.opinion_document_id,
    concludedAt: r.concluded_at,
    concludedBy: r.concluded_by,
  };
}

export const toConsultationView = (c: ConsultationRow): ReviewView['consultations'][number] => ({
  id: c.id,
  roundNo: Number(c.round_no),
  adviser: c.adviser,
  question: c.question,
  askedAt: c.asked_at,
  reply: c.reply,
  repliedAt: c.replied_at,
});

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value ?? null));

/** The fields of the package a reviewer compares round to round. */
const COMPARED: readonly [string, (p: ReviewPackage) => unknown][] = [
  ['情况说明', (p) => p.statement],
  ['违法事实', (p) => p.facts],
  ['证据', (p) => p.evidence],
  ['法律依据', (p) => p.legalBases],
  ['裁量基准', (p) => p.benchmark],
  ['拟处罚', (p) => p.proposal],
  ['决定书草稿', (p) => p.draftDecision.sha256],
  ['听证', (p) => p.hearing],
  ['其他报告', (p) => p.reports],
];

export function packageChanges(before: ReviewPackage | undefined, after: ReviewPackage | undefined): ReviewView['changes'] {
  if (!before || !after) return [];
  return COMPARED.flatMap(([field, get]) => {
    const a = text(get(before));
    const b = text(get(after));
    return a === b ? [] : [{ field, before: a, after: b }];
  });
}
