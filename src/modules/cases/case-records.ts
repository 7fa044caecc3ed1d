import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { type EventView, listEvents } from '../../platform/events/list-events.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { getCase } from './case-service.js';
import { canOnCase } from './policy.js';
import * as repo from './repository.js';
import { ACCESSED, HISTORY_LIMIT } from './step-ledger.js';
import type { CaseView } from './views.js';

// 全过程记录 and 调阅监督 (118号 §三(十)): what happened to a case, each entry with its place in the
// tamper-evident ledger, and who opened the case when.

/** Opens a case for a person: the view, and a `case.accessed` entry in the ledger (调阅 is logged). */
export async function openCase(db: Kysely<Database>, actor: Actor, id: string): Promise<CaseView> {
  const view = await getCase(db, actor, id);
  await inTransaction(db, (trx) =>
    recordEvent(trx, actor, { type: ACCESSED, subject: { type: 'case', id }, data: { caseNo: view.caseNo } }),
  );
  return view;
}

/** Every recorded event of the case but the accesses, oldest first, with ledger positions. */
export async function caseRecords(db: Kysely<Database>, actor: Actor, id: string): Promise<EventView[]> {
  await getCase(db, actor, id);
  const { items } = await listEvents(db, {
    subjectType: 'case',
    subjectId: id,
    excludeType: ACCESSED,
    ascending: true,
    offset: 0,
    limit: HISTORY_LIMIT,
  });
  return items;
}

/** 调阅记录: who opened the case, newest first; for those who supervise the case's unit. */
export async function caseAccessLog(db: Kysely<Database>, actor: Actor, id: string, page: { page: number; pageSize: number }) {
  const user = requireUser(actor);
  const row = await repo.findCase(db, id);
  if (!row || !canOnCase(user, 'case.list', row.unit_path)) throw notFound('case_not_found', '案件不存在');
  authorize(canOnCase(user, 'case.access_log', row.unit_path), '无权查看案件调阅记录');
  const { items, total } = await listEvents(db, {
    subjectType: 'case',
    subjectId: id,
    type: ACCESSED,
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  return {
    items: items.map((e) => ({ occurredAt: e.occurredAt, actorId: e.actorId, actorName: e.actorName, ledgerIndex: e.ledgerIndex })),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}
