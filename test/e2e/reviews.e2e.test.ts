import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser.js';
import { apiSession, type Call, useDemoServerAndBrowser, usePersonas } from '../support/e2e.js';

const enabled = chromiumAvailable();
const WAIT = { timeout: 15_000 };
const PASSWORD = 'Demo@2026';
const OPINION_TITLE = '重大行政执法决定法制审核意见书';

/** Today in Beijing (the server dates steps by it). */
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

/**
 * A case the catalogue makes major (ZD001: 60 000 yuan on an organisation), driven by the API to
 * 已告知 with the party's written waiver, so the decision may follow today once the review agrees.
 */
async function majorCaseAtNotice(baseUrl: string, title: string): Promise<{ id: string; caseNo: string }> {
  const officer = await apiSession(baseUrl, 'officer1', PASSWORD);
  const head = await apiSession(baseUrl, 'unithead', PASSWORD);
  const today = beijingToday();
  const { items: officers } = await officer<{ items: { id: string; name: string }[] }>('GET', '/api/officers?page=1&pageSize=100');
  const officerId = (name: string) => officers.find((o) => o.name === name)?.id ?? '';
  const me = await officer<{ user: { unitId: string } }>('GET', '/api/me');
  const c = await officer<{ id: string; caseNo: string }>('POST', '/api/cases', {
    title,
    unitId: me.user.unitId,
    procedure: 'general',
    source: '日常巡查',
    itemCode: 'RS-CF-003',
    receivedOn: today,
    summary: '日常巡查发现该公司少缴职工社会保险费 48000 元,经责令限期补缴逾期未缴。',
    parties: [
      {
        kind: 'organization',
        name: '石嘴山市某机械有限公司',
        idNo: uscc('91640200MA7R3W1E2'),
        address: '石嘴山市大武口区某路 1 号',
        legalRepresentative: '孙某',
        phone: '',
      },
    ],
    officers: [
      { officerId: officerId('张明'), role: 'lead' },
      { officerId: officerId('李娜'), role: 'assist' },
    ],
  });
  const act = (who: Call, action: string, more: Record<string, unknown>) =>
    who('POST', `/api/cases/${c.id}/actions/${action}`, { performedOn: today, note: action, ...more });
  await act(officer, 'accept', { note: '巡查发现,予以受理' });
  await act(head, 'file', { note: '同意立案' });
  await act(officer, 'investigate', {
    note: '调取该公司社保缴费明细和工资表,询问人事负责人。',
    officerIds: [officerId('张明'), officerId('李娜')],
  });
  await act(officer, 'end_investigation', { note: '少缴社会保险费 48000 元,逾期未补缴,事实清楚。' });
  await act(head, 'notify', {
    note: '拟处罚款 60000 元',
    penalty: { types: ['罚款'], fineYuan: 60000, basisQuantity: 48000, description: '处欠缴数额 1.25 倍罚款' },
    benchmark: { code: 'RB0005', tierNo: 1, departureReason: '' },
    hearingOffered: true,
  });
  await officer('POST', `/api/cases/${c.id}/documents`, { type: 'penalty_prior_notice', data: {} });
  await act(officer, 'serve_notice', {
    note: '当面送达,当事人书面放弃陈述申辩和听证',
    service: { method: '直接送达', recipient: '孙某' },
    rightsWaived: true,
  });
  return c;
}

describe.runIf(enabled)('法制审核 in Chromium: submit, return with a problem, answer, agree, decide (sanxiang serve --demo)', () => {
  const demo = useDemoServerAndBrowser();
  const { as } = usePersonas(demo, {
    password: PASSWORD,
    readyTestId: 'menu-dashboard',
    screenshotPrefix: 'sanxiang-e2e-reviews',
    timeoutMs: WAIT.timeout,
  });

  /** The case drawer's 法制审核 tab. */
  async function openCaseReview(page: Page, caseId: string, caseNo: string): Promise<Locator> {
    await page.goto(`${demo.server.baseUrl}/console/cases?id=${encodeURIComponent(caseId)}`);
    await page.locator('[data-testid="case-no"]', { hasText: caseNo }).waitFor(WAIT);
    await page.click('[data-testid="case-tab-review"]');
    const section = page.locator('[data-testid="case-review"]');
    await section.waitFor(WAIT);
    return section;
  }

  /** The review drawer, opened from the inbox by its link. */
  async function openReview(page: Page, reviewId: string, caseNo: string): Promise<void> {
    await page.goto(`${demo.server.baseUrl}/console/reviews?id=${encodeURIComponent(reviewId)}`);
    await page.locator('[data-testid="review-case-no"]', { hasText: caseNo }).waitFor(WAIT);
  }

  /** Writes an opinion: every item 符合 unless named with a problem, the conclusion, problems from the items. */
  async function writeOpinion(page: Page, conclusion: string, problem?: { key: string; note: string }): Promise<void> {
    await page.click('[data-testid="review-opinion-open"]');
    const drawer = page.locator('.ant-drawer', { has: page.locator('[data-testid="review-opinion-submit"]') });
    await drawer.waitFor(WAIT);
    await drawer.locator('[data-testid="review-opinion-hints"]', { hasText: '尚有 10 项审核事项未选择结论' }).waitFor(WAIT);
    if (problem) {
      const row = drawer.locator(`[data-testid="review-check-${problem.key}"]`);
      await row.locator('label', { hasText: '存在问题' }).click();
      await row.locator('textarea').fill(problem.note);
    }
    await page.click('[data-testid="review-opinion-pass-rest"]');
    await drawer.locator('[data-testid="review-conclusion"] label', { hasText: conclusion }).click();
    if (problem) {
      await page.click('[data-testid="review-problems-from-checklist"]');
      await expect(drawer.locator('[data-testid="review-problem-row-1"] textarea').inputValue()).resolves.toBe(problem.note);
    } else {
      await page.fill('[data-testid="review-opinion-note"]', '同意承办机构意见。');
    }
    await expect(drawer.locator('[data-testid="review-opinion-hints"]').count()).resolves.toBe(0);
    await page.click('[data-testid="review-opinion-submit"]');
    await page.locator('[data-testid="review-opinion-submit"]').waitFor({ state: 'detached', ...WAIT });
  }

  it('officer1 submits a major case, reviewer returns it with one problem, officer1 answers and resubmits, reviewer agrees, unithead decides and issues the 决定书', {
    timeout: 120_000,
  }, async () => {
    const title = `某机械公司未足额缴纳社会保险费案(E2E ${Date.now()})`;
    const { id: caseId, caseNo } = await majorCaseAtNotice(demo.server.baseUrl, title);
    let reviewId = '';
    const problem = { key: 'discretion', note: '未说明按欠缴数额 1.25 倍计罚的理由' };

    // 0. The gate: before the review agrees, 作出决定 is refused with the server's reason.
    await as('unithead', async (page) => {
      await openCaseReview(page, caseId, caseNo);
      await page.click('[data-testid="case-action-decide"]');
      await page.fill('[data-testid="case-note"]', '拟作出决定。');
      await page.click('[data-testid="case-action-submit"]');
      await page.locator('[data-testid="case-action-error"]', { hasText: '须经法制审核同意后方可作出决定' }).waitFor(WAIT);
      await page
        .locator('.ant-drawer', { has: page.locator('[data-testid="case-action-submit"]') })
        .last()
        .locator('.ant-drawer-close')
        .click();
      await page.locator('[data-testid="case-action-submit"]').waitFor({ state: 'detached', ...WAIT });
    });

    // 1. 报送: the case page tells why the case is major; without the attestation the server lists what is missing.
    await as('officer1', async (page) => {
      const section = await openCaseReview(page, caseId, caseNo);
      await expect(section.locator('[data-testid="case-review-determination"]').textContent()).resolves.toContain('ZD001');
      await page.fill(
        '[data-testid="review-statement-input"]',
        '该公司少缴社会保险费 48000 元,逾期未补缴;依照 RB0005 第 1 阶次拟处罚款 60000 元。',
      );
      await page.click('[data-testid="review-submit"]');
      await section.locator('[data-testid="review-submit-missing"]', { hasText: '承办机构对材料真实、准确、完整的承诺' }).waitFor(WAIT);
      await section.locator('[data-testid="review-attest"]').check();
      await page.click('[data-testid="review-submit"]');
      await section.locator('[data-testid="case-review-state"]', { hasText: '待审核' }).waitFor(WAIT);
      const link = await section.locator('a[href*="/console/reviews?id="]').getAttribute('href');
      reviewId = new URL(link ?? '', demo.server.baseUrl).searchParams.get('id') ?? '';
      expect(reviewId).toMatch(/^[0-9a-f-]{36}$/);
    });

    // 2. The reviewer finds it in 待承办, takes it and returns it with one problem.
    await as('reviewer', async (page) => {
      await page.click('[data-testid="menu-reviews"]');
      await page.locator('[data-testid="reviews-table"] tr.ant-table-row', { hasText: caseNo }).click();
      await page.locator('[data-testid="review-case-no"]', { hasText: caseNo }).waitFor(WAIT);
      await expect(page.locator('[data-testid="review-determination"]').textContent()).resolves.toContain('较大数额罚款');
      await expect(page.locator('[data-testid="review-proposal"]').textContent()).resolves.toBe('罚款 60000 元');
      await page.click('[data-testid="review-tab-record"]');
      await page.locator('[data-testid="review-prechecks"] [data-testid="review-precheck-notice"]').waitFor(WAIT);
      await page.locator('[data-testid="case-timeline"] [data-testid="case-step-6"]').waitFor(WAIT);
      await page.click('[data-testid="review-take"]');
      await page.locator('[data-testid="review-state"]', { hasText: '审核中' }).waitFor(WAIT);
      await writeOpinion(page, '存在问题', problem);
      await page.locator('[data-testid="review-state"]', { hasText: '已退回' }).waitFor(WAIT);
    });

    // 3. The officer answers the problem and resubmits (the reviewer who returned it gets it back).
    await as('officer1', async (page) => {
      const section = await openCaseReview(page, caseId, caseNo);
      const returned = section.locator('[data-testid="case-review-returned"]');
      await returned.getByText(problem.note).first().waitFor(WAIT);
      await page.fill('[data-testid="review-answer-1"]', '已在情况说明中补充计罚理由:欠缴时间短、首次违法,按第 1 阶次 1.25 倍计罚。');
      await page.fill('[data-testid="review-statement-input"]', '补充:欠缴时间短、首次违法,按 RB0005 第 1 阶次 1.25 倍计罚 60000 元。');
      await returned.locator('[data-testid="review-attest"]').check();
      await page.click('[data-testid="review-resubmit"]');
      await section.locator('[data-testid="case-review-state"]', { hasText: '审核中' }).waitFor(WAIT);
    });

    // 4. The reviewer sees the answer and what changed, agrees; both opinions are in the rounds, each downloadable.
    await as('reviewer', async (page) => {
      await openReview(page, reviewId, caseNo);
      await expect(page.locator('[data-testid="review-round"]').textContent()).resolves.toBe('第 2 轮');
      await expect(page.locator('[data-testid="review-answers"]').textContent()).resolves.toContain('已在情况说明中补充计罚理由');
      await expect(page.locator('[data-testid="review-changes-table"]').textContent()).resolves.toContain('情况说明');
      await writeOpinion(page, '同意');
      await page.locator('[data-testid="review-state"]', { hasText: '审核同意' }).waitFor(WAIT);
      await page.click('[data-testid="review-tab-rounds"]');
      const downloads = page.locator('[data-testid="review-opinion-download"]');
      await expect.poll(() => downloads.count(), WAIT).toBe(2);
      const [download] = await Promise.all([page.waitForEvent('download', WAIT), downloads.first().click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^${OPINION_TITLE}.*\\.docx$`));
      expect(
        fs
          .readFileSync(await download.path())
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('PK\x03\x04');
    });

    // 5. The unit head decides (the gate now lets the agreed decision through); the record lists both opinions.
    await as('unithead', async (page) => {
      const section = await openCaseReview(page, caseId, caseNo);
      await section.locator('[data-testid="case-review-cleared"]', { hasText: '罚款 60000 元' }).waitFor(WAIT);
      await page.click('[data-testid="case-action-decide"]');
      await page.locator('[data-testid="case-action-submit"]').waitFor(WAIT);
      await page.fill('[data-testid="case-note"]', '经法制审核同意,决定处罚款 60000 元。');
      await page.click('[data-testid="case-action-submit"]');
      await page.locator('[data-testid="case-action-submit"]').waitFor({ state: 'detached', ...WAIT });
      await page.locator('[data-testid="case-stage"]', { hasText: '已决定' }).waitFor(WAIT);
      // The 行政处罚决定书 is issued in the 执法文书 tab (the gate asks again, and lets it through).
      await page.click('[data-testid="case-tab-documents"]');
      await page.click('[data-testid="case-document-new"]');
      const composer = page.locator('.ant-drawer', { has: page.locator('[data-testid="case-document-issue"]') }).last();
      await composer.locator('[data-testid="case-document-type"]').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '行政处罚决定书' }).first().click();
      await page.click('[data-testid="case-document-issue"]');
      await page.locator('[data-testid="case-document-issue"]').waitFor({ state: 'detached', ...WAIT });
      await page.locator('[data-testid="case-documents-table"] tr.ant-table-row', { hasText: '行政处罚决定书' }).waitFor(WAIT);
      await page.click('[data-testid="case-tab-timeline"]');
      const opinions = page.locator('[data-testid="case-timeline-document"]', { hasText: OPINION_TITLE });
      await expect.poll(() => opinions.count(), WAIT).toBe(2);
    });

    // What the browsers did is what the server recorded.
    const officer = await apiSession(demo.server.baseUrl, 'officer1', PASSWORD);
    const review = await officer<{ state: string; rounds: { conclusion: string }[] }>('GET', `/api/reviews/${reviewId}`);
    expect([review.state, review.rounds.map((r) => r.conclusion)]).toEqual(['agreed', ['problems', 'agreed']]);
    const c = await officer<{ stage: string; steps: { action: string }[] }>('GET', `/api/cases/${caseId}`);
    expect([c.stage, c.steps.at(-1)?.action]).toEqual(['decided', 'decide']);
    const docs = await officer<{ type: string }[]>('GET', `/api/cases/${caseId}/documents`);
    expect(docs.filter((d) => d.type === 'review_opinion')).toHaveLength(2);
    expect(docs.some((d) => d.type === 'penalty_decision')).toBe(true);
  });
});
