import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { inHearingScope } from './case-data.js';
import {
  type CasesApi,
  type CasesEnv,
  caseAt,
  caseState,
  casesApi,
  DOCUMENT_EXTRAS,
  expectRefused,
  issueCaseDocument,
  makeEvidence,
  NOTIFIED_PENALTY,
  person,
  startCasesEnv,
} from './testing.js';
import type { CaseView } from './views.js';

// The steps around the main line: 先行登记保存 and its decision, 陈述申辩 and its 复核, the hearing
// scope, what each method of service needs, and the case's own record of who opened it.

describeEachDialect('cases: preservation, statements, service methods, records and access', (ctx) => {
  let env: CasesEnv;
  let api: CasesApi;
  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = casesApi(env);
  });
  afterAll(() => env?.app.close());

  const state = (caseId: string) => caseState(ctx.db.kysely, caseId);
  const notifyBody = (extra: Record<string, unknown> = {}) => ({
    performedOn: '2026-09-11',
    note: '拟处罚',
    penalty: NOTIFIED_PENALTY,
    benchmark: { code: env.benchmark.code, tierNo: 2, departureReason: '' },
    ...extra,
  });

  it('preserves evidence (先行登记保存) only with approval, two valid officers and a list, then decides on it within 7 working days', async () => {
    const c = await caseAt(env, 'investigating');
    const video = await makeEvidence(env, 'video', c.id);
    const before = await state(c.id);
    const preserve = (extra: Record<string, unknown>, who: 'officer' | 'unitHead' = 'unitHead') =>
      api.act(
        c.id,
        'preserve_evidence',
        {
          performedOn: '2026-09-09',
          note: '工资台账可能被转移',
          preservedItems: '2026 年 6—8 月工资台账 3 册',
          officerIds: [env.officers.a.id, env.officers.b.id],
          evidenceIds: [video],
          ...extra,
        },
        who,
      );
    await expectRefused(env, await preserve({}, 'officer'), 403, 'forbidden', c.id, before);
    // The item has no 先行登记保存 step: it is part of 调查取证, which the AV list says must be filmed.
    const unfilmed = await expectRefused(env, await preserve({ evidenceIds: [] }), 400, 'av_recording_required', c.id, before);
    expect(unfilmed.message).toContain('调查取证');
    await expectRefused(env, await preserve({ preservedItems: ' ' }), 400, 'preserved_items_required', c.id, before);
    await expectRefused(env, await preserve({ officerIds: [env.officers.a.id] }), 400, 'officers_required', c.id, before);
    await expectRefused(
      env,
      await preserve({ officerIds: [env.officers.a.id, env.officers.expired.id] }),
      400,
      'certificate_invalid',
      c.id,
      before,
    );
    expect(c.nextActions.map((a) => a.action)).not.toContain('dispose_preserved');

    let v = (await preserve({})).json<CaseView>();
    // Seven working days from Wednesday 9-09: 9-10, 11, 14, 15, 16, 17, 18.
    expect(v.data.deadlines.find((d) => d.kind === 'preservationDecision')).toMatchObject({ due: '2026-09-18', closedOn: null });
    expect(v.data.preservations).toEqual([
      { seq: 3, preservedOn: '2026-09-09', items: '2026 年 6—8 月工资台账 3 册', disposedOn: null, disposal: null },
    ]);
    expect(v.nextActions.map((a) => a.action)).toContain('dispose_preserved');

    const dispose = (note: string) => api.act(c.id, 'dispose_preserved', { performedOn: '2026-09-15', note }, 'unitHead');
    const mid = await state(c.id);
    await expectRefused(env, await dispose(''), 400, 'record_required', c.id, mid);
    v = (await dispose('复制后解除先行登记保存,原物退还当事人')).json<CaseView>();
    expect(v.data.preservations?.[0]).toMatchObject({ disposedOn: '2026-09-15', disposal: '复制后解除先行登记保存,原物退还当事人' });
    expect(v.data.deadlines.find((d) => d.kind === 'preservationDecision')?.closedOn).toBe('2026-09-15');
    expect(v.nextActions.map((a) => a.action)).not.toContain('dispose_preserved');
    const after = await state(c.id);
    await expectRefused(env, await dispose('再次处理'), 409, 'nothing_preserved', c.id, after);
  });

  it('records 陈述申辩 with its 复核, and the decision document states them', async () => {
    const c = await caseAt(env, 'notice_served');
    const before = await state(c.id);
    const statement = (review: Record<string, unknown> | undefined, note = '公司资金困难,已补发部分工资') =>
      api.act(c.id, 'statement', { performedOn: '2026-09-16', note, ...(review ? { statementReview: review } : {}) });
    await expectRefused(env, await statement({ adopted: false, opinion: '理由' }, ''), 400, 'statement_required', c.id, before);
    await expectRefused(env, await statement(undefined), 400, 'statement_review_required', c.id, before);
    const v = (await statement({ adopted: false, opinion: '资金困难不是拖欠工资的法定理由。' })).json<CaseView>();
    expect([v.stage, v.data.statements]).toEqual([
      'notice_served',
      [{ on: '2026-09-16', statement: '公司资金困难,已补发部分工资', adopted: false, opinion: '资金困难不是拖欠工资的法定理由。' }],
    ]);
    const preview = await api.call('POST', `/api/cases/${c.id}/documents/preview`, 'officer', { type: 'penalty_decision' });
    expect(preview.json<{ html: string }>().html).toContain('经复核,不予采纳:资金困难不是拖欠工资的法定理由。');
  });

  it('offers a hearing only when the notice does: the heavy penalties always, a fine when the officer marks it 较大数额', async () => {
    expect(inHearingScope({ ...NOTIFIED_PENALTY, types: ['责令停产停业'] })).toBe(true);
    expect(inHearingScope(NOTIFIED_PENALTY)).toBe(false);
    const c = await caseAt(env, 'investigated');
    const notified = await api.actOk(c.id, 'notify', notifyBody(), 'unitHead');
    expect(notified.data.notice?.hearingOffered).toBe(false);
    await issueCaseDocument(env, c.id, 'penalty_prior_notice');
    await api.actOk(c.id, 'serve_notice', { performedOn: '2026-09-14', note: '送达', service: { method: '直接送达', recipient: '张三' } });
    const before = await state(c.id);
    await expectRefused(
      env,
      await api.act(c.id, 'request_hearing', { performedOn: '2026-09-15', note: '申请听证' }),
      409,
      'hearing_not_applicable',
      c.id,
      before,
    );
  });

  it('serves only an issued document of the step, and checks what each method needs', async () => {
    const c = await caseAt(env, 'investigated');
    await api.actOk(c.id, 'notify', notifyBody({ hearingOffered: true }), 'unitHead');
    let before = await state(c.id);
    const serve = (service: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      api.act(c.id, 'serve_notice', { performedOn: '2026-09-14', note: '', service: { recipient: '张三', ...service }, ...extra });
    await expectRefused(env, await serve({ method: '直接送达' }), 400, 'document_not_issued', c.id, before);

    const elsewhere = await caseAt(env, 'registered');
    const filing = await issueCaseDocument(env, c.id, 'filing_approval');
    const notice = await issueCaseDocument(env, c.id, 'penalty_prior_notice');
    before = await state(c.id);
    await expectRefused(env, await serve({ method: '直接送达', documentId: filing.id }), 400, 'served_document_invalid', c.id, before);
    await expectRefused(env, await serve({ method: '电子送达' }), 400, 'service_consent_required', c.id, before);
    await expectRefused(
      env,
      await serve({ method: '电子送达', consentEvidenceId: await makeEvidence(env, 'document', elsewhere.id) }),
      400,
      'evidence_not_of_case',
      c.id,
      before,
    );
    await expectRefused(env, await serve({ method: '公告送达' }), 400, 'publication_reason_required', c.id, before);

    // 公告送达 takes effect 30 days after publication; the statement period counts from then.
    const v = (await serve({ method: '公告送达' }, { note: '当事人下落不明,直接送达、邮寄送达均未成功' })).json<CaseView>();
    expect(v.data.notice?.service).toMatchObject({
      method: '公告送达',
      publishedOn: '2026-09-14',
      servedOn: '2026-10-14',
      documentId: notice.id,
      documentNumber: notice.number,
    });
    expect(v.data.deadlines.find((d) => d.kind === 'hearingRequest')?.from).toBe('2026-10-14');

    const consented = await caseAt(env, 'notified');
    const consent = await makeEvidence(env, 'document', consented.id);
    const served = await api.actOk(consented.id, 'serve_notice', {
      performedOn: '2026-09-14',
      note: '电子送达至当事人确认的电子邮箱',
      service: { method: '电子送达', recipient: '张三', consentEvidenceId: consent },
    });
    expect(served.data.notice?.service).toMatchObject({ method: '电子送达', servedOn: '2026-09-14', consentEvidenceId: consent });
  });

  it('serves a 当场处罚 with the 当场行政处罚决定书 (a 行政处罚决定书 would need a prior notice it never had)', async () => {
    const c = await api.register({ procedure: 'simple', source: '日常巡查', parties: [person()] });
    await api.actOk(c.id, 'on_the_spot', {
      performedOn: '2026-09-02',
      note: '当场检查发现未签订劳动合同,告知事实、理由和陈述申辩权利后当场处罚',
      penalty: { types: ['罚款'], fineYuan: 200, basisQuantity: 1, description: '' },
      benchmark: { code: env.benchmark.code, tierNo: 2, departureReason: '' },
      officerIds: [env.officers.a.id, env.officers.b.id],
      evidenceIds: [await makeEvidence(env, 'video', c.id)],
    });
    const incomplete = await api.call('POST', `/api/cases/${c.id}/documents`, 'officer', {
      type: 'penalty_decision',
      data: DOCUMENT_EXTRAS,
    });
    expect([incomplete.statusCode, incomplete.json().details]).toEqual([400, expect.arrayContaining(['事先告知书送达日期'])]);
    const decision = await issueCaseDocument(env, c.id, 'on_the_spot_decision', { extra: { place: '当事人经营场所' } });
    expect(decision.number).toMatch(/当罚〔2026〕\d+号$/);
    const served = await api.actOk(c.id, 'serve_decision', {
      performedOn: '2026-09-02',
      note: '当场交付',
      service: { method: '直接送达', recipient: '李四' },
    });
    expect(served.data.decision?.service).toMatchObject({ documentId: decision.id, documentNumber: decision.number });
  });

  it('logs every opening of a case (调阅) for supervisors, and shows each step with its ledger position', async () => {
    const c = await caseAt(env, 'investigating');
    const opened = await api.get(c.id, 'officer');
    const view = opened.json<CaseView>();
    expect(view.steps.every((s) => typeof s.ledgerIndex === 'number')).toBe(true);

    const records = await api.call('GET', `/api/cases/${c.id}/records`, 'officer');
    expect(records.statusCode).toBe(200);
    const events = records.json<{ type: string; ledgerIndex: number; data: { seq?: number } }[]>();
    expect(events.map((e) => e.type)).toEqual(['case.registered', 'case.accept', 'case.file']);
    for (const step of view.steps) {
      expect(events.find((e) => e.data.seq === step.seq)?.ledgerIndex).toBe(step.ledgerIndex);
    }

    expect((await api.call('GET', `/api/cases/${c.id}/access-log?page=1&pageSize=20`, 'officer')).statusCode).toBe(403);
    expect((await api.call('GET', `/api/cases/${c.id}/access-log?page=1&pageSize=20`, 'otherUnitHead')).statusCode).toBe(404);
    const log = await api.call('GET', `/api/cases/${c.id}/access-log?page=1&pageSize=20`, 'unitHead');
    expect(log.statusCode).toBe(200);
    const body = log.json<{ items: { actorId: string; ledgerIndex: number }[]; total: number }>();
    // caseAt read the case once per step; the officer's GET above is the newest access.
    expect(body.items[0]).toMatchObject({ actorId: env.users.officer.id, ledgerIndex: expect.any(Number) });
    expect(body.total).toBeGreaterThanOrEqual(1);
  });
});
