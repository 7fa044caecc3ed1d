import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { explainReviewRule, type ReviewRuleData, reviewRuleKind } from './review-rule-data.js';
import {
  benchmarkData,
  type CatalogEnv,
  catalogApi,
  checkErrorCode,
  itemData,
  reviewRuleData,
  snapshotCatalogCounts,
  startCatalogEnv,
  uniqueCode,
} from './testing.js';

const rule = (more: Partial<ReviewRuleData>): ReviewRuleData => ({
  name: '规则',
  ruleType: 'manual',
  unitId: 'u',
  itemCodes: [],
  categories: [],
  naturalPersonFine: null,
  organizationFine: null,
  penaltyTypes: [],
  basis: '依据',
  notes: '',
  ...more,
});

describe('explainReviewRule: each rule in one sentence', () => {
  it('states fine thresholds in 万元 when whole, for either or both party types', () => {
    expect(explainReviewRule(rule({ ruleType: 'fine_threshold', naturalPersonFine: 10000, organizationFine: 50000 }))).toBe(
      '对公民处以 1 万元以上罚款、对法人或者其他组织处以 5 万元以上罚款的,须经法制审核。',
    );
    expect(explainReviewRule(rule({ ruleType: 'fine_threshold', naturalPersonFine: null, organizationFine: 100000 }))).toBe(
      '对法人或者其他组织处以 10 万元以上罚款的,须经法制审核。',
    );
    expect(explainReviewRule(rule({ ruleType: 'fine_threshold', naturalPersonFine: 5000, organizationFine: null }))).toBe(
      '对公民处以 5000 元以上罚款的,须经法制审核。',
    );
    expect(explainReviewRule(rule({ ruleType: 'fine_threshold', naturalPersonFine: 15000, organizationFine: null }))).toBe(
      '对公民处以 15000 元以上罚款的,须经法制审核。',
    );
  });

  it('names the items, categories and penalty types the rule lists', () => {
    expect(explainReviewRule(rule({ ruleType: 'item', itemCodes: ['RS-CF-002', 'RS-CF-001'] }))).toBe(
      '对执法事项 RS-CF-002、RS-CF-001 作出的执法决定,须经法制审核。',
    );
    expect(explainReviewRule(rule({ ruleType: 'category', categories: ['行政强制'] }))).toBe('行政强制类执法决定,须经法制审核。');
    expect(explainReviewRule(rule({ ruleType: 'category', categories: ['行政强制', '行政征收征用'] }))).toBe(
      '行政强制、行政征收征用类执法决定,须经法制审核。',
    );
    expect(explainReviewRule(rule({ ruleType: 'penalty_type', penaltyTypes: ['吊销许可证件', '责令停产停业'] }))).toBe(
      '拟作出吊销许可证件、责令停产停业决定的,须经法制审核。',
    );
  });

  it('has a fixed sentence for each rule type without parameters', () => {
    const fixed: [string, string][] = [
      ['after_hearing', '经过听证程序作出的执法决定,须经法制审核。'],
      ['benchmark_departure', '不按行政处罚裁量基准作出决定、或者决定减轻处罚的,须经法制审核。'],
      ['complex', '案件情况疑难复杂、涉及多个法律关系的,须经法制审核。'],
      ['manual', '承办单位负责人认为属于重大执法决定的,须经法制审核。'],
    ];
    for (const [ruleType, sentence] of fixed) expect(explainReviewRule(rule({ ruleType })), ruleType).toBe(sentence);
  });
});

describeEachDialect('catalog: 重大执法决定法制审核目录 (review rules)', (ctx) => {
  let env: CatalogEnv;
  let api: ReturnType<typeof catalogApi>;
  let itemCode: string;
  beforeAll(async () => {
    env = await startCatalogEnv(ctx.db);
    api = catalogApi(env);
    itemCode = (await api.createPublished('items', itemData(env.unitId))).code;
  });
  afterAll(() => env?.app.close());

  const post = (data: Record<string, unknown>, code = uniqueCode()) =>
    api.call('POST', '/api/catalog/review-rules', undefined, { code, data });

  it('creates a rule of each type as draft version 1', async () => {
    const valid: Record<string, unknown>[] = [
      { ruleType: 'item', itemCodes: [itemCode] },
      { ruleType: 'category', categories: ['行政强制'] },
      { ruleType: 'fine_threshold', naturalPersonFine: 10000, organizationFine: null },
      { ruleType: 'penalty_type', penaltyTypes: ['吊销许可证件'] },
      { ruleType: 'after_hearing' },
      { ruleType: 'benchmark_departure' },
      { ruleType: 'complex' },
      { ruleType: 'manual' },
    ];
    for (const fields of valid) {
      const res = await post(reviewRuleData(env.unitId, fields));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().versions[0]).toMatchObject({ versionNo: 1, status: 'draft', data: fields });
    }
  });

  it('refuses each invalid rule with its code and changes nothing', async () => {
    const bench = await api.create('benchmarks', benchmarkData(env.unitId, ''));
    const before = await snapshotCatalogCounts(ctx.db.kysely);
    const d = (fields: Record<string, unknown>) => reviewRuleData(env.unitId, fields);
    const cases: [string, Record<string, unknown>, RegExp | null][] = [
      ['invalid_input', d({ ruleType: 'sometimes' }), null],
      ['invalid_input', d({ ruleType: 'category', categories: ['行政许可类'] }), null],
      ['invalid_input', d({ ruleType: 'penalty_type', penaltyTypes: ['罚酒三杯'] }), null],
      ['invalid_input', d({ ruleType: 'fine_threshold', naturalPersonFine: -1 }), null],
      ['item_codes_required', d({ ruleType: 'item', itemCodes: [] }), /至少一个执法事项编码/],
      ['item_codes_required', d({ ruleType: 'item', itemCodes: ['  '] }), null],
      ['item_not_found', d({ ruleType: 'item', itemCodes: [itemCode, 'NO-SUCH-ITEM'] }), /执法事项「NO-SUCH-ITEM」不存在/],
      ['item_not_found', d({ ruleType: 'item', itemCodes: [bench.code] }), null],
      ['categories_required', d({ ruleType: 'category', categories: [] }), null],
      ['threshold_required', d({ ruleType: 'fine_threshold', naturalPersonFine: null, organizationFine: null }), /至少填写/],
      ['penalty_types_required', d({ ruleType: 'penalty_type', penaltyTypes: [] }), null],
      ['name_required', d({ name: '  ' }), null],
      ['basis_required', d({ basis: ' ' }), null],
      ['unit_not_found', d({ unitId: 'nope' }), /审核机构不存在/],
    ];
    for (const [code, data, message] of cases) {
      const res = await post(data);
      expect([res.statusCode, res.json().code], `${code}: ${res.body}`).toEqual([400, code]);
      if (message) expect(res.json().message).toMatch(message);
    }
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(before);
  });

  it('the check itself refuses what the schema shuts out, for the seed and imports that call it directly', async () => {
    const db = ctx.db.kysely;
    const d = (fields: Record<string, unknown>) => reviewRuleData(env.unitId, fields);
    expect(await checkErrorCode(db, reviewRuleKind, d({ ruleType: 'sometimes' }))).toBe('invalid_rule_type');
    expect(await checkErrorCode(db, reviewRuleKind, d({ ruleType: 'category', categories: ['行政许可类'] }))).toBe('invalid_category');
    expect(await checkErrorCode(db, reviewRuleKind, d({ ruleType: 'penalty_type', penaltyTypes: ['罚酒三杯'] }))).toBe(
      'invalid_penalty_type',
    );
  });

  it('keeps only the fields its type uses', async () => {
    const everything = {
      itemCodes: ['NO-SUCH-ITEM'],
      categories: ['行政许可'],
      naturalPersonFine: 1,
      organizationFine: 2,
      penaltyTypes: ['警告'],
    };
    const empty = { itemCodes: [], categories: [], naturalPersonFine: null, organizationFine: null, penaltyTypes: [] };
    const hearing = await post(reviewRuleData(env.unitId, { ...everything, ruleType: 'after_hearing' }));
    expect(hearing.statusCode, hearing.body).toBe(201);
    expect(hearing.json().versions[0].data).toMatchObject(empty);
    const fines = await post(reviewRuleData(env.unitId, { ...everything, ruleType: 'fine_threshold' }));
    expect(fines.statusCode, fines.body).toBe(201);
    expect(fines.json().versions[0].data).toMatchObject({ ...empty, naturalPersonFine: 1, organizationFine: 2 });
    const penalties = await post(reviewRuleData(env.unitId, { ...everything, ruleType: 'penalty_type', penaltyTypes: ['警告', ' 警告'] }));
    expect([penalties.statusCode, penalties.json().code]).toEqual([400, 'invalid_input']); // ' 警告' is not a penalty type
    const items = await post(reviewRuleData(env.unitId, { ...everything, ruleType: 'item', itemCodes: [itemCode, ` ${itemCode} `] }));
    expect(items.statusCode, items.body).toBe(201);
    expect(items.json().versions[0].data).toMatchObject({ ...empty, itemCodes: [itemCode] });

    // Changing a draft's type drops the old type's fields and checks the new one's.
    const draft = hearing.json();
    const url = `/api/catalog/review-rules/${draft.id}/versions/${draft.versions[0].id}`;
    const needsCodes = await api.call('PATCH', url, undefined, { ruleType: 'item' });
    expect([needsCodes.statusCode, needsCodes.json().code]).toEqual([400, 'item_codes_required']);
    const retyped = await api.call('PATCH', url, undefined, { ruleType: 'penalty_type', penaltyTypes: ['责令关闭'] });
    expect(retyped.statusCode, retyped.body).toBe(200);
    expect(retyped.json().data).toMatchObject({ ...empty, ruleType: 'penalty_type', penaltyTypes: ['责令关闭'] });
    const back = await api.call('PATCH', url, undefined, { ruleType: 'complex' });
    expect(back.json().data).toMatchObject({ ...empty, ruleType: 'complex' });
  });

  it('publishes the catalogue with each rule’s type label and one-sentence explanation', async () => {
    const code = uniqueCode();
    const fine = await api.createPublished(
      'review-rules',
      reviewRuleData(env.unitId, { name: '较大数额罚款', ruleType: 'fine_threshold', naturalPersonFine: 10000, organizationFine: 50000 }),
      code,
    );
    const byItem = await api.createPublished('review-rules', reviewRuleData(env.unitId, { ruleType: 'item', itemCodes: [itemCode] }));
    await api.create('review-rules', reviewRuleData(env.unitId, { name: '未发布的规则', ruleType: 'complex' }));

    const list = await api.get(`/api/public/review-catalogue?q=${code}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({
      code,
      name: '较大数额罚款',
      ruleType: 'fine_threshold',
      ruleTypeLabel: '较大数额罚款',
      explanation: '对公民处以 1 万元以上罚款、对法人或者其他组织处以 5 万元以上罚款的,须经法制审核。',
      naturalPersonFine: 10000,
      organizationFine: 50000,
    });
    expect(list.json().items[0]).not.toHaveProperty('unitId');
    const detail = await api.get(`/api/public/review-catalogue/${byItem.code}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      code: byItem.code,
      ruleTypeLabel: '指定事项',
      explanation: `对执法事项 ${itemCode} 作出的执法决定,须经法制审核。`,
      history: [{ versionNo: 1, current: true }],
    });
    const all = (await api.get('/api/public/review-catalogue?pageSize=100')).json();
    expect(all.items.map((i: { name: string }) => i.name)).not.toContain('未发布的规则');
    expect(all.items.map((i: { code: string }) => i.code)).toContain(fine.code);
  });

  it('filters the catalogue by the type labels, its fixed categories', async () => {
    const tag = uniqueCode();
    const hearing = await api.createPublished(
      'review-rules',
      reviewRuleData(env.unitId, { name: `${tag} 听证`, ruleType: 'after_hearing' }),
    );
    const complex = await api.createPublished('review-rules', reviewRuleData(env.unitId, { name: `${tag} 复杂`, ruleType: 'complex' }));
    const byLabel = await api.get(`/api/public/review-catalogue?q=${tag}&category=${encodeURIComponent('听证后决定')}`);
    expect(byLabel.statusCode).toBe(200);
    expect(byLabel.json().items.map((i: { code: string }) => i.code)).toEqual([hearing.code]);
    const staff = await api.call('GET', `/api/catalog/review-rules?q=${tag}&category=${encodeURIComponent('案情复杂')}`);
    expect(staff.json().items.map((i: { code: string }) => i.code)).toEqual([complex.code]);
    for (const url of ['/api/public/review-catalogue?category=nope', '/api/catalog/review-rules?category=after_hearing']) {
      const res = await api.call('GET', url);
      expect([res.statusCode, res.json().code], url).toEqual([400, 'invalid_input']);
    }
  });
});
