import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import { isIsoDate, loadCalendar, shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { caseStage } from '../cases/index.js';
import { officerOfUser } from '../officers/index.js';
import { RESULT_KINDS, RESULT_PUBLICATION_WORKING_DAYS, type TeamMember } from './model.js';
import { can, canIn } from './policy.js';
import * as repo from './tasks-repository.js';
import { type TaskView, taskView } from './views.js';

// 检查任务: the team records the visit (one visit for all the plan's items: 进一次门、查多项事) and its
// result; the result is published within 20 working days of the inspection's end; a problem found may
// open a penalty case (来源「双随机」) linked to the task.

export async function scopedTask(db: Kysely<Database>, actor: Actor, id: string): Promise<repo.TaskRow> {
  const row = await repo.findTask(db, id);
  if (!row || !canIn(actor, 'inspection.read', row.unit_path)) throw notFound('task_not_found', '检查任务不存在');
  return row;
}

export async function getTask(db: Kysely<Database>, actor: Actor, id: string): Promise<TaskView> {
  return taskView(await scopedTask(db, actor, id), shanghaiToday());
}

export async function listTasks(
  db: Kysely<Database>,
  actor: Actor,
  query: { planId?: string; state?: string; mine?: boolean; overdue?: boolean; q?: string; page: number; pageSize: number },
) {
  const user = requireUser(actor);
  authorize(can(actor, 'inspection.read'), '无权查看检查任务');
  const scope = readScope(actor);
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (scope.kind === 'none') return empty;
  const officer = query.mine ? await officerOfUser(db, user.userId) : null;
  if (query.mine && !officer) return empty;
  const today = shanghaiToday();
  const { rows, total } = await repo.listTasks(db, {
    ...(scope.kind === 'subtree' ? { unitPath: scope.path } : {}),
    ...(query.planId ? { planId: query.planId } : {}),
    ...(query.state ? { states: [query.state] } : {}),
    ...(officer ? { officerId: officer.id } : {}),
    ...(query.overdue ? { overdueOn: today } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    order: 'ordinal',
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map((r) => taskView(r, today)), total, page: query.page, pageSize: query.pageSize };
}

/** Team members record their own task; the unit head any task of the unit. */
export async function mayRecord(db: Kysely<Database>, actor: Actor, row: repo.TaskRow): Promise<boolean> {
  if (!canIn(actor, 'inspection.inspect', row.unit_path)) return false;
  if (actor.kind === 'user' && actor.roles.includes('unit_head')) return true;
  const officer = await officerOfUser(db, requireUser(actor).userId);
  return officer !== null && (JSON.parse(row.team) as TeamMember[]).some((m) => m.officerId === officer.id);
}

export interface InspectionRecord {
  inspectedFrom: string;
  inspectedTo: string;
  result: string;
  findings: string;
}

/** Records (or corrects, until published) the visit and its result; the publication deadline follows from its end. */
export async function recordInspection(db: Kysely<Database>, actor: Actor, id: string, input: InspectionRecord): Promise<TaskView> {
  const row = await scopedTask(db, actor, id);
  authorize(await mayRecord(db, actor, row), '只有检查组成员或承办机构负责人可以录入检查结果');
  if (!isIsoDate(input.inspectedFrom) || !isIsoDate(input.inspectedTo)) throw invalid('date_invalid', '检查日期应为 YYYY-MM-DD');
  if (input.inspectedTo < input.inspectedFrom) throw invalid('inspect_range_invalid', '检查结束日期不能早于开始日期');
  if (input.inspectedTo > shanghaiToday()) throw invalid('inspected_in_future', '检查结束日期不能晚于今天');
  if (!RESULT_KINDS.some((k) => k === input.result)) throw invalid('result_invalid', `检查结果应为${RESULT_KINDS.join('、')}之一`);
  const findings = input.findings.trim();
  if (input.result !== '未发现问题' && findings === '') throw invalid('findings_required', '发现问题或未能检查的,须写明检查情况');
  if (input.result === '立案查处' && row.case_id === null) throw invalid('case_required', '「立案查处」须先从本任务登记案件');
  if (row.inspection_case_id === null) throw conflict('inspection_not_started', '请先开始检查:现场检查和检查结论记入行政检查案件');
  if ((await caseStage(db, row.inspection_case_id)) !== 'closed')
    throw conflict('inspection_not_concluded', '行政检查案件尚未作出检查结论');
  const calendar = await loadCalendar(db);
  const due = calendar.addWorkingDays(input.inspectedTo, RESULT_PUBLICATION_WORKING_DAYS);
  await inTransaction(db, async (trx) => {
    const changed = await repo.updateTaskIn(trx, id, ['assigned', 'inspected'], {
      state: 'inspected',
      inspected_from: input.inspectedFrom,
      inspected_to: input.inspectedTo,
      result: input.result,
      findings,
      publish_due: due,
      updated_at: new Date().toISOString(),
    });
    if (!changed) throw conflict('task_published', '检查结果已公示,不能再修改');
    await recordEvent(trx, actor, {
      type: 'inspection.task_inspected',
      subject: { type: 'inspection_task', id },
      data: { planId: row.plan_id, uscc: row.entity_uscc, ...input, findings, publishDue: due },
    });
  });
  return getTask(db, actor, id);
}

/** Publishes the result (抽查结果公告): public from now on. */
export async function publishResult(db: Kysely<Database>, actor: Actor, id: string): Promise<TaskView> {
  const row = await scopedTask(db, actor, id);
  authorize(canIn(actor, 'inspection.publish', row.unit_path), '只有承办机构负责人或政策法规科可以公示检查结果');
  await inTransaction(db, async (trx) => {
    const at = new Date().toISOString();
    if (!(await repo.updateTaskIn(trx, id, ['inspected'], { state: 'published', published_at: at, updated_at: at })))
      throw conflict('task_not_inspected', row.state === 'published' ? '检查结果已公示' : '尚未录入检查结果');
    await recordEvent(trx, actor, {
      type: 'inspection.result_published',
      subject: { type: 'inspection_task', id },
      data: {
        planId: row.plan_id,
        uscc: row.entity_uscc,
        entityName: row.entity_name,
        result: row.result,
        inspectedTo: row.inspected_to,
        publishDue: row.publish_due,
        late: row.publish_due !== null && shanghaiToday() > row.publish_due,
      },
    });
  });
  return getTask(db, actor, id);
}
