import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser.js';
import { apiSession, useDemoServerAndBrowser } from '../support/e2e.js';

// 双随机、一公开 on the portal, in Chromium against `sanxiang serve --demo`: a plan made through the API as the
// demo's people is announced and drawn; its page re-runs the draw in the browser (static/verify-draw.js)
// and agrees with the published result, and disagrees once a visitor changes one number.

const enabled = chromiumAvailable();
const WAIT = { timeout: 15_000 };
const PASSWORD = 'Demo@2026';
const AXE_SOURCE = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const REGION = '大武口区';
const VALUES = [['5', '11', '17', '23', '28', '33'], ['7']];

function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

type Violation = { id: string; impact: string | null; help: string; nodes: string[] };

/** axe-core's serious and critical findings (evaluated over CDP, which the page's CSP does not govern). */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate<boolean>("typeof axe !== 'undefined'"))) await page.evaluate(fs.readFileSync(AXE_SOURCE, 'utf8'));
  const all = await page.evaluate<Violation[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ') + ' ' + n.html.slice(0, 160)),
    })))`,
  );
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A drawn plan of today: an item, a plan over the region's employers, announced and drawn with VALUES. */
async function drawnPlan(baseUrl: string): Promise<string> {
  const reviewer = await apiSession(baseUrl, 'reviewer', PASSWORD);
  const head = await apiSession(baseUrl, 'unithead', PASSWORD);
  const today = beijingToday();
  const me = await head<{ user: { unitId: string } }>('GET', '/api/me');
  const item = await reviewer<{ code: string }>('POST', '/api/inspections/items', {
    category: '劳动保障监察',
    name: '用人单位参加社会保险情况(端到端测试)',
    target: '辖区内用人单位',
    kind: '一般检查事项',
    basis: '《社会保险法》第五十八条、第八十四条',
    content: '社会保险登记、参保人数与缴费基数',
    method: '书面审查',
    percent: 5,
    frequency: '每年不少于 1 次',
    level: '市级',
    field: '劳动保障监察',
    unitId: me.user.unitId,
  });
  const plan = await head<{ id: string }>('POST', '/api/inspections/plans', {
    title: `端到端测试抽查计划 ${Date.now()}`,
    year: Number(today.slice(0, 4)),
    unitId: me.user.unitId,
    description: '',
    itemCodes: [item.code],
    regions: [REGION],
    industries: [],
    riskClasses: [],
    sampling: { mode: 'count', values: { 全部: 8 } },
    teamSize: 2,
    maxTasksPerInspector: null,
    field: '劳动保障监察',
    algorithm: 'vrs',
    sources: [
      { name: '双色球开奖号码(红球,测试)', description: '6 个号码' },
      { name: '双色球开奖号码(蓝球,测试)', description: '1 个号码' },
    ],
    drawOn: today,
    inspectFrom: today,
    inspectTo: today,
  });
  // The demo's 检查对象名录库 (seedInspectionsDemo) has the region's employers, its roster the inspectors.
  const preview = await head<{ populationCount: number; problems: string[] }>('GET', `/api/inspections/plans/${plan.id}/preview`);
  expect(preview.populationCount).toBeGreaterThan(8);
  expect(preview.problems).toEqual([]);
  await head('POST', `/api/inspections/plans/${plan.id}/announce`);
  await head('POST', `/api/inspections/plans/${plan.id}/draw`, { values: VALUES });
  return plan.id;
}

type Row = { target: string; team: string };

/** The published result as [target, team certificate numbers] rows. */
const publishedRows = (page: Page) =>
  page.evaluate<Row[]>(`[...document.querySelectorAll('#draw-published tbody tr')].map((tr) => ({
    target: tr.getAttribute('data-target'), team: tr.getAttribute('data-team'),
  }))`);

/** The re-run's rows, in the same shape. */
const recomputedRows = (page: Page) =>
  page.evaluate<Row[]>(`[...document.querySelectorAll('#draw-verify-result tbody tr')].map((tr) => ({
    target: tr.querySelector('[data-label="检查对象"]').textContent, team: tr.querySelector('[data-label="检查组"]').textContent,
  }))`);

/** Clicks 重新抽取核验 and waits for the verdict; returns the passed and failed lines. */
async function rerun(page: Page): Promise<{ passed: string[]; failed: string[] }> {
  await page.click('#draw-verify-run');
  // (page.waitForFunction would evaluate a string in the page, which its CSP forbids.)
  await expect
    .poll(() => page.evaluate<string>("document.getElementById('draw-verify-output').textContent"), WAIT)
    .toMatch(/核验(通过|未通过|未能完成)/);
  await expect.poll(() => page.evaluate<boolean>("document.getElementById('draw-verify-run').disabled"), WAIT).toBe(false);
  return {
    passed: await page.locator('#draw-verify-output li.check-ok').allTextContents(),
    failed: await page.locator('#draw-verify-output li.check-fail').allTextContents(),
  };
}

describe.runIf(enabled)('双随机、一公开 on the portal in Chromium: the tabs, a draw and its re-run (sanxiang serve --demo)', () => {
  const demo = useDemoServerAndBrowser();

  it('re-runs a published draw in the browser: every check ✓ and the same targets and teams; one number changed gives ✗ and another result', {
    timeout: 180_000,
  }, async () => {
    const id = await drawnPlan(demo.server.baseUrl);
    const context = await demo.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const scriptErrors: string[] = [];
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') scriptErrors.push(message.text());
      });

      // The three tabs, each reachable from the section and passing axe.
      await page.goto(`${demo.server.baseUrl}/inspections`);
      await page.locator('.site-nav a[href="/inspections"]').waitFor(WAIT);
      expect(await seriousViolations(page), '/inspections').toEqual([]);
      for (const tab of ['/inspections/items', '/inspections/plans', '/inspections/results']) {
        await page.goto(`${demo.server.baseUrl}${tab}`);
        await page.locator(`.section-tabs a[href="${tab}"][aria-current="page"]`).waitFor(WAIT);
        expect(await seriousViolations(page), tab).toEqual([]);
      }
      await page.goto(`${demo.server.baseUrl}/inspections/plans`);
      await page.locator(`a[href="/draws/${id}"]`).first().click();
      await page.waitForURL(`**/draws/${id}`, WAIT);

      // The verify section is shown by its script, prefilled with the published numbers.
      await page.locator('#draw-verify').waitFor({ state: 'visible', ...WAIT });
      await expect(page.locator('#draw-verify-sources').inputValue()).resolves.toBe(VALUES.map((v) => v.join(' ')).join('\n'));
      const published = await publishedRows(page);
      expect(published).toHaveLength(8);
      expect(published.every((r) => r.team.split('、').length === 2)).toBe(true);
      expect(await seriousViolations(page), 'draw page').toEqual([]);

      const first = await rerun(page);
      expect(first.failed).toEqual([]);
      // The script's checks (it may add more): the snapshots, the code, the re-run, and the verdict last.
      const names = first.passed.map((l) => l.split(':')[0]);
      expect(names).toEqual(
        expect.arrayContaining([
          '✓ 检查对象名录快照',
          '✓ 执法检查人员名录快照',
          '✓ 利害关系申报快照',
          '✓ 一次性码与承诺值',
          '✓ 重新抽取结果',
        ]),
      );
      expect(names.at(-1)).toBe('✓ 核验通过');
      expect(await recomputedRows(page)).toEqual(published);
      expect(await seriousViolations(page), 'draw page after the re-run').toEqual([]);

      // A visitor changes one number of the first source: the re-run no longer matches.
      const changed = [[String(Number(VALUES[0]?.[0]) + 1), ...(VALUES[0] ?? []).slice(1)], ...VALUES.slice(1)];
      await page.fill('#draw-verify-sources', changed.map((v) => v.join(' ')).join('\n'));
      const second = await rerun(page);
      expect(second.failed.some((l) => l.startsWith('✗ 重新抽取结果'))).toBe(true);
      expect(second.passed.some((l) => l.startsWith('✓ 一次性码与承诺值'))).toBe(true);
      const recomputed = await recomputedRows(page);
      expect(recomputed).toHaveLength(8);
      expect(recomputed).not.toEqual(published);
      expect(await page.locator('#draw-verify-result tr.draw-differs').count()).toBeGreaterThan(0);
      expect(scriptErrors).toEqual([]);
      // On a 390 px phone the page, re-run included, fits the screen (no sideways scrolling).
      await page.setViewportSize({ width: 390, height: 844 });
      await expect
        .poll(() => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'), WAIT)
        .toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }

    // Without JavaScript the page still has the announcement and the result; the re-run stays hidden.
    const plain = await demo.browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    try {
      const page = await plain.newPage();
      await page.goto(`${demo.server.baseUrl}/draws/${id}`);
      await expect(page.locator('#draw-published tbody tr').count()).resolves.toBe(8);
      await expect(page.locator('#draw-verify').isVisible()).resolves.toBe(false);
      await expect(page.locator('dt', { hasText: '一次性码承诺值' }).count()).resolves.toBe(1);
    } finally {
      await plain.close();
    }
  });
});
