/**
 * An issued 执法文书: immutable once inserted. A correction is a new row (same 文号, next version)
 * that points at the one it replaces; the only change ever made to a row is marking it superseded.
 */
export interface DocumentsTable {
  id: string;
  /** The case it belongs to (owned by the cases module; no foreign key: documents does not know cases). */
  case_id: string;
  /** The issuing unit: its 文号 prefix and counter, and unit scope for reading. */
  unit_id: string;
  /** A DocumentType code. */
  type: string;
  title: string;
  /** 文号, e.g. 石人社监罚〔2026〕12号; null for unnumbered types. */
  number: string | null;
  number_year: number | null;
  number_seq: number | null;
  /** 1 for the original, +1 for each correction. */
  version: number;
  supersedes_id: string | null;
  superseded_by: string | null;
  superseded_at: string | null;
  /** 成文日期 (YYYY-MM-DD, Beijing). */
  document_date: string;
  /** The DocumentData it was rendered from, as canonical JSON. */
  data: string;
  /** Address of the .docx in the blob store. */
  sha256: string;
  sm3: string;
  size: number;
  issued_at: string;
  /** User id, or `system:<name>` for the platform. */
  issued_by: string;
  issued_by_name: string;
}

/** Last 文号 taken per unit, type and year: incremented in the issuing transaction, so no gaps. */
export interface DocumentCountersTable {
  unit_id: string;
  type: string;
  year: number;
  last_no: number;
}

/** 文号 prefix per unit (e.g. 石人社监); the unit's name when none is set. */
export interface DocumentNumberPrefixesTable {
  unit_id: string;
  prefix: string;
  updated_at: string;
  updated_by: string;
}

/** 文书固定信息 of a unit: a UnitProfile as canonical JSON (contact, payment, remedies; each optional). */
export interface DocumentUnitProfilesTable {
  unit_id: string;
  data: string;
  updated_at: string;
  updated_by: string;
}

export interface DocumentsTables {
  documents: DocumentsTable;
  document_counters: DocumentCountersTable;
  document_number_prefixes: DocumentNumberPrefixesTable;
  document_unit_profiles: DocumentUnitProfilesTable;
}
