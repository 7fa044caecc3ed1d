import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { plusDays, shanghaiToday } from '../../platform/calendar/index.js';
import { itemData, uniqueCode } from '../catalog/testing.js';
import {
  type CasesApi,
  type CasesEnv,
  caseAt,
  caseEventTypes,
  caseState,
  casesApi,
  company,
  driveTo,
  expectRefused,
  issueCaseDocument,
  makeEvidence,
  NOTIFIED_PENALTY,
  person,
  registerBody,
  snapshotCaseCounts,
  startCasesEnv,
} from './testing.js';
import type { CaseSummary, CaseView } from './views.js';

describeEachDialect('cases: 案源登记, the procedure and who may act', (ctx) => {
  let env: CasesEnv;
  let api: CasesApi;
  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = casesApi(env);
  });
  afterAll(() => env?.app.close());

  const today = shanghaiToday();

  it('registers a complaint with its parties, officers and the current item version; acceptance is due 5 working days later', async () => {
    const res = await api.call(
      'POST',
      '/api/cases',
      'officer',
      registerBody(env, {
        receivedOn: '2026-09-30',
        parties: [company({ idNo: '9144030071526726xg', name: ' 某某劳务派遣有限公司 ' }), person()],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<CaseView>();
    expect(c).toMatchObject({
      procedure: 'general',
      source: '投诉',
      stage: 'registered',
      stageLabel: '案源登记',
      itemCode: env.item.code,
      itemVersionId: env.item.versionId,
      receivedOn: '2026-09-30',
      filedOn: null,
      closedOn: null,
      reviewRequired: false,
      steps: [],
      payments: [],
    });
    // 10-01…10-07 are 国庆节; the Saturday 10-10 is a 调休 working day: 10-08, 10-09, 10-10, 10-12, 10-13.
    expect(c.data.deadlines).toEqual([
      { kind: 'acceptance', label: '受理期限', due: '2026-10-13', closedOn: null, from: '2026-09-30', days: 5, unit: 'working' },
    ]);
    expect(c.nextDeadline).toBe('2026-10-13');
    expect(c.data.itemName).toBe('对用人单位拖欠工资的行政处罚');
    // The USCC is kept upper-case and names are trimmed.
    expect(c.parties.map((p) => [p.kind, p.name, p.idNo]).sort()).toEqual([
      ['natural', '李四', '11010519491231002X'],
      ['organization', '某某劳务派遣有限公司', '9144030071526726XG'],
    ]);
    expect(c.officers.map((o) => [o.name, o.role])).toEqual([
      [env.officers.a.name, 'lead'],
      [env.officers.b.name, 'assist'],
    ]);
    expect(c.nextActions.map((a) => a.action)).toEqual(expect.arrayContaining(['accept', 'not_accept']));
    expect(c.caseNo).toMatch(new RegExp(`^${today.slice(0, 4)}-\\d{4}$`));

    const event = await ctx.db.kysely
      .selectFrom('events')
      .selectAll()
      .where('subject_id', '=', c.id)
      .where('type', '=', 'case.registered')
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(env.users.officer.id);
    expect(event.ledger_index).not.toBeNull();
    expect(JSON.parse(event.data)).toMatchObject({
      itemCode: env.item.code,
      itemVersionId: env.item.versionId,
      parties: 2,
      source: '投诉',
    });

    // Cases found by inspection (双随机) have no acceptance clock.
    const spot = await api.register({ source: '双随机', receivedOn: '2026-09-30' });
    expect([spot.data.deadlines, spot.nextDeadline]).toEqual([[], null]);
  });

  it('refuses a registration with a wrong identifier, a missing representative, an unknown or unpublished item, and changes nothing', async () => {
    const draft = await api.call('POST', '/api/catalog/items', 'reviewer', { code: uniqueCode(), data: itemData(env.inspectionId) });
    expect(draft.statusCode).toBe(201);
    const draftCode = draft.json<{ code: string }>().code;
    const before = await snapshotCaseCounts(ctx.db.kysely);
    const cases: [string, Record<string, unknown>, number, string, RegExp | null][] = [
      ['bad ID check character', { parties: [person({ idNo: '110105194912310021' })] }, 400, 'party_id_invalid', /李四/],
      ['ID with 2月31日', { parties: [person({ idNo: '110105194902310025' })] }, 400, 'party_id_invalid', null],
      ['a person with a USCC', { parties: [person({ idNo: '914403001922038216' })] }, 400, 'party_id_invalid', null],
      ['bad USCC check character', { parties: [company({ idNo: '914403001922038217' })] }, 400, 'party_uscc_invalid', /某某建筑/],
      ['USCC with the letter O', { parties: [company({ idNo: '9144030O1922038216' })] }, 400, 'party_uscc_invalid', null],
      [
        'second party wrong',
        { parties: [company(), company({ name: '乙公司', idNo: '91330100716105852E' })] },
        400,
        'party_uscc_invalid',
        /第 2 个当事人/,
      ],
      [
        'organisation without representative',
        { parties: [company({ legalRepresentative: '  ' })] },
        400,
        'legal_representative_required',
        null,
      ],
      ['unknown item', { itemCode: 'NO-SUCH-ITEM' }, 400, 'item_not_found', /NO-SUCH-ITEM/],
      ['item with only a draft', { itemCode: draftCode }, 400, 'item_not_found', null],
      ['a benchmark code is not an item', { itemCode: env.benchmark.code }, 400, 'item_not_found', null],
      ['received tomorrow', { receivedOn: plusDays(today, 1) }, 400, 'received_in_future', null],
      ['unknown officer', { officers: [{ officerId: 'no-such-officer', role: 'lead' }] }, 400, 'officer_not_found', null],
      ['no party', { parties: [] }, 400, 'invalid_input', null],
      ['another unit', { unitId: env.otherUnitId }, 403, 'forbidden', null],
    ];
    for (const [what, overrides, status, code, message] of cases) {
      const res = await api.call('POST', '/api/cases', 'officer', registerBody(env, overrides));
      expect([res.statusCode, res.json().code], `${what}: ${res.body}`).toEqual([status, code]);
      if (message) expect(res.json().message, what).toMatch(message);
    }
    // Leaders approve; they do not register cases.
    const byLeader = await api.call('POST', '/api/cases', 'leader', registerBody(env));
    expect([byLeader.statusCode, byLeader.json().code]).toEqual([403, 'forbidden']);
    expect(await snapshotCaseCounts(ctx.db.kysely)).toEqual(before);
  });

  it('numbers cases consecutively within the year, a refused registration using no number', async () => {
    const first = await api.register();
    const refused = await api.call(
      'POST',
      '/api/cases',
      'officer',
      registerBody(env, { parties: [person({ idNo: '110105194912310021' })] }),
    );
    expect(refused.statusCode).toBe(400);
    const second = await api.register({}, 'unitHead');
    const third = await api.register();
    const year = today.slice(0, 4);
    const numbers = [first, second, third].map((c) => {
      expect(c.caseNo.slice(0, 5)).toBe(`${year}-`);
      return Number(c.caseNo.slice(5));
    });
    expect(numbers).toEqual([numbers[0], (numbers[0] ?? 0) + 1, (numbers[0] ?? 0) + 2]);
  });

  it('keeps pointing at the item version in force at registration after a new version is published', async () => {
    const created = await api.call('POST', '/api/catalog/items', 'reviewer', { code: uniqueCode(), data: itemData(env.inspectionId) });
    const entry = created.json<{ id: string; code: string; versions: { id: string }[] }>();
    const v1 = entry.versions[0]?.id ?? '';
    expect((await api.call('POST', `/api/catalog/items/${entry.id}/versions/${v1}/publish`, 'reviewer')).statusCode).toBe(200);
    const old = await api.register({ itemCode: entry.code });
    expect([old.itemVersionId, old.data.itemVersionNo]).toEqual([v1, 1]);

    const v2res = await api.call('POST', `/api/catalog/items/${entry.id}/versions`, 'reviewer', {
      data: itemData(env.inspectionId, { name: '对用人单位拖欠工资的行政处罚(2026 年修订)' }),
    });
    expect(v2res.statusCode, v2res.body).toBe(201);
    const v2 = v2res.json<{ id: string }>().id;
    expect((await api.call('POST', `/api/catalog/items/${entry.id}/versions/${v2}/publish`, 'reviewer')).statusCode).toBe(200);
    const fresh = await api.register({ itemCode: entry.code });
    expect([fresh.itemVersionId, fresh.data.itemVersionNo, fresh.data.itemName]).toEqual([
      v2,
      2,
      '对用人单位拖欠工资的行政处罚(2026 年修订)',
    ]);
    const again = (await api.get(old.id)).json<CaseView>();
    expect([again.itemVersionId, again.data.itemName]).toEqual([v1, '对用人单位违反工时规定的行政处罚']);
  });

  it('runs 一般程序 through every stage to 已结案 with a hearing and payment, recording each step and event', async () => {
    const c = await api.register({ receivedOn: '2026-09-01', parties: [company()] });
    expect(c.nextDeadline).toBe('2026-09-08');
    const actions = (v: CaseView) => v.nextActions.map((a) => a.action);

    let v = await api.actOk(c.id, 'accept', { performedOn: '2026-09-02', note: '符合受理条件' });
    expect([v.stage, v.stageLabel, v.nextDeadline, actions(v)]).toEqual(['accepted', '已受理', null, ['file']]);
    expect(v.data.deadlines).toEqual([
      { kind: 'acceptance', label: '受理期限', due: '2026-09-08', closedOn: '2026-09-02', from: '2026-09-01', days: 5, unit: 'working' },
    ]);

    v = await api.actOk(c.id, 'file', { performedOn: '2026-09-03', note: '同意立案' }, 'unitHead');
    expect([v.stage, v.filedOn]).toEqual(['investigating', '2026-09-03']);
    expect(actions(v)).toEqual(['investigate', 'preserve_evidence', 'extend_investigation', 'cancel', 'end_investigation']);
    expect(v.nextActions.find((a) => a.action === 'extend_investigation')).toEqual({
      action: 'extend_investigation',
      label: '延长调查期限',
      approval: true,
    });
    // 60 working days (国庆 and 中秋 skipped, 9-20 and 10-10 worked) and 90 calendar days.
    expect(v.data.deadlines.filter((d) => d.closedOn === null).map((d) => [d.kind, d.due])).toEqual([
      ['investigation', '2026-12-02'],
      ['decision', '2026-12-02'],
    ]);

    const video = await makeEvidence(env, 'video', c.id);
    v = await api.actOk(c.id, 'investigate', {
      performedOn: '2026-09-08',
      note: '现场检查,询问财务负责人',
      officerIds: [env.officers.a.id, env.officers.b.id],
      evidenceIds: [video],
    });
    expect(v.stage).toBe('investigating');
    expect(v.steps.at(-1)?.data).toEqual({
      note: '现场检查,询问财务负责人',
      officerIds: [env.officers.a.id, env.officers.b.id],
      itemStep: '调查取证',
      evidenceIds: [video],
    });

    v = await api.actOk(c.id, 'end_investigation', { performedOn: '2026-09-10', note: '事实清楚' });
    expect([v.stage, actions(v)]).toEqual(['investigated', ['cancel', 'notify']]);

    v = await api.actOk(
      c.id,
      'notify',
      {
        performedOn: '2026-09-11',
        note: '拟处罚',
        penalty: NOTIFIED_PENALTY,
        benchmark: { code: env.benchmark.code, tierNo: 2, departureReason: '' },
        hearingOffered: true,
      },
      'unitHead',
    );
    expect([v.stage, v.data.notice?.hearingOffered]).toEqual(['notified', true]);
    expect(v.data.notice?.benchmark).toMatchObject({
      code: env.benchmark.code,
      tierNo: 2,
      tierLevel: '一般',
      rangeYuan: [500, 1000],
      withinTier: true,
    });
    expect(v.reviewRequired).toBe(false);

    const priorNotice = await issueCaseDocument(env, c.id, 'penalty_prior_notice');
    v = await api.actOk(c.id, 'serve_notice', {
      performedOn: '2026-09-14',
      note: '直接送达',
      service: { method: '直接送达', recipient: '张三' },
    });
    expect([v.stage, actions(v)]).toEqual(['notice_served', ['statement', 'request_hearing', 'decide']]);
    // The service names the document served, by its 文号.
    expect(v.data.notice?.service).toMatchObject({ documentId: priorNotice.id, documentNumber: priorNotice.number });
    expect(priorNotice.number).toMatch(/告〔2026〕\d+号$/);
    // Five working days: 9-15…9-18 and the 调休 Sunday 9-20.
    expect(v.data.deadlines.find((d) => d.kind === 'hearingRequest')?.due).toBe('2026-09-20');
    // The party's period is not the agency's due date: the case's next deadline stays the decision's.
    expect(v.nextDeadline).toBe('2026-12-02');

    v = await api.actOk(c.id, 'request_hearing', { performedOn: '2026-09-16', note: '当事人书面申请听证' });
    expect([v.stage, actions(v)]).toEqual(['hearing_requested', ['statement', 'hold_hearing']]);
    v = await api.actOk(c.id, 'hold_hearing', {
      performedOn: '2026-09-29',
      note: '听证笔录',
      hearingNoticeOn: '2026-09-16',
      presiderOfficerId: env.officers.c.id,
    });
    expect([v.stage, v.data.hearing]).toEqual([
      'heard',
      { requestedOn: '2026-09-16', noticeOn: '2026-09-16', heldOn: '2026-09-29', presiderOfficerId: env.officers.c.id },
    ]);

    // After the hearing the leader decides a lighter fine than notified.
    const decided = { ...NOTIFIED_PENALTY, fineYuan: 600 };
    v = await api.actOk(c.id, 'decide', { performedOn: '2026-09-30', note: '经集体讨论', penalty: decided, collective: true }, 'leader');
    expect(v.stage).toBe('decided');
    expect(v.data.decision).toMatchObject({ penalty: decided, decidedOn: '2026-09-30', collective: true, service: null });
    expect(v.data.decision?.benchmark).toMatchObject({ code: env.benchmark.code, tierNo: 2, withinTier: true });
    expect(v.data.deadlines.find((d) => d.kind === 'decisionService')).toEqual({
      kind: 'decisionService',
      label: '决定书送达期限',
      due: '2026-10-15',
      closedOn: null,
      from: '2026-09-30',
      days: 7,
      unit: 'working',
    });

    await issueCaseDocument(env, c.id, 'penalty_decision');
    v = await api.actOk(c.id, 'serve_decision', {
      performedOn: '2026-10-09',
      note: '直接送达',
      service: { method: '直接送达', recipient: '张三' },
    });
    // Enforcement is offered only after a 催告.
    expect([v.stage, actions(v)]).toEqual(['decision_served', ['defer_payment', 'urge', 'close', 'revoke_decision']]);
    // 15 days from 10-09 end on Saturday 10-24; the deadline moves to Monday 10-26.
    expect(v.nextDeadline).toBe('2026-10-26');

    const partial = await api.pay(c.id, `R-${uniqueCode()}`, 250.5, '2026-10-20');
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json<CaseView>().stage).toBe('decision_served');
    const full = await api.pay(c.id, `R-${uniqueCode()}`, 349.5, '2026-10-22');
    v = full.json<CaseView>();
    expect([v.stage, v.payments.map((p) => [p.amountYuan, p.paidOn])]).toEqual([
      'executed',
      [
        [250.5, '2026-10-20'],
        [349.5, '2026-10-22'],
      ],
    ]);
    expect(actions(v)).toEqual(['close', 'revoke_decision']);

    v = await api.actOk(c.id, 'close', { performedOn: '2026-10-23', note: '结案报告' }, 'unitHead');
    expect([v.stage, v.stageLabel, v.closedOn, v.nextDeadline]).toEqual(['closed', '已结案', '2026-10-23', null]);
    // A closed case's decision can still be revoked by 复议 or a court: the only action left.
    expect(actions(v)).toEqual(['revoke_decision']);
    expect(v.data.deadlines.every((d) => d.closedOn !== null)).toBe(true);

    expect(v.steps.map((s) => [s.seq, s.action, s.actionLabel, s.stageAfter, s.performedOn])).toEqual([
      [1, 'accept', '受理', 'accepted', '2026-09-02'],
      [2, 'file', '立案审批', 'investigating', '2026-09-03'],
      [3, 'investigate', '调查取证', 'investigating', '2026-09-08'],
      [4, 'end_investigation', '调查终结', 'investigated', '2026-09-10'],
      [5, 'notify', '拟定事先告知', 'notified', '2026-09-11'],
      [6, 'serve_notice', '送达事先告知书', 'notice_served', '2026-09-14'],
      [7, 'request_hearing', '当事人申请听证', 'hearing_requested', '2026-09-16'],
      [8, 'hold_hearing', '举行听证', 'heard', '2026-09-29'],
      [9, 'decide', '作出决定', 'decided', '2026-09-30'],
      [10, 'serve_decision', '送达决定书', 'decision_served', '2026-10-09'],
      [11, 'close', '结案审批', 'closed', '2026-10-23'],
    ]);
    const { officer, unitHead, leader } = env.users;
    expect(v.steps.map((s) => s.createdBy)).toEqual(
      [officer, unitHead, officer, officer, unitHead, officer, officer, officer, leader, officer, unitHead].map((u) => u.id),
    );

    expect(await caseEventTypes(ctx.db.kysely, c.id)).toEqual([
      'case.registered',
      'case.accept',
      'case.file',
      'case.investigate',
      'case.end_investigation',
      'case.notify',
      'case.document_issued',
      'case.serve_notice',
      'case.request_hearing',
      'case.hold_hearing',
      'case.decide',
      'case.document_issued',
      'case.serve_decision',
      'case.payment_recorded',
      'case.payment_recorded',
      'case.close',
    ]);
    const events = await ctx.db.kysely.selectFrom('events').selectAll().where('subject_id', '=', c.id).orderBy('seq').execute();
    const indexes = events.map((e) => e.ledger_index);
    expect(indexes.every((i) => i !== null)).toBe(true);
    expect(new Set(indexes).size).toBe(events.length);
    const decideEvent = events.find((e) => e.type === 'case.decide');
    expect(decideEvent?.actor_id).toBe(env.users.leader.id);
    expect(JSON.parse(decideEvent?.data ?? '{}')).toMatchObject({
      seq: 9,
      stageBefore: 'heard',
      stageAfter: 'decided',
      performedOn: '2026-09-30',
    });
    // What statistics read without parsing JSON: the decision day on the case; on each step the AV check and
    // the case's unit and 执法事项.
    const k = ctx.db.kysely;
    const row = await k.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.decided_on).toBe('2026-09-30');
    const stepRows = await k.selectFrom('case_steps').selectAll().where('case_id', '=', c.id).execute();
    expect(stepRows.find((s) => s.action === 'investigate')?.av_check).toBe('recorded');
    for (const s of stepRows) {
      expect([s.unit_id, s.unit_path, s.item_code]).toEqual([row.unit_id, row.unit_path, row.item_code]);
      expect(s.av_check === null).toBe(!('itemStep' in (JSON.parse(s.data) as object)));
    }
    const lastPayment = events.filter((e) => e.type === 'case.payment_recorded').at(-1);
    expect(JSON.parse(lastPayment?.data ?? '{}')).toMatchObject({
      amountFen: 34950,
      paidFen: 60000,
      fineFen: 60000,
      owedFen: 60000,
      settled: true,
    });
  });

  it('lists cases in scope, filtered by text, stage, officer and deadlines due soon (overdue included)', async () => {
    const tag = uniqueCode();
    const fresh = await api.register({ title: `${tag} 新收投诉`, receivedOn: today }); // acceptance due in 5 working days
    const noClock = await api.register({
      title: `${tag} 双随机检查`,
      source: '双随机',
      officers: [{ officerId: env.officers.c.id, role: 'lead' }],
      parties: [company({ name: 'Ningxia ABC Trading 有限公司' })],
    });
    const overdue = await api.register({ title: `${tag} 逾期未受理`, receivedOn: '2026-09-01' }); // due 2026-09-08
    const list = async (query: string, who: 'officer' | 'leader' | 'otherOfficer' | 'reviewer' = 'officer') => {
      const res = await api.call('GET', `/api/cases?q=${encodeURIComponent(tag)}${query}`, who);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<{ items: CaseSummary[]; total: number }>();
      expect(page.total).toBe(page.items.length);
      return page.items.map((i) => i.id).sort();
    };
    const sorted = (...ids: string[]) => [...ids].sort();
    expect(await list('')).toEqual(sorted(fresh.id, noClock.id, overdue.id));
    expect(await list('', 'leader')).toEqual(sorted(fresh.id, noClock.id, overdue.id));
    expect(await list('', 'reviewer')).toEqual(sorted(fresh.id, noClock.id, overdue.id));
    expect(await list('', 'otherOfficer')).toEqual([]);
    expect(await list(`&officerId=${env.officers.c.id}`)).toEqual([noClock.id]);
    expect(await list(`&officerId=${env.officers.a.id}`)).toEqual(sorted(fresh.id, overdue.id));
    expect(await list('&dueWithinDays=0')).toEqual([overdue.id]);
    expect(await list('&dueWithinDays=30')).toEqual(sorted(fresh.id, overdue.id));
    // By unit: the leader sees the 监察 unit's cases under it, none under 工伤科; an unknown unit is a 400.
    expect(await list(`&unitId=${env.inspectionId}`, 'leader')).toEqual(sorted(fresh.id, noClock.id, overdue.id));
    expect(await list(`&unitId=${env.otherUnitId}`, 'leader')).toEqual([]);
    const unknown = await api.call('GET', '/api/cases?unitId=no-such-unit', 'leader');
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'unit_not_found']);

    await api.actOk(overdue.id, 'accept', { performedOn: '2026-09-02', note: '受理' });
    expect(await list('&stage=accepted')).toEqual([overdue.id]);
    expect(await list('&dueWithinDays=0')).toEqual([]);

    // A party's name (case-insensitive) and the case number find a case too.
    const byParty = await api.call('GET', `/api/cases?q=${encodeURIComponent('abc trading')}`, 'officer');
    expect(byParty.json<{ items: CaseSummary[] }>().items.map((i) => i.id)).toContain(noClock.id);
    const byNo = await api.call('GET', `/api/cases?q=${noClock.caseNo}`, 'officer');
    expect(byNo.json<{ items: CaseSummary[] }>().items.map((i) => i.id)).toEqual([noClock.id]);
  });

  it('lists the nearest deadline first and cases without a deadline last, on both databases', async () => {
    const tag = uniqueCode();
    const noClock = await api.register({ title: `${tag} 双随机`, source: '双随机' });
    const withClock = await api.register({ title: `${tag} 投诉`, receivedOn: '2026-09-01' });
    const res = await api.call('GET', `/api/cases?q=${encodeURIComponent(tag)}`, 'officer');
    expect(res.json<{ items: CaseSummary[] }>().items.map((i) => i.id)).toEqual([withClock.id, noClock.id]);
  });

  it('hides a case of another unit (404) and refuses approvals to officers (403), actions out of stage (409) and bad dates', async () => {
    const c = await caseAt(env, 'accepted');
    let before = await caseState(ctx.db.kysely, c.id);

    for (const who of ['otherOfficer', 'otherUnitHead'] as const) {
      const read = await api.get(c.id, who);
      expect([read.statusCode, read.json().code]).toEqual([404, 'case_not_found']);
      await expectRefused(env, await api.act(c.id, 'file', { performedOn: '2026-09-03' }, who), 404, 'case_not_found', c.id, before);
    }
    const list = await api.call('GET', `/api/cases?q=${c.caseNo}`, 'otherOfficer');
    expect(list.json().total).toBe(0);
    expect((await api.get('no-such-case')).statusCode).toBe(404);

    // Filing is an approval: not an officer's, nor a legal reviewer's (who may read).
    const refused = await expectRefused(
      env,
      await api.act(c.id, 'file', { performedOn: '2026-09-03', note: '立案' }),
      403,
      'forbidden',
      c.id,
      before,
    );
    expect(refused.message).toMatch(/立案审批/);
    expect((await api.get(c.id, 'reviewer')).statusCode).toBe(200);
    await expectRefused(env, await api.act(c.id, 'file', { performedOn: '2026-09-03' }, 'reviewer'), 403, 'forbidden', c.id, before);
    // Leaders approve but do not handle steps themselves.
    await expectRefused(env, await api.act(c.id, 'investigate', { performedOn: '2026-09-08' }, 'leader'), 403, 'forbidden', c.id, before);

    const wrongStage = await expectRefused(
      env,
      await api.act(c.id, 'decide', { performedOn: '2026-09-03', penalty: NOTIFIED_PENALTY }, 'unitHead'),
      409,
      'action_not_allowed',
      c.id,
      before,
    );
    expect(wrongStage.message).toBe('案件当前处于「已受理」阶段,不能进行「作出决定」');
    await expectRefused(env, await api.act(c.id, 'accept', { performedOn: '2026-09-03' }), 409, 'action_not_allowed', c.id, before);
    await expectRefused(
      env,
      await api.act(c.id, 'file', { performedOn: plusDays(today, 1) }, 'unitHead'),
      400,
      'date_in_future',
      c.id,
      before,
    );
    await expectRefused(env, await api.act(c.id, 'file', { performedOn: '2026-02-30' }, 'unitHead'), 400, 'invalid_date', c.id, before);
    const bogus = await api.call('POST', `/api/cases/${c.id}/actions/approve_everything`, 'unitHead', {
      performedOn: '2026-09-03',
      note: '',
    });
    expect([bogus.statusCode, bogus.json().code]).toEqual([400, 'invalid_input']);

    await api.actOk(c.id, 'file', { performedOn: '2026-09-03', note: '同意' }, 'leader');
    before = await caseState(ctx.db.kysely, c.id);
    const early = await expectRefused(
      env,
      await api.act(c.id, 'end_investigation', { performedOn: '2026-09-02', note: '终结' }),
      400,
      'date_before_previous_step',
      c.id,
      before,
    );
    expect(early.message).toMatch(/立案审批/);
  });

  it('closes a refused case (不予受理) and a cancelled one (撤销立案) only with a reason', async () => {
    const refused = await api.register();
    let before = await caseState(ctx.db.kysely, refused.id);
    await expectRefused(
      env,
      await api.act(refused.id, 'not_accept', { performedOn: '2026-09-03', note: '  ' }, 'unitHead'),
      400,
      'reason_required',
      refused.id,
      before,
    );
    let v = await api.actOk(refused.id, 'not_accept', { performedOn: '2026-09-03', note: '不属于劳动保障监察范围' }, 'unitHead');
    expect([v.stage, v.nextActions.map((a) => a.action), v.nextDeadline]).toEqual(['not_accepted', ['close'], null]);
    v = await api.actOk(refused.id, 'close', { performedOn: '2026-09-04', note: '结案' }, 'unitHead');
    expect(v.stage).toBe('closed');

    const cancelled = await caseAt(env, 'investigating');
    before = await caseState(ctx.db.kysely, cancelled.id);
    await expectRefused(
      env,
      await api.act(cancelled.id, 'cancel', { performedOn: '2026-09-09', note: '' }, 'unitHead'),
      400,
      'reason_required',
      cancelled.id,
      before,
    );
    v = await api.actOk(cancelled.id, 'cancel', { performedOn: '2026-09-09', note: '违法事实不成立' }, 'unitHead');
    expect([v.stage, v.nextDeadline]).toEqual(['cancelled', null]);
    expect(v.data.deadlines.map((d) => [d.kind, d.closedOn])).toEqual([
      ['acceptance', '2026-09-02'],
      ['investigation', '2026-09-09'],
      ['decision', '2026-09-09'],
    ]);
    expect((await api.actOk(cancelled.id, 'close', { performedOn: '2026-09-10', note: '结案' }, 'unitHead')).stage).toBe('closed');
    const done = await caseState(ctx.db.kysely, cancelled.id);
    await expectRefused(
      env,
      await api.act(cancelled.id, 'investigate', { performedOn: '2026-09-11' }),
      409,
      'action_not_allowed',
      cancelled.id,
      done,
    );
  });

  it('offers 当场处罚 only to 简易程序 cases: a general case never lists an action it must refuse', async () => {
    // nextActions is "the actions the procedure allows next (the console offers only these)";
    // on_the_spot belongs to 简易程序 only, so a general case neither lists nor accepts it.
    const general = await api.register();
    const res = await api.act(general.id, 'on_the_spot', {
      performedOn: '2026-09-02',
      penalty: { ...NOTIFIED_PENALTY, fineYuan: 100, types: ['罚款'] },
    });
    expect(res.json().code).toBe('action_not_allowed');
    expect(general.nextActions.map((a) => a.action)).not.toContain('on_the_spot');
  });

  it('drives the standard script used by the other test files to 已送达决定', async () => {
    const c = await caseAt(env, 'decision_served');
    expect(c.steps.map((s) => s.action)).toEqual([
      'accept',
      'file',
      'investigate',
      'end_investigation',
      'notify',
      'serve_notice',
      'decide',
      'serve_decision',
    ]);
    expect(c.data.deadlines.filter((d) => d.closedOn === null)).toEqual([
      { kind: 'payment', label: '缴纳罚款期限', due: '2026-10-26', closedOn: null, from: '2026-10-09', days: 15, unit: 'calendar' },
    ]);
    expect((await driveTo(env, c.id, 'decision_served')).id).toBe(c.id);
  });
});
