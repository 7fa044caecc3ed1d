import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import type { BlobInfo } from '../../platform/blobs/blob-store.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import {
  ACCESSED,
  type EvidenceRow,
  findEvidenceRow,
  INGESTED,
  insertEvidenceRow,
  listAccessRows,
  listEvidenceRows,
} from './evidence-repository.js';
import { GRANT_TTL_MS, signGrant, verifyGrant } from './grants.js';
import { SENSITIVE_CLASSES, type Sensitivity, type UploadMetadata } from './metadata.js';
import { can, canReadAccessLog, canSeeEvidence } from './policy.js';

export interface EvidenceView {
  id: string;
  kind: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  sm3: string;
  sensitivity: string;
  recordedAt: string;
  device: string | null;
  officers: string | null;
  place: string | null;
  caseId: string | null;
  stepId: string | null;
  description: string | null;
  unitId: string;
  unitName: string;
  uploadedBy: { id: string; displayName: string };
  uploadedAt: string;
  ledgerIndex: number | null;
}

export function toEvidenceView(row: EvidenceRow): EvidenceView {
  return {
    id: row.id,
    kind: row.kind,
    filename: row.filename,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    sm3: row.sm3,
    sensitivity: row.sensitivity,
    recordedAt: row.recorded_at,
    device: row.device,
    officers: row.officers,
    place: row.place,
    caseId: row.case_id,
    stepId: row.step_id,
    description: row.description,
    unitId: row.unit_id,
    unitName: row.unit_name,
    uploadedBy: { id: row.uploaded_by, displayName: row.uploader_name },
    uploadedAt: row.uploaded_at,
    ledgerIndex: row.ledger_index,
  };
}

/**
 * Records stored content as evidence of the uploader's unit, with its `evidence.ingested` event (in
 * the ledger, naming the content's sha256) in the same transaction. The bytes are already in the blob
 * store: identical content is kept once there, but every upload gets its own record.
 */
export async function ingestEvidence(
  db: Kysely<Database>,
  actor: Actor,
  input: { metadata: UploadMetadata; blob: BlobInfo; mediaType: string },
): Promise<string> {
  const user = requireUser(actor);
  authorize(can(user, 'evidence.upload'), '只有执法人员和承办机构负责人可以上传证据');
  const { metadata: m, blob } = input;
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    await insertEvidenceRow(trx, {
      id,
      kind: m.kind,
      filename: m.filename,
      media_type: input.mediaType,
      size: blob.size,
      sha256: blob.sha256,
      sm3: blob.sm3,
      sensitivity: m.sensitivity,
      recorded_at: m.recordedAt,
      device: m.device,
      officers: m.officers,
      place: m.place,
      case_id: m.caseId,
      step_id: m.stepId,
      description: m.description,
      unit_id: user.unitId,
      uploaded_by: user.userId,
      uploaded_at: new Date().toISOString(),
    });
    await recordEvent(trx, user, {
      type: INGESTED,
      subject: { type: 'evidence', id },
      data: { ...m, mediaType: input.mediaType, size: blob.size, sha256: blob.sha256, sm3: blob.sm3, unitId: user.unitId },
      blobs: [blob.sha256],
    });
  });
  return id;
}

export interface ListEvidenceQuery {
  q?: string;
  kind?: string;
  sensitivity?: string;
  caseId?: string;
  page: number;
  pageSize: number;
}

export async function listEvidence(db: Kysely<Database>, actor: Actor, query: ListEvidenceQuery) {
  requireUser(actor);
  authorize(can(actor, 'evidence.list'));
  const scope = readScope(actor);
  const { rows, total } = await listEvidenceRows(db, {
    unitPathPrefix: scope.kind === 'subtree' ? scope.path : undefined,
    q: query.q?.trim(),
    kind: query.kind,
    sensitivity: query.sensitivity,
    caseId: query.caseId,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map(toEvidenceView), total, page: query.page, pageSize: query.pageSize };
}

/** The evidence when the actor may see it; out of scope answers "not found", like a missing id. */
async function visibleRow(db: Kysely<Database>, actor: UserActor, id: string): Promise<EvidenceRow> {
  authorize(can(actor, 'evidence.list'));
  const row = await findEvidenceRow(db, id);
  if (!row || !canSeeEvidence(actor, row.unit_path)) throw notFound('evidence_not_found', '证据不存在');
  return row;
}

export async function getEvidence(db: Kysely<Database>, actor: Actor, id: string): Promise<EvidenceView> {
  return toEvidenceView(await visibleRow(db, requireUser(actor), id));
}

const isSensitive = (sensitivity: string) => SENSITIVE_CLASSES.some((s: Sensitivity) => s === sensitivity);

/**
 * 调阅: records who opens which evidence, when and why (`evidence.accessed`, in the ledger) and
 * returns a grant for its content. Sensitive classes need a stated purpose.
 */
export async function grantAccess(
  db: Kysely<Database>,
  secret: string,
  actor: Actor,
  id: string,
  purposeInput: string | undefined,
): Promise<{ grant: string; expiresAt: string; contentUrl: string }> {
  const user = requireUser(actor);
  const row = await visibleRow(db, user, id);
  const purpose = purposeInput?.trim() || null;
  if (purpose === null && isSensitive(row.sensitivity)) {
    throw invalid('purpose_required', '查看涉及个人隐私/商业秘密/涉密的证据须说明调阅事由');
  }
  const event = await inTransaction(db, (trx) =>
    recordEvent(trx, user, { type: ACCESSED, subject: { type: 'evidence', id }, data: { purpose }, blobs: [row.sha256] }),
  );
  const expiresAt = Date.now() + GRANT_TTL_MS;
  const grant = signGrant(secret, { evidenceId: id, userId: user.userId, expiresAt, eventId: event.id });
  return {
    grant,
    expiresAt: new Date(expiresAt).toISOString(),
    contentUrl: `/api/evidence/${encodeURIComponent(id)}/content?grant=${grant}`,
  };
}

/** The evidence whose content may be streamed now: a valid grant, and the policy still allows it. */
export async function authorizeContent(
  db: Kysely<Database>,
  secret: string,
  actor: Actor,
  id: string,
  grant: string,
): Promise<EvidenceView> {
  const user = requireUser(actor);
  if (!verifyGrant(secret, grant, { evidenceId: id, userId: user.userId, now: Date.now() })) {
    throw forbidden('access_grant_invalid', '调阅凭证无效或已过期,请重新调阅');
  }
  return toEvidenceView(await visibleRow(db, user, id));
}

export async function listAccessLog(db: Kysely<Database>, actor: Actor, id: string, page: { page: number; pageSize: number }) {
  const user = requireUser(actor);
  authorize(can(user, 'evidence.access_log'), '无权查看调阅记录');
  const row = await findEvidenceRow(db, id);
  if (!row || !canReadAccessLog(user, row.unit_path)) throw notFound('evidence_not_found', '证据不存在');
  const { rows, total } = await listAccessRows(db, id, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
  const items = rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    purpose: purposeOf(r.data),
  }));
  return { items, total, page: page.page, pageSize: page.pageSize };
}

function purposeOf(data: string): string | null {
  const value: unknown = JSON.parse(data);
  return typeof value === 'object' && value !== null && 'purpose' in value && typeof value.purpose === 'string' ? value.purpose : null;
}
