import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { avRuleKind } from './av-rule-data.js';
import {
  avRuleData,
  benchmarkData,
  type CatalogEnv,
  catalogApi,
  checkErrorCode,
  itemData,
  snapshotCatalogCounts,
  startCatalogEnv,
  uniqueCode,
} from './testing.js';

describeEachDialect('catalog: 音像记录事项 (AV rules)', (ctx) => {
  let env: CatalogEnv;
  let api: ReturnType<typeof catalogApi>;
  /** A published item with the steps 立案, 调查取证, 决定. */
  let item: { id: string; code: string };
  beforeAll(async () => {
    env = await startCatalogEnv(ctx.db);
    api = catalogApi(env);
    item = await api.createPublished('items', itemData(env.unitId, { name: '对拖欠工资的行政处罚' }));
  });
  afterAll(() => env?.app.close());

  it('creates an AV rule for a step of an item as draft version 1, trimmed and with repeated devices dropped', async () => {
    const res = await api.call('POST', '/api/catalog/av-rules', undefined, {
      code: uniqueCode(),
      data: avRuleData(env.unitId, item.code, { step: ' 调查取证 ', devices: ['执法记录仪', ' 执法记录仪 ', '录音笔'], notes: ' 全程 ' }),
    });
    expect(res.statusCode).toBe(201);
    const version = res.json().versions[0];
    expect(version).toMatchObject({ versionNo: 1, status: 'draft' });
    expect(version.data).toEqual({
      itemCode: item.code,
      step: '调查取证',
      unitId: env.unitId,
      requirement: 'mandatory',
      recordCategory: '入户类',
      devices: ['执法记录仪', '录音笔'],
      retentionMonths: 6,
      notes: '全程',
    });
    // A step that is not filmed needs no device.
    const text = await api.call('POST', '/api/catalog/av-rules', undefined, {
      code: uniqueCode(),
      data: avRuleData(env.unitId, item.code, { step: '立案', requirement: 'not_required', recordCategory: '确认类', devices: [] }),
    });
    expect(text.statusCode).toBe(201);
  });

  it('refuses each invalid AV rule with its code and changes nothing; a missing step names the steps there are', async () => {
    const before = await snapshotCatalogCounts(ctx.db.kysely);
    const d = (overrides: Record<string, unknown>) => avRuleData(env.unitId, item.code, overrides);
    const cases: [string, Record<string, unknown>, RegExp | string | null][] = [
      ['invalid_input', d({ requirement: 'sometimes' }), null],
      ['invalid_input', d({ recordCategory: '其他类' }), null],
      ['invalid_input', d({ retentionMonths: 0 }), null],
      ['item_not_found', d({ itemCode: 'NO-SUCH-ITEM' }), /执法事项「NO-SUCH-ITEM」不存在/],
      ['step_not_found', d({ step: '听证' }), `执法事项「${item.code}」没有「听证」这一办理环节(现有:立案、调查取证、决定)`],
      ['devices_required', d({ requirement: 'mandatory', devices: [] }), /记录设备/],
      ['devices_required', d({ requirement: 'as_needed', devices: ['  '] }), /记录设备/],
      ['unit_not_found', d({ unitId: 'nope' }), null],
    ];
    for (const [code, data, message] of cases) {
      const res = await api.call('POST', '/api/catalog/av-rules', undefined, { code: uniqueCode(), data });
      expect([res.statusCode, res.json().code], `${code}: ${res.body}`).toEqual([400, code]);
      if (typeof message === 'string') expect(res.json().message).toBe(message);
      else if (message) expect(res.json().message).toMatch(message);
    }
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(before);
  });

  it('the check itself refuses what the schema shuts out, for the seed and imports that call it directly', async () => {
    const db = ctx.db.kysely;
    expect(await checkErrorCode(db, avRuleKind, avRuleData(env.unitId, item.code, { requirement: 'sometimes' }))).toBe(
      'invalid_av_requirement',
    );
    expect(await checkErrorCode(db, avRuleKind, avRuleData(env.unitId, item.code, { recordCategory: '其他类' }))).toBe(
      'invalid_record_category',
    );
  });

  it('checks the step against the item’s current version, not an unpublished draft of it', async () => {
    const changing = await api.createPublished('items', itemData(env.unitId));
    const draft = await api.call('POST', `/api/catalog/items/${changing.id}/versions`, undefined, {
      data: itemData(env.unitId, { steps: [{ name: '听证', role: '听证主持人', timeLimit: '' }] }),
    });
    expect(draft.statusCode).toBe(201);
    const onDraftStep = await api.call('POST', '/api/catalog/av-rules', undefined, {
      code: uniqueCode(),
      data: avRuleData(env.unitId, changing.code, { step: '听证' }),
    });
    expect([onDraftStep.statusCode, onDraftStep.json().code]).toEqual([400, 'step_not_found']);
    expect(onDraftStep.json().message).toContain('现有:立案、调查取证、决定');
    // Once the draft is published its steps are the ones that count.
    await api.publish('items', changing.id, draft.json().id);
    const afterPublish = await api.call('POST', '/api/catalog/av-rules', undefined, {
      code: uniqueCode(),
      data: avRuleData(env.unitId, changing.code, { step: '听证' }),
    });
    expect(afterPublish.statusCode).toBe(201);
    // An item with no published version yet: its newest draft's steps count.
    const unpublished = await api.create('items', itemData(env.unitId, { steps: [{ name: '受理', role: '窗口', timeLimit: '' }] }));
    const onUnpublished = await api.call('POST', '/api/catalog/av-rules', undefined, {
      code: uniqueCode(),
      data: avRuleData(env.unitId, unpublished.code, { step: '受理' }),
    });
    expect(onUnpublished.statusCode).toBe(201);
  });

  it('refers only to 执法事项: a benchmark code is not an item', async () => {
    const bench = await api.create('benchmarks', benchmarkData(env.unitId, ''));
    const res = await api.call('POST', '/api/catalog/av-rules', undefined, {
      code: uniqueCode(),
      data: avRuleData(env.unitId, bench.code),
    });
    expect([res.statusCode, res.json().code]).toEqual([400, 'item_not_found']);
  });

  it('filters by item code and by the fixed record categories; the public list names the item and the requirement', async () => {
    const other = await api.createPublished('items', itemData(env.unitId, { name: '对违法延长工时的行政处罚' }));
    const a = await api.createPublished('av-rules', avRuleData(env.unitId, other.code, { step: '调查取证', recordCategory: '入户类' }));
    const b = await api.createPublished(
      'av-rules',
      avRuleData(env.unitId, other.code, { step: '决定', requirement: 'as_needed', recordCategory: '约谈类' }),
    );
    const draft = await api.create('av-rules', avRuleData(env.unitId, other.code, { step: '立案', recordCategory: '确认类' }));
    const codes = (body: { items: { code: string }[] }) => body.items.map((i) => i.code).sort();

    const list = await api.get(`/api/public/av-list?itemCode=${other.code}`);
    expect(list.statusCode).toBe(200);
    expect(codes(list.json())).toEqual([a.code, b.code].sort());
    const row = list.json().items.find((i: { code: string }) => i.code === b.code);
    expect(row).toMatchObject({
      itemCode: other.code,
      itemName: '对违法延长工时的行政处罚',
      step: '决定',
      requirement: 'as_needed',
      requirementLabel: '根据需要音像记录',
      recordCategory: '约谈类',
      versionNo: 1,
      current: true,
    });
    expect(row).not.toHaveProperty('unitId');
    expect(codes((await api.get(`/api/public/av-list?itemCode=${other.code}&category=${encodeURIComponent('约谈类')}`)).json())).toEqual([
      b.code,
    ]);
    const staff = await api.call('GET', `/api/catalog/av-rules?itemCode=${other.code}`, env.sessions.supervisor.headers);
    expect(codes(staff.json())).toEqual([a.code, b.code, draft.code].sort());
    expect(
      codes((await api.call('GET', `/api/catalog/av-rules?category=${encodeURIComponent('确认类')}&itemCode=${other.code}`)).json()),
    ).toEqual([draft.code]);
    for (const url of ['/api/public/av-list?category=nope', '/api/catalog/av-rules?category=nope']) {
      const res = await api.call('GET', url);
      expect([res.statusCode, res.json().code], url).toEqual([400, 'invalid_input']);
    }
  });

  it('never shows an AV rule’s draft version publicly', async () => {
    const rule = await api.createPublished('av-rules', avRuleData(env.unitId, item.code, { step: '决定', notes: '第一版' }));
    const draft = await api.call('POST', `/api/catalog/av-rules/${rule.id}/versions`, undefined, {
      data: avRuleData(env.unitId, item.code, { step: '决定', notes: '第二版草稿' }),
    });
    expect(draft.statusCode).toBe(201);
    const drafted = await api.get(`/api/public/av-list/${rule.code}?version=2`);
    expect([drafted.statusCode, drafted.json().code]).toEqual([404, 'version_not_found']);
    const listed = (await api.get(`/api/public/av-list?q=${rule.code}`)).json();
    expect(listed.items.map((i: { versionNo: number; notes: string }) => [i.versionNo, i.notes])).toEqual([[1, '第一版']]);
  });

  // BUG: GET /api/public/av-list/:code answers 500 for every AV rule (the demo's AV0001 too). The response
  // schema k.avRule.PublicDetail requires `itemName` (schemas-kinds.ts puts it in the kind's public extras),
  // but routes.ts serves the detail with the generic getPublicEntry, which adds only publicExtras
  // (requirementLabel) and never itemName, so fast-json-stringify throws '"itemName" is required!'.
  // Remove `.fails` once the detail carries itemName (as listPublicAvRules does for the list).
  it('shows one published AV rule with the item’s name and the requirement label', async () => {
    const rule = await api.createPublished('av-rules', avRuleData(env.unitId, item.code, { step: '决定', notes: '第一版' }));
    const res = await api.get(`/api/public/av-list/${rule.code}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: rule.code,
      itemCode: item.code,
      itemName: '对拖欠工资的行政处罚',
      step: '决定',
      requirementLabel: '全程音像记录',
      notes: '第一版',
      versionNo: 1,
      current: true,
    });
    expect(res.json()).not.toHaveProperty('unitId');
    expect(res.json().history).toEqual([expect.objectContaining({ versionNo: 1, current: true })]);
  });

  // BUG: the open AV list shows the name of an item that has never been published. An AV rule may be
  // created for an item with only a draft (itemStepNames falls back to the newest version) and then be
  // published; listPublicAvRules names its item with repository.itemNamesByCode, which falls back to the
  // newest (draft) version's name, so draft text reaches /api/public/av-list while /api/public/items/<code>
  // is 404. Either name items from published versions only there, or refuse to publish an AV rule whose
  // item is unpublished. Remove `.fails` once fixed.
  it('never shows the name of an item that exists only as a draft', async () => {
    const draftItem = await api.create('items', itemData(env.unitId, { name: '只在草稿中的事项名称' }));
    expect((await api.get(`/api/public/items/${draftItem.code}`)).statusCode).toBe(404);
    const rule = await api.create('av-rules', avRuleData(env.unitId, draftItem.code));
    await api.call('POST', `/api/catalog/av-rules/${rule.id}/versions/${rule.versionId}/publish`);
    const list = await api.get(`/api/public/av-list?itemCode=${draftItem.code}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('只在草稿中的事项名称');
  });
});
