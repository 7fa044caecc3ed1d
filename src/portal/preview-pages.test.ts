import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginAs } from '../../test/support/app.js';
import { describeEachDialect } from '../../test/support/databases.js';
import { makeUser } from '../../test/support/factories.js';
import { DRAFT_TEXT, type PortalEnv, startPortalEnv } from './testing.js';

describeEachDialect('portal: staff previews of unpublished 执法公示 drafts', (ctx) => {
  let env: PortalEnv;
  let noRoleCookie = '';
  beforeAll(async () => {
    env = await startPortalEnv(ctx.db);
    const unit = await ctx.db.kysely.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const user = await makeUser(ctx.db.kysely, { unitId: unit.id, roles: [] });
    noRoleCookie = (await loginAs(env.app, user.username, user.password)).cookie;
  });
  afterAll(() => env?.app.close());

  const get = (url: string, cookie?: string) =>
    env.app.inject({ method: 'GET', url, headers: { host: 'gs.example.gov.cn', ...(cookie ? { cookie } : {}) } });
  const asReviewer = (url: string) => get(url, env.reviewer.cookie);

  it('sends anonymous visitors to the console login and back, and refuses staff without catalogue rights', async () => {
    const url = `/preview/benchmarks/RB0001?version=${env.drafts.benchmark}`;
    const anonymous = await get(url);
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe(`/console/login?next=${encodeURIComponent(url)}`);
    expect(anonymous.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(anonymous.body).not.toContain(DRAFT_TEXT.benchmarkName);
    const stale = await get(url, 'sanxiang_session=not-a-session');
    expect(stale.statusCode).toBe(302);
    const refused = await get(url, noRoleCookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('无权预览');
    expect(refused.body).not.toContain(DRAFT_TEXT.benchmarkName);
    expect((await get('/preview/items/RS-CF-003', noRoleCookie)).statusCode).toBe(403);
  });

  it('shows a reviewer the draft benchmark in the public template with the 预览 banner, not indexed', async () => {
    const res = await asReviewer(`/preview/benchmarks/RB0001?version=${env.drafts.benchmark}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(res.body).toContain('<strong>预览 · 未发布</strong>');
    expect(res.body).toContain('第 2 版草稿');
    expect(res.body).toContain(`<h1>${DRAFT_TEXT.benchmarkName}</h1>`);
    expect(res.body).toContain('100–200 元/人');
    expect(res.body).not.toContain('superseded-banner');
    // The public page still shows version 1.
    expect((await get('/benchmarks/RB0001')).body).not.toContain(DRAFT_TEXT.benchmarkName);
  });

  it('previews a superseded version by id with its status, and the newest version without an id', async () => {
    const old = await asReviewer(`/preview/benchmarks/RB0002?version=${env.supersededBenchmark}`);
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('<strong>预览 · 第 1 版(已被替代)</strong>');
    expect(old.body).toContain('违反女职工和未成年工特殊劳动保护规定</h1>');
    const newest = await asReviewer('/preview/benchmarks/RB0001');
    expect(newest.body).toContain(`<h1>${DRAFT_TEXT.benchmarkName}</h1>`);
  });

  it('previews a draft of every kind: item guide, AV rule, review rule and window board', async () => {
    const item = await asReviewer(`/preview/items/RS-CF-003?version=${env.drafts.item}`);
    expect(item.statusCode).toBe(200);
    expect(item.body).toContain('<strong>预览 · 未发布</strong>');
    expect(item.body).toContain('不收费(草稿修订中)');
    expect(item.body).toContain('<div class="flowchart"><svg');
    expect(item.body).not.toContain('<strong>历史版本</strong>');

    const av = await asReviewer(`/preview/av-list/AV-DRAFT?version=${env.drafts.avRule}`);
    expect(av.statusCode).toBe(200);
    expect(av.body).toContain('<strong>预览 · 未发布</strong>');
    expect(av.body).toMatch(/<tr class="av-row-mandatory previewed" id="AV-DRAFT">/);
    expect(av.body).toContain(DRAFT_TEXT.avNote);
    expect(av.body).toContain('执法环节共 10 个');
    expect(av.body).not.toContain('<form class="roster-search"');

    const rule = await asReviewer(`/preview/review-catalogue/ZD-DRAFT?version=${env.drafts.reviewRule}`);
    expect(rule.statusCode).toBe(200);
    expect(rule.body).toContain('<li class="rule previewed" id="ZD-DRAFT">');
    expect(rule.body).toContain(`<p class="rule-explanation">${DRAFT_TEXT.reviewExplanation}</p>`);
    expect(rule.body).toContain(DRAFT_TEXT.reviewRuleName);

    const board = await asReviewer(`/preview/window-boards/CK01?version=${env.drafts.windowBoard}`);
    expect(board.statusCode).toBe(200);
    expect(board.body).toContain('<strong>预览 · 未发布</strong>');
    expect(board.body).toContain(`<strong>${DRAFT_TEXT.staffName}</strong>`);
    expect(board.body).toContain('<a class="mono" href="/verify/640200200009">');
    expect(board.body).toContain('http://gs.example.gov.cn/windows/CK01');
    expect(board.body).toMatch(/<div class="qr"[^>]*><svg/);
  });

  it('answers 404 for an unknown code, a version of another entry, or a code of another kind', async () => {
    for (const url of [
      '/preview/benchmarks/NOPE',
      `/preview/benchmarks/RB0003?version=${env.drafts.benchmark}`,
      `/preview/items/RB0001?version=${env.drafts.benchmark}`,
      '/preview/window-boards/CK01?version=not-an-id',
    ]) {
      const res = await asReviewer(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    }
  });
});
