import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { BlobStore } from '../../platform/blobs/blob-store.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { missingLabels, templateFields } from './compose.js';
import type { DocumentData } from './data.js';
import { can, canReadDocument } from './policy.js';
import { renderHtml } from './render.js';
import {
  findDocumentRow,
  findPrefix,
  findUnit,
  listCaseDocumentRows,
  listPrefixes,
  PREFIX_SET,
  prefixOwner,
  upsertPrefix,
  VIEWED,
} from './repository.js';
import { DOCUMENT_TYPES, type DocumentType, isArchivalType } from './types.js';
import { type IssuedDocument, toIssuedDocument } from './views.js';

/** The document types with what each template needs (for the console's forms). */
export function listDocumentTypes(actor: Actor) {
  requireUser(actor);
  authorize(can(actor, 'documents.read'));
  // 案卷 documents are made by the archives module at acceptance, never from a case's form.
  return DOCUMENT_TYPES.filter((t) => !isArchivalType(t.code)).map((t) => ({ ...t, ...templateFields(t.code) }));
}

/** The HTML preview of a draft, and which required fields are still empty (nothing is stored). */
export function previewDocument(actor: Actor, type: DocumentType, data: DocumentData): { html: string; missing: string[] } {
  requireUser(actor);
  authorize(can(actor, 'documents.preview'), '只有执法人员及其上级可以预览执法文书');
  return { html: renderHtml(type, data), missing: missingLabels(type, data) };
}

async function visibleDocument(db: Kysely<Database>, actor: Actor, id: string): Promise<IssuedDocument> {
  const user = requireUser(actor);
  authorize(can(user, 'documents.read'));
  const row = await findDocumentRow(db, id);
  // Out of scope answers like a missing id, so ids of other units' documents reveal nothing.
  if (!row || !canReadDocument(user, row.unit_path)) throw notFound('document_not_found', '文书不存在');
  return toIssuedDocument(row);
}

/** An issued document's metadata. */
export function getDocument(db: Kysely<Database>, actor: Actor, id: string): Promise<IssuedDocument> {
  return visibleDocument(db, actor, id);
}

/**
 * 调阅: the stored .docx of an issued document, exactly as issued. Records `document.viewed`
 * (in the ledger, naming the content's hash) before the content is handed out.
 */
export async function openDocument(
  db: Kysely<Database>,
  blobs: BlobStore,
  actor: Actor,
  id: string,
): Promise<{ document: IssuedDocument; content: Readable }> {
  return streamLogged(db, blobs, actor, await visibleDocument(db, actor, id));
}

/**
 * The same, for a module that has itself authorized the caller on the record the document belongs to
 * (the handling unit reading the 法制审核意见书 that 政策法规科 issued on its case). Still logged.
 */
export async function openDocumentAuthorized(
  db: Kysely<Database>,
  blobs: BlobStore,
  actor: Actor,
  id: string,
): Promise<{ document: IssuedDocument; content: Readable }> {
  requireUser(actor);
  const row = await findDocumentRow(db, id);
  if (!row) throw notFound('document_not_found', '文书不存在');
  return streamLogged(db, blobs, actor, toIssuedDocument(row));
}

async function streamLogged(
  db: Kysely<Database>,
  blobs: BlobStore,
  actor: Actor,
  document: IssuedDocument,
): Promise<{ document: IssuedDocument; content: Readable }> {
  const id = document.id;
  await inTransaction(db, (trx) =>
    recordEvent(trx, actor, {
      type: VIEWED,
      subject: { type: 'document', id },
      data: { caseId: document.caseId },
      blobs: [document.sha256],
    }),
  );
  return { document, content: await blobs.open(document.sha256) };
}

/** A case's issued documents, oldest first (corrections included). The caller authorizes. */
export async function listCaseDocuments(db: Kysely<Database>, caseId: string): Promise<IssuedDocument[]> {
  return (await listCaseDocumentRows(db, caseId)).map(toIssuedDocument);
}

export interface NumberPrefixView {
  unitId: string;
  unitName: string;
  /** The configured prefix, or null (the unit's name is used then). */
  prefix: string | null;
  /** What 文号 of this unit start with. */
  effectivePrefix: string;
  updatedAt: string | null;
}

export async function listNumberPrefixes(db: Kysely<Database>, actor: Actor): Promise<NumberPrefixView[]> {
  requireUser(actor);
  authorize(can(actor, 'documents.read'));
  return (await listPrefixes(db)).map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    prefix: r.prefix,
    effectivePrefix: r.prefix ?? r.unit_name,
    updatedAt: r.updated_at,
  }));
}

/** Characters a prefix may not hold: whitespace and the brackets and 号 of the number itself. */
const BAD_PREFIX = /[\s〔〕[\]()（）号]/u;

/** Sets a unit's 文号 prefix (e.g. 石人社监); numbers taken before keep the prefix they were printed with. */
export async function setNumberPrefix(db: Kysely<Database>, actor: Actor, unitId: string, prefixInput: string): Promise<NumberPrefixView> {
  const user = requireUser(actor);
  authorize(can(user, 'documents.manage_prefixes'), '只有系统管理员可以设置文号前缀');
  const prefix = prefixInput.trim();
  if (prefix === '' || [...prefix].length > 20 || BAD_PREFIX.test(prefix)) {
    throw invalid('invalid_number_prefix', '文号前缀应为 1 至 20 个字符,不含空格、括号和“号”字');
  }
  const updatedAt = new Date().toISOString();
  return inTransaction(db, async (trx) => {
    const unit = await findUnit(trx, unitId);
    if (!unit) throw notFound('unit_not_found', '单位不存在');
    // Numbers run per unit: two units with one prefix would print the same 文号 on different documents.
    const owner = await prefixOwner(trx, prefix, unitId);
    if (owner !== undefined) throw conflict('number_prefix_taken', `文号前缀「${prefix}」已由「${owner}」使用,请另设前缀`);
    await upsertPrefix(trx, { unit_id: unitId, prefix, updated_at: updatedAt, updated_by: user.userId });
    await recordEvent(trx, user, { type: PREFIX_SET, subject: { type: 'unit', id: unitId }, data: { prefix } });
    return { unitId, unitName: unit.name, prefix, effectivePrefix: prefix, updatedAt };
  });
}

/** A unit's 文号 prefix (石人社), if one is set: the archives module uses the agency's as its 全宗 code. */
export async function unitNumberPrefix(db: Kysely<Database>, unitId: string): Promise<string | undefined> {
  return findPrefix(db, unitId);
}

/** The cases whose documents are stored at each of these addresses (identical bytes share one blob). */
export async function documentCasesByBlob(db: Kysely<Database>, sha256s: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (sha256s.length === 0) return out;
  const rows = await db
    .selectFrom('documents')
    .select(['sha256', 'case_id'])
    .where('sha256', 'in', [...sha256s])
    .execute();
  for (const r of rows) out.set(r.sha256, [...(out.get(r.sha256) ?? []), r.case_id]);
  return out;
}
