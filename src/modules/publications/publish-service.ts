import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { type ReviewedFinding, redact } from '../../platform/pii/index.js';
import { listDecisionRevocations } from '../cases/index.js';
import { documentText } from '../documents/index.js';
import { type DraftContent, draftContent, sha256Text } from './draft-content.js';
import { revocationReason, takeDown } from './lifecycle.js';
import { canOnPublication, type PublicationsAction } from './policy.js';
import { DEFAULT_PUBLICATION_PERIODS, expiryOf, type PublicationPeriods, type Redaction } from './publication-data.js';
import { getPublication, visiblePublication } from './read-service.js';
import * as repo from './repository.js';
import { indexText } from './search-repository.js';
import type { PublicationView } from './views.js';

// Publishing, blocking and withdrawing: the decisions about what the public sees. Each is one
// transaction with its event; the publication moves only if it is still as it was read.

/** A span of the issued text the person confirmed, with what the public sees instead. */
export interface ConfirmedFinding {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

export interface PublishInput {
  readonly findings: readonly ConfirmedFinding[];
  /** Required from the second version on: what the correction changes. */
  readonly changeNote?: string;
  /** The draft's textSha256 the findings were confirmed on; refused if the text has changed since. */
  readonly textSha256?: string;
}

const MESSAGES: Readonly<Record<Exclude<PublicationsAction, 'publication.read'>, string>> = {
  'publication.publish': '只有承办机构负责人、法制审核人员或系统管理员可以公开行政执法决定',
  'publication.withdraw': '只有承办机构负责人、法制审核人员或系统管理员可以撤回已公开的决定',
  'publication.block': '只有承办机构负责人、法制审核人员或系统管理员可以决定不予公开',
};

async function target(db: Kysely<Database>, user: UserActor, id: string, action: keyof typeof MESSAGES) {
  const row = await visiblePublication(db, user, id);
  authorize(canOnPublication(user, action, row.unit_path), MESSAGES[action]);
  return row;
}

const changed = () => conflict('publication_changed', '该公开事项刚被他人处理,请刷新后重试');

/**
 * The confirmed spans applied by redact(), which refuses spans outside the text or overlapping. A
 * span takes its kind from the recognizer's finding at the same place, else it is one the person
 * marked (manual). A 身份证号码 the recognizers found is never published in clear.
 */
function applyFindings(content: DraftContent, confirmed: readonly ConfirmedFinding[]): { text: string; redactions: Redaction[] } {
  const found = new Map(content.findings.map((f) => [`${f.start}:${f.end}`, f]));
  const kinds = new Map<number, Redaction['kind']>();
  const reviewed: ReviewedFinding[] = confirmed.map((c) => {
    const recognized = found.get(`${c.start}:${c.end}`);
    kinds.set(c.start, recognized?.kind ?? 'manual');
    // redact() only carries the kind through to its spans; what is stored is the kind set above.
    const kind = recognized?.kind ?? 'person_name';
    return { kind, start: c.start, end: c.end, text: content.text.slice(c.start, c.end), replacement: c.replacement, confirmed: true };
  });
  const { text, spans } = redact(content.text, reviewed);
  const uncovered = content.findings.filter(
    (f) => f.kind === 'resident_id' && !f.keep && !reviewed.some((r) => r.start <= f.start && r.end >= f.end && r.replacement !== r.text),
  );
  if (uncovered.length > 0) {
    throw invalid(
      'pii_resident_id_unredacted',
      '全文中的身份证号码须隐去后方可公开',
      uncovered.map((f) => `位置 ${f.start}–${f.end}`),
    );
  }
  return {
    text,
    redactions: spans.map((s) => ({
      kind: kinds.get(s.originalStart) ?? 'manual',
      start: s.start,
      end: s.end,
      replacement: text.slice(s.start, s.end),
    })),
  };
}

/**
 * 公开: the redacted text of the decision becomes public as a new version (the first, or a correction
 * with a change note). Refused while blocked (a minor party, or a reason recorded by a person), once
 * withdrawn, and when the document has been corrected. The event names the issued .docx (as a blob)
 * and the SHA-256 of the published text; the version keeps the event's ledger index.
 */
export async function publish(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: PublishInput,
  periods: PublicationPeriods = DEFAULT_PUBLICATION_PERIODS,
): Promise<PublicationView> {
  const user = requireUser(actor);
  const row = await target(db, user, id, 'publication.publish');
  if (row.state === 'blocked') throw conflict('publication_blocked', `该决定不予公开:${row.blocked_reason ?? ''}`);
  if (row.state === 'withdrawn') throw conflict('publication_withdrawn', '该决定的公开信息已撤回,不能再次公开');
  if (row.state === 'expired') throw conflict('publication_expired', '该决定的公示期已满,不再公开');
  // A revocation the scheduled run has not yet applied still forbids publishing (行政处罚法 §48).
  const [revoked] = await listDecisionRevocations(db, [row.case_id]);
  if (revoked) throw conflict('decision_revoked', revocationReason(revoked));
  const previous = Number(row.current_version);
  const changeNote = input.changeNote?.trim() || null;
  if (previous > 0 && changeNote === null) throw invalid('change_note_required', '更正已公开的决定须写明更正说明');
  const source = await documentText(db, row.document_id);
  if (!source) throw notFound('document_not_found', '决定书不存在');
  if (source.document.supersededBy !== null) throw conflict('document_superseded', '该决定书已被更正,请公开更正后的决定书');
  const content = draftContent(source);
  if (content.blockedReason !== null) throw conflict('publication_blocked', content.blockedReason);
  if (input.textSha256 !== undefined && input.textSha256 !== content.textSha256) {
    throw conflict('publication_text_changed', '决定书全文已变化,请重新识别个人信息后再公开');
  }
  const { text, redactions } = applyFindings(content, input.findings);
  const textSha256 = sha256Text(text);
  const version = previous + 1;
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    // The period runs from the first publication; a correction does not restart it.
    const expiresOn = row.expires_on ?? expiryOf(shanghaiToday(new Date(now)), source.data.penalty, periods);
    const moved = await repo.transition(
      trx,
      id,
      { state: row.state, version: previous },
      { state: 'published', current_version: version, published_at: now, expires_on: expiresOn, updated_at: now },
    );
    if (!moved) throw changed();
    await indexText(trx, row, text, now);
    const event = await recordEvent(trx, user, {
      type: repo.PUBLISHED,
      subject: { type: 'publication', id },
      data: {
        documentId: row.document_id,
        caseId: row.case_id,
        number: row.document_number,
        version,
        originalSha256: source.document.sha256,
        textSha256,
        redactions: redactions.length,
        changeNote,
        expiresOn,
      },
      blobs: [source.document.sha256],
    });
    await repo.insertVersion(trx, {
      id: randomUUID(),
      publication_id: id,
      version,
      summary: JSON.stringify(content.summary),
      text,
      redactions: JSON.stringify(redactions),
      original_sha256: source.document.sha256,
      text_sha256: textSha256,
      change_note: changeNote,
      published_at: now,
      published_by: user.userId,
      ledger_index: event.ledgerIndex,
      confirmed: JSON.stringify(input.findings.map((f) => ({ start: f.start, end: f.end, replacement: f.replacement }))),
      source_text_sha256: content.textSha256,
    });
  });
  return getPublication(db, user, id);
}

const reasonOf = (reason: string, what: string): string => {
  const why = reason.trim();
  if (why === '') throw invalid('reason_required', `${what}须写明理由`);
  return why;
};

/** 不予公开: a draft is kept from the public with a reason (secrets, privacy, a minor not recognised by ID). */
export async function block(db: Kysely<Database>, actor: Actor, id: string, reason: string): Promise<PublicationView> {
  const user = requireUser(actor);
  const why = reasonOf(reason, '不予公开');
  const row = await target(db, user, id, 'publication.block');
  if (row.state !== 'draft') throw conflict('publication_not_draft', '只有待公开的决定可以决定不予公开;已公开的请撤回');
  await inTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    const moved = await repo.transition(
      trx,
      id,
      { state: 'draft', version: Number(row.current_version) },
      { state: 'blocked', blocked_reason: why, updated_at: now },
    );
    if (!moved) throw changed();
    await recordEvent(trx, user, {
      type: repo.BLOCKED,
      subject: { type: 'publication', id },
      data: { documentId: row.document_id, caseId: row.case_id, reason: why },
    });
  });
  return getPublication(db, user, id);
}

/**
 * 撤回: the published text is no longer public; the portal shows only the notice with the reason
 * (行政处罚法 §48: when the decision is changed, revoked, found unlawful or void). The versions stay
 * for the record.
 */
export async function withdraw(db: Kysely<Database>, actor: Actor, id: string, reason: string): Promise<PublicationView> {
  const user = requireUser(actor);
  const why = reasonOf(reason, '撤回公开');
  const row = await target(db, user, id, 'publication.withdraw');
  if (row.state !== 'published') throw conflict('publication_not_published', '该决定尚未公开,无需撤回');
  await inTransaction(db, async (trx) => {
    if (!(await takeDown(trx, user, row, { state: 'withdrawn', reason: why, type: repo.WITHDRAWN }))) throw changed();
  });
  return getPublication(db, user, id);
}
