import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { type CasesEnv, company, startCasesEnv } from '../cases/testing.js';
import { searchTerms } from './public-reads.js';
import { listPublishedRows } from './search-repository.js';
import { confirmedDefaults, publicationsApi, publishedDecision } from './testing.js';

// The public search (SQLite FTS5 trigram with LIKE for short words; PostgreSQL pg_trgm) and the filters.

describeEachDialect('publications: public search and filters', (ctx) => {
  let env: CasesEnv;
  let api: ReturnType<typeof publicationsApi>;
  const ids = { branch: '', plain: '', person: '' };

  const publish = async (party?: Record<string, unknown>) => (await publishedDecision(env, party)).id;
  const search = async (query: string) => (await api.publicList(query)).items.map((i) => i.id).sort();
  const q = (text: string) => `&q=${encodeURIComponent(text)}`;

  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = publicationsApi(env);
    ids.branch = await publish(company({ name: '某某建筑工程有限公司第一分公司' }));
    ids.plain = await publish(company({ name: '远大劳务派遣有限公司' }));
    ids.person = await publish();
  });
  afterAll(() => env?.app.close());

  it('finds a decision by a 2-character and by a 4-character phrase, and every decision by a common one', async () => {
    expect(await search(q('分公'))).toEqual([ids.branch]);
    expect(await search(q('第一分公'))).toEqual([ids.branch]);
    expect(await search(q('劳务派遣'))).toEqual([ids.plain]);
    expect(await search(q('派'))).toEqual([ids.plain]);
    expect(await search(q('拖欠5名劳动者'))).toEqual([ids.branch, ids.plain, ids.person].sort());
    // Words separated by spaces must all occur; a word inside another counts once.
    expect(await search(q('工资  第一分公司'))).toEqual([ids.branch]);
    expect(await search(q('劳务派遣 第一分公司'))).toEqual([]);
    expect(searchTerms(' 分公  第一分公司 分公 ')).toEqual(['第一分公司']);
  });

  it('searches only what is public: redacted names and numbers are not found', async () => {
    expect(await search(q('李四'))).toEqual([]);
    expect(await search(q('王小明'))).toEqual([]);
    expect(await search(q('13912345678'))).toEqual([]);
    expect(await search(q('李某某'))).toEqual([ids.person]);
  });

  it('treats LIKE and FTS5 syntax in a search as text', async () => {
    for (const text of ['%', '_', '"', '50%_"', 'OR', 'NEAR(a b)', '第一*', "分公'"]) {
      const res = await env.app.inject({ method: 'GET', url: `/api/public/decisions?${q(text).slice(1)}` });
      expect(res.statusCode, text).toBe(200);
      expect(res.json<{ total: number }>().total, text).toBe(0);
    }
    const tooMany = await env.app.inject({ method: 'GET', url: `/api/public/decisions?q=${encodeURIComponent('甲 乙 丙 丁 戊 己')}` });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'too_many_terms' });
  });

  it('filters by unit (with the units below it), category and year, and combines them with a search', async () => {
    const all = [ids.branch, ids.plain, ids.person].sort();
    expect(await search(`&unit=${env.inspectionId}`)).toEqual(all);
    expect(await search(`&unit=${env.rootId}`)).toEqual(all);
    expect(await search(`&unit=${env.otherUnitId}`)).toEqual([]);
    expect(await search('&category=penalty')).toEqual(all);
    expect(await search('&category=other')).toEqual([]);
    expect(await search('&year=2026')).toEqual(all);
    expect(await search('&year=2025')).toEqual([]);
    expect(await search(`&year=2026&unit=${env.inspectionId}${q('分公')}`)).toEqual([ids.branch]);
    const item = (await api.publicList(q('第一分公'))).items[0];
    expect(item).toMatchObject({ unitId: env.inspectionId, category: 'penalty', categoryLabel: '行政处罚' });
    expect(item?.unitName).not.toBe('');
    const unknown = await env.app.inject({ method: 'GET', url: '/api/public/decisions?unit=no-such-unit' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'unit_not_found' });
    const badCategory = await env.app.inject({ method: 'GET', url: '/api/public/decisions?category=secret' });
    expect(badCategory.statusCode).toBe(400);
  });

  it('pages the same way when a search has more matches than it counts (PostgreSQL walks in publication order)', async () => {
    const filter = { terms: ['拖欠5名劳动者'], offset: 0, limit: 2 };
    const exact = await listPublishedRows(ctx.db.kysely, filter);
    expect(exact).toMatchObject({ total: 3, capped: false });
    const capped = await listPublishedRows(ctx.db.kysely, filter, 1);
    expect(capped).toMatchObject({ total: 1, capped: true });
    expect(capped.rows.map((r) => r.id)).toEqual(exact.rows.map((r) => r.id));
    const second = await listPublishedRows(ctx.db.kysely, { ...filter, offset: 2 }, 1);
    expect(second.rows.map((r) => r.id)).toEqual((await listPublishedRows(ctx.db.kysely, { ...filter, offset: 2 })).rows.map((r) => r.id));
    expect(second.rows).toHaveLength(1);
    const none = await listPublishedRows(ctx.db.kysely, { ...filter, terms: ['拖欠5名劳动者', '不存在的词'] }, 1);
    expect(none).toMatchObject({ total: 0, capped: false, rows: [] });
  });

  it('indexes the current version only: a correction replaces the text, a withdrawal removes it', async () => {
    const view = await api.detail(ids.branch);
    const text = view.draft?.text ?? '';
    const at = text.indexOf('第一分公司');
    expect(at).toBeGreaterThan(-1);
    const corrected = await api.post(ids.branch, 'publish', {
      findings: [...confirmedDefaults(view), { start: at, end: at + 5, replacement: '某分公司' }],
      textSha256: view.draft?.textSha256,
      changeNote: '分支机构名称不属于公开范围',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await search(q('第一分公'))).toEqual([]);
    expect(await search(q('某分公司'))).toEqual([ids.branch]);

    const withdrawn = await api.post(ids.plain, 'withdraw', { reason: '决定被依法撤销' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await search(q('劳务派遣'))).toEqual([]);
    expect(await search(q('派'))).toEqual([]);
    const rows = await ctx.db.kysely.selectFrom('publication_search').select('publication_id').execute();
    expect(rows.map((r) => r.publication_id).sort()).toEqual([ids.branch, ids.person].sort());
  });
});
