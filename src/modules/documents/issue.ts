import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.js';
import type { BlobStore } from '../../platform/blobs/blob-store.js';
import { isIsoDate, shanghaiToday } from '../../platform/calendar/index.js';
import type { Trx } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound, unauthenticated } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { assertIssuable, type CorrectionOf } from './compose.js';
import type { DocumentData } from './data.js';
import { allocateNumber } from './numbering.js';
import { renderDocx } from './render.js';
import { type DocumentRow, findDocumentRow, findUnit, ISSUED, insertDocument, markSuperseded } from './repository.js';
import { type DocumentType, documentType, isDocumentType } from './types.js';
import { type IssuedDocument, toIssuedDocument } from './views.js';

export interface IssueInput {
  /** The case the document belongs to (kept as given: documents does not know cases). */
  readonly caseId: string;
  /** The issuing unit: its 文号 prefix and counter; readers are scoped by it. */
  readonly unitId: string;
  readonly type: DocumentType;
  readonly data: DocumentData;
  /** Set to correct an issued document: same case and type, same 文号, next version. */
  readonly supersedesId?: string;
}

/**
 * Issues a 执法文书 inside the caller's transaction: checks the data (400
 * `document_data_incomplete` naming each missing field), takes the next 文号 (or, for a correction,
 * keeps the original's and supersedes it), renders the .docx, stores it, inserts the immutable row
 * and records `document.issued` with the content's hash. Authorization is the caller's: the cases
 * module decides who may issue what in a case.
 *
 * Lock order on PostgreSQL: the 文号 counter row is locked until commit, and so is the ledger once
 * an event is recorded. Call this before recording the caller's own events in the same transaction
 * (the case event can then cite the document), so every issuer takes counter, then ledger.
 */
export async function issueDocument(trx: Trx, actor: Actor, blobs: BlobStore, input: IssueInput): Promise<IssuedDocument> {
  if (actor.kind === 'anonymous') throw unauthenticated('not_authenticated', '请先登录');
  if (!isDocumentType(input.type)) throw invalid('unknown_document_type', `没有「${input.type}」这种文书`);
  const def = documentType(input.type);
  const documentDate = input.data.dates?.document?.trim() || shanghaiToday();
  if (!isIsoDate(documentDate)) throw invalid('document_data_invalid', `成文日期「${documentDate}」应为 YYYY-MM-DD`);
  const data: DocumentData = { ...input.data, dates: { ...input.data.dates, document: documentDate } };
  assertIssuable(input.type, data);
  const unit = await findUnit(trx, input.unitId);
  if (!unit) throw notFound('unit_not_found', '签发单位不存在');

  const id = randomUUID();
  const issuedAt = new Date().toISOString();
  let numbering: { number: string | null; year: number | null; seq: number | null } = { number: null, year: null, seq: null };
  let version = 1;
  let correction: CorrectionOf | undefined;
  if (input.supersedesId !== undefined) {
    const original = await correctable(trx, input, input.supersedesId);
    // Marked first: the row lock makes a concurrent second correction of the same document wait, then fail.
    if (!(await markSuperseded(trx, original.id, id, issuedAt))) throw alreadySuperseded();
    numbering = { number: original.number, year: original.number_year, seq: original.number_seq };
    version = Number(original.version) + 1;
    correction = { title: original.title, number: original.number, date: original.document_date, version: Number(original.version) };
  } else if (def.numbered) {
    numbering = await allocateNumber(trx, unit, input.type, documentDate);
  }

  const bytes = await renderDocx(input.type, data, { number: numbering.number, correction });
  // The blob store is not transactional, so the .docx is stored before its row. It is content-
  // addressed and write-once: if this transaction rolls back, what remains is at most an orphan blob
  // that nothing points at (harmless, and reused if the same bytes are ever stored again); a row
  // can never point at content that is not there.
  const blob = await blobs.put(Readable.from([bytes]));
  const issuedBy = actor.kind === 'user' ? actor.userId : `system:${actor.name}`;
  const issuedByName = actor.kind === 'user' ? actor.displayName : `system:${actor.name}`;
  const row = {
    id,
    case_id: input.caseId,
    unit_id: unit.id,
    type: input.type,
    title: def.title,
    number: numbering.number,
    number_year: numbering.year,
    number_seq: numbering.seq,
    version,
    supersedes_id: input.supersedesId ?? null,
    superseded_by: null,
    superseded_at: null,
    document_date: documentDate,
    data: JSON.stringify(data),
    sha256: blob.sha256,
    sm3: blob.sm3,
    size: blob.size,
    issued_at: issuedAt,
    issued_by: issuedBy,
    issued_by_name: issuedByName,
  };
  await insertDocument(trx, row);
  await recordEvent(trx, actor, {
    type: ISSUED,
    subject: { type: 'document', id },
    data: {
      caseId: input.caseId,
      unitId: unit.id,
      type: input.type,
      title: def.title,
      number: numbering.number,
      version,
      supersedesId: input.supersedesId ?? null,
      documentDate,
      sha256: blob.sha256,
      sm3: blob.sm3,
      size: blob.size,
    },
    blobs: [blob.sha256],
  });
  return toIssuedDocument({ ...row, unit_path: unit.path, unit_name: unit.name });
}

/** The document a correction replaces: same case, unit and type, and not already corrected. */
async function correctable(trx: Trx, input: IssueInput, supersedesId: string): Promise<DocumentRow> {
  const original = await findDocumentRow(trx, supersedesId);
  if (!original || original.case_id !== input.caseId) throw notFound('document_not_found', '要更正的文书不存在');
  if (original.type !== input.type || original.unit_id !== input.unitId) {
    throw invalid('correction_mismatch', '更正文书须与原文书为同一单位签发的同一种文书');
  }
  if (original.superseded_by !== null) throw alreadySuperseded();
  return original;
}

const alreadySuperseded = () => conflict('document_already_superseded', '该文书已被更正,请对最新版本进行更正');
