import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import type { Penalty } from './case-data.js';
import {
  type CasesApi,
  type CasesEnv,
  caseAt,
  caseEventTypes,
  caseState,
  casesApi,
  company,
  expectRefused,
  makeEvidence,
  NOTIFIED_PENALTY,
  person,
  startCasesEnv,
} from './testing.js';
import type { CaseSummary } from './views.js';

describeEachDialect('cases: the gates of the procedure', (ctx) => {
  let env: CasesEnv;
  let api: CasesApi;
  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = casesApi(env);
  });
  afterAll(() => env?.app.close());

  const state = (caseId: string) => caseState(ctx.db.kysely, caseId);
  const investigate = (extra: Record<string, unknown> = {}) => ({
    performedOn: '2026-09-08',
    note: '现场检查',
    officerIds: [env.officers.a.id, env.officers.b.id],
    ...extra,
  });

  it('needs two officers, known, each with a certificate valid on the day of the step', async () => {
    const c = await caseAt(env, 'investigating');
    const before = await state(c.id);
    const video = await makeEvidence(env, 'video', c.id);
    const { a, b, expired } = env.officers;
    for (const officerIds of [[], [a.id], [a.id, a.id]]) {
      const refused = await expectRefused(
        env,
        await api.act(c.id, 'investigate', investigate({ officerIds, evidenceIds: [video] })),
        400,
        'officers_required',
        c.id,
        before,
      );
      expect(refused.message).toMatch(/两名以上/);
    }
    await expectRefused(
      env,
      await api.act(c.id, 'investigate', investigate({ officerIds: [a.id, 'no-such-officer'], evidenceIds: [video] })),
      400,
      'officer_not_found',
      c.id,
      before,
    );
    const lapsed = await expectRefused(
      env,
      await api.act(c.id, 'investigate', investigate({ officerIds: [a.id, expired.id], evidenceIds: [video] })),
      400,
      'certificate_invalid',
      c.id,
      before,
    );
    expect(lapsed.message).toContain(`${expired.name}(证件号 ${expired.certificateNo},2026-09-08 已过期)`);
    expect(lapsed.message).not.toContain(a.name);

    const done = await api.actOk(c.id, 'investigate', investigate({ officerIds: [a.id, b.id, a.id], evidenceIds: [video] }));
    expect(done.steps.at(-1)?.action).toBe('investigate');
  });

  it('judges a certificate on the day of the step, not today', async () => {
    // 赵志刚's certificate ran until 2026-06-30: a June inspection with him was lawful.
    const c = await api.register({ receivedOn: '2026-06-01' });
    await api.actOk(c.id, 'accept', { performedOn: '2026-06-02', note: '受理' });
    await api.actOk(c.id, 'file', { performedOn: '2026-06-03', note: '立案' }, 'unitHead');
    const officerIds = [env.officers.a.id, env.officers.expired.id];
    const june = await api.act(c.id, 'investigate', {
      performedOn: '2026-06-30',
      note: '检查',
      officerIds,
      evidenceIds: [await makeEvidence(env, 'video', c.id)],
    });
    expect(june.statusCode, june.body).toBe(200);
    const before = await state(c.id);
    await expectRefused(
      env,
      await api.act(c.id, 'investigate', {
        performedOn: '2026-07-01',
        note: '复查',
        officerIds,
        evidenceIds: [await makeEvidence(env, 'video', c.id)],
      }),
      400,
      'certificate_invalid',
      c.id,
      before,
    );
  });

  it('needs a recording of 调查取证 (on the AV list), or an approver’s written exception recorded as an event', async () => {
    const c = await caseAt(env, 'investigating');
    const photo = await makeEvidence(env, 'photo', c.id);
    const other = await caseAt(env, 'accepted');
    const foreign = await makeEvidence(env, 'video', other.id);
    const before = await state(c.id);
    const refused = await expectRefused(env, await api.act(c.id, 'investigate', investigate()), 400, 'av_recording_required', c.id, before);
    expect(refused.message).toMatch(/「调查取证」环节全程音像记录/);
    await expectRefused(
      env,
      await api.act(c.id, 'investigate', investigate({ evidenceIds: [photo] })),
      400,
      'av_recording_required',
      c.id,
      before,
    );
    // An officer may not excuse himself; an approver must give a reason.
    await expectRefused(
      env,
      await api.act(c.id, 'investigate', investigate({ evidenceIds: [photo], avException: { reason: '执法记录仪故障' } })),
      400,
      'av_recording_required',
      c.id,
      before,
    );
    await expectRefused(
      env,
      await api.act(c.id, 'investigate', investigate({ avException: { reason: '   ' } }), 'unitHead'),
      400,
      'av_recording_required',
      c.id,
      before,
    );
    // Evidence must exist and may not belong to another case.
    await expectRefused(
      env,
      await api.act(c.id, 'investigate', investigate({ evidenceIds: [foreign] })),
      400,
      'evidence_not_of_case',
      c.id,
      before,
    );
    await expectRefused(
      env,
      await api.act(c.id, 'investigate', investigate({ evidenceIds: ['no-such-evidence'] })),
      400,
      'evidence_not_found',
      c.id,
      before,
    );

    const excused = await api.actOk(
      c.id,
      'investigate',
      investigate({ evidenceIds: [photo], avException: { reason: ' 执法记录仪故障,已报修 ' } }),
      'unitHead',
    );
    expect(excused.steps.at(-1)?.data).toMatchObject({ itemStep: '调查取证', avException: { reason: '执法记录仪故障,已报修' } });
    const types = await caseEventTypes(ctx.db.kysely, c.id);
    expect(types.slice(-2)).toEqual(['case.gate_exception', 'case.investigate']);
    const event = await ctx.db.kysely
      .selectFrom('events')
      .selectAll()
      .where('subject_id', '=', c.id)
      .where('type', '=', 'case.gate_exception')
      .executeTakeFirstOrThrow();
    expect([event.actor_id, JSON.parse(event.data)]).toEqual([
      env.users.unitHead.id,
      { gate: 'av_recording_required', itemStep: '调查取证', reason: '执法记录仪故障,已报修' },
    ]);
    expect(event.ledger_index).not.toBeNull();

    // An audio recording is enough, and then no exception is recorded.
    const withAudio = await api.actOk(c.id, 'investigate', investigate({ evidenceIds: [await makeEvidence(env, 'audio', c.id)] }));
    expect(withAudio.steps.at(-1)?.data).not.toHaveProperty('avException');
    expect((await caseEventTypes(ctx.db.kysely, c.id)).filter((t) => t === 'case.gate_exception')).toHaveLength(1);
  });

  it('does not let the requester rename the step to slip past the AV list', async () => {
    // itemStep must be a step of the case's item: a made-up name (here 「询问」) cannot skip the
    // mandatory recording of 调查取证.
    const c = await caseAt(env, 'investigating');
    const before = await state(c.id);
    const res = await api.act(c.id, 'investigate', investigate({ itemStep: '询问' }));
    expect(res.statusCode).toBe(400);
    expect(await state(c.id)).toEqual(before);
  });

  it('does not let one recording pass the AV gate of several cases', async () => {
    // Evidence counts only for the case it was filed under: neither an unfiled video nor another
    // case's video satisfies 全程音像记录.
    const first = await caseAt(env, 'investigating');
    const second = await caseAt(env, 'investigating');
    const unfiled = await makeEvidence(env, 'video');
    const before1 = await state(first.id);
    await expectRefused(
      env,
      await api.act(first.id, 'investigate', investigate({ evidenceIds: [unfiled] })),
      400,
      'evidence_not_of_case',
      first.id,
      before1,
    );
    const video = await makeEvidence(env, 'video', first.id);
    await api.actOk(first.id, 'investigate', investigate({ evidenceIds: [video] }));
    const before = await state(second.id);
    await expectRefused(
      env,
      await api.act(second.id, 'investigate', investigate({ evidenceIds: [video] })),
      400,
      'evidence_not_of_case',
      second.id,
      before,
    );
  });

  it('refuses a step dated before the step it follows', async () => {
    // Steps are dated in order: a notice drafted on 9-11 cannot be recorded as served on 9-04, which
    // would start (and end) the statement period before the notice existed.
    const c = await caseAt(env, 'notified');
    const before = await state(c.id);
    const res = await api.act(c.id, 'serve_notice', {
      performedOn: '2026-09-04',
      note: '送达',
      service: { method: '直接送达', recipient: '张三' },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(await state(c.id)).toEqual(before);
  });

  it('needs photos or video of a 留置送达, while a 送达 filmed only as needed blocks nothing', async () => {
    const c = await caseAt(env, 'notified');
    const before = await state(c.id);
    const serve = (evidenceIds: string[]) =>
      api.act(c.id, 'serve_notice', {
        performedOn: '2026-09-14',
        note: '拒收,留置送达',
        service: { method: '留置送达', recipient: '张三' },
        evidenceIds,
      });
    await expectRefused(env, await serve([]), 400, 'retention_service_media_required', c.id, before);
    await expectRefused(
      env,
      await serve([await makeEvidence(env, 'document', c.id)]),
      400,
      'retention_service_media_required',
      c.id,
      before,
    );
    await expectRefused(env, await serve([await makeEvidence(env, 'audio', c.id)]), 400, 'retention_service_media_required', c.id, before);
    await expectRefused(
      env,
      await api.act(c.id, 'serve_notice', { performedOn: '2026-09-14', note: '', service: { method: '直接送达', recipient: '  ' } }),
      400,
      'recipient_required',
      c.id,
      before,
    );
    const photo = await makeEvidence(env, 'photo', c.id);
    const served = await serve([photo]);
    expect(served.statusCode, served.body).toBe(200);
    expect(served.json().data.notice.service).toEqual({
      method: '留置送达',
      servedOn: '2026-09-14',
      recipient: '张三',
      evidenceIds: [photo],
      documentId: expect.any(String),
      documentNumber: expect.stringMatching(/告〔2026〕\d+号$/),
    });
  });

  it('waits for the statement and hearing-request period before deciding, unless the party waived it', async () => {
    const c = await caseAt(env, 'notice_served'); // served 2026-09-14, period ends 2026-09-20 (a 调休 Sunday)
    const before = await state(c.id);
    const decide = (performedOn: string) => api.act(c.id, 'decide', { performedOn, note: '决定', penalty: NOTIFIED_PENALTY }, 'unitHead');
    const early = await expectRefused(env, await decide('2026-09-18'), 400, 'statement_period_running', c.id, before);
    expect(early.message).toContain('2026-09-20');
    await expectRefused(env, await decide('2026-09-20'), 400, 'statement_period_running', c.id, before);
    expect((await decide('2026-09-21')).statusCode).toBe(200);

    const waived = await caseAt(env, 'notified');
    await api.actOk(waived.id, 'serve_notice', {
      performedOn: '2026-09-14',
      note: '当事人当场书面放弃陈述申辩和听证',
      service: { method: '直接送达', recipient: '张三' },
      rightsWaived: true,
    });
    const decided = await api.actOk(
      waived.id,
      'decide',
      { performedOn: '2026-09-15', note: '决定', penalty: NOTIFIED_PENALTY },
      'unitHead',
    );
    expect([decided.stage, decided.data.notice?.rightsWaived]).toEqual(['decided', true]);
  });

  it('accepts a written waiver that arrives after the notice was served', async () => {
    // A written waiver may reach the agency after the notice was served: the decision records it and
    // need not wait out the period.
    const c = await caseAt(env, 'notice_served');
    const res = await api.act(
      c.id,
      'decide',
      { performedOn: '2026-09-16', note: '当事人书面放弃', penalty: NOTIFIED_PENALTY, rightsWaived: true },
      'unitHead',
    );
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses a decision heavier than the notice: a higher fine or an added kind of penalty', async () => {
    const c = await caseAt(env, 'notice_served');
    const before = await state(c.id);
    const decide = (penalty: Penalty) => api.act(c.id, 'decide', { performedOn: '2026-09-21', note: '决定', penalty }, 'unitHead');
    const higher = await expectRefused(
      env,
      await decide({ ...NOTIFIED_PENALTY, fineYuan: 801 }),
      400,
      'penalty_heavier_than_notified',
      c.id,
      before,
    );
    expect(higher.message).toContain('801');
    const added = await expectRefused(
      env,
      await decide({ ...NOTIFIED_PENALTY, types: ['警告', '罚款', '没收违法所得'] }),
      400,
      'penalty_heavier_than_notified',
      c.id,
      before,
    );
    expect(added.message).toContain('没收违法所得');
    await expectRefused(env, await decide({ ...NOTIFIED_PENALTY, types: ['罚款'], fineYuan: null }), 400, 'fine_mismatch', c.id, before);
    // The same penalty without the warning is lighter, and allowed.
    const lighter = await decide({ ...NOTIFIED_PENALTY, types: ['罚款'] });
    expect(lighter.statusCode, lighter.body).toBe(200);
  });

  it('needs a benchmark tier for the item: the fine within it, or a written departure that sends the case to 法制审核', async () => {
    const c = await caseAt(env, 'investigated');
    const before = await state(c.id);
    const notify = (penalty: Penalty, benchmark?: { code: string; tierNo: number; departureReason: string }) =>
      api.act(c.id, 'notify', { performedOn: '2026-09-11', note: '拟处罚', penalty, ...(benchmark ? { benchmark } : {}) }, 'unitHead');
    const tier = (tierNo: number, departureReason = '') => ({ code: env.benchmark.code, tierNo, departureReason });

    await expectRefused(env, await notify(NOTIFIED_PENALTY), 400, 'benchmark_required', c.id, before);
    await expectRefused(
      env,
      await notify(NOTIFIED_PENALTY, { ...tier(2), code: 'NO-SUCH-BENCHMARK' }),
      400,
      'benchmark_not_found',
      c.id,
      before,
    );
    await expectRefused(
      env,
      await notify(NOTIFIED_PENALTY, { ...tier(2), code: env.otherBenchmark.code }),
      400,
      'benchmark_item_mismatch',
      c.id,
      before,
    );
    await expectRefused(env, await notify(NOTIFIED_PENALTY, tier(9)), 400, 'tier_not_found', c.id, before);
    // 元/人: the number of workers is needed to know the range.
    await expectRefused(
      env,
      await notify({ ...NOTIFIED_PENALTY, basisQuantity: null }, tier(2)),
      400,
      'basis_quantity_required',
      c.id,
      before,
    );
    await expectRefused(
      env,
      await notify({ ...NOTIFIED_PENALTY, basisQuantity: 0 }, tier(2)),
      400,
      'basis_quantity_required',
      c.id,
      before,
    );
    const outside = await expectRefused(
      env,
      await notify({ ...NOTIFIED_PENALTY, fineYuan: 1500 }, tier(2)),
      400,
      'departure_reason_required',
      c.id,
      before,
    );
    expect(outside.message).toContain('500–1000 元');
    await expectRefused(
      env,
      await notify({ ...NOTIFIED_PENALTY, fineYuan: 499 }, tier(2, '   ')),
      400,
      'departure_reason_required',
      c.id,
      before,
    );
    await expectRefused(env, await notify(NOTIFIED_PENALTY, tier(1)), 400, 'departure_reason_required', c.id, before);
    await expectRefused(
      env,
      await notify({ ...NOTIFIED_PENALTY, fineYuan: 1999 }, tier(3)),
      400,
      'departure_reason_required',
      c.id,
      before,
    );
    await expectRefused(env, await notify({ ...NOTIFIED_PENALTY, types: [] }, tier(2)), 400, 'invalid_input', c.id, before);
    await expectRefused(env, await notify({ ...NOTIFIED_PENALTY, types: ['警告'] }, tier(2)), 400, 'fine_mismatch', c.id, before);

    const departed = await api.actOk(
      c.id,
      'notify',
      {
        performedOn: '2026-09-11',
        note: '拟处罚',
        penalty: { ...NOTIFIED_PENALTY, fineYuan: 1500 },
        benchmark: tier(2, '拒不改正,情节严重'),
      },
      'unitHead',
    );
    expect(departed.reviewRequired).toBe(true);
    expect(departed.data.notice?.benchmark).toMatchObject({
      tierNo: 2,
      rangeYuan: [500, 1000],
      withinTier: false,
      departureReason: '拒不改正,情节严重',
    });
    expect(departed.data.review).toEqual({
      required: true,
      reasons: [`偏离裁量基准 ${env.benchmark.code} 第 2 阶次:拒不改正,情节严重`],
      rules: [],
      manual: false,
    });
    const listed = await api.call('GET', `/api/cases?q=${departed.caseNo}`, 'officer');
    expect(listed.json<{ items: CaseSummary[] }>().items.map((i) => i.reviewRequired)).toEqual([true]);

    // A fine within a 元 tier needs no reason and no review; the tier's range is recorded.
    const within = await caseAt(env, 'investigated');
    const ok = await api.actOk(
      within.id,
      'notify',
      {
        performedOn: '2026-09-11',
        note: '拟处罚',
        penalty: { ...NOTIFIED_PENALTY, fineYuan: 5000, basisQuantity: null },
        benchmark: tier(3),
      },
      'unitHead',
    );
    expect([ok.reviewRequired, ok.data.notice?.benchmark.rangeYuan, ok.data.notice?.benchmark.withinTier]).toEqual([
      false,
      [2000, 5000],
      true,
    ]);
  });

  it('holds a hearing only within the request period, with 7 days’ notice and a presider who did not investigate', async () => {
    const late = await caseAt(env, 'notice_served'); // period ends 2026-09-20
    let before = await state(late.id);
    const refusedLate = await expectRefused(
      env,
      await api.act(late.id, 'request_hearing', { performedOn: '2026-09-21', note: '申请听证' }),
      400,
      'hearing_request_late',
      late.id,
      before,
    );
    expect(refusedLate.message).toContain('2026-09-20');
    expect((await api.act(late.id, 'request_hearing', { performedOn: '2026-09-20', note: '最后一日申请' })).statusCode).toBe(200);

    // 王建国 (c) is assigned to this case though he never investigated: he may not preside either.
    const c = await caseAt(env, 'notice_served', {
      officers: [
        { officerId: env.officers.a.id, role: 'lead' },
        { officerId: env.officers.b.id, role: 'assist' },
        { officerId: env.officers.c.id, role: 'assist' },
      ],
    });
    await api.actOk(c.id, 'request_hearing', { performedOn: '2026-09-16', note: '申请听证' });
    before = await state(c.id);
    const hold = (extra: Record<string, unknown>) =>
      api.act(c.id, 'hold_hearing', {
        performedOn: '2026-09-29',
        note: '听证笔录',
        hearingNoticeOn: '2026-09-16',
        presiderOfficerId: env.officers.d.id,
        ...extra,
      });
    for (const presider of [env.officers.a.id, env.officers.b.id, env.officers.c.id]) {
      await expectRefused(env, await hold({ presiderOfficerId: presider }), 400, 'presider_is_investigator', c.id, before);
    }
    const tooLate = await expectRefused(env, await hold({ hearingNoticeOn: '2026-09-23' }), 400, 'hearing_notice_too_late', c.id, before);
    expect(tooLate.message).toMatch(/七日前/);
    await expectRefused(env, await hold({ hearingNoticeOn: undefined }), 400, 'hearing_notice_required', c.id, before);
    await expectRefused(env, await hold({ presiderOfficerId: undefined }), 400, 'presider_required', c.id, before);
    await expectRefused(env, await hold({ note: ' ' }), 400, 'record_required', c.id, before);
    const held = await hold({});
    expect(held.statusCode, held.body).toBe(200);
  });

  it('needs the hearing presider to be a known officer', async () => {
    // The presider must be a registered officer, not just any id that is not an investigator.
    const c = await caseAt(env, 'notice_served');
    await api.actOk(c.id, 'request_hearing', { performedOn: '2026-09-16', note: '申请听证' });
    const before = await state(c.id);
    await expectRefused(
      env,
      await api.act(c.id, 'hold_hearing', {
        performedOn: '2026-09-29',
        note: '听证笔录',
        hearingNoticeOn: '2026-09-16',
        presiderOfficerId: 'nobody',
      }),
      400,
      'officer_not_found',
      c.id,
      before,
    );
  });

  it('counts the 7 days of hearing notice as working days (行政处罚法 §85)', async () => {
    // §85: 「本法中"二日""三日""五日""七日"的规定是指工作日,不含法定节假日」. Notice on 9-16, hearing
    // on 9-23 is 7 calendar days but only 6 working days (9-17, 9-18, 9-20, 9-21, 9-22, 9-23).
    const c = await caseAt(env, 'notice_served');
    await api.actOk(c.id, 'request_hearing', { performedOn: '2026-09-16', note: '申请听证' });
    const before = await state(c.id);
    await expectRefused(
      env,
      await api.act(c.id, 'hold_hearing', {
        performedOn: '2026-09-23',
        note: '听证笔录',
        hearingNoticeOn: '2026-09-16',
        presiderOfficerId: env.officers.c.id,
      }),
      400,
      'hearing_notice_too_late',
      c.id,
      before,
    );
  });

  it('refuses to close a case whose fine is not paid in full', async () => {
    const c = await caseAt(env, 'decision_served'); // fine 800 yuan
    let before = await state(c.id);
    const close = () => api.act(c.id, 'close', { performedOn: '2026-10-23', note: '结案' }, 'unitHead');
    await expectRefused(env, await close(), 409, 'fine_unpaid', c.id, before);
    expect((await api.pay(c.id, `R-${c.id}-1`, 799.99, '2026-10-20')).json().stage).toBe('decision_served');
    before = await state(c.id);
    await expectRefused(env, await close(), 409, 'fine_unpaid', c.id, before);
    expect((await api.pay(c.id, `R-${c.id}-2`, 0.01, '2026-10-21')).json().stage).toBe('executed');
    expect((await close()).json().stage).toBe('closed');
  });

  it('limits 当场处罚 (简易程序) to a warning or 200 yuan for a person, 3000 yuan for an organisation', async () => {
    const spot = async (party: Record<string, unknown>) => api.register({ procedure: 'simple', source: '日常巡查', parties: [party] });
    const onTheSpot = async (caseId: string, penalty: Penalty, tierNo: number, extra: Record<string, unknown> = {}) =>
      api.act(caseId, 'on_the_spot', {
        performedOn: '2026-09-02',
        note: '当场处罚',
        penalty,
        benchmark: { code: env.benchmark.code, tierNo, departureReason: '' },
        officerIds: [env.officers.a.id, env.officers.b.id],
        evidenceIds: [await makeEvidence(env, 'video', caseId)],
        ...extra,
      });
    const fine = (fineYuan: number, basisQuantity: number | null = null, types = ['罚款']): Penalty => ({
      types,
      fineYuan,
      basisQuantity,
      description: '',
    });

    const p = await spot(person());
    expect(p.data.deadlines).toEqual([]);
    let before = await state(p.id);
    const overPerson = await expectRefused(env, await onTheSpot(p.id, fine(201, 2), 2), 400, 'on_the_spot_limit', p.id, before);
    expect(overPerson.message).toMatch(/200 元/);
    await expectRefused(env, await onTheSpot(p.id, fine(200, 1, ['罚款', '没收违法所得']), 2), 400, 'on_the_spot_limit', p.id, before);
    await expectRefused(
      env,
      await onTheSpot(p.id, fine(200, 1), 2, { officerIds: [env.officers.a.id] }),
      400,
      'officers_required',
      p.id,
      before,
    );
    await expectRefused(
      env,
      await onTheSpot(p.id, fine(200, 1), 2, { officerIds: [env.officers.a.id, env.officers.expired.id] }),
      400,
      'certificate_invalid',
      p.id,
      before,
    );
    await expectRefused(env, await onTheSpot(p.id, fine(200, 1), 2, { benchmark: undefined }), 400, 'benchmark_required', p.id, before);
    const decided = (await onTheSpot(p.id, fine(200, 1), 2)).json();
    expect([decided.stage, decided.nextActions.map((a: { action: string }) => a.action)]).toEqual([
      'decided',
      ['serve_decision', 'revoke_decision'],
    ]);
    expect(decided.data.decision.penalty).toEqual(fine(200, 1));

    const o = await spot(company());
    before = await state(o.id);
    await expectRefused(env, await onTheSpot(o.id, fine(3001), 3), 400, 'on_the_spot_limit', o.id, before);
    expect((await onTheSpot(o.id, fine(3000), 3)).statusCode).toBe(200);

    // A general case never takes the simple procedure.
    const general = await caseAt(env, 'registered');
    before = await state(general.id);
    await expectRefused(env, await onTheSpot(general.id, fine(100, 1), 2), 409, 'action_not_allowed', general.id, before);
  });

  it('needs the recording the AV list requires for 当场处罚 too', async () => {
    // The item's AV rule marks 当场处罚 全程音像记录, and on_the_spot performs that step: the AV gate applies.
    const c = await api.register({ procedure: 'simple', source: '日常巡查', parties: [person()] });
    const before = await state(c.id);
    await expectRefused(
      env,
      await api.act(c.id, 'on_the_spot', {
        performedOn: '2026-09-02',
        note: '当场处罚',
        penalty: { types: ['警告'], fineYuan: null, basisQuantity: null, description: '警告' },
        benchmark: { code: env.benchmark.code, tierNo: 1, departureReason: '' },
        officerIds: [env.officers.a.id, env.officers.b.id],
      }),
      400,
      'av_recording_required',
      c.id,
      before,
    );
  });
});
