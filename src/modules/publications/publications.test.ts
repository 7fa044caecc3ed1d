import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { approveYear, loadCalendar, submitYear } from '../../platform/calendar/index.js';
import { type CasesEnv, startCasesEnv, VALID_RESIDENT_ID } from '../cases/testing.js';
import { syncDrafts } from './drafts.js';
import { COMPLAINANT_MOBILE, confirmedDefaults, issuedDecision, publicationsApi, residentIdBornOn } from './testing.js';
import type { PublicationView, PublishedDecision, WithdrawnDecision } from './views.js';

describeEachDialect('publications: 事后公开 of issued decisions', (ctx) => {
  let env: CasesEnv;
  let api: ReturnType<typeof publicationsApi>;
  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = publicationsApi(env);
  });
  afterAll(() => env?.app.close());

  const count = async () =>
    Number(
      (
        await ctx.db.kysely
          .selectFrom('publications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const publishDefaults = async (id: string, extra: Record<string, unknown> = {}) => {
    const view = await api.detail(id);
    return api.post(id, 'publish', { findings: confirmedDefaults(view), textSha256: view.draft?.textSha256, ...extra });
  };

  it('drafts an issued 行政处罚决定书 due 7 working days after its date (holiday-aware), once', async () => {
    const { document } = await issuedDecision(env, { documentDate: '2026-09-28' });
    const draft = await api.ofDocument(document.id);
    // 9-29, 9-30, (国庆 10-1…10-7), 10-8, 10-9, 10-10 (调休上班), 10-12, 10-13.
    expect(draft).toMatchObject({ state: 'draft', category: 'penalty', decidedOn: '2026-09-28', dueOn: '2026-10-13' });
    expect(draft.dueOn).toBe((await loadCalendar(ctx.db.kysely)).addWorkingDays('2026-09-28', 7));
    expect(draft.documentNumber).toBe(document.number);

    const before = await count();
    expect(await syncDrafts(ctx.db.kysely)).toEqual({ created: 0, duesSet: 0 });
    expect(await syncDrafts(ctx.db.kysely, { full: true })).toEqual({ created: 0, duesSet: 0 });
    await api.list();
    expect(await count()).toBe(before);
    const events = await ctx.db.kysely.selectFrom('events').select('type').where('subject_id', '=', draft.id).execute();
    expect(events.map((e) => e.type)).toEqual(['publication.drafted']);
  });

  it('shows the full text, the 摘要 and the personal information found in it', async () => {
    const { document } = await issuedDecision(env);
    const view = await api.detail((await api.ofDocument(document.id)).id);
    const text = view.draft?.text ?? '';
    expect(text).toContain(`身份证号码：${VALID_RESIDENT_ID}`);
    expect(text).toContain(document.number ?? '');
    const found = new Map(view.draft?.findings.map((f) => [f.kind, f]));
    expect(found.get('resident_id')).toMatchObject({ text: VALID_RESIDENT_ID, keep: false });
    expect(found.get('mobile')).toMatchObject({ text: COMPLAINANT_MOBILE, keep: false });
    expect(found.get('party_name')).toMatchObject({ text: '李四', replacement: '李某某' });
    expect(view.draft?.summary).toMatchObject({
      documentNumber: document.number,
      documentTitle: '行政处罚决定书',
      party: '李某某',
      penalty: '警告、罚款 800 元',
      decidedOn: '2026-09-28',
    });
    expect(view.draft?.summary.violation).not.toBe('');
    expect(view.draft?.summary.agency).toMatch(/^某市人社局/);
  });

  it('publishes the confirmed redactions only, with the event and its ledger index', async () => {
    const { document } = await issuedDecision(env);
    const { id } = await api.ofDocument(document.id);
    const view = await api.detail(id);
    expect((await api.post(id, 'publish', { findings: [] }, 'officer')).statusCode).toBe(403);
    expect((await api.post(id, 'publish', { findings: [] }, 'otherUnitHead')).statusCode).toBe(404);
    // Leaving the ID in is refused whatever else is confirmed.
    const withoutId = confirmedDefaults(view).filter((f) => view.draft?.text.slice(f.start, f.end) !== VALID_RESIDENT_ID);
    const refused = await api.post(id, 'publish', { findings: withoutId });
    expect([refused.statusCode, refused.json().code]).toEqual([400, 'pii_resident_id_unredacted']);
    const stale = await api.post(id, 'publish', { findings: [], textSha256: 'f'.repeat(64) });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'publication_text_changed']);
    expect(await api.detail(id)).toMatchObject({ state: 'draft', versions: [] });

    const published = await publishDefaults(id);
    expect(published.statusCode, published.body).toBe(200);
    const after = published.json<PublicationView>();
    expect(after).toMatchObject({ state: 'published', currentVersion: 1 });
    const version = after.versions[0];
    const event = await ctx.db.kysely
      .selectFrom('events')
      .select(['ledger_index', 'data', 'blobs'])
      .where('type', '=', 'publication.published')
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(version?.ledgerIndex).toBe(Number(event.ledger_index));
    expect(JSON.parse(event.blobs)).toEqual([version?.originalSha256]);
    expect(JSON.parse(event.data)).toMatchObject({ version: 1, textSha256: version?.textSha256, originalSha256: version?.originalSha256 });
    // Staff keep what was confirmed on the issued text, so a correction can start from it; the public never sees it.
    const draftView = await api.detail(id);
    expect(version?.confirmed).toEqual(confirmedDefaults(draftView));
    expect(version?.sourceTextSha256).toBe(draftView.draft?.textSha256);

    const res = await api.publicGet(id);
    expect(res.statusCode).toBe(200);
    const pub = res.json<PublishedDecision>();
    for (const secret of [VALID_RESIDENT_ID, COMPLAINANT_MOBILE, '李四', '王小明']) expect(pub.text).not.toContain(secret);
    expect(pub.text).toContain('1101**********002X');
    expect(pub.text).toContain('139****5678');
    expect(pub.text).toContain('当事人：李某某');
    expect(pub).toMatchObject({ state: 'published', party: '李某某', ledgerIndex: version?.ledgerIndex, version: 1 });
    expect(pub.textSha256).toBe(createHash('sha256').update(pub.text, 'utf8').digest('hex'));
    for (const r of pub.redactions) {
      expect(Object.keys(r).sort()).toEqual(['end', 'kind', 'replacement', 'start']);
      expect(pub.text.slice(r.start, r.end)).toBe(r.replacement);
    }
    expect(pub.redactions.map((r) => r.kind)).toEqual(expect.arrayContaining(['resident_id', 'mobile', 'party_name', 'person_name']));
    expect(res.body).not.toContain('"confirmed"');
    expect(res.body).not.toContain('sourceTextSha256');

    const listed = await api.publicList(`&q=${encodeURIComponent(document.number ?? '')}`);
    expect(listed.items.map((i) => i.id)).toEqual([id]);
    expect((await api.publicList(`&q=${encodeURIComponent(VALID_RESIDENT_ID)}`)).total).toBe(0);

    // A correction is a new version with a change note; the first stays on record.
    const noNote = await publishDefaults(id);
    expect([noNote.statusCode, noNote.json().code]).toEqual([400, 'change_note_required']);
    const corrected = await publishDefaults(id, { changeNote: '更正摘要中的违法行为类型' });
    expect(corrected.json<PublicationView>().versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await api.publicGet(id)).json<PublishedDecision>()).toMatchObject({ version: 2, changeNote: '更正摘要中的违法行为类型' });
  });

  it('refuses to publish a decision about a minor, giving the reason, and one blocked by a person', async () => {
    const minor = await issuedDecision(env, { party: { name: '王小虎', idNo: residentIdBornOn('2010-09-28') } });
    const draft = await api.ofDocument(minor.document.id);
    expect(draft.state).toBe('blocked');
    expect(draft.blockedReason).toContain('未满十八周岁(15 周岁)');
    const refused = await publishDefaults(draft.id);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'publication_blocked']);
    expect(refused.json().message).toContain('未满十八周岁');
    expect((await api.publicGet(draft.id)).statusCode).toBe(404);

    // On the day after the 18th birthday the party is an adult.
    const adult = await issuedDecision(env, { party: { name: '王大虎', idNo: residentIdBornOn('2008-09-27') } });
    expect((await api.ofDocument(adult.document.id)).state).toBe('draft');

    const other = await api.ofDocument((await issuedDecision(env)).document.id);
    const empty = await api.post(other.id, 'block', { reason: '  ' });
    expect([empty.statusCode, empty.json().code]).toEqual([400, 'reason_required']);
    expect((await api.post(other.id, 'block', { reason: '涉及个人隐私' }, 'officer')).statusCode).toBe(403);
    const blocked = await api.post(other.id, 'block', { reason: '涉及个人隐私' });
    expect(blocked.json<PublicationView>()).toMatchObject({ state: 'blocked', blockedReason: '涉及个人隐私' });
    const again = await publishDefaults(other.id);
    expect([again.statusCode, again.json().code]).toEqual([409, 'publication_blocked']);
    expect(again.json().message).toContain('涉及个人隐私');
  });

  it('withdraws: the public then sees only the notice and the reason', async () => {
    const { document } = await issuedDecision(env);
    const { id } = await api.ofDocument(document.id);
    const early = await api.post(id, 'withdraw', { reason: '决定被撤销' });
    expect([early.statusCode, early.json().code]).toEqual([409, 'publication_not_published']);
    expect((await publishDefaults(id)).statusCode).toBe(200);
    const withdrawn = await api.post(id, 'withdraw', { reason: '行政复议决定撤销原处罚决定' }, 'reviewer');
    expect(withdrawn.json<PublicationView>()).toMatchObject({
      state: 'withdrawn',
      withdrawnReason: '行政复议决定撤销原处罚决定',
      draft: null,
    });

    const res = await api.publicGet(id);
    expect(res.statusCode).toBe(200);
    const notice = res.json<WithdrawnDecision>();
    expect(Object.keys(notice).sort()).toEqual(['documentNumber', 'id', 'notice', 'reason', 'state', 'withdrawnAt']);
    expect(notice).toMatchObject({ state: 'withdrawn', reason: '行政复议决定撤销原处罚决定', documentNumber: document.number });
    expect(notice.notice).toContain('撤回理由:行政复议决定撤销原处罚决定');
    expect((await api.publicList()).items.map((i) => i.id)).not.toContain(id);
    const twice = await publishDefaults(id);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'publication_withdrawn']);
  });

  it('lists the queue within the unit scope, nearest due first', async () => {
    const late = await issuedDecision(env, { documentDate: '2026-10-20' });
    const early = await issuedDecision(env, { documentDate: '2026-09-01' });
    const mine = await api.list('&dueWithinDays=0');
    const ids = mine.items.map((p) => p.documentId);
    expect(ids.indexOf(early.document.id)).toBeLessThan(ids.indexOf(late.document.id));
    const dues = mine.items.map((p) => p.dueOn ?? '9999');
    expect(dues).toEqual([...dues].sort());
    expect(mine.items.every((p) => p.state === 'draft')).toBe(true);

    expect((await api.list('', 'otherUnitHead')).total).toBe(0);
    expect((await api.get((await api.ofDocument(late.document.id)).id, 'otherUnitHead')).statusCode).toBe(404);
    expect((await api.list('', 'reviewer')).total).toBe((await api.list()).total);
    expect((await api.list('', 'officer')).total).toBe((await api.list()).total);

    // Narrowed to a unit (with the units below it); a unit outside the caller's scope lists nothing.
    const all = (await api.list('', 'reviewer')).total;
    expect((await api.list(`&unitId=${env.inspectionId}`, 'reviewer')).total).toBe(all);
    expect((await api.list(`&unitId=${env.rootId}`, 'reviewer')).total).toBe(all);
    expect((await api.list(`&unitId=${env.otherUnitId}`, 'reviewer')).total).toBe(0);
    expect((await api.list(`&unitId=${env.inspectionId}`, 'otherUnitHead')).total).toBe(0);
    const unknown = await env.app.inject({
      method: 'GET',
      url: '/api/publications?unitId=no-such-unit',
      headers: { cookie: env.sessions.reviewer.cookie },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'unit_not_found' });
  });

  it('leaves the due date pending until its year is approved, then sets it', async () => {
    const year = Math.max(...(await loadCalendar(ctx.db.kysely)).years) + 1;
    const { document } = await issuedDecision(env, { documentDate: `${year}-03-02` });
    const draft = await api.ofDocument(document.id);
    expect(draft.dueOn).toBeNull();
    await submitYear(ctx.db.kysely, env.adminActor, {
      year,
      notice: { number: '测试用安排' },
      holidays: [{ date: `${year}-01-01`, name: '元旦' }],
      workdays: [],
    });
    await approveYear(ctx.db.kysely, env.adminActor, year);
    expect(await syncDrafts(ctx.db.kysely)).toEqual({ created: 0, duesSet: 1 });
    expect((await api.ofDocument(document.id)).dueOn).toBe((await loadCalendar(ctx.db.kysely)).addWorkingDays(`${year}-03-02`, 7));
  });

  it('looks only at recent issues when listing, and at every decision in a full sync', async () => {
    const { document } = await issuedDecision(env);
    // As if issued long before the newest draft (documents are never changed outside tests).
    await ctx.db.kysely.updateTable('documents').set({ issued_at: '2026-01-01T00:00:00.000Z' }).where('id', '=', document.id).execute();
    await api.list();
    expect(await syncDrafts(ctx.db.kysely)).toEqual({ created: 0, duesSet: 0 });
    expect(await syncDrafts(ctx.db.kysely, { full: true })).toEqual({ created: 1, duesSet: 0 });
    expect((await api.ofDocument(document.id)).state).toBe('draft');
  });
});
