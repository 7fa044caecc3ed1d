import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { type FieldOfficer, officerOfUser, officersOfField, officersOnDate } from '../officers/index.js';
import { entitiesByUscc, findEntity } from './entities-repository.js';
import { can, canIn } from './policy.js';
import * as repo from './repository.js';
import type { ConflictView } from './views.js';

// 执法检查人员名录库: officers of the unit's subtree holding the field, valid certificate on the day; and
// the conflicts of interest (利害关系) they declare, which make them withdraw from a target's team.

export interface InspectorView extends FieldOfficer {
  conflicts: number;
}

/** The directory on a day: every officer of the field, the invalid ones shown as such (they are not drawn). */
export async function inspectorDirectory(
  db: Kysely<Database>,
  actor: Actor,
  unitId: string,
  field: string,
  date = shanghaiToday(),
): Promise<InspectorView[]> {
  const path = await repo.unitPath(db, unitId);
  if (path === undefined) throw notFound('unit_not_found', '机构不存在');
  authorize(canIn(actor, 'inspection.read', path), '无权查看该机构的执法检查人员名录');
  const officers = await officersOfField(db, path, field, date);
  const conflicts = await repo.activeConflicts(db, { officerIds: officers.map((o) => o.id) });
  return officers.map((o) => ({ ...o, conflicts: conflicts.filter((c) => c.officer_id === o.id).length }));
}

async function conflictViews(db: Kysely<Database>, rows: repo.ConflictRow[]): Promise<ConflictView[]> {
  const officers = new Map((await officersOnDate(db, [...new Set(rows.map((r) => r.officer_id))], shanghaiToday())).map((o) => [o.id, o]));
  const entities = await entitiesByUscc(
    db,
    rows.map((r) => r.entity_uscc),
  );
  return rows.map((r) => ({
    id: r.id,
    officerId: r.officer_id,
    officerName: officers.get(r.officer_id)?.name ?? '',
    certificateNo: officers.get(r.officer_id)?.certificateNo ?? '',
    uscc: r.entity_uscc,
    entityName: entities.get(r.entity_uscc)?.name ?? '',
    reason: r.reason,
    declaredAt: r.declared_at,
  }));
}

/** Declared conflicts in force: an officer sees their own, those who manage plans see all. */
export async function listConflicts(db: Kysely<Database>, actor: Actor, filter: { uscc?: string }): Promise<ConflictView[]> {
  const user = requireUser(actor);
  authorize(can(actor, 'inspection.read'), '无权查看利害关系申报');
  const mine =
    can(actor, 'inspection.plan') || can(actor, 'inspection.draw') || can(actor, 'inspection.announce')
      ? null
      : await officerOfUser(db, user.userId);
  const rows = await repo.activeConflicts(db, {
    ...(mine ? { officerIds: [mine.id] } : {}),
    ...(filter.uscc ? { uscc: filter.uscc } : {}),
  });
  return conflictViews(db, rows);
}

/**
 * Declares a conflict of interest. An officer declares their own (no officerId); a unit head or 政策法规科
 * records one for any officer. It binds plans announced afterwards: an announced snapshot never changes.
 */
export async function declareConflict(
  db: Kysely<Database>,
  actor: Actor,
  input: { officerId?: string; uscc: string; reason: string },
): Promise<ConflictView> {
  const user = requireUser(actor);
  authorize(can(actor, 'inspection.conflicts'), '无权申报利害关系');
  const reason = input.reason.trim();
  if (reason === '') throw invalid('reason_required', '请写明利害关系(如近亲属任职、曾在该单位任职等)');
  const own = await officerOfUser(db, user.userId);
  const officerId = input.officerId ?? own?.id;
  if (!officerId) throw invalid('officer_required', '请选择申报的执法人员');
  if (officerId !== own?.id && !can(actor, 'inspection.plan')) throw invalid('officer_not_self', '执法人员只能申报本人的利害关系');
  if ((await officersOnDate(db, [officerId], shanghaiToday())).length === 0) throw invalid('officer_not_found', '执法人员不存在');
  const uscc = input.uscc.trim().toUpperCase();
  if (!(await findEntity(db, uscc))) throw invalid('entity_not_found', '检查对象名录库中没有该统一社会信用代码');
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    if ((await repo.activeConflicts(trx, { officerIds: [officerId], uscc })).length > 0)
      throw conflict('conflict_exists', '该执法人员与该检查对象的利害关系已申报');
    const event = await recordEvent(trx, actor, {
      type: 'inspection.conflict_declared',
      subject: { type: 'officer', id: officerId },
      data: { conflictId: id, uscc, reason },
    });
    await repo.insertConflict(trx, {
      id,
      officer_id: officerId,
      entity_uscc: uscc,
      reason,
      declared_at: event.occurredAt,
      declared_by: user.userId,
      withdrawn_at: null,
      withdrawn_by: null,
    });
  });
  return (await conflictViews(db, [(await repo.findConflict(db, id)) as repo.ConflictRow]))[0] as ConflictView;
}

/** Withdraws a declaration (the relation ended); plans already announced keep it. */
export async function withdrawConflict(db: Kysely<Database>, actor: Actor, id: string, reason: string): Promise<void> {
  const user = requireUser(actor);
  authorize(can(actor, 'inspection.conflicts'), '无权撤回利害关系申报');
  if (reason.trim() === '') throw invalid('reason_required', '请写明撤回理由');
  const row = await repo.findConflict(db, id);
  if (!row) throw notFound('conflict_not_found', '利害关系申报不存在');
  const own = await officerOfUser(db, user.userId);
  authorize(row.officer_id === own?.id || can(actor, 'inspection.plan'), '只能撤回本人的申报');
  await inTransaction(db, async (trx) => {
    const at = new Date().toISOString();
    if (!(await repo.withdrawConflict(trx, id, at, user.userId))) throw conflict('conflict_withdrawn', '该申报已撤回');
    await recordEvent(trx, actor, {
      type: 'inspection.conflict_withdrawn',
      subject: { type: 'officer', id: row.officer_id },
      data: { conflictId: id, uscc: row.entity_uscc, reason: reason.trim() },
    });
  });
}
