import type { OpinionInput } from '../../api/reviews';
import { CHECKLIST, checklistLabel } from './reviewLabels';

/** The opinion editor's values: one row per checklist item, the conclusion, the problems, a note. */
export interface OpinionValues {
  checklist: Record<string, { result?: string; note?: string }>;
  conclusion?: string;
  problems?: { key?: string; text?: string }[];
  note?: string;
}

export const emptyOpinion = (): OpinionValues => ({
  checklist: Object.fromEntries(CHECKLIST.map((c) => [c.key, { note: '' }])),
  problems: [],
  note: '',
});

/** What the server is sent: every item in the plan's order; empty problem rows are left out. */
export function toOpinionInput(values: OpinionValues): OpinionInput {
  return {
    checklist: CHECKLIST.map((c) => ({
      key: c.key,
      result: values.checklist?.[c.key]?.result ?? '',
      note: values.checklist?.[c.key]?.note ?? '',
    })),
    conclusion: values.conclusion ?? '',
    problems: (values.problems ?? []).filter((p) => p.key || p.text?.trim()).map((p) => ({ key: p.key ?? '', text: p.text ?? '' })),
    note: values.note ?? '',
  };
}

/**
 * Hints while the reviewer writes (the server checks the whole opinion again and is the judge): items
 * not yet concluded, problems without a note, a conclusion that does not fit the problems.
 */
export function opinionHints(values: OpinionValues | undefined): string[] {
  if (!values) return [];
  const hints: string[] = [];
  const open = CHECKLIST.filter((c) => !values.checklist?.[c.key]?.result);
  if (open.length > 0) hints.push(`尚有 ${open.length} 项审核事项未选择结论:${open.map((c) => c.label).join('、')}`);
  const unexplained = CHECKLIST.filter((c) => values.checklist?.[c.key]?.result === 'problem' && !values.checklist?.[c.key]?.note?.trim());
  if (unexplained.length > 0) hints.push(`「${unexplained.map((c) => c.label).join('、')}」存在问题,请在审核意见中写明`);
  const problems = (values.problems ?? []).filter((p) => p.key || p.text?.trim());
  const marked = CHECKLIST.some((c) => values.checklist?.[c.key]?.result === 'problem');
  if (values.conclusion === 'agreed' && (problems.length > 0 || marked)) {
    hints.push('结论为「同意」时不能列有问题;有问题的请选择「存在问题」或「建议修改后提交」');
  }
  if (values.conclusion && values.conclusion !== 'agreed' && problems.length === 0) hints.push('退回承办机构须逐项列明存在的问题');
  return hints;
}

/** Problems drawn from the items marked 存在问题 that the list does not hold yet (their notes as the text). */
export function problemsFromChecklist(values: OpinionValues): { key: string; text: string }[] {
  const listed = new Set((values.problems ?? []).map((p) => p.key));
  return CHECKLIST.filter((c) => values.checklist?.[c.key]?.result === 'problem' && !listed.has(c.key)).map((c) => ({
    key: c.key,
    text: values.checklist?.[c.key]?.note?.trim() || `${checklistLabel(c.key)}方面存在问题`,
  }));
}

/**
 * What cannot be sent at all (the API accepts only its fixed values for a result, a conclusion and a
 * problem's item): the form names these itself; everything else the server judges and explains.
 */
export function unsendable(values: OpinionValues): string[] {
  const reasons: string[] = [];
  const open = CHECKLIST.filter((c) => !values.checklist?.[c.key]?.result);
  if (open.length > 0) reasons.push(`请为每一项审核事项选择结论,尚未选择:${open.map((c) => c.label).join('、')}`);
  if (!values.conclusion) reasons.push('请选择审核结论');
  (values.problems ?? []).forEach((p, i) => {
    if (!p.key && p.text?.trim()) reasons.push(`第 ${i + 1} 个问题请选择对应的审核事项`);
  });
  return reasons;
}
