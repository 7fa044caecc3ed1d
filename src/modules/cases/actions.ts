import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { isIsoDate, loadCalendar, shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { avCheckOf, type Context, HANDLERS, text } from './action-handlers.js';
import type { ActionInput } from './action-input.js';
import { actorRef, getCase } from './case-service.js';
import { amountOwed, closeDeadlines, followPlan, nextDeadline, paymentSchedule, resolvePending } from './deadlines.js';
import { canOnCase } from './policy.js';
import { ACTION_RULES, type Action, isStage, STAGE_LABELS } from './procedure.js';
import * as repo from './repository.js';
import { type CaseView, parseCaseData } from './views.js';

/** Performs one action of the procedure: checks the stage, the role, the gates; records the step and its event. */
export async function performAction(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  action: Action,
  input: ActionInput,
): Promise<CaseView> {
  requireUser(actor);
  if (!isIsoDate(input.performedOn)) throw invalid('invalid_date', '办理日期格式应为 YYYY-MM-DD');
  if (input.performedOn > shanghaiToday()) throw invalid('date_in_future', '办理日期不能晚于今天');
  const calendar = await loadCalendar(db);
  await inTransaction(db, async (trx) => {
    const row = await repo.findCase(trx, caseId);
    if (!row || !canOnCase(actor, 'case.list', row.unit_path)) throw notFound('case_not_found', '案件不存在');
    const rule = ACTION_RULES[action];
    authorize(
      canOnCase(actor, rule.approval ? 'case.approve' : 'case.handle', row.unit_path),
      rule.approval ? `「${rule.label}」须由承办机构负责人或局领导审批` : '只有本机构的执法人员可以办理',
    );
    if (!rule.from.some((s) => s === row.stage) || !rule.procedures.some((p) => p === row.procedure)) {
      throw conflict(
        'action_not_allowed',
        `案件当前处于「${isStage(row.stage) ? STAGE_LABELS[row.stage] : row.stage}」阶段,不能进行「${rule.label}」`,
      );
    }
    const last = (await repo.listSteps(trx, row.id)).at(-1);
    if (last && input.performedOn < last.performed_on) {
      throw invalid(
        'date_before_previous_step',
        `办理日期不能早于上一环节「${ACTION_RULES[last.action as Action]?.label ?? last.action}」的日期 ${last.performed_on}`,
      );
    }
    if (input.performedOn < row.received_on) throw invalid('date_before_received', '办理日期不能早于收到案源的日期');
    const c: Context = {
      trx,
      actor,
      row,
      data: (() => {
        const data = parseCaseData(row.data);
        return { ...data, deadlines: resolvePending(calendar, data.deadlines) };
      })(),
      input,
      calendar,
      canApprove: canOnCase(actor, 'case.approve', row.unit_path),
      record: {},
      changes: {},
    };
    await HANDLERS[action](c);
    const stage = c.changes.stage ?? (rule.to === 'same' ? row.stage : rule.to);
    const now = new Date().toISOString();
    await repo.updateCase(trx, row.id, {
      ...c.changes,
      stage,
      data: JSON.stringify(c.data),
      next_deadline: nextDeadline(c.data.deadlines),
      review_required: c.data.review.required ? 1 : 0,
      updated_at: now,
    });
    const seq = await repo.nextStepSeq(trx, row.id);
    const stepData = { note: input.note.trim(), ...c.record };
    await repo.insertStep(trx, {
      id: randomUUID(),
      case_id: row.id,
      seq,
      action,
      stage_after: stage,
      performed_on: input.performedOn,
      data: JSON.stringify(stepData),
      av_check: avCheckOf(stepData),
      unit_id: row.unit_id,
      unit_path: row.unit_path,
      item_code: row.item_code,
      created_at: now,
      created_by: actorRef(actor),
    });
    await recordEvent(trx, actor, {
      type: `case.${action}`,
      subject: { type: 'case', id: row.id },
      data: { seq, stageBefore: row.stage, stageAfter: stage, performedOn: input.performedOn, ...stepData },
    });
  });
  return getCase(db, actor, caseId);
}

/** 罚缴分离: a payment is recorded from the bank or treasury receipt; a fully paid fine moves the case to 已执行. */
export async function recordPayment(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  input: { receiptNo: string; amountYuan: number; paidOn: string },
): Promise<CaseView> {
  requireUser(actor);
  if (!isIsoDate(input.paidOn) || input.paidOn > shanghaiToday()) throw invalid('invalid_date', '缴款日期不正确');
  const amountFen = Math.round(input.amountYuan * 100);
  if (amountFen <= 0) throw invalid('amount_invalid', '缴款金额应大于 0');
  const receiptNo = text(input.receiptNo, 'receipt_required', '请填写银行或国库缴款凭证号');
  await inTransaction(db, async (trx) => {
    const row = await repo.findCase(trx, caseId);
    if (!row || !canOnCase(actor, 'case.list', row.unit_path)) throw notFound('case_not_found', '案件不存在');
    authorize(canOnCase(actor, 'case.handle', row.unit_path), '只有本机构的执法人员可以登记缴款');
    if (row.stage !== 'decision_served' && row.stage !== 'enforcement_applied')
      throw conflict('action_not_allowed', '决定书送达后方可登记缴款');
    if (await repo.receiptTaken(trx, receiptNo)) throw conflict('receipt_taken', `缴款凭证「${receiptNo}」已登记过`);
    const data = parseCaseData(row.data);
    const schedule = paymentSchedule(data);
    if (schedule.length === 0) throw conflict('no_fine', '本案决定没有罚款,无需登记缴款');
    const now = new Date().toISOString();
    await repo.insertPayment(trx, {
      id: randomUUID(),
      case_id: row.id,
      receipt_no: receiptNo,
      amount_fen: amountFen,
      paid_on: input.paidOn,
      created_at: now,
      created_by: actorRef(actor),
    });
    const payments = await repo.listPayments(trx, row.id);
    const { paidFen: paid, owedFen: owed, fineFen } = amountOwed(schedule, payments, input.paidOn);
    const settled = paid >= owed;
    if (settled) data.deadlines = closeDeadlines(data.deadlines, ['payment', 'urgeResponse'], input.paidOn);
    else data.deadlines = followPlan(data, payments);
    await repo.updateCase(trx, row.id, {
      stage: settled ? 'executed' : row.stage,
      data: JSON.stringify(data),
      next_deadline: nextDeadline(data.deadlines),
      updated_at: now,
    });
    await recordEvent(trx, actor, {
      type: 'case.payment_recorded',
      subject: { type: 'case', id: row.id },
      data: { receiptNo, amountFen, paidOn: input.paidOn, paidFen: paid, fineFen, owedFen: owed, settled },
    });
  });
  return getCase(db, actor, caseId);
}
