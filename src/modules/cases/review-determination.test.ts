import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { reviewRuleData } from '../catalog/testing.js';
import { type ReviewFacts, ruleMatches } from './review-determination.js';
import { type CasesApi, type CasesEnv, caseAt, casesApi, NOTIFIED_PENALTY, startCasesEnv } from './testing.js';
import type { CaseView } from './views.js';

const facts = (overrides: Partial<ReviewFacts> = {}): ReviewFacts => ({
  itemCode: 'RS-CF-001',
  itemCategory: '行政处罚',
  partyKinds: ['organization'],
  penalty: { types: ['罚款'], fineYuan: 50000, basisQuantity: null, description: '' },
  benchmark: null,
  heard: false,
  manual: false,
  ...overrides,
});
const rule = (overrides: Record<string, unknown>) => reviewRuleData('unit', overrides) as unknown as Parameters<typeof ruleMatches>[0];

describe('the 法制审核目录 rules against a case', () => {
  it('matches fine thresholds by the party’s kind, at or above the amount', () => {
    const threshold = rule({ ruleType: 'fine_threshold', naturalPersonFine: 10000, organizationFine: 50000 });
    expect(ruleMatches(threshold, facts())).toBe(true);
    expect(ruleMatches(threshold, facts({ penalty: { ...facts().penalty, fineYuan: 49999 } }))).toBe(false);
    expect(ruleMatches(threshold, facts({ partyKinds: ['natural'], penalty: { ...facts().penalty, fineYuan: 10000 } }))).toBe(true);
    expect(ruleMatches(rule({ ruleType: 'fine_threshold', naturalPersonFine: 10000, organizationFine: null }), facts())).toBe(false);
  });

  it('matches items, categories, penalty types, hearings, departures and the manual flag', () => {
    expect(ruleMatches(rule({ ruleType: 'item', itemCodes: ['RS-CF-001'] }), facts())).toBe(true);
    expect(ruleMatches(rule({ ruleType: 'item', itemCodes: ['RS-CF-002'] }), facts())).toBe(false);
    expect(ruleMatches(rule({ ruleType: 'category', categories: ['行政强制'] }), facts())).toBe(false);
    expect(
      ruleMatches(
        rule({ ruleType: 'penalty_type', penaltyTypes: ['责令停产停业'] }),
        facts({ penalty: { ...facts().penalty, types: ['罚款', '责令停产停业'] } }),
      ),
    ).toBe(true);
    expect(ruleMatches(rule({ ruleType: 'after_hearing' }), facts({ heard: true }))).toBe(true);
    expect(ruleMatches(rule({ ruleType: 'after_hearing' }), facts())).toBe(false);
    const departed = {
      code: 'RB1',
      versionId: 'v',
      tierNo: 2,
      tierLevel: '一般',
      rangeYuan: [100, 200] as [number, number],
      withinTier: false,
      departureReason: '…',
    };
    expect(ruleMatches(rule({ ruleType: 'benchmark_departure' }), facts({ benchmark: departed }))).toBe(true);
    expect(ruleMatches(rule({ ruleType: 'manual' }), facts({ manual: true }))).toBe(true);
    expect(ruleMatches(rule({ ruleType: 'complex' }), facts({ manual: true }))).toBe(false);
  });
});

describeEachDialect('cases: the 法制审核 determination uses the catalogue in force', (ctx) => {
  let env: CasesEnv;
  let api: CasesApi;
  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = casesApi(env);
  });
  afterAll(() => env?.app.close());

  it('names the rule in force that a proposed fine matches; a draft rule decides nothing', async () => {
    const code = `ZD${Date.now().toString().slice(-6)}`;
    const created = await api.call('POST', '/api/catalog/review-rules', 'reviewer', {
      code,
      data: reviewRuleData(env.rootId, {
        name: '较大数额罚款',
        ruleType: 'fine_threshold',
        naturalPersonFine: 5000,
        organizationFine: 500,
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json<{ id: string; draftVersionId: string }>();
    // A draft is not in force: it decides nothing yet.
    const before = await caseAt(env, 'notified');
    expect(before.reviewRequired).toBe(false);
    const published = await api.call('POST', `/api/catalog/review-rules/${entry.id}/versions/${entry.draftVersionId}/publish`, 'reviewer');
    expect(published.statusCode, published.body).toBe(200);

    const c = await caseAt(env, 'notified');
    expect(c.reviewRequired).toBe(true);
    expect(c.data.review.rules?.map((r) => r.code)).toEqual([code]);
    expect(c.data.review.reasons.join('')).toContain('对法人或者其他组织处以 500 元以上罚款的,须经法制审核');
    expect(NOTIFIED_PENALTY.fineYuan).toBeGreaterThanOrEqual(500);
    const list = (await api.call('GET', '/api/cases?pageSize=100', 'officer')).json<{ items: CaseView[] }>();
    expect(list.items.find((x) => x.id === c.id)?.reviewRequired).toBe(true);
  });
});

describeEachDialect('cases: a hearing makes the decision major at once when the catalogue says so', (ctx) => {
  let env: CasesEnv;
  let api: CasesApi;
  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = casesApi(env);
  });
  afterAll(() => env?.app.close());

  it('determines 经过听证 when the hearing is held, so the unit can submit before deciding, and the decision waits', async () => {
    const created = await api.call('POST', '/api/catalog/review-rules', 'reviewer', {
      code: `ZD${Date.now().toString().slice(-6)}`,
      data: reviewRuleData(env.rootId, { name: '经过听证程序作出的决定', ruleType: 'after_hearing' }),
    });
    const entry = created.json<{ id: string; draftVersionId: string }>();
    await api.call('POST', `/api/catalog/review-rules/${entry.id}/versions/${entry.draftVersionId}/publish`, 'reviewer');
    const c = await caseAt(env, 'notice_served');
    expect(c.reviewRequired).toBe(false);
    await api.actOk(c.id, 'request_hearing', { performedOn: '2026-09-16', note: '书面申请听证' });
    const heard = await api.actOk(c.id, 'hold_hearing', {
      performedOn: '2026-09-29',
      note: '听证笔录',
      hearingNoticeOn: '2026-09-16',
      presiderOfficerId: env.officers.c.id,
    });
    expect([heard.reviewRequired, heard.data.review.reasons.join('')]).toEqual([true, expect.stringContaining('经过听证程序作出的决定')]);
    const decided = await api.act(c.id, 'decide', { performedOn: '2026-09-30', note: '决定', penalty: NOTIFIED_PENALTY }, 'unitHead');
    expect([decided.statusCode, decided.json().code]).toEqual([409, 'legal_review_required']);
  });
});
