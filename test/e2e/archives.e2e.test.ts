import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { verifyBag } from '../../src/platform/archive/bagit.js';
import { chromiumAvailable } from '../support/browser.js';
import { apiSession, useDemoServerAndBrowser, usePersonas } from '../support/e2e.js';

// 档案管理 in the console, in Chromium against `sanxiang serve --demo`: the archivist finds the demo's archived
// file under 已归档, opens it (卷内文件目录 from 封面 and 目录 to 备考表, the 四性检测 report), downloads the
// 归档包 (a zip that `verifyBag` accepts), then opens a closed case's 组卷预览 under 待归档, accepts it and
// finds it under 已归档; the file's page fits a phone; no script errors along the way.

const enabled = chromiumAvailable();
const WAIT = { timeout: 20_000 };
const PASSWORD = 'Demo@2026';

type Summary = { id: string; caseId: string; caseNo: string; title: string; archiveNo: string };
type Closed = { id: string; caseNo: string; title: string };
type Plan = { suggestedPages: number; report: { passed: boolean } };

/** No sideways scrolling: the page fits the viewport's width. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1');
}

/** Script errors and errors logged to the browser console, from now on. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

describe.runIf(enabled)('档案管理 in the console: open and export an archived file, accept a closed case (sanxiang serve --demo)', () => {
  const demo = useDemoServerAndBrowser();
  const { as } = usePersonas(demo, {
    password: PASSWORD,
    readyTestId: 'menu-dashboard',
    screenshotPrefix: 'sanxiang-e2e-archives',
    timeoutMs: WAIT.timeout,
  });

  it('the archivist opens the demo file, downloads a valid BagIt zip, and accepts a closed case through 组卷预览', {
    timeout: 180_000,
  }, async () => {
    const archivist = await apiSession(demo.server.baseUrl, 'archivist', PASSWORD);
    // The demo seed archives one file at start; the other closed cases wait.
    const before = await archivist<{ items: Summary[]; total: number }>('GET', '/api/archive/files?page=1&pageSize=20');
    expect(before.total).toBe(1);
    const seeded = before.items[0] as Summary;
    const pending = await archivist<Closed[]>('GET', '/api/archive/pending');
    const target = pending[0] as Closed;
    expect(target).toBeDefined();
    const plan = await archivist<Plan>('GET', `/api/archive/cases/${target.id}/plan`);
    expect(plan.report.passed).toBe(true);

    await as('archivist', async (page) => {
      const errors = collectErrors(page);
      await page.click('[data-testid="menu-archives"]');
      await page.waitForURL(/\/console\/archives/, WAIT);

      // 1. 已归档 lists the demo's file; its 档号 opens it.
      await page.click('[data-testid="archives-tab-files"]');
      const row = page.locator('[data-testid="files-table"] tr.ant-table-row', { hasText: seeded.archiveNo });
      await row.waitFor(WAIT);
      await expect(row.textContent()).resolves.toContain(seeded.title);
      await row.locator('[data-testid="file-row-archive-no"]').click();
      await page.locator('[data-testid="file-detail"]').waitFor(WAIT);
      expect(new URL(page.url()).searchParams.get('file')).toBe(seeded.id);
      await expect(page.locator('[data-testid="file-archive-no"]').textContent()).resolves.toBe(seeded.archiveNo);
      await expect(page.locator('[data-testid="file-state"]').textContent()).resolves.toBe('已归档');

      // 2. The 卷内文件目录 in 件号 order: 封面 and 目录 first, 备考表 last.
      const titles = page.locator('[data-testid="file-items"] [data-testid="archive-item-title"]');
      await expect.poll(() => titles.count(), WAIT).toBeGreaterThan(3);
      const all = await titles.allTextContents();
      expect(all.slice(0, 2)).toEqual(['行政执法案卷封面', '卷内文件目录']);
      expect(all.at(-1)).toBe('卷内备考表');
      // The acceptance's 四性检测 report is kept and opens to its four properties.
      const check = page.locator('[data-testid="file-check"]').first();
      await expect(check.textContent()).resolves.toContain('接收归档时');
      await check.click();
      await page.locator('[data-testid="four-checks-verdict"]', { hasText: '四性检测通过' }).waitFor(WAIT);
      for (const property of ['authenticity', 'integrity', 'usability', 'security']) {
        await page.locator(`[data-testid="four-checks-group-${property}"]`).first().waitFor(WAIT);
      }

      // 3. 导出归档包: a zip (PK…) that verifyBag accepts.
      const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('[data-testid="file-export"]')]);
      expect(download.suggestedFilename()).toMatch(/\.zip$/);
      const bytes = fs.readFileSync(await download.path());
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-e2e-archives-'));
      try {
        const zip = path.join(dir, 'bag.zip');
        fs.writeFileSync(zip, bytes);
        const verdict = await verifyBag(zip);
        expect(verdict.problems).toEqual([]);
        expect(verdict.ok).toBe(true);
        expect(verdict.payloadFiles).toBeGreaterThan(0);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }

      // 4. On a 390 px phone the file's page fits the screen (the tables scroll inside themselves).
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => fitsWidth(page), WAIT).toBe(true);
      await page.setViewportSize({ width: 1440, height: 900 });

      // 5. 待归档: the closed case's 组卷预览 (order, retention, 四性检测), pages prefilled; 接收归档.
      await page.click('[data-testid="file-back"]');
      await page.click('[data-testid="archives-tab-pending"]');
      const waiting = page.locator('[data-testid="pending-table"] tr.ant-table-row', { hasText: target.caseNo });
      await waiting.waitFor(WAIT);
      await waiting.locator('[data-testid="pending-preview"]').click();
      const drawer = page.locator('[data-testid="plan-drawer"]');
      await drawer.locator('[data-testid="plan-items"]').waitFor(WAIT);
      const planned = await drawer.locator('[data-testid="archive-item-title"]').allTextContents();
      expect(planned.slice(0, 2)).toEqual(['行政执法案卷封面', '卷内文件目录']);
      expect(planned.at(-1)).toBe('卷内备考表');
      await expect(drawer.locator('[data-testid="four-checks-verdict"]').textContent()).resolves.toBe('四性检测通过');
      await expect(drawer.locator('[data-testid="plan-retention-bases"] li').count()).resolves.toBeGreaterThan(0);
      await expect(page.inputValue('[data-testid="plan-pages"] input, input[data-testid="plan-pages"]')).resolves.toBe(
        String(plan.suggestedPages),
      );
      await page.fill('[data-testid="plan-note"]', '端到端测试:文书齐全。');
      await page.click('[data-testid="plan-accept"]');
      await page.locator('[data-testid="plan-accepted"]').waitFor(WAIT);
      await drawer.waitFor({ state: 'hidden', ...WAIT });
      await waiting.waitFor({ state: 'detached', ...WAIT });

      // 6. It is under 已归档 now, with its 档号.
      await page.click('[data-testid="archives-tab-files"]');
      const accepted = page.locator('[data-testid="files-table"] tr.ant-table-row', { hasText: target.caseNo });
      await accepted.waitFor(WAIT);
      await expect(accepted.textContent()).resolves.toContain(target.title);
      expect(errors).toEqual([]);
    });

    // The server agrees: two files, the new one for the case accepted.
    const after = await archivist<{ items: Summary[]; total: number }>('GET', '/api/archive/files?page=1&pageSize=20');
    expect(after.total).toBe(2);
    expect(after.items.map((f) => f.caseId)).toContain(target.id);
  });
});
