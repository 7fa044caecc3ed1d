import type { StepView } from '../../api/cases';
import { benchmarkText, penaltyText, serviceText } from './caseText';
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
}

/** One step of 全过程记录 as labelled lines: the same lines on screen and on paper. */
export function stepLines(step: StepView, names: StepNames): StepLine[] {
  const f = stepFacts(step);
  const lines: StepLine[] = [];
  if (f.note) lines.push({ label: '文字记录', text: f.note });
  if (f.officerIds.length > 0) lines.push({ label: '执法人员', text: f.officerIds.map(names.officer).join('、') });
  if (f.itemStep) lines.push({ label: '办理环节', text: f.itemStep });
  if (f.penalty) lines.push({ label: '处罚', text: penaltyText(f.penalty) });
  if (f.benchmark) lines.push({ label: '裁量', text: benchmarkText(f.benchmark) });
  if (f.service) lines.push({ label: '送达', text: serviceText(f.service) });
  if (f.presiderOfficerId) lines.push({ label: '听证主持人', text: names.officer(f.presiderOfficerId) });
  if (f.evidenceIds.length > 0)
    lines.push({ label: '证据', text: f.evidenceIds.map(names.evidence).join('、'), evidenceIds: f.evidenceIds });
  if (f.avExceptionReason) lines.push({ label: '音像记录例外', text: `未附录音录像,经负责人审批:${f.avExceptionReason}`, exception: true });
  return lines;
}
