import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import { type CorrectionOf, composeDocument } from './compose.js';
import type { DocContent } from './content.js';
import type { DocumentData } from './data.js';
import { findDocumentRow, listIssuedRowsOfTypes } from './repository.js';
import { type DocumentType, isDocumentType } from './types.js';

// Reads of issued documents for modules that derive something from them (事后公开: publications).
// They do not authorize: the caller decides who may see what it derives.

type Reader = Kysely<Database> | Trx;

/** An issued document as a deriving module needs it: identity, 文号, 成文日期, hash, unit and whether it is in force. */
export interface IssuedDocumentRef {
  readonly id: string;
  readonly caseId: string;
  readonly unitId: string;
  /** The issuing unit's materialized path (unit scope of whatever is derived). */
  readonly unitPath: string;
  readonly type: DocumentType;
  readonly title: string;
  readonly number: string | null;
  readonly version: number;
  /** 成文日期 (YYYY-MM-DD). */
  readonly documentDate: string;
  /** SHA-256 of the issued .docx (its blob address). */
  readonly sha256: string;
  /** The correction that replaced it; null while it is in force. */
  readonly supersededBy: string | null;
  readonly issuedAt: string;
}

/**
 * Issued documents of the given types (corrections and superseded ones included: `supersededBy`
 * tells), oldest first. `issuedSince` (an ISO instant) limits the read to recent issues, so a caller
 * that polls can stay cheap.
 */
export async function listIssuedDocuments(
  db: Reader,
  types: readonly DocumentType[],
  options: { issuedSince?: string } = {},
): Promise<IssuedDocumentRef[]> {
  const rows = await listIssuedRowsOfTypes(db, types, options.issuedSince);
  return rows.flatMap((r) => {
    const ref = toRef(r);
    return ref ? [ref] : [];
  });
}

type RefRow = Awaited<ReturnType<typeof listIssuedRowsOfTypes>>[number];

function toRef(r: RefRow): IssuedDocumentRef | undefined {
  if (!isDocumentType(r.type)) return undefined;
  return {
    id: r.id,
    caseId: r.case_id,
    unitId: r.unit_id,
    unitPath: r.unit_path,
    type: r.type,
    title: r.title,
    number: r.number,
    version: Number(r.version),
    documentDate: r.document_date,
    sha256: r.sha256,
    supersededBy: r.superseded_by,
    issuedAt: r.issued_at,
  };
}

/** A document's content as plain text: one line per paragraph, table row and signature line. */
export function contentText(content: DocContent): string {
  const lines = [content.agency, content.title, ...(content.number === null ? [] : [content.number])];
  for (const block of content.blocks) {
    if (block.kind === 'paragraph') lines.push(block.text);
    else if (block.kind === 'signature') lines.push(...block.lines);
    else lines.push(...block.rows.map((row) => row.map((c) => c.text).join('　')));
  }
  return lines.join('\n');
}

/**
 * The full text of an issued document with the data it was issued from, or undefined for an unknown
 * id. The text is composed from the stored data exactly as the .docx and the HTML preview are (same
 * 文号, same correction paragraph), as plain text rather than stripped HTML so that no markup or
 * entity can leak into what is derived from it.
 */
export async function documentText(
  db: Reader,
  id: string,
): Promise<{ document: IssuedDocumentRef; data: DocumentData; text: string } | undefined> {
  const row = await findDocumentRow(db, id);
  const document = row && toRef(row);
  if (!row || !document) return undefined;
  const original = row.supersedes_id === null ? undefined : await findDocumentRow(db, row.supersedes_id);
  const correction: CorrectionOf | undefined = original && {
    title: original.title,
    number: original.number,
    date: original.document_date,
    version: Number(original.version),
  };
  const data = JSON.parse(row.data) as DocumentData;
  return { document, data, text: contentText(composeDocument(document.type, data, { number: row.number, correction })) };
}
