import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser.js';
import { useDemoServerAndBrowser, usePersonas } from '../support/e2e.js';

const enabled = chromiumAvailable();
const WAIT = { timeout: 15_000 };
const PASSWORD = 'Demo@2026';
const ITEM = 'RS-CF-001';
const BENCHMARK = 'RB0007';
const TIER_NO = 2;
const WANTED_FINE = 25_000;

/** Today in Beijing (the server dates steps by it; the browsers run in Asia/Shanghai too). */
function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A 统一社会信用代码: the 17 characters given and the GB 32100 MOD 31 check character. */
function uscc(first17: string): string {
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_ALPHABET.indexOf(first17.charAt(i)), 0);
  return `${first17}${USCC_ALPHABET.charAt((31 - (sum % 31)) % 31)}`;
}

/** A real, playable WAV: 0.1 s of a 440 Hz tone, 8 kHz mono 16-bit PCM (the server sniffs audio/wav from the bytes). */
function makeWav(): Buffer {
  const rate = 8000;
  const samples = 800;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

interface BenchmarkTier {
  level: string;
  fineMin: number | null;
  fineMax: number | null;
  fineUnit: string;
}

/** The steps 全过程记录 must list, in order (the refused first 调查取证 and the payment are not steps). */
const EXPECTED_STEPS = ['受理', '立案审批', '调查取证', '调查终结', '拟定事先告知', '送达事先告知书', '作出决定', '送达决定书', '结案审批'];

describe.runIf(enabled)('案件办理 in Chromium: a complaint from 案源登记 to 已结案 (sanxiang serve --demo)', () => {
  const demo = useDemoServerAndBrowser();
  const { pageOf, as } = usePersonas(demo, {
    password: PASSWORD,
    readyTestId: 'menu-cases',
    screenshotPrefix: 'sanxiang-e2e-cases',
    timeoutMs: WAIT.timeout,
  });
  const today = beijingToday();
  const title = `某建筑劳务公司拖欠农民工工资案(E2E ${Date.now()})`;
  const party = {
    name: '石嘴山市某建筑劳务有限公司',
    uscc: uscc('91640200MA7E2E00K'),
    rep: '王某',
    address: '石嘴山市大武口区朝阳西街 8 号',
  };
  const wavName = `询问录音-${Date.now()}.wav`;
  let caseId = '';
  let caseNo = '';

  /** Opens the case in its drawer (a deep link, so the page shows what the others did meanwhile). */
  async function openCase(page: Page, stage: string): Promise<void> {
    await page.goto(`${demo.server.baseUrl}/console/cases?id=${encodeURIComponent(caseId)}`);
    await page.locator('[data-testid="case-no"]', { hasText: caseNo }).waitFor(WAIT);
    await expect(page.locator('[data-testid="case-stage"]').textContent()).resolves.toBe(stage);
  }

  /** An input by its test id, whether antd put the id on the input itself or on its wrapper. */
  const input = (testId: string): string => `input[data-testid="${testId}"], [data-testid="${testId}"] input`;

  /** Picks an option of an antd Select: opens it, optionally types to search, clicks the option. */
  /** Picks an option; retried, because a click while a drawer is still sliding in can miss the option. */
  async function choose(page: Page, select: Locator, option: string, search?: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await select.click();
      if (search !== undefined) await page.keyboard.type(search);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
      if (((await select.textContent()) ?? '').includes(option) || attempt === 3) return;
      await page.keyboard.press('Escape');
    }
  }

  /** Opens an action's form from the 下一步 bar; the date defaults to today. */
  async function startAction(page: Page, action: string): Promise<Locator> {
    await page.click(`[data-testid="case-action-${action}"]`);
    // The innermost drawer holding a submit button: the action's form (it may be nested in the case drawer).
    const form = page.locator('.ant-drawer', { has: page.locator('[data-testid="case-action-submit"]') }).last();
    await form.waitFor(WAIT);
    await expect(page.inputValue(input('case-performed-on'))).resolves.toBe(today);
    return form;
  }

  /** Submits the open form; it closes and the case drawer shows the new stage. */
  async function submitAction(page: Page, stage: string): Promise<void> {
    await page.click('[data-testid="case-action-submit"]');
    await page.locator('[data-testid="case-action-submit"]').waitFor({ state: 'detached', ...WAIT });
    await page.locator('[data-testid="case-stage"]', { hasText: stage }).waitFor(WAIT);
  }

  async function act(page: Page, action: string, stage: string, note?: string): Promise<void> {
    await startAction(page, action);
    if (note !== undefined) await page.fill('[data-testid="case-note"]', note);
    await submitAction(page, stage);
  }

  /** The 文号 in the documents table's row of an issued document (the 文号 column). */
  async function documentNumber(page: Page, title: string): Promise<string> {
    const row = page.locator('[data-testid="case-documents-table"] tr.ant-table-row', { hasText: title });
    await row.waitFor(WAIT);
    const number = ((await row.locator('td').nth(1).textContent()) ?? '').trim();
    expect(number).toMatch(/〔\d{4}〕\d+号$/);
    return number;
  }

  /** Issues a document in the 执法文书 tab (contact, account and remedies come from the unit's 文书固定信息). */
  async function issueDocument(page: Page, title: string): Promise<string> {
    await page.click('[data-testid="case-tab-documents"]');
    await page.click('[data-testid="case-document-new"]');
    const drawer = page.locator('.ant-drawer', { has: page.locator('[data-testid="case-document-issue"]') }).last();
    await drawer.waitFor(WAIT);
    await choose(page, drawer.locator('[data-testid="case-document-type"]'), title);
    await page.click('[data-testid="case-document-issue"]');
    await page.locator('[data-testid="case-document-issue"]').waitFor({ state: 'detached', ...WAIT });
    return documentNumber(page, title);
  }

  it('computes 统一社会信用代码 check characters as GB 32100 does', () => {
    expect(uscc('91440300192203821')).toBe('914403001922038216');
  });

  it('officer1 and unithead take a wage-arrears complaint through every step; the AV gate refuses an unrecorded 调查取证', {
    timeout: 240_000,
  }, async () => {
    // 25 000 元 if RB0007's tier 2 covers it (20 000–30 000 元 in the seed), else the middle of that tier.
    const officerPage = await pageOf('officer1');
    const published = await officerPage.request.get(`${demo.server.baseUrl}/api/public/benchmarks?itemCode=${ITEM}&page=1&pageSize=100`);
    expect(published.status()).toBe(200);
    const benchmarks = ((await published.json()) as { items: { code: string; tiers: BenchmarkTier[] }[] }).items;
    const tier = benchmarks.find((b) => b.code === BENCHMARK)?.tiers[TIER_NO - 1];
    expect(tier, `${BENCHMARK} tier ${TIER_NO}`).toMatchObject({ fineUnit: '元' });
    const min = tier?.fineMin ?? 0;
    const max = tier?.fineMax ?? 0;
    const fine = WANTED_FINE >= min && WANTED_FINE <= max ? WANTED_FINE : Math.round((min + max) / 2);
    expect(max).toBeGreaterThan(0);

    // 1. 案源登记: officer1 registers the complaint with 张明 (lead) and 李娜.
    await as('officer1', async (page) => {
      await page.click('[data-testid="menu-cases"]');
      await page.locator('[data-testid="cases-table"]').waitFor(WAIT);
      await page.click('[data-testid="case-new"]');
      await page.locator('.ant-drawer', { hasText: '新建案件(案源登记)' }).waitFor(WAIT);
      await page.fill('[data-testid="case-title"]', title);
      await choose(page, page.locator('[data-testid="case-source"]'), '投诉');
      await choose(page, page.locator('[data-testid="case-item"]'), ITEM, ITEM);
      await expect(page.inputValue('#registerCase_receivedOn')).resolves.toBe(today);
      await page.fill('#registerCase_summary', '投诉人反映该公司拖欠 12 名农民工 2026 年工资,且未编制工资支付台账。');
      await page.fill('[data-testid="case-party-name-0"]', party.name);
      await page.fill('[data-testid="case-party-id-0"]', party.uscc);
      await page.fill('[data-testid="case-party-rep-0"]', party.rep);
      // The 行政处罚决定书 names the party's 住所.
      await page.fill('[data-testid="case-party-address-0"]', party.address);
      await choose(page, page.locator('[data-testid="case-lead"]'), '张明', '张明');
      await choose(page, page.locator('[data-testid="case-assist"]'), '李娜', '李娜');
      await page.locator('.ant-drawer-title', { hasText: '新建案件' }).click(); // closes the drop-down
      // The checksum hint stays quiet for a valid code.
      await expect(page.locator('.ant-drawer').getByText('统一社会信用代码校验位不符').count()).resolves.toBe(0);
      await page.click('[data-testid="case-action-submit"]');

      // The new case opens in the drawer (?id=…).
      await page.waitForURL(/\/console\/cases\?id=/, WAIT);
      caseId = new URL(page.url()).searchParams.get('id') ?? '';
      expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
      caseNo = ((await page.locator('[data-testid="case-no"]').textContent()) ?? '').trim();
      expect(caseNo).toMatch(/^\d{4}-\d{4}$/);
      await expect(page.locator('[data-testid="case-stage"]').textContent()).resolves.toBe('案源登记');

      // 2. 受理.
      await act(page, 'accept', '已受理', '投诉材料齐全,属于本机关管辖,决定受理。');
    });

    // 2. 立案审批 by the unit head.
    await as('unithead', async (page) => {
      await openCase(page, '已受理');
      await act(page, 'file', '调查取证', '同意立案。');
    });

    // 3. 调查取证: without a recording the AV list (全程音像记录) refuses; with the WAV uploaded into the case it passes.
    await as('officer1', async (page) => {
      await openCase(page, '调查取证');
      const form = await startAction(page, 'investigate');
      const officers = form.locator('[data-testid="case-officers"]');
      await expect(officers.textContent()).resolves.toContain('张明');
      await expect(officers.textContent()).resolves.toContain('李娜');
      await expect(form.locator('[data-testid="case-item-step"]').textContent()).resolves.toContain('调查取证');
      await page.fill('[data-testid="case-note"]', '张明、李娜出示执法证件,进入施工现场检查,询问项目负责人王某,调取考勤表和工资发放记录。');
      await page.click('[data-testid="case-action-submit"]');
      const error = page.locator('[data-testid="case-action-error"]');
      await error.waitFor(WAIT);
      await expect(error.textContent()).resolves.toContain('全程音像记录');
      await expect(error.textContent()).resolves.toContain('调查取证');
      await expect(page.locator('[data-testid="case-stage"]').textContent()).resolves.toBe('调查取证');

      // The recording goes into the case through the form's own upload (tus), and is picked at once.
      await page.click('[data-testid="case-evidence-upload"]');
      const modal = page.locator('.ant-modal', { hasText: `上传本案证据(${caseNo})` });
      await modal.waitFor(WAIT);
      await modal.locator('input[type="file"]').setInputFiles({ name: wavName, mimeType: 'audio/wav', buffer: makeWav() });
      await modal.locator('.ant-upload-list', { hasText: wavName }).waitFor(WAIT);
      await expect(modal.locator('.ant-form-item', { hasText: '证据类型' }).textContent()).resolves.toContain('录音');
      const finished = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/uploads/'), WAIT);
      await page.click('[data-testid="case-evidence-upload-submit"]');
      const patch = await finished;
      expect(patch.status()).toBe(204);
      const evidenceId = patch.headers()['x-evidence-id'] ?? '';
      expect(evidenceId).toMatch(/^[0-9a-f-]{36}$/);
      await modal.waitFor({ state: 'hidden', ...WAIT });
      await form.locator('[data-testid="case-evidence"]', { hasText: wavName }).waitFor(WAIT);

      await submitAction(page, '调查取证');
      const evidence = await page.request.get(`${demo.server.baseUrl}/api/evidence/${evidenceId}`);
      expect(await evidence.json()).toMatchObject({ id: evidenceId, caseId, mediaType: 'audio/wav', filename: wavName });

      // 4. 调查终结.
      await act(
        page,
        'end_investigation',
        '调查终结',
        '经查,该公司未编制工资支付台账,拖欠 12 名农民工工资,经责令限期改正逾期未改正。建议罚款。',
      );
    });

    // 4. 拟定事先告知: 罚款 within RB0007 tier 2.
    await as('unithead', async (page) => {
      await openCase(page, '调查终结');
      const form = await startAction(page, 'notify');
      await choose(page, form.locator('[data-testid="case-penalty-types"]'), '罚款');
      await form.locator('.ant-form-item-label', { hasText: '处罚种类' }).click(); // closes the drop-down
      await page.fill(input('case-fine'), String(fine));
      await choose(page, form.locator('[data-testid="case-benchmark"]'), BENCHMARK);
      await choose(page, form.locator('[data-testid="case-tier"]'), `第 ${TIER_NO} 阶次`);
      await form.locator('.ant-alert-success', { hasText: '拟处罚款在幅度内' }).waitFor(WAIT);
      // A fine alone is not a heavy type: whether it is 较大数额 is the officer's call (left unticked here).
      await expect(form.locator(input('case-hearing-offered')).isDisabled()).resolves.toBe(false);
      await page.fill('[data-testid="case-note"]', `拟对该公司处罚款 ${fine} 元。`);
      await submitAction(page, '已拟事先告知');
    });

    // 送达事先告知书 with the party's written waiver, so the decision may follow the same day. The notice
    // is issued first in the 执法文书 tab; the service form then serves it by its 文号.
    let noticeNumber = '';
    await as('officer1', async (page) => {
      await openCase(page, '已拟事先告知');
      noticeNumber = await issueDocument(page, '行政处罚事先告知书');
      const form = await startAction(page, 'serve_notice');
      await expect(form.locator('[data-testid="case-service-document"]').textContent()).resolves.toContain(noticeNumber);
      await expect(form.locator('[data-testid="case-service-method"]').textContent()).resolves.toContain('直接送达');
      await expect(page.inputValue(input('case-recipient'))).resolves.toBe(`${party.name}(${party.rep})`);
      await page.fill(input('case-recipient'), `${party.name}(法定代表人 ${party.rep})`);
      await form.locator('[data-testid="case-rights-waived"]').check();
      await page.fill('[data-testid="case-note"]', '当面送达,王某签收,并当场书面放弃陈述、申辩和听证。');
      await submitAction(page, '已告知(陈述申辩期)');
    });

    // 作出决定 (the notified penalty is prefilled); the waiver lets it be made today.
    await as('unithead', async (page) => {
      await openCase(page, '已告知(陈述申辩期)');
      const form = await startAction(page, 'decide');
      await form.locator('.ant-alert', { hasText: '当事人已书面放弃陈述、申辩和听证' }).waitFor(WAIT);
      await expect(page.inputValue(input('case-fine'))).resolves.toBe(fine.toFixed(2));
      await expect(form.locator('[data-testid="case-benchmark"]').textContent()).resolves.toContain(BENCHMARK);
      await expect(form.locator('[data-testid="case-tier"]').textContent()).resolves.toContain(`第 ${TIER_NO} 阶次`);
      await page.fill('[data-testid="case-note"]', `违法事实清楚,证据确凿,决定处罚款 ${fine} 元。`);
      await submitAction(page, '已决定');
    });

    // 送达决定书: no decision issued yet, so the form sends the officer to issue it and comes back with
    // it selected; then 登记缴款 → 已执行.
    let decisionNumber = '';
    await as('officer1', async (page) => {
      await openCase(page, '已决定');
      let form = await startAction(page, 'serve_decision');
      await form.locator('[data-testid="case-service-document-missing"]', { hasText: '行政处罚决定书' }).waitFor(WAIT);
      await page.click('[data-testid="case-service-issue-document"]');
      const composer = page.locator('.ant-drawer', { has: page.locator('[data-testid="case-document-issue"]') }).last();
      await composer.waitFor(WAIT);
      await expect(composer.locator('[data-testid="case-document-type"]').textContent()).resolves.toContain('行政处罚决定书');
      await page.click('[data-testid="case-document-issue"]');
      await page.locator('[data-testid="case-document-issue"]').waitFor({ state: 'detached', ...WAIT });
      decisionNumber = await documentNumber(page, '行政处罚决定书');
      form = page.locator('.ant-drawer', { has: page.locator('[data-testid="case-action-submit"]') }).last();
      await form.locator('[data-testid="case-service-document"]', { hasText: decisionNumber }).waitFor(WAIT);
      await page.fill('[data-testid="case-note"]', '当面送达行政处罚决定书,王某签收。');
      await submitAction(page, '已送达决定');
      await page.click('[data-testid="case-payment"]');
      await page.locator('.ant-drawer', { hasText: `登记缴款 ${caseNo}` }).waitFor(WAIT);
      await expect(page.inputValue(input('case-amount'))).resolves.toBe(fine.toFixed(2));
      await expect(page.inputValue('#casePayment_paidOn')).resolves.toBe(today);
      await page.fill(input('case-receipt-no'), `E2E${Date.now()}`);
      await page.fill(input('case-amount'), String(fine));
      await submitAction(page, '已执行');
    });

    // 5. 结案审批 → 已结案; 全过程记录 lists every step in order; the list shows the case as 已结案.
    await as('unithead', async (page) => {
      await openCase(page, '已执行');
      await act(page, 'close', '已结案', '罚款已全额缴纳,执行完毕,同意结案。');
      // Nothing is left to do.
      await expect(page.locator('[data-testid="case-next-actions"]').count()).resolves.toBe(0);
      await page.getByText('本案当前没有可办理的环节').waitFor(WAIT);

      await page.click('[data-testid="case-tab-timeline"]');
      const steps = page.locator('[data-testid="case-timeline"] [data-testid^="case-step-"]');
      await steps.first().waitFor(WAIT);
      const headings = (await steps.locator('strong').allTextContents()).map((t) => t.trim());
      expect(headings).toEqual(EXPECTED_STEPS.map((label, i) => `${i + 1}. ${label}`));
      const investigation = ((await page.locator('[data-testid="case-step-3"]').textContent()) ?? '').replace(/\s+/g, '');
      expect(investigation).toContain('张明、李娜');
      expect(investigation).toContain(wavName);
      for (let i = 1; i <= EXPECTED_STEPS.length; i++) {
        await expect(page.locator(`[data-testid="case-step-${i}"]`).textContent()).resolves.toContain(today);
        // Each step names its place in the tamper-evident ledger.
        await expect(page.locator(`[data-testid="case-step-${i}"] [data-testid="case-step-ledger"]`).textContent()).resolves.toMatch(
          /^账本序号 \d+$/,
        );
      }
      // The services name the documents served by their 文号.
      await expect(page.locator('[data-testid="case-step-6"]').textContent()).resolves.toContain(noticeNumber);
      await expect(page.locator('[data-testid="case-step-8"]').textContent()).resolves.toContain(decisionNumber);

      // 调阅记录: the unit head sees that officer1 opened the case.
      await page.click('[data-testid="case-tab-access"]');
      await page.locator('[data-testid="case-access-log"] tr.ant-table-row', { hasText: 'officer1' }).first().waitFor(WAIT);

      await page.locator('.ant-drawer', { hasText: '案件详情' }).locator('.ant-drawer-close').click();
      await page.waitForURL((url) => !url.search.includes('id='), WAIT);
      await page.fill('[data-testid="cases-filter-q"] input', caseNo);
      await page.keyboard.press('Enter');
      await page.locator('.ant-pagination-total-text', { hasText: '共 1 件' }).waitFor(WAIT);
      const rows = page.locator('[data-testid="cases-table"] tr.ant-table-row');
      await expect(rows.count()).resolves.toBe(1);
      await expect(rows.first().textContent()).resolves.toContain(caseNo);
      await expect(rows.first().textContent()).resolves.toContain('已结案');
    });

    // What the browsers did is what the server recorded.
    const view = (await (await officerPage.request.get(`${demo.server.baseUrl}/api/cases/${caseId}`)).json()) as {
      stage: string;
      closedOn: string | null;
      payments: { amountYuan: number }[];
      steps: { action: string }[];
    };
    expect(view).toMatchObject({ stage: 'closed', closedOn: today, payments: [{ amountYuan: fine }] });
    expect(view.steps.map((s) => s.action)).toEqual([
      'accept',
      'file',
      'investigate',
      'end_investigation',
      'notify',
      'serve_notice',
      'decide',
      'serve_decision',
      'close',
    ]);
  });

  // Uses the case the previous test closed.
  it('执法文书: the unit head issues the 立案审批表 of the closed case, downloads the .docx, and 全过程记录 lists it', {
    timeout: 90_000,
  }, async () => {
    expect(caseId, 'the case of the previous test').not.toBe('');
    await as('unithead', async (page) => {
      await openCase(page, '已结案');
      await page.click('[data-testid="case-tab-documents"]');
      await page.locator('[data-testid="case-documents-table"]').waitFor(WAIT);
      await page.click('[data-testid="case-document-new"]');
      const drawer = page.locator('.ant-drawer', { has: page.locator('[data-testid="case-document-issue"]') }).last();
      await drawer.waitFor(WAIT);
      await choose(page, drawer.locator('[data-testid="case-document-type"]'), '立案审批表');

      // The preview is the server's rendering of the case's own data.
      await page.click('[data-testid="case-document-preview"]');
      const preview = page.frameLocator('[data-testid="case-document-preview-frame"]').locator('body');
      await preview.getByText('立案审批表').first().waitFor(WAIT);
      const previewText = (await preview.textContent()) ?? '';
      expect(previewText).toContain(caseNo);
      expect(previewText).toContain(party.name);

      await page.click('[data-testid="case-document-issue"]');
      await page.locator('[data-testid="case-document-issue"]').waitFor({ state: 'detached', ...WAIT });
      const row = page.locator('[data-testid="case-documents-table"] tr.ant-table-row', { hasText: '立案审批表' });
      await row.waitFor(WAIT);
      // The 事先告知书 and 决定书 issued before their service are listed too.
      await expect(page.locator('[data-testid="case-documents-table"] tr.ant-table-row').count()).resolves.toBe(3);

      const [download] = await Promise.all([
        page.waitForEvent('download', WAIT),
        row.locator('[data-testid="case-document-download"]').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^立案审批表.*\.docx$/);
      const docx = fs.readFileSync(await download.path());
      expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04'); // a ZIP, as every .docx is
      expect(docx.includes('word/document.xml')).toBe(true);

      // The server lists the same document, with the hash of the bytes downloaded.
      const listed = (await (await page.request.get(`${demo.server.baseUrl}/api/cases/${caseId}/documents`)).json()) as {
        type: string;
        title: string;
        sha256: string;
      }[];
      expect(listed.map((d) => d.type).sort()).toEqual(['filing_approval', 'penalty_decision', 'penalty_prior_notice']);
      expect(listed.find((d) => d.type === 'filing_approval')).toMatchObject({
        title: '立案审批表',
        sha256: createHash('sha256').update(docx).digest('hex'),
      });

      // 全过程记录 lists the issued document after the steps.
      await page.click('[data-testid="case-tab-timeline"]');
      await page.locator('[data-testid="case-timeline-document"]', { hasText: '立案审批表' }).waitFor(WAIT);
    });
  });
});
