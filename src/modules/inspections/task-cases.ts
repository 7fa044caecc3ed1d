import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import { conflict, invalid } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { registerCase } from '../cases/index.js';
import { currentEntry, type ItemData, itemKind } from '../catalog/index.js';
import { findEntity } from './entities-repository.js';
import type { TeamMember } from './model.js';
import * as repo from './tasks-repository.js';
import { getTask, mayRecord, scopedTask } from './tasks-service.js';
import type { TaskView } from './views.js';

// The cases of a task: the 行政检查 case that records the visit (现场检查 steps with officers, evidence and
// the AV list, then 检查结论), and the penalty case a problem found may open (来源「双随机」). Each is
// registered together with the task's link to it, in one transaction.

async function partyOf(db: Kysely<Database>, uscc: string) {
  const entity = await findEntity(db, uscc);
  if (!entity) throw conflict('entity_missing', '检查对象已不在名录库中');
  return {
    kind: 'organization' as const,
    name: entity.name,
    idNo: entity.uscc,
    address: entity.address,
    legalRepresentative: entity.legal_representative,
    phone: entity.phone,
  };
}

const link =
  (id: string, column: 'inspection_case_id' | 'case_id', event: string, planId: string, uscc: string, actor: Actor) =>
  async (trx: Trx, caseId: string) => {
    if (!(await repo.updateTaskIn(trx, id, ['assigned', 'inspected'], { [column]: caseId, updated_at: new Date().toISOString() })))
      throw conflict('task_published', '检查结果已公示');
    await recordEvent(trx, actor, { type: event, subject: { type: 'inspection_task', id }, data: { caseId, planId, uscc } });
  };

/** 开始检查: registers the 行政检查 case of the task, with its team as the officers and the entity as party. */
export async function startTask(db: Kysely<Database>, actor: Actor, id: string, input: { itemCode: string }): Promise<TaskView> {
  const row = await scopedTask(db, actor, id);
  authorize(await mayRecord(db, actor, row), '只有检查组成员或承办机构负责人可以开始检查');
  if (row.inspection_case_id !== null) throw conflict('inspection_started', '本任务已开始检查');
  const item = await currentEntry<ItemData>(db, itemKind, input.itemCode.trim());
  if (item && item.data.category !== '行政检查')
    throw invalid('item_not_inspection', `「${item.data.name}」不是行政检查类执法事项,请选择行政检查事项`);
  const team = JSON.parse(row.team) as TeamMember[];
  const items = (JSON.parse(row.plan_data) as { items: { name: string }[] }).items.map((i) => i.name);
  await registerCase(
    db,
    actor,
    {
      title: `对${row.entity_name}的双随机抽查`,
      unitId: row.unit_id,
      procedure: 'inspection',
      source: '双随机',
      itemCode: input.itemCode,
      receivedOn: shanghaiToday(),
      summary: `${row.plan_title}抽中第 ${row.ordinal} 号检查对象。检查事项:${items.join(';')}。`,
      parties: [await partyOf(db, row.entity_uscc)],
      officers: team.map((m, i) => ({ officerId: m.officerId, role: i === 0 ? ('lead' as const) : ('assist' as const) })),
    },
    link(id, 'inspection_case_id', 'inspection.task_started', row.plan_id, row.entity_uscc, actor),
  );
  return getTask(db, actor, id);
}

/** Opens a penalty case for a problem found (案件来源「双随机」, the entity as party), linked to the task. */
export async function openCaseFromTask(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: { itemCode: string; title: string; summary: string; leadOfficerId: string; assistOfficerId: string },
): Promise<{ caseId: string }> {
  const row = await scopedTask(db, actor, id);
  authorize(await mayRecord(db, actor, row), '只有检查组成员或承办机构负责人可以登记案件');
  if (row.case_id !== null) throw conflict('case_exists', '本任务已登记案件');
  if (row.state === 'published') throw conflict('task_published', '检查结果已公示');
  const view = await registerCase(
    db,
    actor,
    {
      title: input.title,
      unitId: row.unit_id,
      procedure: 'general',
      source: '双随机',
      itemCode: input.itemCode,
      receivedOn: row.inspected_to ?? shanghaiToday(),
      summary: input.summary,
      parties: [await partyOf(db, row.entity_uscc)],
      officers: [
        { officerId: input.leadOfficerId, role: 'lead' },
        { officerId: input.assistOfficerId, role: 'assist' },
      ],
    },
    link(id, 'case_id', 'inspection.case_opened', row.plan_id, row.entity_uscc, actor),
  );
  return { caseId: view.id };
}
