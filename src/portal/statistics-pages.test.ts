import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.js';
import { decidedCase, reportsApi } from '../modules/annual-reports/testing.js';
import { type CasesEnv, startCasesEnv } from '../modules/cases/testing.js';

// The portal's 行政执法统计年报: the list of published years, a year's page with its tables and
// server-rendered SVG charts (no script), and the workbook; unpublished years are not found.

describeEachDialect('portal: 行政执法统计年报 (/statistics, /statistics/:year, .xlsx)', (ctx) => {
  let env: CasesEnv;

  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    const api = reportsApi(env);
    await decidedCase(env);
    const view = api.ok(await api.compute(2026), 'compute');
    for (const unit of view.units) api.ok(await api.confirm(2026, unit.unitId, unit.figuresSha256), 'confirm');
    api.ok(await api.compile(2026), 'compile');
    // 2025 stays a draft: it must not appear anywhere on the portal.
    api.ok(await api.compute(2025), 'compute 2025');
    api.ok(await api.publish(2026), 'publish');
  });
  afterAll(() => env?.app.close());

  const page = async (url: string) => {
    const res = await env.app.inject({ method: 'GET', url, headers: { host: 'gs.example.gov.cn' } });
    expect(res.body).not.toMatch(/<script[\s>]/);
    return res;
  };

  it('lists the published years, links them from the navigation and leaves drafts out', async () => {
    const res = await page('/statistics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/statistics/2026"');
    expect(res.body).not.toContain('href="/statistics/2025"');
    expect(res.body).toContain('<td data-label="作出决定">1 件</td>');
    expect(res.body).toContain('<td data-label="罚款金额">800.00</td>');
    expect(res.body).toContain('<a href="/statistics">统计年报</a>');
    expect(res.body).toContain('http://gs.example.gov.cn/statistics');
  });

  it('shows a year with its tables, SVG charts, notes, hash, downloads and QR code; unknown years are 404', async () => {
    const res = await page('/statistics/2026');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('2026 年度行政执法统计年报');
    expect(body).toMatch(/统计截至 <strong>2026-\d{2}-\d{2}<\/strong>/);
    expect(body).toContain('<th scope="row">作出行政处罚(处理)决定(件)</th><td class="num">1</td>');
    expect(body).toContain('<th scope="row">罚款金额(元)</th><td class="num">800.00</td>');
    expect(body).toContain('<td data-label="事项类别">行政处罚</td><td data-label="案源登记">1</td><td data-label="作出决定">1</td>');
    expect(body).toContain('<td data-label="事项类别">行政许可</td><td data-label="案源登记">0</td>');
    expect(body).toContain('<td data-label="单位">劳动保障监察监督局</td>');
    expect(body).toContain('<td data-label="处罚种类">罚款</td><td data-label="决定">1</td>');
    const charts = body.match(/<figure class="chart"[^>]*>\s*<svg [^>]*viewBox="0 0 480 \d+"/g) ?? [];
    expect(charts).toHaveLength(3);
    expect(body).toContain('>劳动保障监察监督局</text>');
    expect(body).toContain('>9月</text>');
    expect(body).toContain('行政许可:本平台尚未办理行政许可事项');
    const json = (await env.app.inject({ method: 'GET', url: '/api/public/annual-reports/2026' })).json<{
      figuresSha256: string;
      ledgerIndex: number;
    }>();
    expect(body).toContain(json.figuresSha256);
    expect(body).toContain(`href="/api/ledger/entries/${json.ledgerIndex}"`);
    expect(body).toContain('href="/statistics/2026.xlsx"');
    expect(body).toContain('aria-label="本页网址的二维码"');
    expect(body).toContain('http://gs.example.gov.cn/statistics/2026');

    for (const missing of ['/statistics/2025', '/statistics/2019', '/statistics/abc', '/statistics/2025.xlsx', '/statistics/%00']) {
      const r = await page(missing);
      expect(r.statusCode, missing).toBe(404);
    }
  });

  it('downloads the year as a workbook that reads back with the same figures', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/statistics/2026.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const categories = workbook.getWorksheet('事项类别');
    const row = categories?.getRow(3).values;
    expect(Array.isArray(row) ? row.slice(1) : []).toEqual(['行政处罚', 1, 1]);
  });
});
