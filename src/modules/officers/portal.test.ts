import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { officerBody, type RosterEnv, startRosterEnv } from './testing.js';

describeEachDialect('portal: 行政执法人员清单 and 执法证件核验', (ctx) => {
  let env: RosterEnv;
  const certs: string[] = [];

  beforeAll(async () => {
    env = await startRosterEnv(ctx.db);
    const { reviewer, supervisor } = env.sessions;
    const post = (url: string, headers: Record<string, string>, payload?: Record<string, unknown>) =>
      env.app.inject({ method: 'POST', url, headers, payload });
    const ids: string[] = [];
    const people = [
      { name: '<script>alert(1)</script>', position: '监察员"&' },
      ...Array.from({ length: 21 }, (_, i) => ({ name: `清单人员${String(i).padStart(2, '0')}` })),
    ];
    for (const p of people) {
      const officer = (await post('/api/officers', reviewer.headers, officerBody(env.inspectionId, p))).json();
      ids.push(officer.id);
      certs.push(officer.certificateNo);
    }
    const suspended = (
      await post('/api/officers', reviewer.headers, officerBody(env.inspectionId, { name: '暂扣者', status: 'suspended' }))
    ).json();
    ids.push(suspended.id);
    certs.push(suspended.certificateNo);
    const draft = (await post('/api/officers', reviewer.headers, officerBody(env.inspectionId, { name: '草稿人员' }))).json();
    const batch = (
      await post('/api/roster/batches', reviewer.headers, { title: 'x', items: ids.map((officerId) => ({ officerId, action: 'upsert' })) })
    ).json();
    await post(`/api/roster/batches/${batch.id}/submit`, reviewer.headers);
    await post(`/api/roster/batches/${batch.id}/confirm`, supervisor.headers);
    expect(draft.name).toBe('草稿人员');
  });
  afterAll(() => env?.app.close());

  const page = (url: string, headers: Record<string, string> = {}) => env.app.inject({ method: 'GET', url, headers });

  it('renders the roster with exactly the public fields, escaped, paginated, without drafts', async () => {
    const res = await page('/roster');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    expect(html).toContain('<th>姓名</th><th>所属单位</th><th>职务</th><th>执法类别</th><th>执法证件号码</th><th>有效期至</th>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('监察员&quot;&amp;');
    expect(html).not.toContain('草稿人员');
    expect(html).not.toContain('暂扣者');
    expect(html).not.toContain('宁夏回族自治区人民政府');
    expect(html).toContain('第 1 / 2 页');
    expect(html).toContain('href="/roster?page=2"');
    expect(html).toContain('<a href="/roster">行政执法人员</a>');
    expect(html).toMatch(/公开期限:\d{4}-\d{2}-\d{2}/);
    expect(html).not.toMatch(/<script[\s>]/);
  });

  it('searches by name, unit and category through a plain GET form', async () => {
    const html = (await page(`/roster?name=${encodeURIComponent('清单人员0')}&unit=${encodeURIComponent('劳动保障监察监督局')}&category=`))
      .body;
    expect(html).toContain('<form class="roster-search" method="get" action="/roster">');
    expect(html).toContain('清单人员09');
    expect(html).not.toContain('清单人员10');
    expect(html).toContain('<option value="劳动保障监察监督局" selected>');
    expect(html).toContain('符合条件的持有效证件的执法人员 10 名');
    expect((await page(`/roster?category=${encodeURIComponent('不存在的类别')}`)).body).toContain('没有符合条件的执法人员');
    const escaped = (await page(`/roster?name=${encodeURIComponent('"><b>x')}`)).body;
    expect(escaped).toContain('value="&quot;&gt;&lt;b&gt;x"');
    expect((await page('/roster?page=0')).statusCode).toBe(400);
  });

  it('shows a valid certificate with a large badge and a QR code of the page itself', async () => {
    const res = await page(`/verify/${certs[1]}`, { host: 'gs.example.gov.cn' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<p class="verify-badge verify-ok" role="status">有效</p>');
    expect(res.body).toContain('清单人员00');
    expect(res.body).toContain(`http://gs.example.gov.cn/verify/${certs[1]}`);
    expect(res.body).toMatch(/<div class="qr"[^>]*><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('shows 暂扣 and an escaped, 404 answer for unknown numbers; the form redirects', async () => {
    expect((await page(`/verify/${certs[certs.length - 1]}`)).body).toContain('verify-warn" role="status">暂扣</p>');
    const missing = await page(`/verify/${encodeURIComponent('<i>999')}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('&lt;i&gt;999');
    expect(missing.body).toContain('未查到');
    const form = await page('/verify');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="certificateNo"');
    const redirect = await page('/verify?certificateNo=6402%20');
    expect([redirect.statusCode, redirect.headers.location]).toEqual([303, '/verify/6402']);
  });

  it('links the roster from the home page', async () => {
    const home = await page('/');
    expect(home.body).toContain('href="/roster"');
    expect(home.body).toContain('href="/verify"');
  });
});
