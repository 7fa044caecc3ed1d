/**
 * 事后公开 of one issued decision document (ADR 0006): a draft derived from the document, then the
 * published versions. The document itself is never touched; what is public is a version's redacted text.
 */
export interface PublicationsTable {
  id: string;
  /** The issued decision document (one publication per document). */
  document_id: string;
  /** PublicationDocumentType: which decision this is (penalty, on-the-spot or handling decision). */
  document_type: string;
  /** 决定书文号, copied from the document so the queue can show it. */
  document_number: string | null;
  case_id: string;
  case_no: string;
  /** 谁执法谁公示: the issuing unit, and its path for unit scope. */
  unit_id: string;
  unit_path: string;
  /** A PublicationCategory: penalty (7 working days) or other (20). */
  category: string;
  /** The document's 成文日期: the decision date the deadline counts from. */
  decided_on: string;
  /** 公开期限; null while the holiday schedule of its year is not entered. */
  due_on: string | null;
  /** A PublicationState. */
  state: string;
  /** Why it must not be published (minor party, secrets, privacy); set with state blocked. */
  blocked_reason: string | null;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  /** The version the public sees; 0 before the first publication. */
  current_version: number;
  /** When the current version was published (the public list's order); null before the first. */
  published_at: string | null;
  /** 公示期满: from this day the decision is no longer public (publication period policy). */
  expires_on: string | null;
  /** The day the case recorded the decision as revoked, changed, unlawful or void. */
  revoked_on: string | null;
  /** 撤回期限: 3 working days after revoked_on (行政处罚法 §48, §85). */
  withdrawal_due_on: string | null;
  created_at: string;
  updated_at: string;
}

/** A published text: never changed; a correction is a new version with a change note. */
export interface PublicationVersionsTable {
  id: string;
  publication_id: string;
  version: number;
  /** The 摘要 fields (PublicationSummary) as JSON. */
  summary: string;
  /** The redacted full text, as published. */
  text: string;
  /** What was replaced (Redaction[] as JSON): kind, span in the published text, replacement — never the removed text. */
  redactions: string;
  /** SHA-256 of the issued .docx this derives from. */
  original_sha256: string;
  /** SHA-256 (UTF-8) of `text`. */
  text_sha256: string;
  change_note: string | null;
  published_at: string;
  published_by: string;
  /** Ledger index of this version's publication.published event. */
  ledger_index: number;
  /** The confirmed spans on the issued text (ConfirmedFinding[] as JSON; staff only); null before they were kept. */
  confirmed: string | null;
  /** SHA-256 of the issued text those spans refer to. */
  source_text_sha256: string | null;
}

/**
 * The search index: one row per publicly visible decision holding its current published text (SQLite FTS5
 * trigram, PostgreSQL pg_trgm). Written with the state change that makes a text public or takes it down.
 */
export interface PublicationSearchTable {
  publication_id: string;
  /** Lower-cased, so one LIKE finds any case of Latin letters on both databases. */
  text: string;
  // PostgreSQL only (search-repository.ts reads them there): the publication's filter and order columns.
  published_at?: string;
  unit_path?: string;
  category?: string;
  decided_on?: string;
}

export interface PublicationsTables {
  publications: PublicationsTable;
  publication_versions: PublicationVersionsTable;
  publication_search: PublicationSearchTable;
}
