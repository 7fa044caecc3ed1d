import type { DocumentData, DocumentType, IssuedDocument } from '../../../api/caseDocuments';
import type { CaseView } from '../../../api/cases';
import type { UnitProfile } from '../../../api/documentSettings';

/**
 * The form's values are DocumentData itself (antd nests them by name path). What goes to the server
 * is cleaned: blank texts, empty lists and empty objects are dropped, so a field left empty never
 * blanks out what the case supplies (and never fails the server's date patterns).
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value)) {
    const items = value.map(clean).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, clean(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value ?? undefined;
}

/** A 笔录's lines: those with text, each with its speaker (possibly empty: the text stands alone). */
function recordLines(lines: unknown): { speaker: string; text: string }[] | undefined {
  if (!Array.isArray(lines)) return undefined;
  const kept = lines
    .filter(isRecord)
    .map((l) => ({ speaker: typeof l.speaker === 'string' ? l.speaker.trim() : '', text: typeof l.text === 'string' ? l.text.trim() : '' }))
    .filter((l) => l.text !== '');
  return kept.length === 0 ? undefined : kept;
}

/** What the person typed, as the request's `data`. */
export function toDocumentData(values: DocumentData): DocumentData {
  const lines = recordLines(values.record?.lines);
  const record = values.record ? { ...values.record, lines } : undefined;
  // The cleaned value has the form's (DocumentData) shape with empty parts removed.
  return (clean({ ...values, record }) ?? {}) as DocumentData;
}

// --- the unit's 文书固定信息 ----------------------------------------------------------------------

/**
 * What the server prints for a field left blank, when the unit's 文书固定信息 (or its nearest
 * ancestor's) sets it: contact, fine account and remedies. Undefined for every other field.
 */
export function profileValue(profile: UnitProfile | null | undefined, path: string): string | undefined {
  if (!profile || !/^(contact|payment|remedies)\./.test(path)) return undefined;
  let at: unknown = profile;
  for (const key of path.split('.')) at = isRecord(at) ? at[key] : undefined;
  if (typeof at === 'number') return String(at);
  return typeof at === 'string' && at.trim() !== '' ? at : undefined;
}

// --- what the case and its documents already say -------------------------------------------------

/** The newest issued document of a type still in force. */
function latest(documents: readonly IssuedDocument[], type: DocumentType): IssuedDocument | undefined {
  return [...documents].reverse().find((d) => d.type === type && d.supersededBy === null);
}

/** Label of an issued document as a 送达回证 names it: 行政处罚决定书（石人社监罚〔2026〕1号）. */
export const servedDocumentLabel = (d: IssuedDocument): string => `${d.title}${d.number ? `（${d.number}）` : ''}`;

/** How a 笔录 starts: empty lines with their speakers. */
const FIRST_LINES: Partial<Record<DocumentType, readonly string[]>> = {
  inquiry_record: ['问', '答'],
  inspection_record: ['检查情况'],
  hearing_record: ['主持人'],
};

/**
 * Starting values: what the case and its issued documents tell (the decision's 文号 for a 催告书, the
 * prior notice's for a decision, the last 送达's method and recipient for a 送达回证, whether a
 * hearing was requested). Contact, fine account and remedies start blank: left so, the server takes
 * them from the unit's 文书固定信息.
 */
export function initialValues(type: DocumentType, view: CaseView, documents: readonly IssuedDocument[]): DocumentData {
  const values: DocumentData = {};
  // The 文号 the case served (what the server cites), else the latest issued one.
  const prior = view.data.notice?.service?.documentNumber ?? latest(documents, 'penalty_prior_notice')?.number;
  const decision = view.data.decision?.service?.documentNumber ?? latest(documents, 'penalty_decision')?.number;
  if (prior && (type === 'penalty_decision' || type === 'hearing_notice')) values.extra = { priorNoticeNumber: prior };
  if (decision && type === 'payment_reminder') values.extra = { decisionNumber: decision };
  // Whether the notice told of the right to a hearing (拟定事先告知 records it; a hearing held implies it).
  const hearingOffered =
    view.data.notice?.hearingOffered === true || view.steps.some((s) => s.action === 'request_hearing' || s.action === 'hold_hearing');
  if (type === 'penalty_decision' || type === 'penalty_prior_notice') values.rights = { hearing: hearingOffered };
  const firstLines = FIRST_LINES[type];
  if (firstLines) values.record = { lines: firstLines.map((speaker) => ({ speaker, text: '' })) };
  if (type === 'rectification_order' || type === 'handling_decision') values.orders = [''];
  if (type === 'service_receipt') {
    const service = view.data.decision?.service ?? view.data.notice?.service;
    const served = view.data.decision?.service ? latest(documents, 'penalty_decision') : latest(documents, 'penalty_prior_notice');
    values.service = {
      method: service?.method,
      recipient: service?.recipient,
      document: served ? servedDocumentLabel(served) : undefined,
    };
  }
  return values;
}
