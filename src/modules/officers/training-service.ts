import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { TRAINING_KINDS, type TrainingView, toTrainingView } from './officer-views.js';
import { deleteTrainingRow, findOfficerRow, findTrainingRow, insertTrainingRow, listTrainingRows } from './officers-repository.js';
import { visibleOfficer } from './officers-service.js';
import { can } from './policy.js';
import { isCalendarDate } from './validity.js';

/** 培训记录 (岗前培训/岗位培训) of one officer: read with the officer, changed by the 政策法规科. */
export async function listTraining(db: Kysely<Database>, actor: Actor, officerId: string): Promise<TrainingView[]> {
  await visibleOfficer(db, actor, officerId);
  return (await listTrainingRows(db, officerId)).map(toTrainingView);
}

export interface TrainingInput {
  kind: string;
  date: string;
  hours: number;
  provider: string;
}

export async function addTraining(db: Kysely<Database>, actor: Actor, officerId: string, input: TrainingInput): Promise<TrainingView> {
  requireUser(actor);
  authorize(can(actor, 'officer.edit'), '只有政策法规科(法制审核人员)或系统管理员可以登记培训记录');
  if (!TRAINING_KINDS.some((k) => k === input.kind)) throw invalid('invalid_training_kind', '培训类别应为 岗前培训 或 岗位培训');
  if (!isCalendarDate(input.date)) throw invalid('invalid_date', `培训日期「${input.date}」不是有效的日期,应为 YYYY-MM-DD 格式`);
  if (!(input.hours > 0)) throw invalid('invalid_hours', '培训学时应大于 0');
  const provider = input.provider.trim();
  if (provider === '') throw invalid('provider_required', '培训机构不能为空');
  return inTransaction(db, async (trx) => {
    if (!(await findOfficerRow(trx, officerId))) throw notFound('officer_not_found', '执法人员不存在');
    return insertTraining(trx, actor, officerId, { ...input, provider });
  });
}

/** Inserts a training record with its `officer.training_added` event (also used by the demo seed). */
export async function insertTraining(trx: Trx, actor: Actor, officerId: string, input: TrainingInput): Promise<TrainingView> {
  const row = {
    id: randomUUID(),
    officer_id: officerId,
    kind: input.kind,
    date: input.date,
    hours: input.hours,
    provider: input.provider,
    created_at: new Date().toISOString(),
  };
  await insertTrainingRow(trx, row);
  await recordEvent(trx, actor, {
    type: 'officer.training_added',
    subject: { type: 'officer', id: officerId },
    data: { trainingId: row.id, kind: row.kind, date: row.date, hours: row.hours, provider: row.provider },
  });
  return toTrainingView(row);
}

export async function removeTraining(db: Kysely<Database>, actor: Actor, officerId: string, trainingId: string): Promise<void> {
  requireUser(actor);
  authorize(can(actor, 'officer.edit'), '只有政策法规科(法制审核人员)或系统管理员可以删除培训记录');
  await inTransaction(db, async (trx) => {
    const row = await findTrainingRow(trx, officerId, trainingId);
    if (!row) throw notFound('training_not_found', '培训记录不存在');
    await deleteTrainingRow(trx, trainingId);
    await recordEvent(trx, actor, {
      type: 'officer.training_removed',
      subject: { type: 'officer', id: officerId },
      data: { trainingId, kind: row.kind, date: row.date, hours: row.hours, provider: row.provider },
    });
  });
}
