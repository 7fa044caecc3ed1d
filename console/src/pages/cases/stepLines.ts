import type { StepView } from '../../api/cases';
import { benchmarkText, installmentsText, penaltyText, serviceText } from './caseText';
import { stepFacts } from './stepFacts';

export interface StepLine {
  label: string;
  text: string;
  /** Shown as a warning (an approved exception to a gate). */
  exception?: boolean;
  /** The evidence ids behind `text`, for links on screen. */
  evidenceIds?: string[];
}

export interface StepNames {
  officer: (id: string) => string;
  evidence: (id: string) => string;
  /** The title of an issued document of the case, when the list holds it. */
  document?: (id: string) => string | undefined;
}

/** What a step's text record is, where it is more than a record (the party's statement, a decision). */
const NOTE_LABELS: Readonly<Record<string, string>> = {
  statement: '陈述、申辩',
  preserve_evidence: '保存理由',
  dispose_preserved: '处理决定',
  defer_payment: '当事人申请',
};

/** The ledger position of a step as the record shows it (账本序号 1234), or null before it is known. */
export const ledgerText = (step: StepView): string | null => (step.ledgerIndex === null ? null : `账本序号 ${step.ledgerIndex}`);

/** One step of 全过程记录 as labelled lines: the same lines on screen and on paper. */
export function stepLines(step: StepView, names: StepNames): StepLine[] {
  const f = stepFacts(step);
  const lines: StepLine[] = [];
  if (f.note) lines.push({ label: NOTE_LABELS[step.action] ?? '文字记录', text: f.note });
  if (f.statementReview) {
    const verdict = f.statementReview.adopted ? '采纳' : '不予采纳';
    lines.push({ label: '复核', text: `${verdict}:${f.statementReview.opinion}` });
  }
  if (f.preservedItems) lines.push({ label: '物品清单', text: f.preservedItems });
  if (f.preservationSeq !== null) lines.push({ label: '处理的保存', text: `第 ${f.preservationSeq} 步先行登记保存的证据` });
  if (f.officerIds.length > 0) lines.push({ label: '执法人员', text: f.officerIds.map(names.officer).join('、') });
  if (f.itemStep) lines.push({ label: '办理环节', text: f.itemStep });
  if (f.penalty) lines.push({ label: '处罚', text: penaltyText(f.penalty) });
  if (f.hearingOffered !== null)
    lines.push({ label: '听证权利', text: f.hearingOffered ? '告知当事人有权要求听证' : '不属于听证范围,未告知听证权利' });
  if (f.benchmark) lines.push({ label: '裁量', text: benchmarkText(f.benchmark) });
  if (f.rightsWaived) lines.push({ label: '权利放弃', text: '当事人书面放弃陈述、申辩和听证' });
  if (f.service) {
    const title = f.service.documentId ? names.document?.(f.service.documentId) : undefined;
    lines.push({ label: '送达', text: serviceText(f.service, title) });
    const consent = f.service.consentEvidenceId;
    if (consent) lines.push({ label: '送达地址确认书', text: names.evidence(consent), evidenceIds: [consent] });
  }
  if (f.installments.length > 0) lines.push({ label: '缴款计划', text: installmentsText(f.installments) });
  if (f.presiderOfficerId) lines.push({ label: '听证主持人', text: names.officer(f.presiderOfficerId) });
  if (f.evidenceIds.length > 0)
    lines.push({ label: '证据', text: f.evidenceIds.map(names.evidence).join('、'), evidenceIds: f.evidenceIds });
  if (f.avExceptionReason) lines.push({ label: '音像记录例外', text: `未附录音录像,经负责人审批:${f.avExceptionReason}`, exception: true });
  return lines;
}
