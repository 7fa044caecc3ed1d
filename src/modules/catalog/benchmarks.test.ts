import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { benchmarkKind } from './benchmark-data.js';
import {
  benchmarkData,
  type CatalogEnv,
  catalogApi,
  checkErrorCode,
  itemData,
  snapshotCatalogCounts,
  startCatalogEnv,
  uniqueCode,
} from './testing.js';

type Tier = Record<string, unknown>;
const tier = (overrides: Tier = {}): Tier => ({
  level: '较重',
  conditions: '受侵害劳动者 11 人以上',
  penalty: '警告,按每人 200 元以上 400 元以下罚款',
  fineMin: 200,
  fineMax: 400,
  fineUnit: '元/人',
  ...overrides,
});

describeEachDialect('catalog: 裁量基准 (benchmarks)', (ctx) => {
  let env: CatalogEnv;
  let api: ReturnType<typeof catalogApi>;
  /** A published 执法事项 the benchmarks apply to. */
  let itemCode: string;
  beforeAll(async () => {
    env = await startCatalogEnv(ctx.db);
    api = catalogApi(env);
    itemCode = (await api.createPublished('items', itemData(env.unitId))).code;
  });
  afterAll(() => env?.app.close());

  it('creates a benchmark as draft version 1 with its checked, trimmed data', async () => {
    const code = uniqueCode();
    const res = await api.call('POST', '/api/catalog/benchmarks', env.sessions.admin.headers, {
      code,
      data: benchmarkData(env.unitId, ` ${itemCode} `, { name: '  违法延长工作时间  ', notes: '  说明  ' }),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ code, currentVersionId: null });
    expect(body.versions).toHaveLength(1);
    expect(body.versions[0]).toMatchObject({ versionNo: 1, status: 'draft', statusLabel: '草稿', publishedAt: null });
    expect(body.draftVersionId).toBe(body.versions[0].id);
    expect(body.versions[0].data).toMatchObject({ name: '违法延长工作时间', itemCode, notes: '说明', unitId: env.unitId });
    expect(body.versions[0].data.tiers.map((t: { level: string }) => t.level)).toEqual(['轻微', '一般']);
    // A benchmark need not apply to an item.
    const free = await api.call('POST', '/api/catalog/benchmarks', undefined, { code: uniqueCode(), data: benchmarkData(env.unitId, '') });
    expect(free.statusCode).toBe(201);
    expect(free.json().versions[0].data.itemCode).toBe('');
  });

  it('refuses each invalid benchmark with its code and changes nothing', async () => {
    const before = await snapshotCatalogCounts(ctx.db.kysely);
    const post = (data: Record<string, unknown>) => api.call('POST', '/api/catalog/benchmarks', undefined, { code: uniqueCode(), data });
    const d = (overrides: Record<string, unknown>) => benchmarkData(env.unitId, itemCode, overrides);
    const cases: [string, Record<string, unknown>, RegExp | null][] = [
      // Shapes the schema refuses.
      ['invalid_input', d({ tiers: [] }), null],
      ['invalid_input', d({ tiers: [tier({ level: '特别严重' })] }), null],
      ['invalid_input', d({ tiers: [tier({ fineUnit: '万元' })] }), null],
      ['invalid_input', d({ tiers: [tier({ fineMin: -1 })] }), null],
      ['invalid_input', d({ violationBases: [] }), null],
      // Rules the check enforces.
      ['fine_range_inverted', d({ tiers: [tier({ fineMin: 500, fineMax: 100 })] }), /第 1 个裁量阶次的罚款下限不能高于上限/],
      ['fine_range_incomplete', d({ tiers: [tier(), tier({ fineMin: 100, fineMax: null })] }), /第 2 个裁量阶次/],
      ['fine_range_incomplete', d({ tiers: [tier({ fineMin: null, fineMax: 100 })] }), /同时填写下限和上限/],
      ['tier_conditions_required', d({ tiers: [tier({ conditions: '   ' })] }), /适用情形不能为空/],
      ['tier_penalty_required', d({ tiers: [tier({ penalty: ' ' })] }), /处罚内容不能为空/],
      ['exempt_conditions_required', d({ firstViolationExempt: true, exemptConditions: '  ' }), /首违不罚或轻微不罚/],
      ['exempt_conditions_required', d({ firstViolationExempt: false, minorExempt: true, exemptConditions: '' }), null],
      ['item_not_found', d({ itemCode: 'NO-SUCH-ITEM' }), /执法事项「NO-SUCH-ITEM」不存在/],
      ['unit_not_found', d({ unitId: 'nope' }), null],
      ['name_required', d({ name: '  ' }), null],
      ['category_required', d({ category: ' ' }), null],
      ['statutory_range_required', d({ statutoryRange: ' ' }), null],
      ['legal_basis_law_required', d({ penaltyBases: [{ law: ' ', article: '第一条', text: '' }] }), null],
    ];
    for (const [code, data, message] of cases) {
      const res = await post(data);
      expect([res.statusCode, res.json().code], `${code}: ${res.body}`).toEqual([400, code]);
      if (message) expect(res.json().message).toMatch(message);
    }
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(before);
    // Both bounds null (no fine) and equal bounds are valid ranges.
    expect((await post(d({ tiers: [tier({ fineMin: null, fineMax: null }), tier({ fineMin: 300, fineMax: 300 })] }))).statusCode).toBe(201);
  });

  it('the check itself refuses what the schema shuts out, for the seed and imports that call it directly', async () => {
    const d = (overrides: Record<string, unknown>) => benchmarkData(env.unitId, itemCode, overrides);
    const db = ctx.db.kysely;
    expect(await checkErrorCode(db, benchmarkKind, d({ tiers: [] }))).toBe('tiers_required');
    expect(await checkErrorCode(db, benchmarkKind, d({ tiers: [tier({ level: '特别严重' })] }))).toBe('invalid_tier_level');
    expect(await checkErrorCode(db, benchmarkKind, d({ tiers: [tier({ fineUnit: '万元' })] }))).toBe('invalid_fine_unit');
    expect(await checkErrorCode(db, benchmarkKind, d({ violationBases: [] }))).toBe('legal_basis_required');
  });

  it('a benchmark applies only to a 执法事项, never to an entry of another kind', async () => {
    const other = await api.create('benchmarks', benchmarkData(env.unitId, ''));
    const res = await api.call('POST', '/api/catalog/benchmarks', undefined, {
      code: uniqueCode(),
      data: benchmarkData(env.unitId, other.code),
    });
    expect([res.statusCode, res.json().code]).toEqual([400, 'item_not_found']);
  });

  it('edits through new versions: publishing supersedes, published versions never change, history stays public', async () => {
    const code = uniqueCode();
    const entry = await api.createPublished('benchmarks', benchmarkData(env.unitId, itemCode, { statutoryRange: '第一版幅度' }), code);
    const base = `/api/catalog/benchmarks/${entry.id}`;
    const before = await snapshotCatalogCounts(ctx.db.kysely);
    const patch = await api.call('PATCH', `${base}/versions/${entry.versionId}`, undefined, { statutoryRange: '改了' });
    expect([patch.statusCode, patch.json().code]).toEqual([409, 'version_not_draft']);
    const again = await api.call('POST', `${base}/versions/${entry.versionId}/publish`);
    expect([again.statusCode, again.json().code]).toEqual([409, 'version_not_draft']);
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(before);

    const draft = await api.call('POST', `${base}/versions`, undefined, {});
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ versionNo: 2, status: 'draft', data: { statutoryRange: '第一版幅度' } });
    const v2 = draft.json().id;
    const second = await api.call('POST', `${base}/versions`, undefined, {});
    expect([second.statusCode, second.json().code]).toEqual([409, 'draft_exists']);
    const patched = await api.call('PATCH', `${base}/versions/${v2}`, undefined, {
      statutoryRange: '第二版幅度',
      tiers: [tier({ level: '严重', fineMin: 400, fineMax: 500 })],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().data).toMatchObject({ statutoryRange: '第二版幅度', tiers: [{ level: '严重', fineMin: 400 }] });
    // A bad patch of a draft is refused and leaves the draft as it was.
    const bad = await api.call('PATCH', `${base}/versions/${v2}`, undefined, { tiers: [tier({ fineMin: 9, fineMax: 1 })] });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'fine_range_inverted']);

    // The draft is not public yet.
    const beforePublish = (await api.get(`/api/public/benchmarks/${code}`)).json();
    expect([beforePublish.versionNo, beforePublish.statutoryRange]).toEqual([1, '第一版幅度']);
    const listed = (await api.get(`/api/public/benchmarks?q=${code}`)).json();
    expect(listed.items.map((i: { versionNo: number }) => i.versionNo)).toEqual([1]);

    await api.publish('benchmarks', entry.id, v2);
    const detail = (await api.call('GET', base, env.sessions.officer.headers)).json();
    expect(detail.versions.map((v: { versionNo: number; status: string }) => [v.versionNo, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect([detail.currentVersionId, detail.draftVersionId]).toEqual([v2, null]);
    const current = (await api.get(`/api/public/benchmarks/${code}`)).json();
    expect(current).toMatchObject({ code, versionNo: 2, current: true, statutoryRange: '第二版幅度' });
    expect(current.history.map((h: { versionNo: number; current: boolean }) => [h.versionNo, h.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    const old = await api.get(`/api/public/benchmarks/${code}?version=1`);
    expect(old.statusCode).toBe(200);
    expect(old.json()).toMatchObject({ versionNo: 1, current: false, statutoryRange: '第一版幅度' });
    expect(old.json().tiers).toHaveLength(2);
    const none = await api.get(`/api/public/benchmarks/${code}?version=3`);
    expect([none.statusCode, none.json().code]).toEqual([404, 'version_not_found']);
  });

  it('keeps kinds apart: codes are unique across kinds, and no kind is reachable through another kind’s routes', async () => {
    const item = await api.createPublished('items', itemData(env.unitId));
    const taken = await api.call('POST', '/api/catalog/benchmarks', undefined, { code: item.code, data: benchmarkData(env.unitId, '') });
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'code_taken']);
    const bench = await api.createPublished('benchmarks', benchmarkData(env.unitId, ''));
    const itemTaken = await api.call('POST', '/api/catalog/items', undefined, { code: bench.code, data: itemData(env.unitId) });
    expect([itemTaken.statusCode, itemTaken.json().code]).toEqual([409, 'code_taken']);

    const before = await snapshotCatalogCounts(ctx.db.kysely);
    const notFound: [string, Awaited<ReturnType<typeof api.call>>][] = [
      ['public benchmark by item code', await api.get(`/api/public/benchmarks/${item.code}`)],
      ['public item by benchmark code', await api.get(`/api/public/items/${bench.code}`)],
      ['public AV rule by benchmark code', await api.get(`/api/public/av-list/${bench.code}`)],
      ['staff benchmark by item id', await api.call('GET', `/api/catalog/benchmarks/${item.id}`)],
      ['staff item by benchmark id', await api.call('GET', `/api/catalog/items/${bench.id}`)],
      ['new version of an item via benchmarks', await api.call('POST', `/api/catalog/benchmarks/${item.id}/versions`, undefined, {})],
      ['publish an item via benchmarks', await api.call('POST', `/api/catalog/benchmarks/${item.id}/versions/${item.versionId}/publish`)],
      [
        'patch an item via benchmarks',
        await api.call('PATCH', `/api/catalog/benchmarks/${item.id}/versions/${item.versionId}`, undefined, { notes: 'x' }),
      ],
      [
        'publish-drafts of an item via benchmarks',
        await api.call('POST', '/api/catalog/benchmarks/publish-drafts', undefined, { itemIds: [item.id] }),
      ],
    ];
    for (const [what, res] of notFound) expect([res.statusCode, res.json().code], what).toEqual([404, 'item_not_found']);
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(before);
    // Neither list shows the other kind's entries.
    expect((await api.get(`/api/public/items?q=${bench.code}`)).json().total).toBe(0);
    expect((await api.get(`/api/public/benchmarks?q=${item.code}`)).json().total).toBe(0);
    expect((await api.call('GET', `/api/catalog/items?q=${bench.code}`)).json().total).toBe(0);
  });

  it('filters by item code (staff and public) and by free-text category; drafts stay out of public lists', async () => {
    const tag = uniqueCode();
    const target = (await api.createPublished('items', itemData(env.unitId))).code;
    const a = await api.createPublished('benchmarks', benchmarkData(env.unitId, target, { name: `${tag} 甲`, category: `${tag}类` }));
    const b = await api.createPublished('benchmarks', benchmarkData(env.unitId, itemCode, { name: `${tag} 乙` }));
    const draft = await api.create('benchmarks', benchmarkData(env.unitId, target, { name: `${tag} 草稿` }));
    const codes = (body: { items: { code: string }[] }) => body.items.map((i) => i.code).sort();

    expect(codes((await api.get(`/api/public/benchmarks?itemCode=${target}`)).json())).toEqual([a.code]);
    expect(codes((await api.call('GET', `/api/catalog/benchmarks?itemCode=${target}`, env.sessions.officer.headers)).json())).toEqual(
      [a.code, draft.code].sort(),
    );
    expect(codes((await api.get(`/api/public/benchmarks?q=${encodeURIComponent(tag)}`)).json())).toEqual([a.code, b.code].sort());
    const byCategory = await api.get(`/api/public/benchmarks?category=${encodeURIComponent(`${tag}类`)}`);
    expect(byCategory.statusCode).toBe(200);
    expect(codes(byCategory.json())).toEqual([a.code]);
    expect((await api.get(`/api/public/benchmarks?category=${encodeURIComponent('没有这类')}`)).json().total).toBe(0);
    const publicDraft = await api.get(`/api/public/benchmarks/${draft.code}`);
    expect([publicDraft.statusCode, publicDraft.json().code]).toEqual([404, 'item_not_found']);
  });

  it('records item_created, version_created and version_published events of kind benchmark, in order', async () => {
    const entry = await api.createPublished('benchmarks', benchmarkData(env.unitId, itemCode));
    const events = await ctx.db.kysely
      .selectFrom('events')
      .select(['type', 'subject_type', 'data'])
      .where('subject_id', '=', entry.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.type, e.subject_type])).toEqual([
      ['catalog.item_created', 'catalog_benchmark'],
      ['catalog.version_created', 'catalog_benchmark'],
      ['catalog.version_published', 'catalog_benchmark'],
    ]);
    const [created, version, published] = events.map((e) => JSON.parse(e.data) as Record<string, unknown>);
    expect(created).toEqual({ kind: 'benchmark', code: entry.code });
    expect(version).toMatchObject({
      kind: 'benchmark',
      versionId: entry.versionId,
      versionNo: 1,
      data: { itemCode, category: '工作时间' },
    });
    expect(published).toEqual({ kind: 'benchmark', versionId: entry.versionId, versionNo: 1, supersededVersionId: null });
  });
});
