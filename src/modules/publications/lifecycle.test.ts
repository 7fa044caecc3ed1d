import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { loadCalendar, shanghaiToday } from '../../platform/calendar/index.js';
import { type CasesEnv, caseAt, casesApi, startCasesEnv } from '../cases/testing.js';
import { expirePublications, syncRevocations } from './lifecycle.js';
import { expiryOf, plusMonths } from './publication-data.js';
import { confirmedDefaults, issuedDecision, publicationsApi, publishedDecision } from './testing.js';
import type { ExpiredDecision, PublishedDecision, WithdrawnDecision } from './views.js';

// What happens without a person deciding it: withdrawal after a revocation (行政处罚法 §48) and the end of
// the 公示期.

describeEachDialect('publications: withdrawal after revocation, and expiry', (ctx) => {
  let env: CasesEnv;
  let api: ReturnType<typeof publicationsApi>;
  let cases: ReturnType<typeof casesApi>;

  const published = () => publishedDecision(env);
  const revocation = { kind: 'revoked', authority: '某市人民政府', instrument: '某政复决字〔2026〕12号行政复议决定书' };
  const revoke = (caseId: string, body: Record<string, unknown> = {}) =>
    cases.act(caseId, 'revoke_decision', { performedOn: '2026-10-09', note: '认定事实不清', revocation, ...body }, 'unitHead');

  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = publicationsApi(env);
    cases = casesApi(env);
  });
  afterAll(() => env?.app.close());

  it('records a revocation only with what it needs, once, and only by an approver', async () => {
    const { caseId } = await issuedDecision(env);
    for (const [body, code] of [
      [{ revocation: undefined }, 'revocation_kind_required'],
      [{ revocation: { ...revocation, authority: ' ' } }, 'revocation_authority_required'],
      [{ revocation: { ...revocation, instrument: '' } }, 'revocation_instrument_required'],
      [{ note: '' }, 'reason_required'],
      [{ performedOn: '2026-09-20' }, 'date_before_previous_step'],
    ] as const) {
      const res = await revoke(caseId, body);
      expect(res.statusCode, code).toBe(400);
      expect(res.json(), code).toMatchObject({ code });
    }
    const bad = await revoke(caseId, { revocation: { ...revocation, kind: 'forgotten' } });
    expect(bad.statusCode).toBe(400);
    const byOfficer = await cases.act(caseId, 'revoke_decision', { performedOn: '2026-10-09', note: '理由', revocation }, 'officer');
    expect(byOfficer.statusCode).toBe(403);
    expect((await cases.get(caseId)).json<{ data: { revocation?: unknown } }>().data.revocation ?? null).toBeNull();

    const ok = await revoke(caseId);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<{ data: { revocation: unknown } }>().data.revocation).toMatchObject({ kind: 'revoked', on: '2026-10-09' });
    const again = await revoke(caseId);
    expect(again.statusCode).toBe(409);
  });

  it('ends what a revoked decision obliged: no 催告, 延期 or enforcement, and the case closes though the fine is unpaid', async () => {
    const c = await caseAt(env, 'decision_served');
    expect(c.nextActions.map((a) => a.action)).toContain('defer_payment');
    const after = await revoke(c.id, { performedOn: '2026-11-20' });
    expect(after.statusCode, after.body).toBe(200);
    const actions = after.json<{ nextActions: { action: string }[] }>().nextActions.map((a) => a.action);
    expect(actions).toEqual(['close']);
    const urge = await cases.act(c.id, 'urge', { performedOn: '2026-11-21', service: { method: '直接送达', recipient: '某某' } });
    expect([urge.statusCode, urge.json().code]).toEqual([409, 'decision_revoked']);
    const closed = await cases.act(c.id, 'close', { performedOn: '2026-11-21', note: '决定已被撤销,结案' }, 'unitHead');
    expect(closed.statusCode, closed.body).toBe(200);
  });

  it('withdraws a published decision at once when its revocation is recorded: the public sees only the notice', async () => {
    const { caseId, id } = await published();
    expect((await revoke(caseId)).statusCode).toBe(200);
    const res = await api.publicGet(id);
    expect(res.statusCode).toBe(200);
    const notice = res.json<WithdrawnDecision>();
    expect(notice.state).toBe('withdrawn');
    expect(notice.reason).toBe(`该决定已被某市人民政府撤销(${revocation.instrument}):认定事实不清`);
    expect(JSON.stringify(notice)).not.toContain('李某某');
    expect((await api.publicList()).items.map((i) => i.id)).not.toContain(id);

    const staff = await api.detail(id);
    const due = (await loadCalendar(ctx.db.kysely)).addWorkingDays('2026-10-09', 3);
    expect(staff).toMatchObject({ state: 'withdrawn', revokedOn: '2026-10-09', withdrawalDueOn: due });
    const withdrawal = staff.history.find((h) => h.type === 'publication.withdrawn');
    expect(withdrawal).toMatchObject({ actorName: 'system:publications', data: { revokedOn: '2026-10-09', withdrawalDueOn: due } });
    expect(withdrawal?.ledgerIndex).not.toBeNull();
    // Nothing more happens on later runs.
    expect(await syncRevocations(ctx.db.kysely)).toEqual({ withdrawn: 0, blocked: 0 });
  });

  it('keeps a revoked decision that was never published from publication, with the reason', async () => {
    const { caseId, document } = await issuedDecision(env);
    const { id } = await api.ofDocument(document.id);
    // Before any sync has applied the revocation, publishing is refused all the same.
    expect((await revoke(caseId, { revocation: { ...revocation, kind: 'void', authority: '某区人民法院' } })).statusCode).toBe(200);
    const early = await api.detail(id);
    const refused = await api.post(id, 'publish', { findings: confirmedDefaults(early), textSha256: early.draft?.textSha256 });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'decision_revoked']);
    const listed = (await api.list()).items.find((p) => p.id === id);
    expect(listed).toMatchObject({ state: 'blocked', revokedOn: '2026-10-09' });
    expect(listed?.blockedReason).toContain('该决定已被某区人民法院确认无效');
    const view = await api.detail(id);
    const res = await api.post(id, 'publish', { findings: confirmedDefaults(view), textSha256: view.draft?.textSha256 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'publication_blocked' });
  });

  it('sets the 公示期 by policy when published and takes the decision down when it ends', async () => {
    expect(plusMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(plusMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(plusMonths('2026-11-28', 36)).toBe('2029-11-28');
    const periods = { months: 36, minorMonths: 3, minorFineYuan: 1000 };
    expect(expiryOf('2026-11-28', { types: ['警告'] }, periods)).toBe('2027-02-28');
    expect(expiryOf('2026-11-28', { types: ['警告', '罚款'], amountYuan: 800 }, periods)).toBe('2027-02-28');
    expect(expiryOf('2026-11-28', { types: ['罚款'], amountYuan: 5000 }, periods)).toBe('2029-11-28');
    expect(expiryOf('2026-11-28', { types: ['罚款'], amountYuan: 800 }, { ...periods, minorFineYuan: 0 })).toBe('2029-11-28');
    expect(expiryOf('2026-11-28', { types: ['责令停产停业'] }, periods)).toBe('2029-11-28');

    const { id } = await published();
    const today = shanghaiToday();
    // The app's default policy: 36 months; 警告 and 800 元 is not minor while no fine is.
    const decision = (await api.publicGet(id)).json<PublishedDecision>();
    expect(decision.expiresOn).toBe(plusMonths(today, 36));

    expect(await expirePublications(ctx.db.kysely, plusMonths(today, 36))).toBeGreaterThanOrEqual(1);
    const gone = (await api.publicGet(id)).json<ExpiredDecision>();
    expect(gone).toMatchObject({ state: 'expired', expiredOn: plusMonths(today, 36) });
    expect(gone.notice).toContain('公示期已于');
    expect((await api.publicList()).items.map((i) => i.id)).not.toContain(id);
    const rows = await ctx.db.kysely.selectFrom('publication_search').select('publication_id').where('publication_id', '=', id).execute();
    expect(rows).toEqual([]);
    const staff = await api.detail(id);
    expect(staff.state).toBe('expired');
    expect(staff.history.map((h) => h.type)).toContain('publication.expired');
    const again = await api.post(id, 'publish', { findings: confirmedDefaults(staff), changeNote: '再次公开' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'publication_expired']);
    expect(await expirePublications(ctx.db.kysely, plusMonths(today, 36))).toBe(0);
  });
});
