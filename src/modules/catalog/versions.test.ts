import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { type CatalogEnv, itemData, snapshotCatalogCounts, startCatalogEnv, uniqueCode } from './testing.js';

describeEachDialect('catalog: items and immutable versions', (ctx) => {
  let env: CatalogEnv;
  beforeAll(async () => {
    env = await startCatalogEnv(ctx.db);
  });
  afterAll(() => env?.app.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: unknown) =>
    env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  async function createItem(code = uniqueCode(), overrides: Record<string, unknown> = {}) {
    const res = await call('POST', '/api/catalog/items', env.sessions.reviewer.headers, { code, data: itemData(env.unitId, overrides) });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  it('creates an item as a draft version 1, publishes it, and records every change as an event', async () => {
    const item = await createItem();
    expect(item.versions).toHaveLength(1);
    expect(item.versions[0]).toMatchObject({ versionNo: 1, status: 'draft', statusLabel: '草稿', publishedAt: null });
    expect(item.currentVersionId).toBeNull();
    const v1 = item.versions[0].id;
    const published = await call('POST', `/api/catalog/items/${item.id}/versions/${v1}/publish`, env.sessions.admin.headers);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', versionNo: 1 });
    expect(published.json().publishedAt).toEqual(expect.any(String));
    const events = await ctx.db.kysely
      .selectFrom('events')
      .select('type')
      .where('subject_id', '=', item.id)
      .orderBy('occurred_at')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['catalog.item_created', 'catalog.version_created', 'catalog.version_published']);
  });

  it('never changes a published version: PATCH and publish again are 409 and change nothing', async () => {
    const item = await createItem();
    const v1 = item.versions[0].id;
    await call('POST', `/api/catalog/items/${item.id}/versions/${v1}/publish`, env.sessions.reviewer.headers);
    const before = await snapshotCatalogCounts(ctx.db.kysely);
    const patch = await call('PATCH', `/api/catalog/items/${item.id}/versions/${v1}`, env.sessions.reviewer.headers, { name: '改名' });
    expect([patch.statusCode, patch.json().code]).toEqual([409, 'version_not_draft']);
    expect(patch.json().message).toMatch(/不能修改/);
    const again = await call('POST', `/api/catalog/items/${item.id}/versions/${v1}/publish`, env.sessions.reviewer.headers);
    expect([again.statusCode, again.json().code]).toEqual([409, 'version_not_draft']);
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(before);
    const detail = (await call('GET', `/api/catalog/items/${item.id}`, env.sessions.officer.headers)).json();
    expect(detail.versions[0].data.name).toBe('对用人单位违反工时规定的行政处罚');
  });

  it('edits through a new draft; publishing it supersedes the old version, and history keeps both', async () => {
    const item = await createItem();
    const v1 = item.versions[0].id;
    await call('POST', `/api/catalog/items/${item.id}/versions/${v1}/publish`, env.sessions.reviewer.headers);
    const draft = await call('POST', `/api/catalog/items/${item.id}/versions`, env.sessions.reviewer.headers, {});
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ versionNo: 2, status: 'draft', data: { name: '对用人单位违反工时规定的行政处罚' } });
    const v2 = draft.json().id;
    const second = await call('POST', `/api/catalog/items/${item.id}/versions`, env.sessions.reviewer.headers, {});
    expect([second.statusCode, second.json().code]).toEqual([409, 'draft_exists']);
    const patched = await call('PATCH', `/api/catalog/items/${item.id}/versions/${v2}`, env.sessions.reviewer.headers, {
      promisedLimit: { value: 45, unit: '日' },
      steps: [{ name: '立案', role: '监察员', timeLimit: '' }],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().data.promisedLimit).toEqual({ value: 45, unit: '日' });
    await call('POST', `/api/catalog/items/${item.id}/versions/${v2}/publish`, env.sessions.admin.headers);
    const detail = (await call('GET', `/api/catalog/items/${item.id}`, env.sessions.supervisor.headers)).json();
    expect(detail.versions.map((v: { versionNo: number; status: string }) => [v.versionNo, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect(detail.currentVersionId).toBe(v2);
    expect(detail.versions[1].data.promisedLimit).toEqual({ value: 60, unit: '日' });
    const fromData = await call('POST', `/api/catalog/items/${item.id}/versions`, env.sessions.reviewer.headers, {
      data: itemData(env.otherUnitId, { name: '新名称' }),
    });
    expect(fromData.json()).toMatchObject({ versionNo: 3, status: 'draft', data: { name: '新名称', unitId: env.otherUnitId } });
  });

  it('lists items with their newest version, searchable by code and name, to every signed-in role', async () => {
    const code = uniqueCode();
    await createItem(code, { name: '对使用童工的行政处罚', category: '行政处罚' });
    const list = await call('GET', `/api/catalog/items?q=${code.toLowerCase()}`, env.sessions.officer.headers);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { code: string }) => i.code)).toEqual([code]);
    const byName = (await call('GET', `/api/catalog/items?q=${encodeURIComponent('童工')}`, env.sessions.officer.headers)).json();
    expect(byName.total).toBe(1);
    expect((await call('GET', '/api/catalog/items?category=行政检查', env.sessions.officer.headers)).json().total).toBe(0);
    expect((await env.app.inject({ method: 'GET', url: '/api/catalog/items' })).statusCode).toBe(401);
  });

  it('answers 400, 403, 404 and 409 with stable codes and changes nothing', async () => {
    const item = await createItem();
    const v1 = item.versions[0].id;
    const before = await snapshotCatalogCounts(ctx.db.kysely);
    const { reviewer, officer, supervisor } = env.sessions;
    const cases: [number, string, Promise<{ statusCode: number; json: () => { code: string } }>][] = [
      [400, 'invalid_input', call('POST', '/api/catalog/items', reviewer.headers, { code: 'x y', data: itemData(env.unitId) })],
      [400, 'invalid_input', call('POST', '/api/catalog/items', reviewer.headers, { code: uniqueCode(), data: { name: 'x' } })],
      [400, 'unit_not_found', call('POST', '/api/catalog/items', reviewer.headers, { code: uniqueCode(), data: itemData('nope') })],
      [
        400,
        'name_required',
        call('POST', '/api/catalog/items', reviewer.headers, { code: uniqueCode(), data: itemData(env.unitId, { name: '  ' }) }),
      ],
      [
        400,
        'promised_exceeds_statutory',
        call('PATCH', `/api/catalog/items/${item.id}/versions/${v1}`, reviewer.headers, { promisedLimit: { value: 99, unit: '日' } }),
      ],
      [403, 'forbidden', call('POST', '/api/catalog/items', officer.headers, { code: uniqueCode(), data: itemData(env.unitId) })],
      [403, 'forbidden', call('POST', `/api/catalog/items/${item.id}/versions/${v1}/publish`, supervisor.headers)],
      [403, 'forbidden', call('PATCH', `/api/catalog/items/${item.id}/versions/${v1}`, officer.headers, { name: '改' })],
      [404, 'item_not_found', call('GET', '/api/catalog/items/nope', officer.headers)],
      [404, 'item_not_found', call('POST', '/api/catalog/items/nope/versions', reviewer.headers, {})],
      [404, 'version_not_found', call('POST', `/api/catalog/items/${item.id}/versions/nope/publish`, reviewer.headers)],
      [409, 'code_taken', call('POST', '/api/catalog/items', reviewer.headers, { code: item.code, data: itemData(env.unitId) })],
      [409, 'draft_exists', call('POST', `/api/catalog/items/${item.id}/versions`, reviewer.headers, {})],
    ];
    for (const [status, code, pending] of cases) {
      const res = await pending;
      expect([res.statusCode, res.json().code]).toEqual([status, code]);
    }
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(before);
  });
});
