import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../src/platform/pii/ids.js';
import { chromiumAvailable } from '../support/browser.js';
import { apiSession, type Call, useDemoServerAndBrowser, usePersonas } from '../support/e2e.js';

// 双随机、一公开 in the console, in Chromium against `sanxiang serve --demo`: 政策法规科 adds an item to the
// list; the unit head drafts a plan drawing today, checks it, announces it, enters the lottery numbers and
// draws; the targets come with teams of two and the page fits a phone; the unit head starts a task's
// inspection, records its result once the 行政检查 case is concluded and publishes it, and opens a penalty
// case from another; an officer declares a conflict of interest and withdraws it.

const enabled = chromiumAvailable();
// Generous: on a loaded 2-core machine the plans page has taken longer than 15 s to render after login.
const WAIT = { timeout: 30_000 };
const PASSWORD = 'Demo@2026';
const TARGETS = 3;

function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** A small directory (when the demo has none yet): employers with valid codes, all risk classes. */
function entitiesCsv(count: number): string {
  const header = ['统一社会信用代码', '名称', '法定代表人', '住所(地址)', '所属区域', '行业', '规模', '风险等级', '联络人', '联系电话'];
  const rows = Array.from({ length: count }, (_, i) => {
    const first17 = `91640205MA${String(8100000 + i).padStart(7, '0')}`;
    const fields = `控制台测试企业${i + 1}有限公司,李四,惠农区测试街 ${i + 1} 号,惠农区,建筑业,小型,${'ABCD'[i % 4]},,`;
    return [first17 + usccCheckChar(first17), fields];
  });
  return `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

/** Imports entities through the API unless the directory already has some. */
async function ensureEntities(baseUrl: string): Promise<void> {
  const reviewer = await apiSession(baseUrl, 'reviewer', PASSWORD);
  const { total } = await reviewer<{ total: number }>('GET', '/api/inspections/entities?page=1&pageSize=1');
  if (total > 0) return;
  // apiSession sends JSON; the import takes the file itself, so sign in again for the raw upload.
  const origin = new URL(baseUrl).origin;
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ username: 'reviewer', password: PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/inspections/entity-imports?fileName=console-e2e.csv`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: origin, 'X-CSRF-Token': csrfToken, 'Content-Type': 'text/csv' },
    body: entitiesCsv(12),
  });
  if (res.status !== 202) throw new Error(`entity import: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const state = () => reviewer<{ state: string }>('GET', `/api/inspections/entity-imports/${id}`);
  await expect.poll(async () => (await state()).state, { timeout: 30_000 }).toBe('done');
}

/** Opens a page of the 双随机抽查 submenu from the side menu. */
async function openMenu(page: Page, testId: string): Promise<void> {
  const entry = page.locator(`[data-testid="${testId}"]`);
  if (!(await entry.isVisible())) await page.click('[data-testid="menu-group-inspections"]');
  await entry.click();
}

/** Types a date into an antd DatePicker and commits it. */
async function fillDate(page: Page, selector: string, date: string): Promise<void> {
  await page.click(selector);
  await page.fill(selector, date);
  await page.keyboard.press('Enter');
  await expect(page.inputValue(selector)).resolves.toBe(date);
}

/** Picks an option of an antd Select by its input's id, optionally typing to search first. */
async function choose(page: Page, selector: string, option: string, search?: string): Promise<void> {
  await page.click(selector);
  if (search !== undefined) await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/**
 * Picks the option of a single antd Select and waits until the select shows it; a click while a drawer
 * still slides in can miss the moving drop-down, so it tries again.
 */
async function chooseOne(page: Page, selector: string, option: string, search?: string): Promise<void> {
  const shown = page.locator(`.ant-select:has(${selector}) .ant-select-content`);
  for (let attempt = 1; ; attempt++) {
    await choose(page, selector, option, search);
    try {
      await expect.poll(async () => (await shown.getAttribute('title')) ?? '', { timeout: 3_000 }).toContain(option);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** No sideways scrolling: the page fits the viewport's width. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1');
}

type Task = {
  id: string;
  uscc: string;
  state: string;
  team: { officerId: string }[];
  inspectionCaseId: string | null;
  caseId: string | null;
};

/**
 * The visit itself is recorded in the task's 行政检查 case (the cases console, not under test here): 现场检查
 * by the team (the unit head approves doing without the recording) and the 检查结论, through the API.
 */
async function concludeInspection(call: Call, taskId: string, today: string): Promise<void> {
  let task = await call<Task>('GET', `/api/inspections/tasks/${taskId}`);
  if (task.inspectionCaseId === null) task = await call<Task>('POST', `/api/inspections/tasks/${taskId}/start`, { itemCode: 'RS-JC-001' });
  const act = (action: string, body: Record<string, unknown>) =>
    call('POST', `/api/cases/${task.inspectionCaseId}/actions/${action}`, { performedOn: today, ...body });
  await act('inspect', {
    note: '出示证件,检查劳动合同、工资支付和女职工保护情况。',
    officerIds: task.team.map((m) => m.officerId),
    avException: { reason: '端到端测试:执法记录仪故障' },
  });
  await act('conclude_inspection', { note: '检查结束。' });
}

describe.runIf(enabled)('双随机 in the console: item, plan, announcement, draw, task result (sanxiang serve --demo)', () => {
  const demo = useDemoServerAndBrowser();
  const { as } = usePersonas(demo, {
    password: PASSWORD,
    readyTestId: 'menu-dashboard',
    screenshotPrefix: 'sanxiang-e2e-inspections-console',
    timeoutMs: WAIT.timeout,
  });

  it('政策法规科 adds an item; the unit head plans, announces, draws with teams of two, records and publishes a result, opens a case; an officer declares a conflict', {
    timeout: 240_000,
  }, async () => {
    const baseUrl = demo.server.baseUrl;
    await ensureEntities(baseUrl);
    const today = beijingToday();
    const stamp = Date.now();
    const itemName = `用人单位遵守女职工特殊劳动保护规定情况(E2E ${stamp})`;
    const title = `控制台端到端抽查计划 ${stamp}`;
    let planId = '';

    // 1. 政策法规科 adds an item to the list; it is published at once as version 1.
    await as('reviewer', async (page) => {
      await openMenu(page, 'menu-inspection-items');
      await page.locator('[data-testid="inspection-items-table"]').waitFor(WAIT);
      await page.click('[data-testid="inspection-item-new"]');
      const fields: [string, string][] = [
        ['category', '劳动保障监察'],
        ['name', itemName],
        ['target', '辖区内用人单位'],
        ['basis', '《女职工劳动保护特别规定》第四条至第九条'],
        ['content', '孕期、产期、哺乳期女职工的劳动保护'],
        ['method', '现场检查、书面审查'],
        ['frequency', '每年不少于 1 次'],
        ['level', '市级'],
      ];
      for (const [field, value] of fields) await page.fill(`#inspectionItem_${field}`, value);
      await page.click('[data-testid="inspection-item-save"]');
      await page.locator('[data-testid="inspection-item-drawer"]').waitFor({ state: 'hidden', ...WAIT });
      const row = page.locator('[data-testid="inspection-items-table"] tr.ant-table-row', { hasText: itemName });
      await row.waitFor(WAIT);
      await expect(row.textContent()).resolves.toContain('第 1 版');
    });

    const head = await apiSession(baseUrl, 'unithead', PASSWORD);

    // 2. The unit head drafts a plan drawing today: 3 entities, teams of two, two sources (红球, 蓝球).
    await as('unithead', async (page) => {
      await openMenu(page, 'menu-inspection-plans');
      await page.click('[data-testid="plan-new"]');
      await page.fill('#plan_title', title);
      await choose(page, '#plan_itemCodes', itemName, 'E2E');
      await page.locator('#plan_itemCodes').press('Escape');
      await page.locator('[data-testid="plan-sampling-mode"] label', { hasText: '数量' }).click();
      await page.fill('[data-testid="plan-sampling-uniform"] input, input[data-testid="plan-sampling-uniform"]', String(TARGETS));
      await page.fill('[data-testid="plan-source-name-0"]', `${today} 双色球开奖号码(红球)`);
      await page.click('[data-testid="plan-source-add"]');
      await page.fill('[data-testid="plan-source-name-1"]', `${today} 双色球开奖号码(蓝球)`);
      await fillDate(page, '#plan_drawOn', today);
      await fillDate(page, '#plan_inspectFrom', today);
      await page.click('[data-testid="plan-save"]');
      await page.locator('[data-testid="plan-detail"]').waitFor(WAIT);
      planId = new URL(page.url()).searchParams.get('id') ?? '';
      expect(planId).not.toBe('');
      await expect(page.locator('[data-testid="plan-state"]').textContent()).resolves.toBe('草稿');

      // 3. The check before the announcement: the population, 3 to draw, the inspectors; nothing in the way.
      await page.locator('[data-testid="preview-population"]').waitFor(WAIT);
      await expect(page.locator('[data-testid="preview-quotas"]').textContent()).resolves.toContain(`合计`);
      expect(await page.locator('[data-testid="preview-problems"]').count()).toBe(0);
      await page.click('[data-testid="plan-announce"]');
      await page.click('[data-testid="plan-announce-confirm"]');
      await page.locator('[data-testid="plan-state"]', { hasText: '已公告' }).waitFor(WAIT);
      await expect(page.locator('[data-testid="plan-commitment-value"]').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);

      // 4. The draw: numbers as people copy them (commas, spaces, leading zeros) are normalised.
      await page.fill('[data-testid="draw-source-0"]', '03,09 14, 22 27 31');
      await page.fill('[data-testid="draw-source-1"]', '12');
      await expect(page.locator('[data-testid="draw-normalised-0"]').textContent()).resolves.toBe('将录入:3 9 14 22 27 31');
      await page.click('[data-testid="plan-draw-submit"]');
      await page.click('[data-testid="plan-draw-confirm"]');
      await page.locator('[data-testid="plan-state"]', { hasText: '已抽取' }).waitFor(WAIT);

      // 5. The result: 3 targets, each with a team of two; the code revealed; where to verify it.
      const targets = page.locator('[data-testid="plan-targets"] tr.ant-table-row');
      await expect.poll(() => targets.count(), WAIT).toBe(TARGETS);
      for (const team of await page.locator('[data-testid="draw-target-team"]').allTextContents()) {
        expect(team.split('、')).toHaveLength(2);
      }
      await expect(page.locator('[data-testid="draw-result-summary"]').textContent()).resolves.toContain(`共抽中 ${TARGETS} 个检查对象`);
      await expect(page.locator('[data-testid="plan-revealed-code"]').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
      await expect(page.getAttribute('[data-testid="plan-portal-link"]', 'href')).resolves.toBe(`/draws/${planId}`);
      await expect(page.getAttribute('[data-testid="plan-bundle-link"]', 'href')).resolves.toBe(`/api/public/draws/${planId}`);
      const sources = await page.locator('[data-testid="plan-source-values"]').allTextContents();
      expect(sources).toEqual(['3 9 14 22 27 31', '12']);

      // 5b. The public page of this draw re-runs it in the browser and agrees with what the console drew.
      const portal = await page.context().newPage();
      await portal.goto(`${demo.server.baseUrl}/draws/${planId}`);
      await portal.click('#draw-verify-run');
      await expect
        .poll(() => portal.evaluate<string>("document.getElementById('draw-verify-output').textContent"), WAIT)
        .toMatch(/核验(通过|未通过|未能完成)/);
      await expect(portal.locator('#draw-verify-output li.check-fail').count()).resolves.toBe(0);
      await expect(portal.locator('#draw-verify-result tbody tr').count()).resolves.toBe(TARGETS);
      await portal.close();

      // 6. On a 390 px phone the plan's page fits the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => fitsWidth(page), WAIT).toBe(true);
      await page.setViewportSize({ width: 1440, height: 900 });

      // 7. The first target's task: the unit head starts the inspection (a 行政检查 case under RS-JC-001); once
      // the case has its 检查结论 the result (未发现问题) is recorded and published.
      const entity = (await page.locator('[data-testid="draw-target-name"]').first().textContent()) ?? '';
      await page.locator('[data-testid="draw-target-name"]').first().click();
      const drawer = page.locator('[data-testid="task-drawer"]');
      await drawer.locator('[data-testid="task-entity"]', { hasText: entity }).waitFor(WAIT);
      await expect(drawer.locator('[data-testid="task-state"]').textContent()).resolves.toBe('待检查');
      await chooseOne(page, '#taskStart_itemCode', 'RS-JC-001', 'RS-JC');
      await page.click('[data-testid="task-start"]');
      await drawer.locator('[data-testid="task-inspection-case-stage"]').waitFor(WAIT);
      const taskId = new URL(page.url()).searchParams.get('id') ?? '';
      await concludeInspection(head, taskId, today);
      await page.reload();
      await drawer.locator('[data-testid="task-inspection-case-stage"]', { hasText: '已结案' }).waitFor(WAIT);
      await chooseOne(page, '#inspect_result', '未发现问题');
      await page.fill('#inspect_findings', '查阅劳动合同和女职工花名册,未发现问题。');
      await page.click('[data-testid="task-inspect-save"]');
      await drawer.locator('[data-testid="task-state"]', { hasText: '已检查(待公示)' }).waitFor(WAIT);
      await page.click('[data-testid="task-publish"]');
      await page.click('[data-testid="task-publish-confirm"]');
      await drawer.locator('[data-testid="task-state"]', { hasText: '结果已公示' }).waitFor(WAIT);
      await page.locator('.ant-drawer-close').click();
      const row = page.locator('[data-testid="tasks-table"] tr.ant-table-row', { hasText: entity });
      await expect(row.locator('[data-testid="task-row-state"]').textContent()).resolves.toBe('结果已公示');

      // 8. The second target: a problem found — 立案查处 registers a penalty case from the task (item picker,
      // the team as lead and assist), after which the result 立案查处 can be recorded.
      const second = page.locator('[data-testid="task-row-entity"]').nth(1);
      const secondName = (await second.textContent()) ?? '';
      await second.click();
      await drawer.locator('[data-testid="task-entity"]', { hasText: secondName }).waitFor(WAIT);
      await page.click('[data-testid="task-open-case"]');
      await chooseOne(page, '#taskCase_itemCode', 'RS-CF-003', 'RS-CF-003');
      await page.fill('#taskCase_summary', '抽查发现该单位未按时足额缴纳社会保险费。');
      await page.click('[data-testid="task-case-submit"]');
      await drawer.locator('[data-testid="task-case-link"]').waitFor(WAIT);
      expect(await drawer.locator('[data-testid="task-case-link"]').getAttribute('href')).toMatch(/^\/console\/cases\?id=/);
      await concludeInspection(head, new URL(page.url()).searchParams.get('id') ?? '', today);
      await page.reload();
      await drawer.locator('[data-testid="task-inspection-case-stage"]', { hasText: '已结案' }).waitFor(WAIT);
      await chooseOne(page, '#inspect_result', '立案查处');
      await page.fill('#inspect_findings', '未按时足额缴纳社会保险费,已立案调查。');
      await page.click('[data-testid="task-inspect-save"]');
      await drawer.locator('[data-testid="task-state"]', { hasText: '已检查(待公示)' }).waitFor(WAIT);
      await page.locator('.ant-drawer-close').click();
    });

    // 9. An officer declares a conflict of interest with a target on the 执法检查人员 page, and withdraws it.
    const tasks = await head<{ items: Task[]; total: number }>('GET', `/api/inspections/tasks?planId=${planId}&page=1&pageSize=10`);
    const uscc = tasks.items[0]?.uscc ?? '';
    await as('officer2', async (page) => {
      await openMenu(page, 'menu-inspectors');
      await page.locator('[data-testid="inspectors-table"] tr.ant-table-row', { hasText: '李娜' }).waitFor(WAIT);
      await page.fill('[data-testid="conflict-uscc"]', uscc);
      await page.fill('[data-testid="conflict-reason"]', '配偶在该单位任职');
      await page.click('[data-testid="conflict-declare"]');
      const row = page.locator('[data-testid="conflicts-table"] tr.ant-table-row', { hasText: uscc });
      await row.waitFor(WAIT);
      await row.locator('[data-testid="conflict-withdraw"]').click();
      await page.fill('[data-testid="conflict-withdraw-reason-reason"]', '配偶已离职');
      await page.click('[data-testid="conflict-withdraw-reason-submit"]');
      await row.waitFor({ state: 'detached', ...WAIT });
    });

    // 10. The server agrees: three tasks with teams of two, one published, one inspected with its case.
    expect(tasks.total).toBe(TARGETS);
    expect(tasks.items.map((t) => t.state)).toEqual(['published', 'inspected', 'assigned']);
    expect(tasks.items[1]?.caseId).not.toBeNull();
    expect(tasks.items.every((t) => t.team.length === 2)).toBe(true);
  });
});
