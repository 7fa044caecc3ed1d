import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { StatsOverview } from '../../src/modules/stats/index.js';
import { chromiumAvailable } from '../support/browser.js';
import { apiSession, useDemoServerAndBrowser, usePersonas } from '../support/e2e.js';

// 统计分析 in the console, in Chromium against `sanxiang serve --demo`: the leader opens the dashboard from
// the menu, sees the demo agency's figures (the same as the API's), charts drawn as SVG and the weak-spot
// list, downloads the workbook and finds the same figures in it; the page also fits a phone screen.

const enabled = chromiumAvailable();
const WAIT = { timeout: 20_000 };
const PASSWORD = 'Demo@2026';

describe.runIf(enabled)('统计分析 dashboard in the console (sanxiang serve --demo)', () => {
  const demo = useDemoServerAndBrowser();
  const { as } = usePersonas(demo, {
    password: PASSWORD,
    readyTestId: 'menu-dashboard',
    screenshotPrefix: 'sanxiang-e2e-stats',
    timeoutMs: WAIT.timeout,
  });

  it('the leader opens the dashboard, sees the demo figures and charts, and downloads the Excel export', { timeout: 120_000 }, async () => {
    const leader = await apiSession(demo.server.baseUrl, 'leader', PASSWORD);
    const api = await leader<StatsOverview>('GET', '/api/stats/overview');
    // The demo cases were received in the last two months: the default period (twelve months) has them.
    expect(api.kpis.received).toBeGreaterThan(0);

    await as('leader', async (page) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.click('[data-testid="menu-stats"]');
      await page.waitForURL(/\/console\/stats/, WAIT);
      const received = page.locator('[data-testid="kpi-received"] .ant-statistic-content');
      await received.waitFor(WAIT);
      await expect.poll(() => received.textContent(), WAIT).toBe(String(api.kpis.received));
      await expect(page.locator('[data-testid="kpi-open"] .ant-statistic-content').textContent()).resolves.toBe(String(api.kpis.open));
      await expect(page.locator('[data-testid="stats-scope"]').textContent()).resolves.toContain('全部单位');

      // Charts are drawn (SVG renderer) with their text description for screen readers.
      for (const chart of ['chart-case-trend', 'chart-rate-trend', 'chart-stage', 'chart-source', 'chart-unit']) {
        const box = page.locator(`[data-testid="${chart}"]`);
        await expect.poll(() => box.locator('svg').count(), WAIT).toBeGreaterThan(0);
        await expect(box.getAttribute('aria-label')).resolves.not.toBe('');
      }
      // The stage chart names the stages the demo cases are in.
      const firstStage = api.byStage[0]?.label ?? '';
      await expect.poll(() => page.locator('[data-testid="chart-stage"] svg').textContent(), WAIT).toContain(firstStage);
      // Per-unit table: the demo's handling unit with its count.
      const unitRow = page.locator('[data-testid="stats-by-unit"] tr.ant-table-row').first();
      await expect(unitRow.textContent()).resolves.toContain(api.byUnit[0]?.name ?? '?');
      await page.locator('[data-testid="stats-weak-spots"]').waitFor(WAIT);

      // 导出 Excel: the workbook of the same figures.
      const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('[data-testid="stats-export"]')]);
      expect(download.suggestedFilename()).toMatch(/^统计分析-\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(fs.readFileSync(await download.path())).buffer);
      const summary = workbook.getWorksheet('核心指标');
      const rows = (summary?.getSheetValues() ?? []).filter(Array.isArray).map((r) => r.slice(1));
      expect(rows[0]?.slice(0, 4)).toEqual(['指标', '数值', '分子', '分母']);
      expect(rows).toContainEqual(expect.arrayContaining(['受理登记案件(件)', api.kpis.received]));
      const units = (workbook.getWorksheet('按单位')?.getSheetValues() ?? []).filter(Array.isArray).map((r) => r.slice(1));
      expect(units.slice(1).map((r) => [r[0], r[1]])).toEqual(api.byUnit.map((u) => [u.name, u.received]));

      // A phone: the page reflows to one column without the whole page scrolling sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect
        .poll(() => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth'), WAIT)
        .toBeLessThanOrEqual(1);
      await page.locator('[data-testid="kpi-received"]').waitFor(WAIT);
      await page.setViewportSize({ width: 1440, height: 900 });
      expect(errors).toEqual([]);
    });
  });
});
