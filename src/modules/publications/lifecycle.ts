import type { Kysely } from 'kysely';
import { type Actor, systemActor } from '../../platform/auth/actor.js';
import { type Calendar, loadCalendar, shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { type DecisionRevocation, listDecisionRevocations } from '../cases/index.js';
import { dueFrom, WITHDRAWAL_WORKING_DAYS } from './publication-data.js';
import * as repo from './repository.js';
import { unindexText } from './search-repository.js';

// What happens to a publication without a person deciding it: a decision recorded as revoked, changed,
// unlawful or void is taken down (行政处罚法 §48: within 3 working days, with the reason), and a
// decision whose 公示期 has ended leaves public view. Both are idempotent and safe to run concurrently.

const LIFECYCLE_ACTOR = systemActor('publications');

/**
 * Takes a publication out of public view in `trx`: the state moves only from what was read, the
 * search row goes, and the event says why. False when someone else moved it first.
 */
export async function takeDown(
  trx: Trx,
  actor: Actor,
  row: repo.PublicationRow,
  to: { state: 'withdrawn' | 'expired'; reason: string; type: string; data?: Record<string, string | number | null> },
  extra: { revoked_on?: string; withdrawal_due_on?: string | null } = {},
): Promise<boolean> {
  const now = new Date().toISOString();
  const version = Number(row.current_version);
  const moved = await repo.transition(
    trx,
    row.id,
    { state: row.state, version },
    to.state === 'withdrawn'
      ? { state: 'withdrawn', withdrawn_reason: to.reason, withdrawn_at: now, updated_at: now, ...extra }
      : { state: 'expired', updated_at: now },
  );
  if (!moved) return false;
  await unindexText(trx, row.id);
  await recordEvent(trx, actor, {
    type: to.type,
    subject: { type: 'publication', id: row.id },
    data: { documentId: row.document_id, caseId: row.case_id, version, reason: to.reason, ...to.data },
  });
  return true;
}

/** The public notice of a revocation: what happened, by whose instrument, and why. */
export function revocationReason(r: DecisionRevocation): string {
  return `该决定已被${r.authority}${r.kindLabel}(${r.instrument}):${r.reason}`;
}

/**
 * Withdraws the published decisions (and blocks the drafts) of cases whose decision was recorded as
 * revoked, changed, unlawful or void, recording the 3-working-day deadline the withdrawal met. With
 * `caseIds` only those cases are looked at (the public page of one decision asks for its own case).
 */
export async function syncRevocations(db: Kysely<Database>, options: { caseIds?: readonly string[]; calendar?: Calendar } = {}) {
  const revocations = await listDecisionRevocations(db, options.caseIds);
  if (revocations.length === 0) return { withdrawn: 0, blocked: 0 };
  const byCase = new Map(revocations.map((r) => [r.caseId, r]));
  const affected = await repo.unrevokedOfCases(db, [...byCase.keys()]);
  if (affected.length === 0) return { withdrawn: 0, blocked: 0 };
  const calendar = options.calendar ?? (await loadCalendar(db));
  let withdrawn = 0;
  let blocked = 0;
  for (const row of affected) {
    const revocation = byCase.get(row.case_id);
    if (!revocation) continue;
    const reason = revocationReason(revocation);
    const dueOn = dueFrom(calendar, revocation.on, WITHDRAWAL_WORKING_DAYS);
    const data = { revokedOn: revocation.on, withdrawalDueOn: dueOn, kind: revocation.kind };
    const done = await inTransaction(db, async (trx) => {
      if (row.state === 'published') {
        return takeDown(
          trx,
          LIFECYCLE_ACTOR,
          row,
          { state: 'withdrawn', reason, type: repo.WITHDRAWN, data },
          { revoked_on: revocation.on, withdrawal_due_on: dueOn },
        );
      }
      const now = new Date().toISOString();
      const moved = await repo.transition(
        trx,
        row.id,
        { state: 'draft', version: Number(row.current_version) },
        { state: 'blocked', blocked_reason: reason, revoked_on: revocation.on, updated_at: now },
      );
      if (moved) {
        await recordEvent(trx, LIFECYCLE_ACTOR, {
          type: repo.BLOCKED,
          subject: { type: 'publication', id: row.id },
          data: { documentId: row.document_id, caseId: row.case_id, reason, ...data },
        });
      }
      return moved;
    });
    if (done && row.state === 'published') withdrawn++;
    else if (done) blocked++;
  }
  return { withdrawn, blocked };
}

/** 公示期满: published decisions whose period has ended leave public view (in batches, oldest first). */
export async function expirePublications(db: Kysely<Database>, today = shanghaiToday()): Promise<number> {
  let expired = 0;
  for (;;) {
    const due = await repo.expiredByDay(db, today, 200);
    if (due.length === 0) return expired;
    let moved = 0;
    for (const row of due) {
      const reason = `公示期于 ${row.expires_on ?? today} 届满`;
      const done = await inTransaction(db, (trx) =>
        takeDown(trx, LIFECYCLE_ACTOR, row, { state: 'expired', reason, type: repo.EXPIRED, data: { expiresOn: row.expires_on } }),
      );
      if (done) moved++;
    }
    expired += moved;
    // Rows another process moved first are gone from the next read; none moved means none left to move.
    if (moved === 0) return expired;
  }
}
