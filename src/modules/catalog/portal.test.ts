import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { type CatalogEnv, itemData, startCatalogEnv } from './testing.js';

describeEachDialect('portal: 执法事项清单 and 服务指南', (ctx) => {
  let env: CatalogEnv;
  const tag = `P${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    env = await startCatalogEnv(ctx.db);
    const h = env.sessions.reviewer.headers;
    const post = (url: string, payload?: Record<string, unknown>) => env.app.inject({ method: 'POST', url, headers: h, payload });
    const publishNew = async (code: string, data: Record<string, unknown>) => {
      const item = (await post('/api/catalog/items', { code, data })).json();
      await post(`/api/catalog/items/${item.id}/versions/${item.versions[0].id}/publish`);
      return item;
    };
    const tricky = await publishNew(`${tag}-X`, itemData(env.unitId, { name: '<script>alert(1)</script>事项', conditions: '条件"&' }));
    const v2 = (await post(`/api/catalog/items/${tricky.id}/versions`, { data: itemData(env.unitId, { name: '第二版事项名称' }) })).json();
    await post(`/api/catalog/items/${tricky.id}/versions/${v2.id}/publish`);
    for (let i = 0; i < 21; i++) {
      const category = i === 0 ? '行政检查' : '行政处罚';
      await publishNew(
        `${tag}-${String(i).padStart(2, '0')}`,
        itemData(i === 1 ? env.otherUnitId : env.unitId, { name: `清单事项${i}`, category }),
      );
    }
    await post('/api/catalog/items', { code: `${tag}-DRAFT`, data: itemData(env.unitId, { name: '未发布草稿事项' }) });
  });
  afterAll(() => env?.app.close());

  const page = (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers });

  it('lists published items, paginated, without drafts, linked from home and nav', async () => {
    const res = await page('/items');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<th>事项编码</th><th>事项名称</th><th>事项类别</th><th>实施主体</th><th>现行版本</th>');
    expect(res.body).toContain('执法事项共 22 项');
    expect(res.body).toContain('第 1 / 2 页');
    expect(res.body).toContain('href="/items?page=2"');
    expect(res.body).not.toContain('未发布草稿事项');
    expect(res.body).toContain('<a href="/items">执法事项</a>');
    expect(res.body).not.toMatch(/<script[\s>]/);
    expect((await page('/')).body).toContain('href="/items"');
  });

  it('searches by keyword, category and unit through a plain GET form, escaping the input', async () => {
    const html = (await page(`/items?q=${encodeURIComponent('清单事项1')}&category=${encodeURIComponent('行政处罚')}&unit=${env.unitId}`))
      .body;
    expect(html).toContain('<form class="roster-search" method="get" action="/items">');
    expect(html).toContain('清单事项10');
    expect(html).not.toContain('清单事项1<');
    expect(html).toContain('符合条件的执法事项共 10 项');
    expect(html).toContain('<option value="行政处罚" selected>');
    expect(html).toContain(`<option value="${env.unitId}" selected>`);
    expect((await page(`/items?q=${tag.toLowerCase()}-0&category=${encodeURIComponent('行政检查')}`)).body).toContain('执法事项共 1 项');
    const escaped = (await page(`/items?q=${encodeURIComponent('"><b>x')}`)).body;
    expect(escaped).toContain('value="&quot;&gt;&lt;b&gt;x"');
    expect(escaped).toContain('没有符合条件的执法事项');
    expect((await page('/items?page=0')).statusCode).toBe(400);
  });

  it('renders the service guide with every field, the flowchart, history and a QR code', async () => {
    const res = await page(`/items/${tag}-00`, { host: 'gs.example.gov.cn' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    for (const text of ['《劳动保障监察条例》第二十五条', '受理机构', '决定机构', '法定办理时限', '90 个日', '承诺办理时限', '不收费']) {
      expect(html).toContain(text);
    }
    for (const text of ['投诉举报材料', '行政复议', '60 日内', '司法局行政执法监督', '12333', '执法流程图']) expect(html).toContain(text);
    const flow = /<div class="flowchart">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(flow.startsWith('<svg width="100%"')).toBe(true);
    for (const step of ['立案', '调查取证', '决定']) expect(flow).toContain(`>${step}</text>`);
    expect(html).toContain(`http://gs.example.gov.cn/items/${tag}-00`);
    expect(html).toMatch(/<div class="qr"[^>]*><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(html).not.toMatch(/<script[\s>]/);
  });

  it('shows history: the current version, an older one by ?version=, escaped; 404 for drafts and unknown codes', async () => {
    const current = (await page(`/items/${tag}-X`)).body;
    expect(current).toContain('第二版事项名称');
    expect(current).toContain(`href="/items/${tag}-X?version=1">第 1 版</a>`);
    const old = await page(`/items/${tag}-X?version=1`);
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;事项');
    expect(old.body).toContain('条件&quot;&amp;');
    expect(old.body).toContain('<strong>历史版本</strong>');
    expect(old.body).not.toMatch(/<script[\s>]/);
    expect((await page(`/items/${tag}-DRAFT`)).statusCode).toBe(404);
    const missing = await page(`/items/${encodeURIComponent('<i>x')}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('&lt;i&gt;x');
    expect((await page(`/items/${tag}-X?version=9`)).statusCode).toBe(404);
  });
});
