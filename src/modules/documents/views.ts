import type { DocumentRow } from './repository.js';
import { type DocumentType, isDocumentType } from './types.js';

/** An issued document as other modules and the API see it (the content is fetched separately). */
export interface IssuedDocument {
  readonly id: string;
  readonly caseId: string;
  readonly unitId: string;
  readonly type: DocumentType;
  readonly title: string;
  /** 文号, or null for unnumbered types. A correction keeps the original's number. */
  readonly number: string | null;
  readonly version: number;
  /** The document this one corrects. */
  readonly supersedesId: string | null;
  /** The correction that replaced this one, if any. */
  readonly supersededBy: string | null;
  /** 成文日期 (YYYY-MM-DD). */
  readonly documentDate: string;
  /** SHA-256 of the stored .docx (its blob address). */
  readonly sha256: string;
  readonly size: number;
  readonly issuedAt: string;
  /** User id, or `system:<name>`. */
  readonly issuedBy: string;
  readonly issuedByName: string;
}

export function toIssuedDocument(row: DocumentRow): IssuedDocument {
  if (!isDocumentType(row.type)) throw new Error(`document ${row.id} has unknown type ${row.type}`);
  return {
    id: row.id,
    caseId: row.case_id,
    unitId: row.unit_id,
    type: row.type,
    title: row.title,
    number: row.number,
    version: Number(row.version),
    supersedesId: row.supersedes_id,
    supersededBy: row.superseded_by,
    documentDate: row.document_date,
    sha256: row.sha256,
    size: Number(row.size),
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    issuedByName: row.issued_by_name,
  };
}

/** `行政处罚决定书（石人社监罚〔2026〕12号）.docx`, with `（第2版）` for corrections. */
export function docxFilename(doc: IssuedDocument): string {
  const number = doc.number ? `（${doc.number}）` : '';
  const version = doc.version > 1 ? `（第${doc.version}版）` : '';
  return `${doc.title}${number}${version}.docx`;
}
