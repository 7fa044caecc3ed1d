import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { plusDays, shanghaiToday } from '../../platform/calendar/index.js';
import {
  type CasesApi,
  type CasesEnv,
  caseAt,
  caseState,
  casesApi,
  expectRefused,
  issueCaseDocument,
  makeEvidence,
  NOTIFIED_PENALTY,
  startCasesEnv,
} from './testing.js';
import type { CaseView } from './views.js';

// The standard case decides 警告 and 800 yuan, serves the decision on 2026-10-09; payment is due
// 15 days later, 2026-10-24, a Saturday, so 2026-10-26.

describeEachDialect('cases: payments (罚缴分离) and 加处罚款', (ctx) => {
  let env: CasesEnv;
  let api: CasesApi;
  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = casesApi(env);
  });
  afterAll(() => env?.app.close());

  const state = (caseId: string) => caseState(ctx.db.kysely, caseId);
  let receipts = 0;
  const receipt = () => `3201${String(++receipts).padStart(8, '0')}-${ctx.dialect}-${Date.now()}`;
  const paymentEvents = async (caseId: string) =>
    (
      await ctx.db.kysely
        .selectFrom('events')
        .select('data')
        .where('subject_id', '=', caseId)
        .where('type', '=', 'case.payment_recorded')
        .orderBy('seq')
        .execute()
    ).map((e) => JSON.parse(e.data) as Record<string, unknown>);

  it('records partial payments until the fine is paid on time, then the case is 已执行', async () => {
    const c = await caseAt(env, 'decision_served');
    expect(c.nextDeadline).toBe('2026-10-26');
    const first = receipt();
    const partial = await api.pay(c.id, first, 300, '2026-10-12');
    expect(partial.statusCode, partial.body).toBe(200);
    let v = partial.json<CaseView>();
    expect([v.stage, v.nextDeadline, v.payments]).toEqual([
      'decision_served',
      '2026-10-26',
      [{ receiptNo: first, amountYuan: 300, paidOn: '2026-10-12' }],
    ]);

    v = (await api.pay(c.id, receipt(), 500, '2026-10-26')).json<CaseView>();
    expect([v.stage, v.nextDeadline]).toEqual(['executed', null]);
    expect(v.data.deadlines.find((d) => d.kind === 'payment')?.closedOn).toBe('2026-10-26');
    expect(await paymentEvents(c.id)).toEqual([
      expect.objectContaining({ receiptNo: first, amountFen: 30000, paidFen: 30000, fineFen: 80000, owedFen: 80000, settled: false }),
      expect.objectContaining({ amountFen: 50000, paidFen: 80000, owedFen: 80000, settled: true }),
    ]);

    // Nothing more is taken once executed.
    const before = await state(c.id);
    await expectRefused(env, await api.pay(c.id, receipt(), 1, '2026-10-27'), 409, 'action_not_allowed', c.id, before);
  });

  it('refuses a receipt number used before (in this or another case), payments before service, and bad amounts or dates', async () => {
    const c = await caseAt(env, 'decision_served');
    const other = await caseAt(env, 'decision_served');
    const used = receipt();
    expect((await api.pay(other.id, used, 100, '2026-10-12')).statusCode).toBe(200);
    expect((await api.pay(c.id, `${used}-b`, 100, '2026-10-12')).statusCode).toBe(200);
    const before = await state(c.id);
    const taken = await expectRefused(env, await api.pay(c.id, used, 100, '2026-10-13'), 409, 'receipt_taken', c.id, before);
    expect(taken.message).toContain(used);
    await expectRefused(env, await api.pay(c.id, ` ${used} `, 100, '2026-10-13'), 409, 'receipt_taken', c.id, before);
    await expectRefused(env, await api.pay(c.id, `${used}-b`, 100, '2026-10-13'), 409, 'receipt_taken', c.id, before);
    await expectRefused(env, await api.pay(c.id, receipt(), 0, '2026-10-13'), 400, 'invalid_input', c.id, before);
    await expectRefused(env, await api.pay(c.id, receipt(), 0.001, '2026-10-13'), 400, 'invalid_input', c.id, before);
    await expectRefused(env, await api.pay(c.id, receipt(), 100, plusDays(shanghaiToday(), 1)), 400, 'invalid_date', c.id, before);
    await expectRefused(env, await api.pay(c.id, '   ', 100, '2026-10-13'), 400, 'receipt_required', c.id, before);
    // Who: the handling unit's officers, not a leader, not another unit.
    await expectRefused(env, await api.pay(c.id, receipt(), 100, '2026-10-13', 'leader'), 403, 'forbidden', c.id, before);
    await expectRefused(env, await api.pay(c.id, receipt(), 100, '2026-10-13', 'otherOfficer'), 404, 'case_not_found', c.id, before);

    const decided = await caseAt(env, 'decided');
    const beforeDecided = await state(decided.id);
    await expectRefused(env, await api.pay(decided.id, receipt(), 800, '2026-10-01'), 409, 'action_not_allowed', decided.id, beforeDecided);
  });

  it('counts 加处罚款 of 3 % a day after the deadline: paid late, the fine alone does not settle the case', async () => {
    const c = await caseAt(env, 'decision_served');
    // Two days late (10-27, 10-28): 800 × 3 % × 2 = 48 yuan more.
    let v = (await api.pay(c.id, receipt(), 800, '2026-10-28')).json<CaseView>();
    expect([v.stage, v.nextDeadline]).toEqual(['decision_served', '2026-10-26']);
    expect((await paymentEvents(c.id)).at(-1)).toMatchObject({ paidFen: 80000, fineFen: 80000, owedFen: 84800, settled: false });
    v = (await api.pay(c.id, receipt(), 47.99, '2026-10-28')).json<CaseView>();
    expect(v.stage).toBe('decision_served');
    v = (await api.pay(c.id, receipt(), 0.01, '2026-10-28')).json<CaseView>();
    expect([v.stage, v.nextDeadline]).toEqual(['executed', null]);
    expect((await paymentEvents(c.id)).at(-1)).toMatchObject({ paidFen: 84800, owedFen: 84800, settled: true });
  });

  it('urges (催告) once the payment is overdue and applies to the court only ten days after the 催告书 was served', async () => {
    // 行政强制法 §54: a written 催告 first; the court only when the party still has not paid ten days after it.
    const c = await caseAt(env, 'decision_served'); // payment due 2026-10-26
    let before = await state(c.id);
    const apply = (performedOn: string, who: 'officer' | 'unitHead' = 'unitHead') =>
      api.act(c.id, 'apply_enforcement', { performedOn, note: '催告后仍未缴纳,申请强制执行' }, who);
    const urge = (performedOn: string) =>
      api.act(c.id, 'urge', { performedOn, note: '催告书直接送达', service: { method: '直接送达', recipient: '张三' } });
    await expectRefused(env, await apply('2026-10-27'), 400, 'urge_required', c.id, before);
    await expectRefused(env, await urge('2026-10-26'), 400, 'payment_not_overdue', c.id, before);
    await expectRefused(env, await urge('2026-10-27'), 400, 'document_not_issued', c.id, before);

    const reminder = await issueCaseDocument(env, c.id, 'payment_reminder');
    let v = (await urge('2026-10-27')).json<CaseView>();
    expect(v.data.urges?.[0]).toMatchObject({ dueOn: '2026-11-06', service: { servedOn: '2026-10-27', documentId: reminder.id } });
    expect(v.nextActions.map((a) => a.action)).toEqual(['defer_payment', 'urge', 'apply_enforcement', 'close', 'revoke_decision']);
    before = await state(c.id);
    const early = await expectRefused(env, await apply('2026-11-06'), 400, 'urge_period_running', c.id, before);
    expect(early.message).toContain('2026-11-06');
    await expectRefused(env, await apply('2026-11-09', 'officer'), 403, 'forbidden', c.id, before);
    v = (await apply('2026-11-09')).json<CaseView>();
    expect([v.stage, v.nextActions.map((a) => a.action)]).toEqual(['enforcement_applied', ['close', 'revoke_decision']]);

    // Paid on 11-09: 14 days late → 42 % → 336 yuan.
    v = (await api.pay(c.id, receipt(), 800, '2026-11-09')).json<CaseView>();
    expect(v.stage).toBe('enforcement_applied');
    v = (await api.pay(c.id, receipt(), 336, '2026-11-09')).json<CaseView>();
    expect(v.stage).toBe('executed');
    before = await state(c.id);
    await expectRefused(
      env,
      await api.act(c.id, 'apply_enforcement', { performedOn: '2026-11-10', note: '' }, 'unitHead'),
      409,
      'action_not_allowed',
      c.id,
      before,
    );
    expect((await api.actOk(c.id, 'close', { performedOn: '2026-11-10', note: '结案' }, 'unitHead')).stage).toBe('closed');
  });

  it('pays by approved installments (分期缴纳): each installment its own deadline and its own 加处罚款', async () => {
    // 行政处罚法 §66: on the party's application and with approval, a fine may be paid later or in parts.
    const c = await caseAt(env, 'decision_served'); // 800 yuan due 2026-10-26
    let before = await state(c.id);
    const defer = (
      installments: { dueOn: string; amountYuan: number }[],
      who: 'officer' | 'unitHead' = 'unitHead',
      note = '当事人书面申请分期缴纳',
    ) => api.act(c.id, 'defer_payment', { performedOn: '2026-10-20', note, installments }, who);
    await expectRefused(env, await defer([{ dueOn: '2026-11-20', amountYuan: 800 }], 'officer'), 403, 'forbidden', c.id, before);
    await expectRefused(
      env,
      await defer([{ dueOn: '2026-11-20', amountYuan: 800 }], 'unitHead', ' '),
      400,
      'reason_required',
      c.id,
      before,
    );
    await expectRefused(env, await defer([{ dueOn: '2026-11-20', amountYuan: 700 }]), 400, 'installments_sum_mismatch', c.id, before);
    await expectRefused(
      env,
      await defer([
        { dueOn: '2026-11-20', amountYuan: 400 },
        { dueOn: '2026-11-02', amountYuan: 400 },
      ]),
      400,
      'installment_dates_invalid',
      c.id,
      before,
    );

    let v = (
      await defer([
        { dueOn: '2026-11-02', amountYuan: 400 },
        { dueOn: '2026-11-20', amountYuan: 400 },
      ])
    ).json<CaseView>();
    expect(v.data.paymentPlan).toMatchObject({ kind: '分期', approvedOn: '2026-10-20' });
    expect([v.nextDeadline, v.data.deadlines.find((d) => d.kind === 'payment')?.label]).toEqual(['2026-11-02', '分期缴纳第 1 期期限']);
    before = await state(c.id);
    await expectRefused(env, await defer([{ dueOn: '2026-12-30', amountYuan: 800 }]), 409, 'plan_exists', c.id, before);
    // Not overdue under the plan: the old deadline (10-26) no longer counts.
    await expectRefused(
      env,
      await api.act(c.id, 'urge', { performedOn: '2026-11-02', note: '', service: { method: '直接送达', recipient: '张三' } }),
      400,
      'payment_not_overdue',
      c.id,
      before,
    );

    // First installment on time; the deadline moves to the second.
    v = (await api.pay(c.id, receipt(), 400, '2026-11-02')).json<CaseView>();
    expect([v.stage, v.nextDeadline]).toEqual(['decision_served', '2026-11-20']);
    expect((await paymentEvents(c.id)).at(-1)).toMatchObject({ paidFen: 40000, owedFen: 80000, settled: false });
    // The second three days late (11-21…11-23): 400 × 3 % × 3 = 36 yuan, on that installment only.
    v = (await api.pay(c.id, receipt(), 400, '2026-11-23')).json<CaseView>();
    expect(v.stage).toBe('decision_served');
    expect((await paymentEvents(c.id)).at(-1)).toMatchObject({ paidFen: 80000, owedFen: 83600, settled: false });
    v = (await api.pay(c.id, receipt(), 36, '2026-11-23')).json<CaseView>();
    expect([v.stage, v.nextDeadline]).toEqual(['executed', null]);

    // Once the deadline has passed, a deferral would wipe out the 加处罚款 already accruing: refused.
    const late = await caseAt(env, 'decision_served');
    const lateBefore = await state(late.id);
    await expectRefused(
      env,
      await api.act(
        late.id,
        'defer_payment',
        { performedOn: '2026-10-27', note: '申请延期', installments: [{ dueOn: '2026-11-27', amountYuan: 800 }] },
        'unitHead',
      ),
      409,
      'payment_overdue',
      late.id,
      lateBefore,
    );
  });

  it('caps 加处罚款 at the fine itself', async () => {
    // A decision served on 2026-06-24: payment due 07-09; 08-11 is 33 days late (99 %), 08-12 34 (capped at 100 %).
    const c = await api.register({ receivedOn: '2026-06-01' });
    await api.actOk(c.id, 'accept', { performedOn: '2026-06-02', note: '受理' });
    await api.actOk(c.id, 'file', { performedOn: '2026-06-03', note: '立案' }, 'unitHead');
    await api.actOk(c.id, 'investigate', {
      performedOn: '2026-06-08',
      note: '检查',
      officerIds: [env.officers.a.id, env.officers.b.id],
      evidenceIds: [await makeEvidence(env, 'video', c.id)],
    });
    await api.actOk(c.id, 'end_investigation', { performedOn: '2026-06-10', note: '终结' });
    await api.actOk(
      c.id,
      'notify',
      {
        performedOn: '2026-06-11',
        note: '告知',
        penalty: NOTIFIED_PENALTY,
        benchmark: { code: env.benchmark.code, tierNo: 2, departureReason: '' },
      },
      'unitHead',
    );
    await issueCaseDocument(env, c.id, 'penalty_prior_notice');
    await api.actOk(c.id, 'serve_notice', { performedOn: '2026-06-12', note: '送达', service: { method: '直接送达', recipient: '张三' } });
    // 6-19 is 端午: the period runs 6-15…6-18 and 6-22.
    expect((await api.get(c.id)).json<CaseView>().data.deadlines.find((d) => d.kind === 'hearingRequest')?.due).toBe('2026-06-22');
    await api.actOk(c.id, 'decide', { performedOn: '2026-06-23', note: '决定', penalty: NOTIFIED_PENALTY }, 'unitHead');
    await issueCaseDocument(env, c.id, 'penalty_decision');
    const served = await api.actOk(c.id, 'serve_decision', {
      performedOn: '2026-06-24',
      note: '送达',
      service: { method: '直接送达', recipient: '张三' },
    });
    expect(served.nextDeadline).toBe('2026-07-09');

    // 加处罚款 runs until the fine itself is paid: a part payment on 08-11 leaves it running.
    let v = (await api.pay(c.id, receipt(), 1, '2026-08-11')).json<CaseView>();
    expect(v.stage).toBe('decision_served');
    expect((await paymentEvents(c.id)).at(-1)).toMatchObject({ owedFen: 80000 + 79200, settled: false });
    v = (await api.pay(c.id, receipt(), 1599, '2026-08-12')).json<CaseView>();
    expect((await paymentEvents(c.id)).at(-1)).toMatchObject({ paidFen: 160000, owedFen: 160000, settled: true });
    expect(v.stage).toBe('executed');
  });

  it('stops 加处罚款 on the day the fine itself was paid', async () => {
    // 行政处罚法 §72: 3 % a day while the fine is not paid. Fine paid two days late (fee 48 yuan); the
    // fee paid a week later settles the case — the fee stopped growing the day the fine was paid.
    const c = await caseAt(env, 'decision_served');
    await api.pay(c.id, receipt(), 800, '2026-10-28');
    const v = (await api.pay(c.id, receipt(), 48, '2026-11-04')).json<CaseView>();
    expect(v.stage).toBe('executed');
  });

  it('does not close a case while the 加处罚款 owed is unpaid', async () => {
    // The close gate counts the fine and its 加处罚款, as recordPayment does: a late-paid fine without
    // its 加处罚款 cannot be closed from 已送达决定.
    const c = await caseAt(env, 'decision_served');
    await api.pay(c.id, receipt(), 800, '2026-10-28');
    const before = await state(c.id);
    await expectRefused(
      env,
      await api.act(c.id, 'close', { performedOn: '2026-10-29', note: '结案' }, 'unitHead'),
      409,
      'fine_unpaid',
      c.id,
      before,
    );
  });
});
