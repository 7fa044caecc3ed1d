import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { type CasesEnv, caseAt, person, startCasesEnv, VALID_RESIDENT_ID, VALID_USCC } from '../cases/testing.js';
import { noticesApi } from './testing.js';
import type { BatchSummary, BatchView, EntryView, PublicNoticeBatch, PublicNoticeList } from './views.js';

describeEachDialect('violation notices (人社部令第29号): candidates, confirmation, quarterly lists, removal', (ctx) => {
  let env: CasesEnv;
  let api: ReturnType<typeof noticesApi>;
  let caseId = '';
  let entry: EntryView;
  let batch: BatchView;

  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = noticesApi(env);
    caseId = (await caseAt(env, 'decided')).id;
  });
  afterAll(() => env?.app.close());

  const expectError = (res: { statusCode: number; json: <T>() => T; body: string }, status: number, code: string) =>
    expect([res.statusCode, res.json<{ code: string }>().code], res.body).toEqual([status, code]);

  it('derives one candidate per organisation party of a decided case, prefilled from the party and the decision, once', async () => {
    const found = await api.entryOf(caseId);
    expect(found).toMatchObject({
      caseId,
      state: 'candidate',
      category: null,
      subjectName: '某某建筑工程有限公司',
      creditCode: VALID_USCC,
      address: '某市大武口区朝阳西街 1 号',
      responsiblePerson: '张三',
      decidedOn: '2026-09-21',
      year: 2026,
      quarter: 3,
      editable: true,
    });
    expect(found?.handling).toContain('2026-09-21 依法作出处理决定:警告、罚款 800 元');
    expect(found?.facts).toContain('拖欠 5 名农民工');
    entry = found as EntryView;
    expect((await api.entries()).filter((e) => e.caseId === caseId)).toHaveLength(1);
    const events = await env.db.selectFrom('events').select('type').where('subject_id', '=', entry.id).execute();
    expect(events.map((e) => e.type)).toEqual(['violation_notice.derived']);
  });

  it('never derives a natural person, refuses one on request, and refuses a case without a decision', async () => {
    const natural = await caseAt(env, 'decided', { parties: [person()] });
    expect(await api.entryOf(natural.id)).toBeUndefined();
    expectError(await api.call('POST', '/api/violation-notices/entries', 'officer', { caseId: natural.id }), 409, 'party_natural_person');
    const open = await caseAt(env, 'registered');
    expectError(await api.call('POST', '/api/violation-notices/entries', 'officer', { caseId: open.id }), 409, 'case_not_decided');
    expectError(await api.call('POST', '/api/violation-notices/entries', 'otherOfficer', { caseId }), 404, 'case_not_found');
    const derived = await api.call('POST', '/api/violation-notices/entries', 'officer', { caseId });
    expect(derived.json<{ entryIds: string[] }>().entryIds).toEqual([entry.id]);
  });

  it('requires a category and every field, a valid code and no personal identifiers before confirming', async () => {
    expectError(await api.include(entry, { category: null }), 400, 'category_required');
    expectError(await api.include(entry, { category: 'stealing' }), 400, 'category_invalid');
    expectError(await api.include(entry, { address: '  ' }), 400, 'field_required');
    expectError(await api.include(entry, { creditCode: '914403001922038217' }), 400, 'credit_code_invalid');
    expectError(await api.include(entry, { facts: `拖欠劳动者(身份证号 ${VALID_RESIDENT_ID})工资` }), 400, 'pii_in_public_text');
    expectError(await api.include(entry, { facts: undefined }), 400, 'invalid_input');
    expect((await api.entryOf(caseId))?.state).toBe('candidate');
  });

  it('lets the officer mark and edit, and only the unit head (or 政策法规科) confirm, within the unit scope', async () => {
    const saved = await api.call(
      'PUT',
      `/api/violation-notices/entries/${entry.id}`,
      'officer',
      api.body(entry, { category: 'wage_arrears' }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<EntryView>()).toMatchObject({ category: 'wage_arrears', state: 'candidate' });
    expectError(await api.include(entry, {}, 'officer'), 403, 'forbidden');
    expectError(await api.include(entry, {}, 'otherUnitHead'), 404, 'entry_not_found');
    expect((await api.call('GET', `/api/violation-notices/entries/${entry.id}`, 'otherOfficer')).statusCode).toBe(404);
    expect((await api.call('GET', '/api/violation-notices/entries', null)).statusCode).toBe(401);
    const included = await api.include(entry, { facts: '该公司拖欠 5 名农民工 2026 年 6—8 月工资共计 42000 元。' });
    expect(included.statusCode, included.body).toBe(200);
    entry = included.json<EntryView>();
    expect(entry).toMatchObject({ state: 'included', category: 'wage_arrears', categoryLabel: '克扣、无故拖欠劳动者劳动报酬,数额较大' });
  });

  it('compiles the quarter from the included entries and refuses bad quarters and the wrong people', async () => {
    expectError(await api.compile(2026, 3, 'unitHead'), 403, 'forbidden');
    expectError(await api.compile(2099, 1), 409, 'quarter_not_started');
    expectError(await api.compile(2016, 4), 400, 'year_invalid');
    expectError(await api.compile(2026, 5), 400, 'invalid_input');
    const res = await api.compile(2026, 3);
    expect(res.statusCode, res.body).toBe(200);
    batch = res.json<BatchView>();
    expect(batch).toMatchObject({ year: 2026, quarter: 3, label: '2026 年第三季度', state: 'draft', entryCount: 1, dueOn: '2026-10-15' });
    expect(batch.entries.map((e) => e.id)).toEqual([entry.id]);
    expectError(await api.call('GET', '/api/public/violation-notices/2026/3', null), 404, 'batch_not_found');
  });

  it('refuses to publish a list whose entries changed after compiling, until it is compiled again', async () => {
    const other = await caseAt(env, 'decided');
    const candidate = (await api.entryOf(other.id)) as EntryView;
    expect((await api.include(candidate, { category: 'working_hours' })).statusCode).toBe(200);
    expect((await api.compile(2026, 3)).json<BatchView>().entryCount).toBe(2);
    const excluded = await api.call('POST', `/api/violation-notices/entries/${candidate.id}/exclude`, 'unitHead', {
      reason: '加班时长未达到情节严重的标准',
    });
    expect(excluded.json<EntryView>()).toMatchObject({ state: 'excluded', batch: null });
    expectError(await api.publish(batch.id), 409, 'batch_stale');
    expect((await api.compile(2026, 3)).json<BatchView>().entries.map((e) => e.id)).toEqual([entry.id]);
  });

  it('publishes the list into the ledger with its hash; the published list is frozen', async () => {
    expectError(await api.publish(batch.id, 'officer'), 403, 'forbidden');
    const res = await api.publish(batch.id);
    expect(res.statusCode, res.body).toBe(200);
    const published = res.json<BatchView>();
    expect(published.state).toBe('published');
    expect(published.listSha256).toMatch(/^[0-9a-f]{64}$/);
    const event = await env.db
      .selectFrom('events')
      .select(['type', 'ledger_index', 'data'])
      .where('subject_id', '=', batch.id)
      .where('type', '=', 'violation_notice.batch_published')
      .executeTakeFirstOrThrow();
    expect(Number(event.ledger_index)).toBe(published.ledgerIndex);
    expect(JSON.parse(event.data)).toMatchObject({ year: 2026, quarter: 3, entries: 1, listSha256: published.listSha256 });

    expectError(await api.call('PUT', `/api/violation-notices/entries/${entry.id}`, 'officer', api.body(entry)), 409, 'entry_published');
    expectError(await api.include(entry), 409, 'entry_published');
    expectError(await api.compile(2026, 3), 409, 'batch_published');
    expectError(await api.publish(batch.id), 409, 'batch_published');
    const batches = (await api.call('GET', '/api/violation-notices/batches', 'officer')).json<BatchSummary[]>();
    expect(batches.find((b) => b.id === batch.id)).toMatchObject({ state: 'published', overdue: false });

    const list = (await api.call('GET', '/api/public/violation-notices/2026/3', null)).json<PublicNoticeList>();
    expect(list.entries).toEqual([
      expect.objectContaining({
        no: 1,
        subjectName: '某某建筑工程有限公司',
        responsiblePerson: '张三',
        creditCode: VALID_USCC,
        removed: null,
      }),
    ]);
    expect(list.entries[0]?.handling).toContain('罚款 800 元');
    const years = (await api.call('GET', '/api/public/violation-notices?year=2026', null)).json<PublicNoticeBatch[]>();
    expect(years.map((b) => [b.year, b.quarter, b.entryCount])).toEqual([[2026, 3, 1]]);
  });

  it('removes a published entry only with a reason; the public list then shows the note instead of the details', async () => {
    expectError(
      await api.call('POST', `/api/violation-notices/entries/${entry.id}/remove`, 'unitHead', { reason: ' ' }),
      400,
      'reason_required',
    );
    expectError(
      await api.call('POST', `/api/violation-notices/entries/${entry.id}/remove`, 'officer', { reason: '决定被撤销' }),
      403,
      'forbidden',
    );
    const res = await api.call('POST', `/api/violation-notices/entries/${entry.id}/remove`, 'unitHead', {
      reason: '行政复议决定撤销原处理决定',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EntryView>()).toMatchObject({ state: 'removed', removedReason: '行政复议决定撤销原处理决定', editable: false });
    const list = (await api.call('GET', '/api/public/violation-notices/2026/3', null)).json<PublicNoticeList>();
    expect(list.removedCount).toBe(1);
    expect(list.entries[0]).toMatchObject({
      no: 1,
      subjectName: '某某建筑工程有限公司',
      facts: '',
      responsiblePerson: '',
      removed: { reason: '行政复议决定撤销原处理决定' },
    });
    expectError(
      await api.call('POST', `/api/violation-notices/entries/${entry.id}/remove`, 'unitHead', { reason: '再次' }),
      409,
      'entry_removed',
    );
  });
});
