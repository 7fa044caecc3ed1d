import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ENTITIES_SHEET, usccProblem } from '../../src/modules/inspections/entities-fields.js';
import { usccCheckChar } from '../../src/platform/pii/ids.js';
import { chromiumAvailable } from '../support/browser.js';
import { apiSession, useDemoServerAndBrowser, usePersonas } from '../support/e2e.js';

// 检查对象名录库 in the console, in Chromium against `sanxiang serve --demo`: 政策法规科 imports a large CSV
// through the import dialog, sees the server's reading progress and then the summary, and finds an imported
// entity by searching; a CSV with two wrong check characters and a repeated code is refused as a whole —
// every problem listed with its row, the error report downloadable, nothing written — and the dialog fits
// a 390 px phone.

const enabled = chromiumAvailable();
const WAIT = { timeout: 30_000 };
const PASSWORD = 'Demo@2026';
/** Large enough that the server publishes rows read (every 2,000 rows) while the console polls. */
const ROWS = 20_000;
const USCC_HEADER = '统一社会信用代码';
const HEADERS = ENTITIES_SHEET.columns.map((c) => c.header);
const REGIONS = ['大武口区', '惠农区', '平罗县'];
const INDUSTRIES = ['建筑业', '制造业', '批发和零售业', '住宿和餐饮业'];

/** A valid 统一社会信用代码: 91 (enterprise), a region code, nine digits and the GB 32100 check character. */
function uscc(serial: number): string {
  const first17 = `91640202${String(serial).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
}

/** The same code with a check character that is wrong (but of the right alphabet). */
function withWrongCheck(code: string): string {
  const wrong = code.endsWith('0') ? '1' : '0';
  return code.slice(0, 17) + wrong;
}

interface Row {
  uscc: string;
  name: string;
}

/** A CSV with the template's headers, one entity per row (numbered from row 2, after the header). */
function csvOf(rows: readonly Row[]): Buffer {
  const lines = rows.map((r, i) =>
    [
      r.uscc,
      r.name,
      '张三',
      `${REGIONS[i % REGIONS.length]}测试路 ${i + 1} 号`,
      REGIONS[i % REGIONS.length],
      INDUSTRIES[i % INDUSTRIES.length],
      '小型',
      'ABCD'[i % 4],
      '李四',
      '0952-1234567',
    ].join(','),
  );
  return Buffer.from(`${[HEADERS.join(','), ...lines].join('\n')}\n`, 'utf8');
}

/** A random nine-digit base, so that reruns (and the demo's own entities) never share a code. */
function randomBase(count: number): number {
  return 100_000_000 + Math.floor(Math.random() * (899_999_999 - count));
}

/** Opens 检查对象名录库 from the side menu. */
async function openEntities(page: Page): Promise<void> {
  const entry = page.locator('[data-testid="menu-inspection-entities"]');
  if (!(await entry.isVisible())) await page.click('[data-testid="menu-group-inspections"]');
  await entry.click();
  await page.locator('[data-testid="entities-table"]').waitFor(WAIT);
}

/** Opens the import dialog and picks the file. */
async function pickFile(page: Page, name: string, buffer: Buffer): Promise<Locator> {
  await page.click('[data-testid="entity-import-open"]');
  const modal = page.locator('.ant-modal', { hasText: '导入检查对象名录' });
  await modal.waitFor(WAIT);
  await modal.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await modal.locator('.ant-upload-list', { hasText: name }).waitFor(WAIT);
  return modal;
}

/** No sideways scrolling: the page fits the viewport's width. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1');
}

/**
 * Records every state of the progress panel (its text, and whether the antd Progress bar is in it) from now
 * on, in the page: the reading may be over between two polls from here, a MutationObserver misses nothing.
 */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__importProgress = [];
    const record = () => {
      const panel = document.querySelector('[data-testid="entity-import-progress"]');
      if (!panel) return;
      const text = panel.textContent || '';
      const bar = panel.querySelector('.ant-progress') !== null;
      const last = window.__importProgress[window.__importProgress.length - 1];
      if (!last || last.text !== text || last.bar !== bar) window.__importProgress.push({ text, bar });
    };
    window.__importProgressObserver?.disconnect();
    window.__importProgressObserver = new MutationObserver(record);
    window.__importProgressObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`);
}

async function progressSeen(page: Page): Promise<{ text: string; bar: boolean }[]> {
  return page.evaluate<{ text: string; bar: boolean }[]>(
    '(() => { window.__importProgressObserver?.disconnect(); return window.__importProgress ?? []; })()',
  );
}

/** The rows of an antd table, as the trimmed texts of their cells. */
async function tableRows(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr.ant-table-row');
  const shown: string[][] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    shown.push((await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim()));
  }
  return shown;
}

describe.runIf(enabled)('检查对象名录库 in the console: CSV import with progress, and a refused file (sanxiang serve --demo)', () => {
  const demo = useDemoServerAndBrowser();
  const { as } = usePersonas(demo, {
    password: PASSWORD,
    readyTestId: 'menu-dashboard',
    screenshotPrefix: 'sanxiang-e2e-inspection-entities',
    timeoutMs: WAIT.timeout,
  });
  const stamp = Date.now();

  it(`政策法规科 imports ${ROWS.toLocaleString('en')} entities from CSV, follows the progress, reads the summary and finds one`, {
    timeout: 180_000,
  }, async () => {
    const reviewer = await apiSession(demo.server.baseUrl, 'reviewer', PASSWORD);
    const prefix = `名录导入测试${stamp}号`;
    const base = randomBase(ROWS);
    const rows: Row[] = Array.from({ length: ROWS }, (_, i) => ({ uscc: uscc(base + i), name: `${prefix}企业${i + 1}有限公司` }));
    const fileName = `检查对象名录-${stamp}.csv`;
    const sought = rows[ROWS - 123] as Row;

    await as('reviewer', async (page) => {
      await openEntities(page);
      const modal = await pickFile(page, fileName, csvOf(rows));
      await watchProgress(page);
      await page.click('[data-testid="entity-import-submit"]');

      // The summary: every row read and written, all of them new.
      const success = modal.locator('[data-testid="entity-import-success"]');
      await success.waitFor({ timeout: 90_000 });
      const count = ROWS.toLocaleString('zh-CN');
      await expect(success.locator('.ant-result-subtitle').textContent()).resolves.toBe(`共读取 ${count} 行,写入 ${count} 个检查对象`);
      const item = (label: string) =>
        success.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::*[1]');
      await expect(item('新增').textContent()).resolves.toBe(String(ROWS));
      await expect(item('更新').textContent()).resolves.toBe('0');
      await expect(item('与名录库一致、未变更').textContent()).resolves.toBe('0');

      // While the server read the file the dialog showed the progress bar and the rows read so far.
      const seen = await progressSeen(page);
      const reading = seen.filter((s) => s.text.includes(`正在读取校验「${fileName}」`));
      expect(reading.length, JSON.stringify(seen)).toBeGreaterThan(0);
      expect(reading.every((s) => s.bar)).toBe(true);
      expect(reading.some((s) => s.text.includes(`约 ${count} 行`))).toBe(true);
      const readCounts = reading.map((s) => Number((/已读取 ([\d,]+) 行/.exec(s.text)?.[1] ?? '-1').replaceAll(',', '')));
      expect(readCounts.every((n) => n >= 0 && n <= ROWS)).toBe(true);
      console.log(`progress seen while reading: ${readCounts.join(' → ')} of ${ROWS} rows`);

      await page.click('[data-testid="entity-import-close"]');
      await modal.waitFor({ state: 'hidden', ...WAIT });

      // The list behind the dialog: searching the name finds the imported entity.
      const search = page.locator('input[data-testid="entity-filter-q"], [data-testid="entity-filter-q"] input').first();
      await search.fill(sought.name);
      await search.press('Enter');
      const table = page.locator('[data-testid="entities-table"]');
      await table.locator(`[data-testid="entity-open-${sought.uscc}"]`, { hasText: sought.name }).waitFor(WAIT);
      await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), WAIT).toBe(1);
    });

    // The server agrees: every row is in the directory.
    const all = await reviewer<{ total: number }>('GET', `/api/inspections/entities?q=${encodeURIComponent(prefix)}&page=1&pageSize=1`);
    expect(all.total).toBe(ROWS);
  });

  it('a CSV with two wrong check characters and a repeated code is refused whole: the problems by row, the report, nothing written; the dialog fits a phone', {
    timeout: 120_000,
  }, async () => {
    const reviewer = await apiSession(demo.server.baseUrl, 'reviewer', PASSWORD);
    const prefix = `名录错误测试${stamp}号`;
    const base = randomBase(10);
    const rows: Row[] = Array.from({ length: 8 }, (_, i) => ({ uscc: uscc(base + i), name: `${prefix}企业${i + 1}有限公司` }));
    // File rows 3 and 6 (data rows 2 and 5) with wrong check characters; file row 8 repeats row 4's code.
    const bad3 = withWrongCheck((rows[1] as Row).uscc);
    const bad6 = withWrongCheck((rows[4] as Row).uscc);
    const repeated = (rows[2] as Row).uscc;
    rows[1] = { ...(rows[1] as Row), uscc: bad3 };
    rows[4] = { ...(rows[4] as Row), uscc: bad6 };
    rows[6] = { ...(rows[6] as Row), uscc: repeated };
    const fileName = `检查对象名录-有错误-${stamp}.csv`;
    const checkProblem = (code: string) => {
      const reason = usccProblem(code) ?? '';
      expect(reason).toContain('校验码错误');
      return reason;
    };
    const expected = [
      ['3', USCC_HEADER, checkProblem(bad3)],
      ['6', USCC_HEADER, checkProblem(bad6)],
      ['8', USCC_HEADER, `「${repeated}」与第4行重复`],
    ];

    await as('reviewer', async (page) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await openEntities(page);
      const modal = await pickFile(page, fileName, csvOf(rows));
      await page.click('[data-testid="entity-import-submit"]');

      // Every problem, one table row each, in row order, with the column and the reason.
      const table = modal.locator('[data-testid="entity-import-errors"]');
      await table.waitFor(WAIT);
      await expect(modal.locator('[data-testid="entity-import-failure"]').textContent()).resolves.toContain(
        '导入失败:共 3 处错误,未写入任何数据',
      );
      const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim()).filter((t) => t !== '');
      expect(headers).toEqual(['行号', '列名', '原因']);
      await expect.poll(() => tableRows(table), WAIT).toEqual(expected);

      // 下载错误报告: the server's CSV (UTF-8 with a byte order mark), the same three problems.
      const report = modal.locator('[data-testid="entity-import-report"]');
      expect(await report.isVisible()).toBe(true);
      const [download] = await Promise.all([page.waitForEvent('download', WAIT), report.click()]);
      expect(download.suggestedFilename()).toBe(`检查对象名录-有错误-${stamp}-错误报告.csv`);
      const csv = fs.readFileSync(await download.path());
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
      expect(csv.toString('utf8').slice(1).trim().split('\r\n')).toEqual([
        '行号,列名,原因',
        ...expected.map((cells) => cells.map(quoted).join(',')),
      ]);

      // On a 390 px phone the page with the dialog (its error table) open fits the screen; so does the file step.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => fitsWidth(page), WAIT).toBe(true);
      await page.click('[data-testid="entity-import-reselect"]');
      await modal.locator('[data-testid="entity-import-submit"]').waitFor(WAIT);
      await expect.poll(() => fitsWidth(page), WAIT).toBe(true);
      await page.setViewportSize({ width: 1440, height: 900 });
      await modal.locator('.ant-modal-close').click();
      await modal.waitFor({ state: 'hidden', ...WAIT });
    });

    // All or nothing: not one of the file's valid rows was written.
    const written = await reviewer<{ total: number }>('GET', `/api/inspections/entities?q=${encodeURIComponent(prefix)}&page=1&pageSize=1`);
    expect(written.total).toBe(0);
    for (const row of [rows[0], rows[2], rows[3]] as Row[]) {
      const one = await reviewer<{ total: number }>('GET', `/api/inspections/entities?q=${row.uscc}&page=1&pageSize=1`);
      expect(one.total).toBe(0);
    }
  });
});
