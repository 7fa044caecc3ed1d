import type { DocumentType, DocumentTypeInfo, IssuedDocument } from '../../../api/caseDocuments';
import type { CaseView } from '../../../api/cases';

/**
 * Which documents fit where a case stands: those of its current stage first, then those a step
 * already taken calls for but that have not been issued yet. Every type stays selectable.
 */

const BY_STAGE: Readonly<Record<string, readonly DocumentType[]>> = {
  accepted: ['filing_approval'],
  investigating: [
    'filing_approval',
    'inquiry_notice',
    'inquiry_record',
    'inspection_record',
    'evidence_preservation_notice',
    'rectification_order',
  ],
  investigated: ['rectification_order', 'case_transfer'],
  notified: ['penalty_prior_notice', 'hearing_notice'],
  notice_served: ['service_receipt', 'hearing_notice'],
  hearing_requested: ['hearing_record'],
  heard: ['hearing_record'],
  decided: ['penalty_decision', 'handling_decision'],
  decision_served: ['service_receipt', 'payment_reminder'],
  enforcement_applied: ['payment_reminder'],
  executed: ['closing_approval'],
  closed: ['closing_approval'],
  cancelled: ['closing_approval'],
};

/** The documents a step taken calls for. */
const BY_STEP: Readonly<Record<string, readonly DocumentType[]>> = {
  file: ['filing_approval'],
  investigate: ['inquiry_record', 'inspection_record'],
  notify: ['penalty_prior_notice'],
  serve_notice: ['service_receipt'],
  hold_hearing: ['hearing_record'],
  decide: ['penalty_decision'],
  preserve_evidence: ['evidence_preservation_notice'],
  on_the_spot: ['on_the_spot_decision'],
  serve_decision: ['service_receipt'],
  close: ['closing_approval'],
};

/** Types a case often has several of (one per inquiry, inspection, service …). */
export const REPEATABLE_TYPES: readonly DocumentType[] = [
  'inquiry_notice',
  'inquiry_record',
  'inspection_record',
  'evidence_preservation_notice',
  'rectification_order',
  'service_receipt',
  'payment_reminder',
];

export function suggestedTypes(view: CaseView, documents: readonly IssuedDocument[]): DocumentType[] {
  const issued = new Set(documents.map((d) => d.type));
  // A 当场处罚 is served with the 当场行政处罚决定书 (a 行政处罚决定书 presumes a prior notice).
  const byStage =
    view.procedure === 'simple' && view.stage === 'decided' ? ['on_the_spot_decision' as const] : (BY_STAGE[view.stage] ?? []);
  const bySteps = view.steps.flatMap((s) => BY_STEP[s.action] ?? []).filter((t) => !issued.has(t) || REPEATABLE_TYPES.includes(t));
  return [...new Set([...byStage, ...bySteps])];
}

export interface TypeOption {
  value: DocumentType;
  label: string;
  issued: boolean;
}

export interface TypeOptionGroup {
  label: string;
  options: TypeOption[];
}

/** The select's groups: 建议制作 (in the order above), then 其他文书 in the catalogue's order. */
export function typeOptionGroups(
  types: readonly DocumentTypeInfo[],
  view: CaseView,
  documents: readonly IssuedDocument[],
): TypeOptionGroup[] {
  const issued = new Set(documents.map((d) => d.type));
  const option = (t: DocumentTypeInfo): TypeOption => ({ value: t.code, label: t.title, issued: issued.has(t.code) });
  const suggested = suggestedTypes(view, documents)
    .map((code) => types.find((t) => t.code === code))
    .filter((t): t is DocumentTypeInfo => t !== undefined);
  const others = types.filter((t) => !suggested.includes(t));
  return [
    ...(suggested.length > 0 ? [{ label: '建议制作', options: suggested.map(option) }] : []),
    { label: suggested.length > 0 ? '其他文书' : '全部文书', options: others.map(option) },
  ];
}
