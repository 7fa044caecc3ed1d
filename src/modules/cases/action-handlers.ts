import type { Actor } from '../../platform/auth/actor.js';
import { type Calendar, isIsoDate, plusDays } from '../../platform/calendar/index.js';
import type { Trx } from '../../platform/db/transaction.js';
import { conflict, invalid } from '../../platform/errors.js';
import type { JsonValue } from '../../platform/events/canonical-json.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { entryVersion, type ItemData, itemKind } from '../catalog/index.js';
import { documentType, isDocumentType, listCaseDocuments } from '../documents/index.js';
import { officersOnDate } from '../officers/index.js';
import { type ActionInput, DEFAULT_ITEM_STEPS, FALLBACK_ITEM_STEPS } from './action-input.js';
import type { BenchmarkChoice, CaseData, Penalty, Service } from './case-data.js';
import {
  decisionStands,
  inHearingScope,
  PUBLICATION_DAYS,
  REVOCATION_KIND_LABELS,
  REVOCATION_KINDS,
  SERVED_DOCUMENTS,
  SERVICE_METHODS,
} from './case-data.js';
import { amountOwed, closeDeadlines, extendDeadline, followPlan, openDeadline, paymentOverdue, paymentSchedule } from './deadlines.js';
import {
  checkAvRecording,
  checkNotHeavier,
  checkOfficers,
  checkOnTheSpotLimits,
  checkPresider,
  checkServiceEvidence,
  chooseBenchmark,
} from './gates.js';
import type { Action } from './procedure.js';
import * as repo from './repository.js';
import { determinationFor } from './review-determination.js';
import { checkReviewClearance } from './review-gate.js';
import type { AvCheck, CasesTable } from './tables.js';

// What each procedure action checks and records, beyond the stage move of the procedure table.

export interface Context {
  trx: Trx;
  actor: Actor;
  row: CasesTable;
  data: CaseData;
  input: ActionInput;
  calendar: Calendar;
  canApprove: boolean;
  /** What the step records besides the note (officers, evidence, penalty …). */
  record: Record<string, JsonValue>;
  changes: Partial<CasesTable>;
}

export const text = (value: string | undefined, code: string, message: string): string => {
  const t = (value ?? '').trim();
  if (t === '') throw invalid(code, message);
  return t;
};

const json = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value ?? null)) as JsonValue;

const penaltyOf = (input: ActionInput): Penalty => checkedPenalty(input.penalty);

/** A penalty as entered: types given, a fine exactly when 罚款 is among them. */
export function checkedPenalty(p: Penalty | undefined): Penalty {
  if (!p || p.types.length === 0) throw invalid('penalty_required', '请填写处罚种类');
  if (p.types.includes('罚款') !== (p.fineYuan !== null && p.fineYuan > 0))
    throw invalid('fine_mismatch', '处罚种类含「罚款」时须填写罚款金额,不含时不能填写金额');
  return { types: [...new Set(p.types)], fineYuan: p.fineYuan, basisQuantity: p.basisQuantity, description: p.description.trim() };
}

/**
 * 送达: the issued document served (a service record without a document would serve nothing), the
 * method with what it needs — 留置 a photo or video, 电子 the party's signed consent, 公告 the reason
 * other methods failed — and the day service takes effect, which later deadlines count from.
 */
async function serviceOf(c: Context, action: Action): Promise<Service> {
  const s = c.input.service;
  if (!s || !SERVICE_METHODS.some((m) => m === s.method))
    throw invalid('service_method_required', `请选择送达方式:${SERVICE_METHODS.join('、')}`);
  const recipient = text(s.recipient, 'recipient_required', '请填写受送达人');
  const types = (SERVED_DOCUMENTS[action] ?? []).filter(isDocumentType);
  const inForce = (await listCaseDocuments(c.trx, c.row.id)).filter((d) => d.supersededBy === null && types.includes(d.type));
  const doc = s.documentId
    ? inForce.find((d) => d.id === s.documentId)
    : [...inForce].sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type) || b.issuedAt.localeCompare(a.issuedAt))[0];
  const titles = types.map((t) => `《${documentType(t).title}》`).join('或');
  if (!doc) {
    throw invalid(
      s.documentId ? 'served_document_invalid' : 'document_not_issued',
      s.documentId ? `所选文书不是本案现行有效的${titles}` : `请先制作并签发${titles},再登记送达`,
    );
  }
  const evidenceIds = c.input.evidenceIds ?? [];
  await checkServiceEvidence(c.trx, c.row.id, s.method, evidenceIds);
  const service: Service = {
    method: s.method,
    servedOn: c.input.performedOn,
    recipient,
    evidenceIds,
    documentId: doc.id,
    documentNumber: doc.number,
  };
  if (s.method === '电子送达') {
    const consent = s.consentEvidenceId?.trim() ?? '';
    if (consent === '') throw invalid('service_consent_required', '电子送达须经当事人同意并签订送达地址确认书,请附上确认书');
    await checkServiceEvidence(c.trx, c.row.id, s.method, [consent]);
    service.consentEvidenceId = consent;
  }
  if (s.method === '公告送达') {
    text(c.input.note, 'publication_reason_required', '公告送达须在记录中写明受送达人下落不明或者其他方式无法送达的情况');
    service.publishedOn = c.input.performedOn;
    service.servedOn = plusDays(c.input.performedOn, PUBLICATION_DAYS);
  }
  c.record.service = json(service);
  return service;
}

/**
 * The 执法事项 step an action performs: one the item's version names (so a made-up step name cannot
 * slip past the AV list), else the action's usual step when the item has it, else none.
 */
async function itemStepOf(c: Context, action: Action): Promise<string> {
  const steps = (await entryVersion<ItemData>(c.trx, itemKind, c.row.item_version_id))?.data.steps.map((s) => s.name) ?? [];
  const asked = c.input.itemStep?.trim() ?? '';
  if (asked !== '') {
    if (!steps.includes(asked))
      throw invalid('item_step_unknown', `执法事项「${c.row.item_code}」没有「${asked}」这一办理环节(现有:${steps.join('、')})`);
    return asked;
  }
  const usual = [DEFAULT_ITEM_STEPS[action], FALLBACK_ITEM_STEPS[action]].find((s) => s !== undefined && steps.includes(s));
  return usual ?? '';
}

/** The step's av_check column, from what the AV gate recorded in its data (itemStep, avException). */
export function avCheckOf(record: Readonly<Record<string, unknown>>): AvCheck | null {
  if (record.itemStep === undefined) return null;
  return record.avException === undefined ? 'recorded' : 'exception';
}

async function avGate(c: Context, action: Action): Promise<void> {
  const itemStep = await itemStepOf(c, action);
  c.record.evidenceIds = json(c.input.evidenceIds ?? []);
  if (itemStep === '') return;
  const result = await checkAvRecording(
    c.trx,
    { id: c.row.id, itemCode: c.row.item_code },
    itemStep,
    c.input.evidenceIds ?? [],
    c.input.avException ?? null,
    c.canApprove,
  );
  c.record.itemStep = itemStep;
  if (result.exception) {
    c.record.avException = json(result.exception);
    await recordEvent(c.trx, c.actor, {
      type: 'case.gate_exception',
      subject: { type: 'case', id: c.row.id },
      data: { gate: 'av_recording_required', itemStep, reason: result.exception.reason },
    });
  }
}

/** The 法制审核 determination for the penalty now proposed or decided, stored on the case. */
async function determine(c: Context, penalty: Penalty, benchmark: BenchmarkChoice): Promise<void> {
  c.data.review = await determinationFor(c.trx, c.row, c.data, penalty, benchmark);
}

async function investigators(c: Context): Promise<string[]> {
  const steps = await repo.listSteps(c.trx, c.row.id);
  const fromSteps = steps
    .filter((s) => s.action === 'investigate')
    .flatMap((s) => (JSON.parse(s.data) as { officerIds?: string[] }).officerIds ?? []);
  const assigned = (await repo.listCaseOfficers(c.trx, c.row.id)).map((o) => o.officerId);
  return [...new Set([...fromSteps, ...assigned])];
}

export const HANDLERS: Readonly<Record<Action, (c: Context) => Promise<void>>> = {
  accept: async (c) => {
    c.data.deadlines = closeDeadlines(c.data.deadlines, ['acceptance'], c.input.performedOn);
  },
  not_accept: async (c) => {
    text(c.input.note, 'reason_required', '不予受理须写明理由');
    c.data.deadlines = closeDeadlines(c.data.deadlines, ['acceptance'], c.input.performedOn);
  },
  file: async (c) => {
    c.changes.filed_on = c.input.performedOn;
    c.data.deadlines = [
      ...closeDeadlines(c.data.deadlines, ['acceptance'], c.input.performedOn),
      openDeadline(c.calendar, 'investigation', c.input.performedOn),
      openDeadline(c.calendar, 'decision', c.input.performedOn),
    ];
  },
  investigate: async (c) => {
    text(c.input.note, 'record_required', '请填写调查取证的文字记录(询问、检查的内容和发现)');
    const officerIds = c.input.officerIds ?? [];
    await checkOfficers(c.trx, officerIds, c.input.performedOn);
    c.record.officerIds = json(officerIds);
    await avGate(c, 'investigate');
  },
  // 行政检查: each visit is recorded as 调查取证 is (two officers with valid certificates, the AV list).
  inspect: async (c) => {
    text(c.input.note, 'record_required', '请填写现场检查记录(检查的事项、内容和发现)');
    const officerIds = c.input.officerIds ?? [];
    await checkOfficers(c.trx, officerIds, c.input.performedOn);
    c.record.officerIds = json(officerIds);
    await avGate(c, 'inspect');
  },
  conclude_inspection: async (c) => {
    text(c.input.note, 'record_required', '请填写检查结论(检查情况、发现的问题和处理)');
    c.changes.closed_on = c.input.performedOn;
  },
  preserve_evidence: async (c) => {
    const items = text(c.input.preservedItems, 'preserved_items_required', '请填写先行登记保存的证据物品清单');
    text(c.input.note, 'reason_required', '请写明证据可能灭失或者以后难以取得的情况(行政处罚法第五十六条)');
    const officerIds = c.input.officerIds ?? [];
    await checkOfficers(c.trx, officerIds, c.input.performedOn);
    c.record.officerIds = json(officerIds);
    c.record.preservedItems = items;
    await avGate(c, 'preserve_evidence');
    const seq = await repo.nextStepSeq(c.trx, c.row.id);
    c.data.preservations = [
      ...(c.data.preservations ?? []),
      { seq, preservedOn: c.input.performedOn, items, disposedOn: null, disposal: null },
    ];
    c.data.deadlines = [...c.data.deadlines, { ...openDeadline(c.calendar, 'preservationDecision', c.input.performedOn), ref: seq }];
  },
  dispose_preserved: async (c) => {
    const open = (c.data.preservations ?? []).find((p) => p.disposedOn === null);
    if (!open) throw conflict('nothing_preserved', '本案没有待作出处理决定的先行登记保存证据');
    const disposal = text(c.input.note, 'record_required', '请写明处理决定(记录、复制、鉴定、没收或解除先行登记保存等)');
    c.data.preservations = (c.data.preservations ?? []).map((p) =>
      p.seq === open.seq ? { ...p, disposedOn: c.input.performedOn, disposal } : p,
    );
    c.data.deadlines = c.data.deadlines.map((d) =>
      d.kind === 'preservationDecision' && d.ref === open.seq && d.closedOn === null ? { ...d, closedOn: c.input.performedOn } : d,
    );
    c.record.preservationSeq = open.seq;
  },
  extend_investigation: async (c) => {
    text(c.input.note, 'reason_required', '延长调查期限须写明理由');
    if (c.data.investigationExtended) throw conflict('already_extended', '调查期限已延长过一次,不能再次延长');
    c.data.investigationExtended = true;
    c.data.deadlines = c.data.deadlines.map((d) =>
      d.kind === 'investigation' && d.closedOn === null ? extendDeadline(c.calendar, d, 30, '调查期限(已延长)') : d,
    );
  },
  cancel: async (c) => {
    text(c.input.note, 'reason_required', '撤销立案须写明理由');
    c.data.deadlines = closeDeadlines(
      c.data.deadlines,
      c.data.deadlines.map((d) => d.kind),
      c.input.performedOn,
    );
  },
  end_investigation: async (c) => {
    text(c.input.note, 'record_required', '请填写调查终结报告(违法事实、证据、处理意见)');
    c.data.deadlines = closeDeadlines(c.data.deadlines, ['investigation'], c.input.performedOn);
    if (c.input.reviewRequired) c.data.review = { ...c.data.review, required: true, manual: true };
  },
  notify: async (c) => {
    const penalty = penaltyOf(c.input);
    const b = c.input.benchmark;
    if (!b) throw invalid('benchmark_required', '行政处罚须选择适用的裁量基准及裁量阶次');
    const benchmark = await chooseBenchmark(c.trx, c.row.item_code, penalty, b);
    await determine(c, penalty, benchmark);
    const hearingOffered = c.input.hearingOffered === true || inHearingScope(penalty);
    c.data.notice = { penalty, benchmark, notifiedOn: c.input.performedOn, service: null, rightsWaived: false, hearingOffered };
    c.record.penalty = json(penalty);
    c.record.benchmark = json(benchmark);
    c.record.hearingOffered = hearingOffered;
  },
  serve_notice: async (c) => {
    const service = await serviceOf(c, 'serve_notice');
    await avGate(c, 'serve_notice');
    if (!c.data.notice) throw conflict('notice_missing', '尚未拟定事先告知');
    c.data.notice = { ...c.data.notice, service, rightsWaived: c.input.rightsWaived === true };
    if (c.input.rightsWaived === true) c.record.rightsWaived = true;
    c.data.deadlines = [...c.data.deadlines, openDeadline(c.calendar, 'hearingRequest', service.servedOn)];
  },
  statement: async (c) => {
    const statement = text(c.input.note, 'statement_required', '请记录当事人陈述、申辩的内容');
    const review = c.input.statementReview;
    const opinion = text(review?.opinion, 'statement_review_required', '请填写对陈述、申辩的复核意见(是否采纳及理由)');
    const adopted = review?.adopted === true;
    c.data.statements = [...(c.data.statements ?? []), { on: c.input.performedOn, statement, adopted, opinion }];
    c.record.statementReview = { adopted, opinion };
  },
  request_hearing: async (c) => {
    if (c.data.notice?.hearingOffered === false) {
      throw conflict(
        'hearing_not_applicable',
        '拟作出的处罚不属于听证范围(行政处罚法第六十三条),事先告知书未告知听证权利;当事人可以陈述、申辩',
      );
    }
    const due = c.data.deadlines.find((d) => d.kind === 'hearingRequest')?.due;
    if (due !== undefined && due !== null && c.input.performedOn > due)
      throw invalid('hearing_request_late', `听证申请期限已于 ${due} 届满`);
    c.data.hearing = { requestedOn: c.input.performedOn, noticeOn: null, heldOn: null, presiderOfficerId: null };
    c.data.deadlines = closeDeadlines(c.data.deadlines, ['hearingRequest'], c.input.performedOn);
  },
  hold_hearing: async (c) => {
    const noticeOn = c.input.hearingNoticeOn ?? '';
    if (!isIsoDate(noticeOn)) throw invalid('hearing_notice_required', '请填写听证通知送达日期');
    if (c.calendar.addWorkingDays(noticeOn, 7) > c.input.performedOn) {
      throw invalid('hearing_notice_too_late', '听证通知应当在举行听证的七日前送达当事人(行政处罚法第六十四条;七日为工作日,第八十五条)');
    }
    const presider = text(c.input.presiderOfficerId, 'presider_required', '请指定听证主持人');
    if ((await officersOnDate(c.trx, [presider], c.input.performedOn)).length === 0) throw invalid('officer_not_found', '听证主持人不存在');
    checkPresider(presider, await investigators(c));
    text(c.input.note, 'record_required', '请填写听证笔录摘要');
    c.data.hearing = {
      requestedOn: c.data.hearing?.requestedOn ?? c.input.performedOn,
      noticeOn,
      heldOn: c.input.performedOn,
      presiderOfficerId: presider,
    };
    c.record.presiderOfficerId = presider;
    // A decision after a hearing may be major by the catalogue (经过听证): the determination follows at once,
    // so the unit can submit it for review before deciding.
    if (c.data.notice) await determine(c, c.data.notice.penalty, c.data.notice.benchmark);
    await avGate(c, 'hold_hearing');
  },
  decide: async (c) => {
    const notice = c.data.notice;
    if (!notice?.service) throw conflict('notice_not_served', '未送达行政处罚事先告知书,不得作出处罚决定');
    const hearingDue = c.data.deadlines.find((d) => d.kind === 'hearingRequest' && d.closedOn === null)?.due;
    // A written waiver may reach the agency after the notice was served; the decision records it.
    const waived = notice.rightsWaived || c.input.rightsWaived === true;
    if (waived && !notice.rightsWaived) {
      c.data.notice = { ...notice, rightsWaived: true };
      c.record.rightsWaived = true;
    }
    if (
      c.row.stage === 'notice_served' &&
      !waived &&
      hearingDue !== undefined &&
      (hearingDue === null || c.input.performedOn <= hearingDue)
    ) {
      throw invalid(
        'statement_period_running',
        `当事人陈述申辩、申请听证的期限至 ${hearingDue ?? '(待定:节假日安排未录入)'} 届满,期满后(或当事人书面放弃后)方可作出决定`,
      );
    }
    const penalty = penaltyOf(c.input);
    checkNotHeavier(notice.penalty, penalty);
    const b = c.input.benchmark ?? {
      code: notice.benchmark.code,
      tierNo: notice.benchmark.tierNo,
      departureReason: notice.benchmark.departureReason,
    };
    const benchmark = await chooseBenchmark(c.trx, c.row.item_code, penalty, {
      ...b,
      versionId: notice.benchmark.code === b.code ? notice.benchmark.versionId : undefined,
    });
    await determine(c, penalty, benchmark);
    checkReviewClearance(c.data, penalty, benchmark);
    c.data.decision = { penalty, benchmark, decidedOn: c.input.performedOn, collective: c.input.collective === true, service: null };
    c.changes.decided_on = c.input.performedOn;
    c.data.deadlines = [
      ...closeDeadlines(c.data.deadlines, ['decision', 'hearingRequest'], c.input.performedOn),
      openDeadline(c.calendar, 'decisionService', c.input.performedOn),
    ];
    c.record.penalty = json(penalty);
    c.record.benchmark = json(benchmark);
  },
  on_the_spot: async (c) => {
    if (c.row.procedure !== 'simple') throw conflict('not_simple_procedure', '只有简易程序案件可以当场处罚');
    const penalty = penaltyOf(c.input);
    const parties = await repo.listParties(c.trx, c.row.id);
    checkOnTheSpotLimits(
      parties.map((p) => p.kind),
      penalty,
    );
    await checkOfficers(c.trx, c.input.officerIds ?? [], c.input.performedOn);
    await avGate(c, 'on_the_spot');
    const b = c.input.benchmark;
    if (!b) throw invalid('benchmark_required', '行政处罚须选择适用的裁量基准及裁量阶次');
    const benchmark = await chooseBenchmark(c.trx, c.row.item_code, penalty, b);
    c.data.decision = { penalty, benchmark, decidedOn: c.input.performedOn, collective: false, service: null };
    c.changes.decided_on = c.input.performedOn;
    c.data.deadlines = [...c.data.deadlines, openDeadline(c.calendar, 'decisionService', c.input.performedOn)];
    c.record.officerIds = json(c.input.officerIds ?? []);
    c.record.penalty = json(penalty);
    c.record.benchmark = json(benchmark);
  },
  serve_decision: async (c) => {
    const service = await serviceOf(c, 'serve_decision');
    await avGate(c, 'serve_decision');
    if (!c.data.decision) throw conflict('decision_missing', '尚未作出决定');
    c.data.decision = { ...c.data.decision, service };
    // The act of service closes the 7-working-day limit; a 公告 counts from its publication.
    c.data.deadlines = closeDeadlines(c.data.deadlines, ['decisionService'], c.input.performedOn);
    if ((c.data.decision.penalty.fineYuan ?? 0) > 0)
      c.data.deadlines = [...c.data.deadlines, openDeadline(c.calendar, 'payment', service.servedOn)];
    else c.changes.stage = 'executed';
  },
  defer_payment: async (c) => {
    if (!decisionStands(c.data)) throw conflict('decision_revoked', '本案决定已被撤销或确认无效,不再执行');
    text(c.input.note, 'reason_required', '请写明当事人的申请及确有经济困难的情况(行政处罚法第六十六条)');
    const fineYuan = c.data.decision?.penalty.fineYuan ?? 0;
    if (fineYuan <= 0) throw conflict('no_fine', '本案决定没有罚款');
    if (c.data.paymentPlan)
      throw conflict('plan_exists', `已于 ${c.data.paymentPlan.approvedOn} 批准${c.data.paymentPlan.kind}缴纳,不能重复审批`);
    const payments = await repo.listPayments(c.trx, c.row.id);
    // Approved within the payment period: a deferral cannot wipe out 加处罚款 already accruing.
    if (paymentOverdue(paymentSchedule(c.data), payments, c.input.performedOn)) {
      throw conflict('payment_overdue', '缴纳罚款的期限已过,不能再批准延期或分期缴纳;请催告或依法申请强制执行');
    }
    const paidFen = payments.reduce((sum, p) => sum + p.amount_fen, 0);
    const installments = c.input.installments ?? [];
    if (installments.length === 0 || installments.length > 12) throw invalid('installments_required', '请填写缴款计划(1 至 12 期)');
    let previous = c.input.performedOn;
    for (const i of installments) {
      if (!isIsoDate(i.dueOn) || i.dueOn <= previous) throw invalid('installment_dates_invalid', '各期缴款期限须晚于审批日期并依次递增');
      if (!(i.amountYuan > 0)) throw invalid('installment_amount_invalid', '每期缴款金额应大于 0');
      previous = i.dueOn;
    }
    const planFen = installments.reduce((sum, i) => sum + Math.round(i.amountYuan * 100), 0);
    const fineFen = Math.round(fineYuan * 100);
    if (planFen + paidFen !== fineFen) {
      throw invalid('installments_sum_mismatch', `缴款计划合计 ${planFen / 100} 元,加上已缴 ${paidFen / 100} 元,应等于罚款 ${fineYuan} 元`);
    }
    // Payments already made count as an installment settled on the day they were made.
    const paidPart =
      paidFen > 0 ? [{ dueOn: payments.map((p) => p.paid_on).sort()[0] ?? c.input.performedOn, amountYuan: paidFen / 100 }] : [];
    c.data.paymentPlan = {
      kind: installments.length === 1 ? '延期' : '分期',
      approvedOn: c.input.performedOn,
      installments: [...paidPart, ...installments],
    };
    c.data.deadlines = followPlan(c.data, payments);
    c.record.installments = json(installments);
  },
  urge: async (c) => {
    if (!decisionStands(c.data)) throw conflict('decision_revoked', '本案决定已被撤销或确认无效,不再执行');
    const payments = await repo.listPayments(c.trx, c.row.id);
    if (!paymentOverdue(paymentSchedule(c.data), payments, c.input.performedOn)) {
      throw invalid('payment_not_overdue', '当事人在缴纳期限内或已缴清罚款,尚不能催告(行政强制法第五十四条)');
    }
    const service = await serviceOf(c, 'urge');
    const deadline = openDeadline(c.calendar, 'urgeResponse', service.servedOn);
    c.data.urges = [...(c.data.urges ?? []), { service, dueOn: deadline.due }];
    c.data.deadlines = [...closeDeadlines(c.data.deadlines, ['urgeResponse'], c.input.performedOn), deadline];
  },
  apply_enforcement: async (c) => {
    if (!decisionStands(c.data)) throw conflict('decision_revoked', '本案决定已被撤销或确认无效,不再执行');
    const payments = await repo.listPayments(c.trx, c.row.id);
    if (!paymentOverdue(paymentSchedule(c.data), payments, c.input.performedOn))
      throw invalid('payment_period_running', '缴纳罚款的期限届满后仍未缴纳的,方可申请强制执行');
    const urge = c.data.urges?.at(-1);
    if (!urge) throw invalid('urge_required', '申请人民法院强制执行前,应当先以书面形式催告当事人履行义务(行政强制法第五十四条)');
    if (urge.dueOn === null || c.input.performedOn <= urge.dueOn) {
      throw invalid('urge_period_running', `催告书送达十日后当事人仍未履行的,方可申请强制执行;催告期限至 ${urge.dueOn ?? '(待定)'} 届满`);
    }
    text(c.input.note, 'record_required', '请填写申请强制执行的情况(受理法院、申请内容)');
    c.data.deadlines = closeDeadlines(c.data.deadlines, ['urgeResponse', 'payment'], c.input.performedOn);
  },
  revoke_decision: async (c) => {
    if (!c.data.decision) throw conflict('decision_required', '本案尚未作出决定');
    if (c.data.revocation) throw conflict('decision_already_revoked', '本案决定已登记撤销、变更或确认违法、无效');
    const r = c.input.revocation;
    const kind = REVOCATION_KINDS.find((k) => k === r?.kind);
    if (!r || !kind)
      throw invalid('revocation_kind_required', `请选择决定的变化:${REVOCATION_KINDS.map((k) => REVOCATION_KIND_LABELS[k]).join('、')}`);
    c.data.revocation = {
      kind,
      authority: text(r.authority, 'revocation_authority_required', '请填写作出撤销、变更或确认的机关(本机关、复议机关或人民法院)'),
      instrument: text(r.instrument, 'revocation_instrument_required', '请填写所依据的文书及文号(如行政复议决定书)'),
      on: c.input.performedOn,
      reason: text(c.input.note, 'reason_required', '请填写理由'),
    };
    if (kind === 'revoked' || kind === 'void')
      c.data.deadlines = closeDeadlines(c.data.deadlines, ['payment', 'urgeResponse'], c.input.performedOn);
    c.changes.decision_revoked_on = c.input.performedOn;
    c.record.revocation = json(c.data.revocation);
  },
  close: async (c) => {
    text(c.input.note, 'record_required', '请填写结案报告');
    const owed = amountOwed(paymentSchedule(c.data), await repo.listPayments(c.trx, c.row.id), c.input.performedOn);
    // A revoked or void decision obliges the party to nothing; a changed one is followed up in its own case record.
    if (decisionStands(c.data) && c.row.stage !== 'enforcement_applied' && owed.paidFen < owed.owedFen) {
      throw conflict(
        'fine_unpaid',
        `罚款及加处罚款尚未缴清(应缴 ${owed.owedFen / 100} 元,已缴 ${owed.paidFen / 100} 元);缴清后结案,或逾期不缴的先申请强制执行`,
      );
    }
    c.changes.closed_on = c.input.performedOn;
    c.data.deadlines = closeDeadlines(
      c.data.deadlines,
      c.data.deadlines.map((d) => d.kind),
      c.input.performedOn,
    );
  },
};
