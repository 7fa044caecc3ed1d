/**
 * The fixed vocabulary of 法制审核 comes from the server's pure module (states, the plan's checklist,
 * conclusions, the attestation sentence); this file adds what only the console needs (colours, helpers).
 */

export {
  ATTESTATION_TEXT,
  CHECK_RESULT_LABELS,
  CHECK_RESULTS,
  CHECKLIST,
  CONCLUSION_LABELS,
  CONCLUSIONS,
  REVIEW_STATE_LABELS,
  REVIEW_STATES,
  reviewStateLabel,
} from '../../../../src/modules/reviews/review-data';

import { CHECKLIST, CONCLUSION_LABELS, type Conclusion } from '../../../../src/modules/reviews/review-data';

/** Waiting blue, under review gold, returned red, cleared green, escalated purple. */
const STATE_COLORS: Readonly<Record<string, string>> = {
  submitted: 'blue',
  in_review: 'gold',
  returned: 'red',
  agreed: 'green',
  escalated: 'purple',
  settled: 'cyan',
};
export const reviewStateColor = (state: string): string => STATE_COLORS[state] ?? 'default';

/** The states in which the review clock runs (the due date matters). */
export const OPEN_STATES: readonly string[] = ['submitted', 'in_review'];

export { SUBMITTABLE_STAGES } from '../../../../src/modules/reviews/review-data';

export const checklistLabel = (key: string): string => CHECKLIST.find((c) => c.key === key)?.label ?? key;

export const conclusionLabel = (c: string | null): string => (c && c in CONCLUSION_LABELS ? CONCLUSION_LABELS[c as Conclusion] : '—');

export const conclusionColor = (c: string | null): string => (c === 'agreed' ? 'green' : c === null ? 'default' : 'red');

export const CHECK_RESULT_COLORS: Readonly<Record<string, string>> = { pass: 'green', problem: 'red', na: 'default' };

/** 罚款 60000 元、警告 — a proposal in one line. */
export function proposalText(p: { types: string[]; fineYuan: number | null }): string {
  return p.types.map((t) => (t === '罚款' && p.fineYuan !== null ? `罚款 ${p.fineYuan} 元` : t)).join('、') || '—';
}

/** What a party kind is called in the package. */
export const PARTY_KINDS: Readonly<Record<string, string>> = { natural: '自然人', organization: '法人或其他组织' };

/** A legal basis's role in the package. */
export const BASIS_ROLES: Readonly<Record<string, string>> = { violated: '违法依据', penalty: '处罚依据' };
