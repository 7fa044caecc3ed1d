import type { DocumentData, DocumentType, IssuedDocument } from '../../../api/caseDocuments';
import type { CaseView } from '../../../api/cases';

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

// --- agency-level values remembered between documents -------------------------------------------

/** What stays the same from one document to the next in a unit: contact, fine account, remedies bodies. */
type RememberedName =
  | ['contact', 'person']
  | ['contact', 'phone']
  | ['contact', 'address']
  | ['payment', 'bank']
  | ['payment', 'accountName']
  | ['payment', 'account']
  | ['remedies', 'reconsiderationBody']
  | ['remedies', 'litigationCourt'];

export const REMEMBERED_NAMES: readonly RememberedName[] = [
  ['contact', 'person'],
  ['contact', 'phone'],
  ['contact', 'address'],
  ['payment', 'bank'],
  ['payment', 'accountName'],
  ['payment', 'account'],
  ['remedies', 'reconsiderationBody'],
  ['remedies', 'litigationCourt'],
];

/** The same as dotted paths (`contact.person`). */
export const REMEMBERED_PATHS: readonly string[] = REMEMBERED_NAMES.map((name) => name.join('.'));

const storageKey = (unitId: string) => `sanxiang.documentDefaults.${unitId}`;

function readPath(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const key of path.split('.')) at = isRecord(at) ? at[key] : undefined;
  return at;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (isRecord(next)) {
      at = next;
    } else {
      const created: Record<string, unknown> = {};
      at[key] = created;
      at = created;
    }
  }
  const last = keys[keys.length - 1];
  if (last !== undefined) at[last] = value;
}

/** The remembered values for a unit, as a partial DocumentData ({} when none or unreadable). */
export function loadRemembered(unitId: string): DocumentData {
  let stored: unknown;
  try {
    stored = JSON.parse(window.localStorage.getItem(storageKey(unitId)) ?? '{}');
  } catch {
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const path of REMEMBERED_PATHS) {
    const value = isRecord(stored) ? stored[path] : undefined;
    if (typeof value === 'string' && value.trim() !== '') setPath(out, path, value);
  }
  return out as DocumentData;
}

/** Keeps the non-empty remembered values of an issued document's data (others stay as they were). */
export function saveRemembered(unitId: string, data: DocumentData): void {
  const flat: Record<string, string> = {};
  const before = loadRemembered(unitId);
  for (const path of REMEMBERED_PATHS) {
    const value = readPath(data, path) ?? readPath(before, path);
    if (typeof value === 'string' && value.trim() !== '') flat[path] = value.trim();
  }
  try {
    window.localStorage.setItem(storageKey(unitId), JSON.stringify(flat));
  } catch {
    // storage full or disabled: the values are simply not remembered
  }
}

export function forgetRemembered(unitId: string): void {
  try {
    window.localStorage.removeItem(storageKey(unitId));
  } catch {
    // nothing to forget
  }
}

export const hasRemembered = (data: DocumentData): boolean => REMEMBERED_PATHS.some((p) => readPath(data, p) !== undefined);

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
 * Starting values: the unit's remembered ones, then what the case and its issued documents tell
 * (the decision's 文号 for a 催告书, the prior notice's for a decision, the last 送达's method and
 * recipient for a 送达回证, whether a hearing was requested).
 */
export function initialValues(type: DocumentType, view: CaseView, documents: readonly IssuedDocument[]): DocumentData {
  const values: DocumentData = { ...loadRemembered(view.unitId) };
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
