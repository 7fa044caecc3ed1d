import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type APIRequestContext, type BrowserContext, type Page, request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Cells, sheetRow } from '../../src/modules/officers/excel-testing.js';
import { chromiumAvailable } from '../support/browser.js';
import { consoleLogin, useDemoServerAndBrowser } from '../support/e2e.js';

const enabled = chromiumAvailable();
const WAIT = { timeout: 15_000 };
const PASSWORD = 'Demo@2026';
const UNIT = '劳动保障监察监督局';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A Beijing calendar date `days` from today (the server judges validity by Beijing dates). */
function beijingDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Certificate numbers unique to this run (letters and digits). */
const uniqueCertificate = (prefix: string) => `${prefix}${Date.now().toString().slice(-9)}`;

interface Api {
  readonly api: APIRequestContext;
  get<T>(url: string): Promise<T>;
  post<T>(url: string, data: unknown): Promise<T>;
}

describe.runIf(enabled)(
  '执法人员 in Chromium: register, roster confirmation, portal verification, Excel import (sanxiang serve --demo)',
  () => {
    const demo = useDemoServerAndBrowser();

    /** A signed-in API session (for setup and for checking what the browser did). */
    async function apiAs(username: string): Promise<Api> {
      const api = await request.newContext({ baseURL: demo.server.baseUrl });
      const login = await api.post('/api/auth/login', { data: { username, password: PASSWORD } });
      expect(login.status(), `login ${username}`).toBe(200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      return {
        api,
        async get<T>(url: string) {
          const res = await api.get(url);
          expect(res.status(), url).toBe(200);
          return (await res.json()) as T;
        },
        async post<T>(url: string, data: unknown) {
          const res = await api.post(url, { data, headers: { 'X-CSRF-Token': csrfToken } });
          expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
          return (await res.json()) as T;
        },
      };
    }

    /** One person's browser session: a fresh context, signed in; on failure a screenshot is kept in the temp directory. */
    async function asUser(username: string, step: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
      const context = await demo.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      context.setDefaultTimeout(WAIT.timeout);
      const page = await context.newPage();
      try {
        await consoleLogin(page, demo.server.baseUrl, username, PASSWORD);
        await page.locator('[data-testid="menu-dashboard"]').waitFor(WAIT);
        await step(page, context);
      } catch (error) {
        const file = path.join(os.tmpdir(), `sanxiang-e2e-officers-${username}-${Date.now()}.png`);
        await page
          .screenshot({ path: file, fullPage: true })
          .then(() => console.error(`screenshot: ${file}`))
          .catch(() => undefined);
        throw error;
      } finally {
        await context.close();
      }
    }

    /** Types a date into an antd DatePicker and commits it. */
    async function fillDate(page: Page, selector: string, date: string) {
      await page.click(selector);
      await page.fill(selector, date);
      await page.keyboard.press('Enter');
      await expect(page.inputValue(selector)).resolves.toBe(date);
    }

    async function openOfficers(page: Page, certificateNo?: string) {
      await page.click('[data-testid="menu-officers"]');
      await page.locator('[data-testid="officers-table"]').waitFor(WAIT);
      if (certificateNo) {
        await page.fill('[data-testid="officer-filter-q"] input', certificateNo);
        await page.keyboard.press('Enter');
        await page.locator('[data-testid="officers-table"] tr.ant-table-row', { hasText: certificateNo }).waitFor(WAIT);
      }
    }

    /** 政策法规科: drafts a batch putting the officer on the public roster and submits it to the justice bureau. */
    async function draftAndSubmit(page: Page, title: string, certificateNo: string) {
      await page.click('[data-testid="menu-roster"]');
      await page.click('[data-testid="batch-create"]');
      const form = page.locator('.ant-modal', { hasText: '起草清单变更' });
      await page.fill('[data-testid="batch-title"]', title);
      await page.click('#batch_upserts');
      await page.keyboard.type(certificateNo);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: certificateNo }).click();
      await form.locator('.ant-modal-title').click(); // closes the drop-down
      await page.click('[data-testid="batch-form-submit"]');
      await form.waitFor({ state: 'hidden', ...WAIT });
      const drawer = page.locator('.ant-drawer', { hasText: '清单变更详情' });
      await drawer.locator('[data-testid="batch-items"]', { hasText: certificateNo }).waitFor(WAIT);
      await expect(drawer.locator('[data-testid="batch-status"]').textContent()).resolves.toBe('草稿');
      await drawer.locator('[data-testid="roster-submit"]').click();
      await page.click('[data-testid="roster-submit-ok"]');
      await drawer.locator('[data-testid="batch-status"]', { hasText: '已报送' }).waitFor(WAIT);
    }

    /** 司法局: finds the batch in the queue of submitted batches and confirms it. */
    async function confirmFromQueue(page: Page, title: string) {
      await page.click('[data-testid="menu-roster"]');
      const row = page.locator('[data-testid="batches-table"] tr.ant-table-row', { hasText: title });
      await row.waitFor(WAIT);
      await expect(row.textContent()).resolves.toContain('已报送');
      await row.getByRole('button', { name: title }).click();
      const drawer = page.locator('.ant-drawer', { hasText: '清单变更详情' });
      await drawer.locator('[data-testid="roster-confirm"]').click();
      await page.click('[data-testid="roster-confirm-ok"]');
      await drawer.locator('[data-testid="batch-published"]').waitFor(WAIT);
      await expect(drawer.locator('[data-testid="batch-status"]').textContent()).resolves.toBe('已确认');
      await drawer.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden', ...WAIT });
    }

    /** The public verification page's verdict, as a visitor's browser shows it. */
    async function verdict(page: Page, certificateNo: string): Promise<string> {
      await page.goto(`${demo.server.baseUrl}/verify/${encodeURIComponent(certificateNo)}`);
      return ((await page.locator('.verify-badge').textContent()) ?? '').trim();
    }

    /**
     * Confirmation computes a 5-working-day deadline and fails for a year whose holidays nobody entered;
     * the demo calendar ends with 2026. From mid-December on, enter and approve a placeholder schedule
     * for the years the deadline may reach, as the administrator would (第 09 章).
     */
    async function ensureCalendarCovers(admin: Api, lastDate: string) {
      const { items } = await admin.get<{ items: { year: number; status: string }[] }>('/api/calendar/years');
      for (let year = Number(beijingDate().slice(0, 4)); year <= Number(lastDate.slice(0, 4)); year += 1) {
        const known = items.find((i) => i.year === year);
        if (known?.status === 'approved') continue;
        if (!known) {
          await admin.post('/api/calendar/years', {
            year,
            notice: { number: `测试用 ${year} 年节假日安排` },
            holidays: [{ date: `${year}-01-01`, name: '元旦' }],
            workdays: [],
          });
        }
        await admin.post(`/api/calendar/years/${year}/approve`, {});
      }
    }

    it('admin registers an officer, 政策法规科 submits the roster change, the justice bureau confirms; the portal lists and verifies the certificate, and an expiry correction reaches the portal only through a confirmed change', {
      timeout: 180_000,
    }, async () => {
      const certificateNo = uniqueCertificate('E2E');
      const name = '韩清单';
      const validFrom = beijingDate(-3 * 365);
      const validTo = beijingDate(2 * 365);
      const expiredOn = beijingDate(-30);
      const admin = await apiAs('admin');
      try {
        await ensureCalendarCovers(admin, beijingDate(21));

        // 1. 系统管理员 registers the officer in the console.
        await asUser('admin', async (page) => {
          await openOfficers(page);
          await page.click('[data-testid="officer-create"]');
          const modal = page.locator('.ant-modal', { hasText: '新增执法人员' });
          await modal.waitFor(WAIT);
          await page.fill('#officer_name', name);
          await page.fill('#officer_position', '劳动保障监察员');
          await page.click('#officer_unitId');
          await page.keyboard.type('劳动保障');
          await page.locator('.ant-select-tree-title', { hasText: UNIT }).click();
          // The tree's drop-down closes with an animation; on a busy machine it can still cover the next field.
          await expect.poll(() => page.locator('.ant-tree-select-dropdown:visible').count(), WAIT).toBe(0);
          await page.click('#officer_categories');
          await page.keyboard.type('劳动保障监察');
          await page.keyboard.press('Enter');
          await page.fill('#officer_certificateNo', certificateNo);
          await page.fill('#officer_issuingAuthority', '宁夏回族自治区人民政府');
          await fillDate(page, '#officer_validFrom', validFrom);
          await fillDate(page, '#officer_validTo', validTo);
          await page.click('[data-testid="officer-form-submit"]');
          await modal.waitFor({ state: 'hidden', ...WAIT });
          const row = page.locator('[data-testid="officers-table"] tr.ant-table-row', { hasText: certificateNo });
          await row.waitFor(WAIT);
          await expect(row.textContent()).resolves.toContain(`${validFrom} 至 ${validTo}`);
        });
        const registered = await admin.get<{ items: { name: string; unitName: string; validFrom: string; validTo: string }[] }>(
          `/api/officers?q=${certificateNo}&page=1&pageSize=10`,
        );
        expect(registered.items).toEqual([expect.objectContaining({ name, unitName: UNIT, validFrom, validTo })]);

        // Not public until the justice bureau confirms.
        expect((await fetch(`${demo.server.baseUrl}/verify/${certificateNo}`)).status).toBe(404);

        // 2. 法制审核人员 (政策法规科) drafts the change and submits it.
        const title = `E2E 新增 ${certificateNo}`;
        await asUser('reviewer', (page) => draftAndSubmit(page, title, certificateNo));

        // 3. 司法局监督人员 confirms it from the queue; the register is read-only for the bureau.
        await asUser('supervisor', async (page) => {
          await confirmFromQueue(page, title);
          await openOfficers(page);
          expect(await page.locator('[data-testid="excel-import-open"]').count()).toBe(0);
          expect(await page.locator('[data-testid="officer-create"]').count()).toBe(0);
          expect(await page.locator('[data-testid="excel-export"]').count()).toBe(1);
        });

        // 4. The portal: the roster lists the officer, the QR verification page says 有效.
        const roster = await (await fetch(`${demo.server.baseUrl}/roster?name=${encodeURIComponent(name)}`)).text();
        expect(roster).toContain(certificateNo);
        expect(roster).toContain(UNIT);
        const visitor = await demo.browser.newContext({ viewport: { width: 390, height: 844 } });
        try {
          const page = await visitor.newPage();
          expect(await verdict(page, certificateNo)).toBe('有效');
          await expect(page.locator('.verify-qr svg').count()).resolves.toBe(1);

          // 5. The administrator corrects 有效期止 to a past date in the edit form.
          await asUser('admin', async (adminPage) => {
            await openOfficers(adminPage, certificateNo);
            await adminPage.click(`[data-testid="officer-edit-${certificateNo}"]`);
            const modal = adminPage.locator('.ant-modal', { hasText: `编辑执法人员:${name}` });
            await modal.waitFor(WAIT);
            await fillDate(adminPage, '#officer_validTo', expiredOn);
            await adminPage.click('[data-testid="officer-form-submit"]');
            await modal.waitFor({ state: 'hidden', ...WAIT });
            // The list reloads after the save: wait for the new dates before reading the state.
            const row = adminPage.locator('[data-testid="officers-table"] tr.ant-table-row', { hasText: `${validFrom} 至 ${expiredOn}` });
            await row.waitFor(WAIT);
            await expect(row.textContent()).resolves.toContain('已过期');
          });
          // Verification answers from the confirmed public roster (user guide 第 07 章), which still holds the old date.
          expect(await verdict(page, certificateNo)).toBe('有效');

          // 6. The correction goes through the roster like any change; once confirmed, the same page says 已过期.
          const correction = `E2E 更正有效期 ${certificateNo}`;
          await asUser('reviewer', (reviewer) => draftAndSubmit(reviewer, correction, certificateNo));
          await asUser('supervisor', (supervisor) => confirmFromQueue(supervisor, correction));
          expect(await verdict(page, certificateNo)).toBe('已过期');
          await expect(page.locator('.facts').textContent()).resolves.toContain(expiredOn);
          // An expired certificate is no longer on the public roster.
          const after = await (await fetch(`${demo.server.baseUrl}/roster?name=${encodeURIComponent(name)}`)).text();
          expect(after).not.toContain(certificateNo);
        } finally {
          await visitor.close();
        }
      } finally {
        await admin.api.dispose();
      }
    });

    /** The real template from the server, filled with these rows from Excel row 2 on. */
    async function filledTemplate(admin: Api, rows: readonly Cells[]): Promise<Buffer> {
      const res = await admin.api.get('/api/officers/import-template');
      expect(res.status()).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(await res.body()).buffer);
      const sheet = workbook.getWorksheet('执法人员');
      if (!sheet) throw new Error('the template has no 执法人员 sheet');
      const columns = new Map<string, number>();
      sheet.getRow(1).eachCell((cell, col) => columns.set(String(cell.value), col));
      rows.forEach((cells, i) => {
        for (const [header, value] of Object.entries(cells)) {
          const col = columns.get(header);
          if (col === undefined) throw new Error(`the template has no column ${header}`);
          sheet.getRow(i + 2).getCell(col).value = value ?? null;
        }
      });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    }

    it('the import wizard lists every bad cell of a refused file, writes nothing, offers the report as CSV; the corrected file imports', {
      timeout: 120_000,
    }, async () => {
      const good = [1, 2, 3, 4].map((n) => sheetRow(UNIT, uniqueCertificate(`IMP${n}`), { 姓名: `导入测试员${n}` }));
      const [row2, row3, row4, row5] = good;
      if (!row2 || !row3 || !row4 || !row5) throw new Error('four rows expected');
      const bad = [{ ...row2, 有效期止: '2030-02-30' }, { ...row3, 所属单位: '不存在的科室' }, { ...row4, 状态: '停用' }, row5];
      const expected = [
        ['2', '有效期止', '「2030-02-30」不是有效的日期'],
        ['3', '所属单位', '系统中没有名为「不存在的科室」的机构'],
        ['4', '状态', '应为 有效、暂扣 或 注销'],
      ];

      const admin = await apiAs('admin');
      try {
        const countOfficers = async () => (await admin.get<{ total: number }>('/api/officers?page=1&pageSize=1')).total;
        const before = await countOfficers();
        const badFile = await filledTemplate(admin, bad);
        const goodFile = await filledTemplate(admin, good);

        await asUser('admin', async (page) => {
          await openOfficers(page);
          await page.click('[data-testid="excel-import-open"]');
          const wizard = page.locator('.ant-modal', { hasText: '导入执法人员' });
          await wizard.waitFor(WAIT);
          await page.setInputFiles('[data-testid="excel-import-file"]', {
            name: '执法人员-有错误.xlsx',
            mimeType: XLSX_TYPE,
            buffer: badFile,
          });
          await wizard.locator('.ant-upload-list', { hasText: '执法人员-有错误.xlsx' }).waitFor(WAIT);
          await page.click('[data-testid="excel-import-submit"]');

          // Every problem, one table row each, in row order; no 工作表 column for a one-sheet workbook.
          const table = page.locator('[data-testid="excel-import-errors"]');
          await table.waitFor(WAIT);
          await expect(wizard.locator('[data-testid="excel-import-failure"]').textContent()).resolves.toContain(
            '导入文件有 3 处错误,未写入任何数据',
          );
          const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim()).filter((t) => t !== '');
          expect(headers).toEqual(['行号', '列名', '原因']);
          const rows = table.locator('tbody tr.ant-table-row');
          const shown: string[][] = [];
          for (let i = 0; i < (await rows.count()); i += 1) {
            shown.push((await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim()));
          }
          expect(shown).toEqual(expected);

          // 下载错误报告: CSV with a UTF-8 byte order mark, the same three lines.
          const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('[data-testid="excel-import-report"]')]);
          expect(download.suggestedFilename()).toBe('导入执法人员错误报告.csv');
          const csv = fs.readFileSync(await download.path());
          expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          expect(csv.toString('utf8').slice(1).trim().split('\r\n')).toEqual([
            '行号,列名,原因',
            ...expected.map((cells) => cells.join(',')),
          ]);

          // All or nothing: not even the valid row 5 was written.
          expect(await countOfficers()).toBe(before);
          expect((await admin.get<{ total: number }>(`/api/officers?q=${String(row5.执法证件号码)}&page=1&pageSize=1`)).total).toBe(0);

          // 重新选择文件, then the corrected file: the summary, and the list behind the dialog is refreshed.
          await page.click('[data-testid="excel-import-reselect"]');
          await page.setInputFiles('[data-testid="excel-import-file"]', {
            name: '执法人员-已更正.xlsx',
            mimeType: XLSX_TYPE,
            buffer: goodFile,
          });
          await page.click('[data-testid="excel-import-submit"]');
          await expect(page.locator('[data-testid="excel-import-success"]').textContent()).resolves.toContain(
            '新增 4 人,更新 0 人,0 人与系统一致未变更',
          );
          await page.click('[data-testid="excel-import-close"]');
          await wizard.waitFor({ state: 'hidden', ...WAIT });
          await page.locator('.ant-pagination-total-text', { hasText: `共 ${before + 4} 人` }).waitFor(WAIT);
          expect(await countOfficers()).toBe(before + 4);

          // 导出: the whole register as the template's workbook.
          const [exported] = await Promise.all([page.waitForEvent('download', WAIT), page.click('[data-testid="excel-export"]')]);
          expect(exported.suggestedFilename()).toMatch(/^执法人员-\d{4}-\d{2}-\d{2}\.xlsx$/);
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(new Uint8Array(fs.readFileSync(await exported.path())).buffer);
          const sheet = workbook.getWorksheet('执法人员');
          expect(sheet?.actualRowCount).toBe(before + 4 + 1);
        });
      } finally {
        await admin.api.dispose();
      }
    });
  },
);
