import { CHECK_LABELS, type CheckCode, type SheetItem } from './evaluation-sheet.js';

// The automatic checks of 案卷评查: pure functions over the facts of one archived case file (gathered by
// evaluation-facts.ts). They find what a machine can be sure of — documents the steps call for but the
// file lacks, agency deadlines met late, 全程音像记录 steps without a recording, departures from the
// 裁量基准 without a reason — and suggest a deduction; the reviewer decides.

export interface StepFact {
  readonly seq: number;
  readonly action: string;
  readonly label: string;
  readonly performedOn: string;
  /** The 执法事项 环节 the AV gate checked the step against; null when it checked none. */
  readonly itemStep: string | null;
  readonly evidenceIds: readonly string[];
  /** The approved reason for passing the AV gate without a recording. */
  readonly avException: string | null;
  /** 送达方式 of a service step. */
  readonly serviceMethod: string | null;
}

export interface DeadlineFact {
  readonly kind: string;
  readonly label: string;
  readonly due: string | null;
  readonly closedOn: string | null;
}

export interface BenchmarkFact {
  /** 事先告知 or 处罚决定 */
  readonly stage: string;
  readonly code: string;
  readonly tierNo: number;
  readonly withinTier: boolean;
  readonly departureReason: string;
}

export interface EvaluationFacts {
  /** general | simple | inspection */
  readonly procedure: string;
  readonly steps: readonly StepFact[];
  readonly deadlines: readonly DeadlineFact[];
  /** Types of the documents in the file, supplements included. */
  readonly documentTypes: readonly string[];
  /** Evidence in the file whose sniffed media type is audio or video. */
  readonly avEvidenceIds: readonly string[];
  /** 环节 the 音像记录事项清单 marks 全程音像记录 for the case's 执法事项 → the rules' codes. */
  readonly avMandatory: Readonly<Record<string, readonly string[]>>;
  readonly benchmarks: readonly BenchmarkFact[];
}

export interface Finding {
  readonly check: CheckCode;
  readonly checkLabel: string;
  /** The sheet item the finding belongs to. */
  readonly itemCode: string;
  readonly message: string;
  /** Suggested deduction in points (0: shown for the reviewer to verify, no deduction suggested). */
  readonly deduction: number;
}

/** The part of an item's points each finding suggests (the prefill never deducts more than the item's points). */
export const DEDUCTION_PER_FINDING: Readonly<Record<CheckCode, number>> = {
  missing_documents: 2,
  late_steps: 5,
  missing_av: 5,
  benchmark_departure: 10,
};

/**
 * Deadlines the agency must meet. The party's own periods (陈述申辩/听证申请, 缴纳罚款, 催告履行) are left out:
 * their end is not the officers' to meet, and closing a case closes them on the closing day.
 */
export const AGENCY_DEADLINES: readonly string[] = ['acceptance', 'investigation', 'decision', 'decisionService', 'preservationDecision'];

/** 直接送达 and 留置送达 are proved by a 送达回证; the other methods by their own records (邮寄回执, 公告, 电子送达记录). */
const RECEIPT_METHODS: readonly string[] = ['直接送达', '留置送达'];
const SERVICE_ACTIONS: readonly string[] = ['serve_notice', 'serve_decision', 'urge'];

interface DocumentRule {
  readonly label: string;
  readonly anyOf: readonly string[];
  readonly when: (f: EvaluationFacts) => boolean;
}

const did = (f: EvaluationFacts, action: string): boolean => f.steps.some((s) => s.action === action);

/** What each step calls for in the file (documents/types.ts codes), by procedure. */
export const DOCUMENT_RULES: readonly DocumentRule[] = [
  { label: '立案审批表', anyOf: ['filing_approval'], when: (f) => did(f, 'file') },
  { label: '询问笔录或现场检查笔录', anyOf: ['inquiry_record', 'inspection_record'], when: (f) => did(f, 'investigate') },
  { label: '现场检查笔录', anyOf: ['inspection_record'], when: (f) => did(f, 'inspect') },
  { label: '先行登记保存证据通知书', anyOf: ['evidence_preservation_notice'], when: (f) => did(f, 'preserve_evidence') },
  { label: '行政处罚事先告知书', anyOf: ['penalty_prior_notice', 'hearing_notice'], when: (f) => did(f, 'notify') },
  { label: '听证笔录', anyOf: ['hearing_record'], when: (f) => did(f, 'hold_hearing') },
  { label: '行政处罚决定书', anyOf: ['penalty_decision', 'handling_decision'], when: (f) => did(f, 'decide') },
  { label: '当场行政处罚决定书', anyOf: ['on_the_spot_decision'], when: (f) => did(f, 'on_the_spot') },
  {
    label: '送达回证',
    anyOf: ['service_receipt'],
    when: (f) => f.steps.some((s) => SERVICE_ACTIONS.includes(s.action) && RECEIPT_METHODS.includes(s.serviceMethod ?? '')),
  },
  { label: '催告书', anyOf: ['payment_reminder'], when: (f) => did(f, 'urge') },
  { label: '结案审批表', anyOf: ['closing_approval'], when: (f) => did(f, 'close') },
];

export function missingDocuments(f: EvaluationFacts): string[] {
  const held = new Set(f.documentTypes);
  return DOCUMENT_RULES.filter((r) => r.when(f) && !r.anyOf.some((t) => held.has(t))).map((r) => r.label);
}

const daysLate = (due: string, done: string): number =>
  Math.round((Date.parse(`${done}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);

export function lateDeadlines(f: EvaluationFacts): { label: string; due: string; closedOn: string; days: number }[] {
  return f.deadlines.flatMap((d) =>
    AGENCY_DEADLINES.includes(d.kind) && d.due !== null && d.closedOn !== null && d.closedOn > d.due
      ? [{ label: d.label, due: d.due, closedOn: d.closedOn, days: daysLate(d.due, d.closedOn) }]
      : [],
  );
}

export function stepsWithoutAv(f: EvaluationFacts): { step: StepFact; rules: readonly string[] }[] {
  const av = new Set(f.avEvidenceIds);
  return f.steps.flatMap((step) => {
    const rules = step.itemStep === null ? undefined : f.avMandatory[step.itemStep];
    if (!rules || rules.length === 0 || step.evidenceIds.some((id) => av.has(id))) return [];
    return [{ step, rules }];
  });
}

export function departuresWithoutReason(f: EvaluationFacts): BenchmarkFact[] {
  // The decision repeats the notice's choice: judge the decision when there is one, so one departure counts once.
  const decided = f.benchmarks.filter((b) => b.stage === '处罚决定');
  const judged = decided.length > 0 ? decided : f.benchmarks;
  return judged.filter((b) => !b.withinTier && b.departureReason.trim() === '');
}

/** The findings of every check the sheet names, each under its item. */
export function runChecks(sheet: readonly SheetItem[], f: EvaluationFacts): Finding[] {
  const findings: Finding[] = [];
  for (const item of sheet) {
    if (item.check === null) continue;
    const check = item.check;
    const add = (message: string, deduction = DEDUCTION_PER_FINDING[check]) =>
      findings.push({ check, checkLabel: CHECK_LABELS[check], itemCode: item.code, message, deduction: Math.min(deduction, item.points) });
    if (check === 'missing_documents') {
      for (const label of missingDocuments(f)) add(`案卷中缺少${label}`);
    } else if (check === 'late_steps') {
      for (const d of lateDeadlines(f)) add(`${d.label}应于 ${d.due} 前完成,实际 ${d.closedOn} 完成,超期 ${d.days} 日`);
    } else if (check === 'missing_av') {
      for (const { step, rules } of stepsWithoutAv(f)) {
        const what = `第 ${step.seq} 步「${step.label}」(${step.performedOn},环节「${step.itemStep ?? ''}」)按音像记录事项清单(${rules.join('、')})应全程音像记录`;
        if (step.avException !== null) add(`${what},经批准未录制(理由:${step.avException}),请核实理由是否成立`, 0);
        else add(`${what},案卷中没有该环节的录音录像`);
      }
    } else {
      for (const b of departuresWithoutReason(f)) add(`${b.stage}未适用裁量基准 ${b.code} 第 ${b.tierNo} 阶次的幅度,且未说明理由`);
    }
  }
  return findings;
}

export interface Score {
  code: string;
  deduction: number;
  note: string;
}

/** The draft a reviewer starts from: each item's findings added up (at most the item's points), their messages as the note. */
export function prefillScores(sheet: readonly SheetItem[], findings: readonly Finding[]): Score[] {
  return sheet.flatMap((item) => {
    const mine = findings.filter((f) => f.itemCode === item.code && f.deduction > 0);
    if (mine.length === 0) return [];
    const deduction = Math.min(
      item.points,
      mine.reduce((sum, f) => sum + f.deduction, 0),
    );
    return [{ code: item.code, deduction, note: mine.map((f) => f.message).join(';') }];
  });
}
