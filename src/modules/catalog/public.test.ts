import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { seedDemo } from '../org/index.js';
import { seedCatalogDemo } from './seed.js';

describeEachDialect('open data: published 执法事项 only (demo catalogue)', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedDemo(ctx.db.kysely);
    await seedCatalogDemo(ctx.db.kysely);
    await seedCatalogDemo(ctx.db.kysely); // a second run does nothing
    app = await testApp(ctx.db);
  });
  afterAll(() => app?.close());

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('seeds five real items, each published, one with a published version 2 and one with a draft', async () => {
    const rows = await ctx.db.kysely
      .selectFrom('catalog_item_versions as v')
      .innerJoin('catalog_items as i', 'i.id', 'v.item_id')
      .select(['i.code', 'v.version_no', 'v.status'])
      .orderBy('i.code')
      .where('i.kind', '=', 'item')
      .orderBy('v.version_no')
      .execute();
    expect(rows.map((r) => `${r.code}:${Number(r.version_no)}:${r.status}`)).toEqual([
      'RS-CF-001:1:published',
      'RS-CF-002:1:published',
      'RS-CF-003:1:published',
      'RS-CF-003:2:draft',
      'RS-CF-004:1:superseded',
      'RS-CF-004:2:published',
      'RS-JC-001:1:published',
    ]);
  });

  it('lists the current published versions with public fields only, paginated and filtered', async () => {
    const res = await get('/api/public/items?pageSize=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect([body.total, body.items.length]).toEqual([5, 2]);
    expect(Object.keys(body.items[0]).sort()).toEqual(['category', 'code', 'name', 'publishedAt', 'unitName', 'versionNo']);
    expect(body.items[0]).toMatchObject({ code: 'RS-CF-001', category: '行政处罚', unitName: '劳动保障监察监督局', versionNo: 1 });
    expect((await get('/api/public/items?category=行政检查')).json().items.map((i: { code: string }) => i.code)).toEqual(['RS-JC-001']);
    expect((await get(`/api/public/items?q=${encodeURIComponent('童工')}`)).json().total).toBe(1);
    expect((await get('/api/public/items?q=rs-cf')).json().total).toBe(4);
    expect((await get('/api/public/items?q=%25')).json().total).toBe(0);
    expect((await get('/api/public/items?pageSize=1000')).statusCode).toBe(400);
    expect((await get('/api/public/items?category=nope')).statusCode).toBe(400);
  });

  it('shows the current version, older published ones by number, never a draft nor staff ids', async () => {
    const current = (await get('/api/public/items/RS-CF-004')).json();
    expect(current).toMatchObject({ code: 'RS-CF-004', versionNo: 2, current: true, promisedLimit: { value: 45, unit: '日' } });
    expect(current.history.map((h: { versionNo: number; current: boolean }) => [h.versionNo, h.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(current).not.toHaveProperty('unitId');
    expect(current).not.toHaveProperty('publishedBy');
    expect(current.legalBases[0]).toMatchObject({ law: '劳动保障监察条例', article: '第二十五条' });
    expect(current.remedies.map((r: { channel: string }) => r.channel)).toEqual(['行政复议', '行政诉讼']);
    const old = (await get('/api/public/items/RS-CF-004?version=1')).json();
    expect(old).toMatchObject({ versionNo: 1, current: false, promisedLimit: { value: 60, unit: '日' } });
    const withDraft = (await get('/api/public/items/RS-CF-003')).json();
    expect([withDraft.versionNo, withDraft.fees, withDraft.history.length]).toEqual([1, '不收费', 1]);
    const draft = await get('/api/public/items/RS-CF-003?version=2');
    expect([draft.statusCode, draft.json().code]).toEqual([404, 'version_not_found']);
    const missing = await get('/api/public/items/NOPE-1');
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'item_not_found']);
  });
});
