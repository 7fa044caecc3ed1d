import type { Finding } from '../../platform/pii/index.js';
import type { PublicationSummary } from './draft-content.js';
import {
  CATEGORY_LABELS,
  PUBLICATION_STATE_LABELS,
  type PublicationCategory,
  type PublicationState,
  type Redaction,
} from './publication-data.js';
import type { PublicationRow, VersionRow } from './repository.js';

/** A row of the staff queue. */
export interface PublicationListItem {
  id: string;
  documentId: string;
  documentType: string;
  documentNumber: string | null;
  caseId: string;
  caseNo: string;
  unitId: string;
  category: PublicationCategory;
  categoryLabel: string;
  decidedOn: string;
  /** 公开期限; null while its year's holidays are not entered (待定). */
  dueOn: string | null;
  state: PublicationState;
  stateLabel: string;
  blockedReason: string | null;
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  currentVersion: number;
  publishedAt: string | null;
  /** 公示期满: from this day the decision is no longer public. */
  expiresOn: string | null;
  /** The decision was recorded as revoked, changed, unlawful or void on this day … */
  revokedOn: string | null;
  /** … and must be withdrawn by this one (3 working days). */
  withdrawalDueOn: string | null;
  updatedAt: string;
}

export interface VersionView {
  version: number;
  summary: PublicationSummary;
  text: string;
  redactions: Redaction[];
  originalSha256: string;
  textSha256: string;
  changeNote: string | null;
  publishedAt: string;
  publishedBy: string;
  publishedByName: string | null;
  ledgerIndex: number;
  /** The spans confirmed on the issued text (staff only), and the SHA-256 of that text; null for older versions. */
  confirmed: { start: number; end: number; replacement: string }[] | null;
  sourceTextSha256: string | null;
}

/** What the person publishing works from: the issued text, its 摘要 and what the recognizers found. */
export interface DraftView {
  text: string;
  textSha256: string;
  summary: PublicationSummary;
  findings: Finding[];
  /** The document was corrected: publish the correction's own publication instead. */
  documentSuperseded: boolean;
}

export interface PublicationView extends PublicationListItem {
  /** Null once withdrawn (nothing more is published from it). */
  draft: DraftView | null;
  versions: VersionView[];
  history: { type: string; occurredAt: string; actorName: string; ledgerIndex: number | null; data: Record<string, unknown> }[];
}

export function toListItem(row: PublicationRow): PublicationListItem {
  const state = row.state as PublicationState;
  const category = row.category as PublicationCategory;
  return {
    id: row.id,
    documentId: row.document_id,
    documentType: row.document_type,
    documentNumber: row.document_number,
    caseId: row.case_id,
    caseNo: row.case_no,
    unitId: row.unit_id,
    category,
    categoryLabel: CATEGORY_LABELS[category] ?? row.category,
    decidedOn: row.decided_on,
    dueOn: row.due_on,
    state,
    stateLabel: PUBLICATION_STATE_LABELS[state] ?? row.state,
    blockedReason: row.blocked_reason,
    withdrawnReason: row.withdrawn_reason,
    withdrawnAt: row.withdrawn_at,
    currentVersion: Number(row.current_version),
    publishedAt: row.published_at,
    expiresOn: row.expires_on,
    revokedOn: row.revoked_on,
    withdrawalDueOn: row.withdrawal_due_on,
    updatedAt: row.updated_at,
  };
}

export function toVersionView(row: VersionRow, names: ReadonlyMap<string, string>): VersionView {
  return {
    version: Number(row.version),
    summary: JSON.parse(row.summary) as PublicationSummary,
    text: row.text,
    redactions: JSON.parse(row.redactions) as Redaction[],
    originalSha256: row.original_sha256,
    textSha256: row.text_sha256,
    changeNote: row.change_note,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    publishedByName: names.get(row.published_by) ?? null,
    ledgerIndex: Number(row.ledger_index),
    confirmed: row.confirmed === null ? null : (JSON.parse(row.confirmed) as VersionView['confirmed']),
    sourceTextSha256: row.source_text_sha256,
  };
}

// ---- the public portal's view: only what is published ---------------------------------------------

export interface PublicDecisionItem extends PublicationSummary {
  id: string;
  unitId: string;
  /** 谁执法谁公示: the unit that made the decision. */
  unitName: string;
  category: PublicationCategory;
  categoryLabel: string;
  version: number;
  publishedAt: string;
}

export interface PublishedDecision extends PublicDecisionItem {
  state: 'published';
  text: string;
  redactions: Redaction[];
  changeNote: string | null;
  /** The issued .docx this text derives from, and the text itself: both named in the ledger entry's event. */
  originalSha256: string;
  textSha256: string;
  /** Ledger index of this version's publication.published event (check it with an inclusion proof). */
  ledgerIndex: number;
  /**
   * The publication event's data as stored (canonical JSON naming textSha256 and originalSha256): its
   * SHA-256 is the dataHash of the ledger entry at ledgerIndex.
   */
  ledgerEventData: string;
  /** 公示期满 (null for decisions published before periods were recorded). */
  expiresOn: string | null;
  /** Every version, oldest first: a correction shows with its change note. */
  versions: { version: number; publishedAt: string; changeNote: string | null; ledgerIndex: number }[];
}

/** A withdrawn decision shows only that it was withdrawn, when and why. */
export interface WithdrawnDecision {
  id: string;
  state: 'withdrawn';
  documentNumber: string | null;
  withdrawnAt: string;
  reason: string;
  notice: string;
}

/** A decision whose 公示期 ended shows only that. */
export interface ExpiredDecision {
  id: string;
  state: 'expired';
  documentNumber: string | null;
  expiredOn: string;
  notice: string;
}

export type PublicDecision = PublishedDecision | WithdrawnDecision | ExpiredDecision;
