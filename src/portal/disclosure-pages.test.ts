import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.js';
import { DRAFT_TEXT, type PortalEnv, startPortalEnv } from './testing.js';

describeEachDialect('portal: 行政执法公示 hub, 裁量基准, 音像记录事项, 法制审核目录, 公示牌', (ctx) => {
  let env: PortalEnv;
  beforeAll(async () => {
    env = await startPortalEnv(ctx.db);
  });
  afterAll(() => env?.app.close());

  const page = async (url: string, host = 'gs.example.gov.cn') => {
    const res = await env.app.inject({ method: 'GET', url, headers: { host } });
    expect(res.body).not.toMatch(/<script[\s>]/);
    return res;
  };
  /** The rows of the page's tables, each as its cells' text. */
  const rows = (html: string) =>
    [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
      .map((m) => [...(m[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => (c[1] ?? '').replace(/<[^>]+>/g, '').trim()))
      .filter((cells) => cells.length > 0);
  const drafts = () => [DRAFT_TEXT.benchmarkName, DRAFT_TEXT.avNote, DRAFT_TEXT.reviewRuleName, DRAFT_TEXT.staffName, '草稿修订中'];

  it('hub links every list with its count, from the home page and the navigation', async () => {
    const res = await page('/disclosure');
    expect(res.statusCode).toBe(200);
    for (const href of ['/roster', '/items', '/benchmarks', '/av-list', '/review-catalogue', '/windows', '/integrity']) {
      expect(res.body).toContain(`<h2><a href="${href}">`);
    }
    for (const count of ['5 项事项', '8 项违法行为', '9 个执法环节', '8 条审核情形', '2 个窗口']) expect(res.body).toContain(count);
    expect(res.body).toContain('<a href="/disclosure">行政执法公示</a>');
    expect(res.body).toContain('http://gs.example.gov.cn/disclosure');
    const home = (await page('/')).body;
    expect(home).toContain('<a class="button-link" href="/disclosure">');
    expect(home).toContain('href="/roster"');
  });

  it('lists benchmarks with their items, searches and filters them, and never fails on bad values', async () => {
    const all = await page('/benchmarks');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('裁量基准共 8 项');
    expect(all.body).toContain('<a href="/items/RS-CF-004">对用人单位违反工时规定的行政处罚</a>');
    expect(all.body).toContain('<li aria-current="page">行政处罚裁量基准</li>');
    expect(all.body).toContain('<a href="/disclosure">行政执法公示</a></li>');
    const codes = async (query: string) => rows((await page(`/benchmarks?${query}`)).body).map((r) => r[0]);
    expect(await codes(`q=${encodeURIComponent('童工')}`)).toEqual(['RB0003']);
    expect(await codes(`category=${encodeURIComponent('社会保险')}`)).toEqual(['RB0004', 'RB0005']);
    expect(await codes('item=RS-CF-001')).toEqual(['RB0007', 'RB0008']);
    expect(await codes(`q=rb000&item=RS-CF-001&category=${encodeURIComponent('工资支付')}`)).toEqual(['RB0007', 'RB0008']);
    for (const bad of ['page=abc', 'page=0', 'page=99', 'category=nope', 'q=%00%25', 'item=%3Cb%3E', 'q=a&q=b', `q=${'x'.repeat(500)}`]) {
      const res = await page(`/benchmarks?${bad}`);
      expect(res.statusCode, bad).toBe(200);
    }
    expect((await page('/benchmarks?category=nope')).body).toContain('没有符合条件的裁量基准');
    expect((await page('/benchmarks?page=99')).body).toContain('第 99 / 1 页');
    expect((await page('/benchmarks?item=%3Cb%3E')).body).not.toContain('<b>');
  });

  it('shows a benchmark: legal bases, range, tiers with fine ranges and units, exemption badges, QR', async () => {
    const res = await page('/benchmarks/RB0001');
    expect(res.statusCode).toBe(200);
    const tiers = rows(res.body);
    expect(tiers.map((r) => [r[0], r[3]])).toEqual([
      ['轻微', '无罚款'],
      ['一般', '100–200 元/人'],
      ['较重', '200–400 元/人'],
      ['严重', '400–500 元/人'],
    ]);
    expect(tiers[1]?.[1]).toBe('受侵害劳动者 10 人以下,或在责令改正期限内改正');
    for (const text of ['《中华人民共和国劳动法》第四十一条', '《劳动保障监察条例》第二十五条', '每人 100 元以上 500 元以下']) {
      expect(res.body).toContain(text);
    }
    expect(res.body).toContain('<span class="badge badge-ok">首违不罚</span>');
    expect(res.body).not.toContain('轻微不罚</span>');
    expect(res.body).toContain('罚款总额 = 每人标准 × 受侵害劳动者人数');
    expect(res.body).toMatch(/<div class="qr"[^>]*><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(res.body).toContain('http://gs.example.gov.cn/benchmarks/RB0001');
    expect(rows((await page('/benchmarks/RB0004')).body).map((r) => r[3])).toEqual(['1–1.5 倍', '1.5–2 倍', '2–3 倍']);
    expect(rows((await page('/benchmarks/RB0006')).body).map((r) => r[3])[0]).toBe('2,000–8,000 元');
    expect(rows((await page('/benchmarks/RB0003')).body).map((r) => r[3])).toEqual(['5,000 元/人', '5,000 元/人']);
    expect((await page('/benchmarks/RB0002')).body).toContain('本基准未规定首违不罚、轻微不罚情形');
  });

  it('shows history: a superseded version with its banner; 404 for drafts, bad versions and unknown codes', async () => {
    const current = (await page('/benchmarks/RB0002')).body;
    expect(current).toContain(DRAFT_TEXT.republishedName);
    expect(current).toContain('<a href="/benchmarks/RB0002?version=1">第 1 版</a>');
    expect(current).not.toContain('superseded-banner');
    const old = await page('/benchmarks/RB0002?version=1');
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('<p class="superseded-banner" role="note"><strong>历史版本</strong>');
    expect(old.body).toContain('<a href="/benchmarks/RB0002">查看现行版本</a>');
    expect(old.body).toContain('http://gs.example.gov.cn/benchmarks/RB0002?version=1');
    for (const url of ['/benchmarks/RB0001?version=2', '/benchmarks/RB0001?version=abc', '/benchmarks/NOPE', '/benchmarks/AV0001']) {
      const res = await page(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('<a href="/benchmarks">行政处罚裁量基准</a>');
    }
    expect((await page(`/benchmarks/${encodeURIComponent('<i>x')}`)).body).toContain('&lt;i&gt;x');
    // NUL is not text to PostgreSQL: every page treats it as matching nothing.
    for (const url of ['/benchmarks/RB%000001', '/windows/%00', '/items/%00', '/verify/%00'])
      expect((await page(url)).statusCode, url).toBe(404);
    for (const url of ['/items?q=%00', '/roster?name=%00&unit=%01', '/av-list?q=%00&item=%00'])
      expect((await page(url)).statusCode, url).toBe(200);
  });

  it('lists the AV rules by item in procedural order, marking 全程音像记录, with filters', async () => {
    const res = await page('/av-list');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('执法环节共 9 个,其中须全程音像记录的 4 个');
    const all = rows(res.body);
    expect(all.filter((r) => r[1] === '全程音像记录').length).toBe(4);
    expect(res.body.match(/<tr class="av-row-mandatory"/g)?.length).toBe(4);
    expect(res.body).toContain('<span class="av-req av-mandatory">全程音像记录</span>');
    const group = res.body.slice(res.body.indexOf('RS-CF-001</span></h3>'), res.body.indexOf('RS-CF-002</span></h3>'));
    expect(rows(group).map((r) => r[0]?.split(' ')[0])).toEqual(['立案', '调查取证', '事先告知', '送达']);
    expect(all[0]).toEqual(['立案 AV0007', '不需要音像记录', '确认类', '—', '6 个月', '以立案审批表等文字记录为准。']);
    const codes = async (query: string) => rows((await page(`/av-list?${query}`)).body).map((r) => r[0]?.split(' ')[1]);
    expect(await codes('requirement=mandatory')).toEqual(['AV0004', 'AV0008', 'AV0009', 'AV0001']);
    expect(await codes(`category=${encodeURIComponent('约谈类')}`)).toEqual(['AV0005']);
    expect(await codes('item=RS-JC-001')).toEqual(['AV0001', 'AV0002', 'AV0003']);
    expect(await codes(`q=${encodeURIComponent('送达')}&requirement=as_needed`)).toEqual(['AV0006', 'AV0002']);
    const none = await page('/av-list?requirement=bogus&page=-1');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('没有符合条件的音像记录事项');
  });

  it('shows the review catalogue: intro, every rule with its one-sentence explanation and basis', async () => {
    const res = await page('/review-catalogue');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('送<strong>政策法规科</strong>进行法制审核;未经法制审核或者审核未通过的,不得作出决定');
    expect(res.body.match(/<li class="rule"/g)?.length).toBe(8);
    expect(res.body).toContain(
      '<p class="rule-explanation">对公民处以 1 万元以上罚款、对法人或者其他组织处以 5 万元以上罚款的,须经法制审核。</p>',
    );
    expect(res.body).toContain('<p class="rule-explanation">经过听证程序作出的执法决定,须经法制审核。</p>');
    expect(res.body).toContain('<span class="badge">较大数额罚款</span>');
    expect(res.body).toContain('《中华人民共和国行政处罚法》第五十八条');
    expect(res.body).toContain('<a href="/items/RS-CF-002">');
  });

  it('lists window boards and prints each: staff verify links, items, samples, channels and a QR code', async () => {
    const list = (await page('/windows')).body;
    expect(list).toContain('<a href="/windows/CK01">劳动保障监察投诉举报受理窗口</a>');
    expect(list).toContain('<a href="/windows/CK02">');
    const res = await page('/windows/CK01');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<link rel="stylesheet" href="/static/board.css">');
    expect(res.body).toContain('<span class="board-no">3 号窗口</span> 劳动保障监察投诉举报受理窗口');
    expect(res.body).toContain('执法证号 <a class="mono" href="/verify/640200200002">640200200002</a>');
    expect(res.body).toContain('<a class="mono" href="/verify/640200200003">');
    expect(res.body).toContain('<a href="/items/RS-JC-001">对用人单位违反劳动保障法律法规行为的行政检查</a>');
    for (const text of ['市民大厅二楼人社服务区', '示范:投诉人张三', '凭受理回执编号拨打 12333', '12345 政务服务便民热线']) {
      expect(res.body).toContain(text);
    }
    const qr = /<div class="qr"[^>]*>(<svg[\s\S]*?<\/svg>)/.exec(res.body)?.[1] ?? '';
    expect(qr).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(res.body).toContain('http://gs.example.gov.cn/windows/CK01');
    expect((await page('/windows/NOPE')).statusCode).toBe(404);
    const css = await page('/static/board.css');
    expect(css.body).toMatch(/@page\s*\{\s*size: A4/);
  });

  it('never shows a draft on a public page', async () => {
    for (const url of ['/disclosure', '/benchmarks', '/benchmarks/RB0001', '/av-list', '/review-catalogue', '/windows', '/windows/CK01']) {
      const html = (await page(url)).body;
      for (const text of drafts()) expect(html, `${url} ${text}`).not.toContain(text);
    }
    expect((await page('/av-list?q=AV-DRAFT')).body).toContain('没有符合条件的音像记录事项');
    expect((await page('/review-catalogue')).body).not.toContain('ZD-DRAFT');
  });
});
