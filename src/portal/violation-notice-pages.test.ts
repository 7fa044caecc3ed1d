import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.js';
import { type CasesEnv, caseAt, company, startCasesEnv, VALID_USCC } from '../modules/cases/testing.js';
import { noticesApi } from '../modules/violation-notices/testing.js';

describeEachDialect('portal: 重大劳动保障违法行为社会公布 (/violation-notices, list, search, CSV)', (ctx) => {
  let env: CasesEnv;

  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    const api = noticesApi(env);
    const first = await caseAt(env, 'decided');
    const second = await caseAt(env, 'decided', { parties: [company({ name: '某某劳务派遣有限公司', legalRepresentative: '王五' })] });
    for (const id of [first.id, second.id]) {
      const candidate = await api.entryOf(id);
      if (!candidate) throw new Error('no candidate');
      const res = await api.include(candidate, { category: 'child_labour' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const compiled = await api.compile(2026, 3);
    expect(compiled.statusCode, compiled.body).toBe(200);
    const published = await api.publish(compiled.json<{ id: string }>().id);
    expect(published.statusCode, published.body).toBe(200);
    const removed = (await api.entryOf(second.id)) ?? { id: '' };
    const res = await api.call('POST', `/api/violation-notices/entries/${removed.id}/remove`, 'reviewer', {
      reason: '处理决定被人民法院撤销',
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => env?.app.close());

  const page = async (url: string) => {
    const res = await env.app.inject({ method: 'GET', url, headers: { host: 'gs.example.gov.cn' } });
    expect(res.body).not.toMatch(/<script[\s>]/);
    return res;
  };

  it('lists the published quarters with links, counts and the page QR code', async () => {
    const res = await page('/violation-notices');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/violation-notices/2026/3"');
    expect(res.body).toContain('2026 年第三季度');
    expect(res.body).toContain('<td data-label="公布事项">2 项</td>');
    expect(res.body).toContain('<td data-label="此后撤下">1 项</td>');
    expect(res.body).toContain('http://gs.example.gov.cn/violation-notices');
    expect(res.body).toMatch(/<svg[^>]*>/);
    expect(res.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('shows the list as a stacked table with every 第六条 field, the removal note and the ledger index, searchable by name', async () => {
    const res = await page('/violation-notices/2026/3');
    expect(res.statusCode).toBe(200);
    for (const label of ['违法主体全称', '统一社会信用代码', '地址', '法定代表人或负责人', '违法行为类别', '主要违法事实', '相关处理情况'])
      expect(res.body).toContain(`data-label="${label}"`);
    expect(res.body).toContain('<table class="data stack">');
    expect(res.body).toContain(VALID_USCC);
    expect(res.body).toContain('<td data-label="法定代表人或负责人">张三</td>');
    expect(res.body).toContain('违反禁止使用童工规定');
    expect(res.body).toContain('理由:处理决定被人民法院撤销');
    expect(res.body).not.toContain('王五');
    expect(res.body).toContain('http://gs.example.gov.cn/violation-notices/2026/3');
    expect(res.body).toMatch(/账本序号<\/dt><dd class="mono">\d+<\/dd>/);

    const found = await page(`/violation-notices/2026/3?q=${encodeURIComponent('建筑')}`);
    expect(found.body).toContain('某某建筑工程有限公司');
    expect(found.body).not.toContain('某某劳务派遣有限公司');
    const none = await page(`/violation-notices/2026/3?q=${encodeURIComponent('不存在的单位')}`);
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('没有名称含“不存在的单位”的违法主体');
    expect((await page('/violation-notices/2026/3?q=%00%01')).statusCode).toBe(200);
  });

  it('answers 404 for unpublished, unknown and malformed quarters', async () => {
    for (const url of [
      '/violation-notices/2026/2',
      '/violation-notices/2026/5',
      '/violation-notices/abcd/1',
      '/violation-notices/2026/3x',
    ]) {
      const res = await page(url);
      expect(res.statusCode, url).toBe(404);
    }
  });

  it('exports the published list as CSV (BOM, CRLF, removed row with its note only)', async () => {
    const res = await page('/violation-notices/2026/3/list.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('violation-notices-2026-q3.csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '序号,违法主体全称,统一社会信用代码(或注册号),地址,法定代表人或负责人,违法行为类别,主要违法事实,相关处理情况,处理决定日期,撤下说明',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`1,某某建筑工程有限公司,${VALID_USCC}`);
    expect(lines[2]).toMatch(/^2,某某劳务派遣有限公司,,,,违反禁止使用童工规定,,,2026-09-21,已于 .* 撤下:处理决定被人民法院撤销$/);
    expect((await page('/violation-notices/2026/4/list.csv')).statusCode).toBe(404);
  });
});
