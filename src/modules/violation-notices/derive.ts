import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Actor, systemActor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { caseUnitPath, type DecidedCase, listDecidedCases } from '../cases/index.js';
import { prefill } from './fields.js';
import { canOnEntry } from './policy.js';
import * as repo from './repository.js';

// Candidates: one per organisation party of a case whose decision is made. 第29号令 第五条 publishes
// violations "已经依法查处并作出处理决定", so nothing is derived before the decision; and 第二条 publishes
// 用人单位 (organisations and 个体工商户, registered as organisations with their code), so a natural-person
// party is never derived and never listed by name — only an organisation's 法定代表人/负责人 is (第六条).

const SYNC_ACTOR = systemActor('violation-notices');

/** Inserts the candidates of one case that are missing; returns how many were inserted. */
async function deriveCase(db: Kysely<Database>, actor: Actor, decided: DecidedCase, existing: ReadonlySet<string>): Promise<number> {
  const parties = decided.parties.filter((p) => p.kind === 'organization' && !existing.has(`${decided.caseId}:${p.id}`));
  if (parties.length === 0) return 0;
  return inTransaction(db, async (trx) => {
    let inserted = 0;
    for (const party of parties) {
      const now = new Date().toISOString();
      const id = randomUUID();
      const fields = prefill(decided, party);
      const done = await repo.insertEntry(trx, {
        id,
        case_id: decided.caseId,
        party_id: party.id,
        case_no: decided.caseNo,
        unit_id: decided.unitId,
        unit_path: decided.unitPath,
        decided_on: decided.decision.decidedOn,
        category: null,
        subject_name: fields.subjectName,
        credit_code: fields.creditCode,
        address: fields.address,
        responsible_person: fields.responsiblePerson,
        facts: fields.facts,
        handling: fields.handling,
        state: 'candidate',
        excluded_reason: null,
        batch_id: null,
        removed_reason: null,
        removed_at: null,
        created_at: now,
        updated_at: now,
        updated_by: actor.kind === 'user' ? actor.userId : `system:${SYNC_ACTOR.name}`,
      });
      if (!done) continue;
      inserted++;
      await recordEvent(trx, actor, {
        type: repo.DERIVED,
        subject: { type: 'violation_notice', id },
        data: { caseId: decided.caseId, caseNo: decided.caseNo, partyId: party.id, decidedOn: decided.decision.decidedOn },
      });
    }
    return inserted;
  });
}

/** Derives every missing candidate (idempotent: a missed run loses nothing). Returns how many were added. */
export async function syncCandidates(db: Kysely<Database>): Promise<number> {
  const existing = await repo.derivedKeys(db);
  let added = 0;
  for (const decided of await listDecidedCases(db)) added += await deriveCase(db, SYNC_ACTOR, decided, existing);
  return added;
}

/**
 * Derives the candidates of one case on request (the console's 生成公布事项 on a decided case). Refused
 * before the decision, and when the case has only natural-person parties.
 */
export async function deriveForCase(db: Kysely<Database>, actor: Actor, caseId: string): Promise<string[]> {
  const user = requireUser(actor);
  const [decided] = await listDecidedCases(db, { caseId });
  if (!decided) {
    const unitPath = await caseUnitPath(db, caseId);
    if (!canOnEntry(user, 'violation_notice.read', unitPath)) throw notFound('case_not_found', '案件不存在');
    throw conflict('case_not_decided', '案件尚未作出处理决定,不能列入重大劳动保障违法行为公布名单');
  }
  if (!canOnEntry(user, 'violation_notice.read', decided.unitPath)) throw notFound('case_not_found', '案件不存在');
  authorize(canOnEntry(user, 'violation_notice.edit', decided.unitPath), '只有承办人员、承办机构负责人或法制审核人员可以生成公布事项');
  if (!decided.parties.some((p) => p.kind === 'organization')) {
    throw conflict('party_natural_person', '当事人为自然人:重大劳动保障违法行为社会公布的对象是用人单位,自然人不列入名单');
  }
  await deriveCase(db, user, decided, await repo.derivedKeys(db));
  const rows = await db.selectFrom('violation_notice_entries').select('id').where('case_id', '=', caseId).orderBy('created_at').execute();
  return rows.map((r) => r.id);
}
