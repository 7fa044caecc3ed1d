import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { seedDemo } from '../org/index.js';
import { seedCatalogDemo } from './seed.js';
import {
  avRuleData,
  benchmarkData,
  type CatalogEnv,
  type CreatedEntry,
  catalogApi,
  itemData,
  reviewRuleData,
  type StaffPath,
  snapshotCatalogCounts,
  startCatalogEnv,
  uniqueCode,
  windowBoardData,
} from './testing.js';

const PUBLIC_PATHS: Record<StaffPath, string> = {
  items: 'items',
  benchmarks: 'benchmarks',
  'av-rules': 'av-list',
  'review-rules': 'review-catalogue',
  'window-boards': 'window-boards',
};
/** Staff-only fields that must never reach the open data API. */
const STAFF_FIELDS = ['unitId', 'createdBy', 'publishedBy', 'updatedAt', 'itemId', 'status'];

describeEachDialect('catalog kinds: who may write, what the public sees, publishing drafts together', (ctx) => {
  let env: CatalogEnv;
  let api: ReturnType<typeof catalogApi>;
  let item: CreatedEntry;
  /** Valid data of each kind (about `item`). */
  let dataOf: Record<StaffPath, () => Record<string, unknown>>;
  /** One published entry of each kind, each with an open draft version 2. */
  const entries = {} as Record<StaffPath, CreatedEntry & { draftId: string }>;
  beforeAll(async () => {
    env = await startCatalogEnv(ctx.db);
    api = catalogApi(env);
    item = await api.createPublished('items', itemData(env.unitId));
    dataOf = {
      items: () => itemData(env.unitId),
      benchmarks: () => benchmarkData(env.unitId, item.code),
      'av-rules': () => avRuleData(env.unitId, item.code),
      'review-rules': () => reviewRuleData(env.unitId),
      'window-boards': () => windowBoardData(env.unitId, { itemCodes: [item.code] }),
    };
    for (const kind of Object.keys(PUBLIC_PATHS) as StaffPath[]) {
      const entry = await api.createPublished(kind, dataOf[kind]());
      const draft = await api.call('POST', `/api/catalog/${kind}/${entry.id}/versions`, undefined, {});
      if (draft.statusCode !== 201) throw new Error(`draft of ${kind}: ${draft.body}`);
      entries[kind] = { ...entry, draftId: draft.json().id };
    }
  });
  afterAll(() => env?.app.close());

  const kinds = Object.keys(PUBLIC_PATHS) as StaffPath[];

  it('lets only the legal reviewer and the admin write: officers and supervisors get 403 on every write of every kind', async () => {
    const before = await snapshotCatalogCounts(ctx.db.kysely);
    for (const role of ['officer', 'supervisor'] as const) {
      const headers = env.sessions[role].headers;
      for (const kind of kinds) {
        const { id, versionId, draftId } = entries[kind];
        const base = `/api/catalog/${kind}`;
        const writes: [string, Awaited<ReturnType<typeof api.call>>][] = [
          ['create', await api.call('POST', base, headers, { code: uniqueCode(), data: dataOf[kind]() })],
          ['new version', await api.call('POST', `${base}/${id}/versions`, headers, {})],
          [
            'patch draft',
            await api.call('PATCH', `${base}/${id}/versions/${draftId}`, headers, kind === 'av-rules' ? { notes: '改' } : { name: '改' }),
          ],
          ['publish', await api.call('POST', `${base}/${id}/versions/${draftId}/publish`, headers)],
          ['publish again', await api.call('POST', `${base}/${id}/versions/${versionId}/publish`, headers)],
          ['publish drafts', await api.call('POST', `${base}/publish-drafts`, headers, { itemIds: [id] })],
        ];
        for (const [what, res] of writes) expect([res.statusCode, res.json().code], `${role} ${kind} ${what}`).toEqual([403, 'forbidden']);
        // Reading is open to every signed-in role.
        expect((await api.call('GET', `${base}/${id}`, headers)).statusCode, `${role} reads ${kind}`).toBe(200);
      }
    }
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(before);
  });

  it('answers 401 to anonymous staff reads of every kind; the open data API needs no login', async () => {
    for (const kind of kinds) {
      for (const url of [`/api/catalog/${kind}`, `/api/catalog/${kind}/${entries[kind].id}`]) {
        const res = await api.get(url);
        expect([res.statusCode, res.json().code], url).toEqual([401, 'not_authenticated']);
      }
      const list = await api.get(`/api/public/${PUBLIC_PATHS[kind]}`);
      expect(list.statusCode, kind).toBe(200);
      expect(list.json().items.map((i: { code: string }) => i.code)).toContain(entries[kind].code);
    }
  });

  it('never shows staff fields nor the draft in the open data lists and pages of any kind', async () => {
    for (const kind of kinds) {
      const { code } = entries[kind];
      const list = (await api.get(`/api/public/${PUBLIC_PATHS[kind]}?q=${code}`)).json();
      expect(list.items, kind).toHaveLength(1);
      const row = list.items[0];
      expect(row, kind).toMatchObject({ code, versionNo: 1, unitName: expect.stringContaining('劳动保障监察监督局') });
      for (const field of STAFF_FIELDS) expect(row, `${kind} list ${field}`).not.toHaveProperty(field);
      const page = await api.get(`/api/public/${PUBLIC_PATHS[kind]}/${code}`);
      expect(page.statusCode, `${kind}: ${page.body}`).toBe(200);
      expect(page.json(), kind).toMatchObject({ code, versionNo: 1, current: true, history: [{ versionNo: 1, current: true }] });
      for (const field of STAFF_FIELDS) expect(page.json(), `${kind} page ${field}`).not.toHaveProperty(field);
      const draft = await api.get(`/api/public/${PUBLIC_PATHS[kind]}/${code}?version=2`);
      expect([draft.statusCode, draft.json().code], kind).toEqual([404, 'version_not_found']);
    }
  });

  it('publishes several drafts in one transaction, and none of them when one entry has no draft', async () => {
    const a = await api.create('benchmarks', benchmarkData(env.unitId, item.code, { notes: 'A' }));
    const b = await api.createPublished('benchmarks', benchmarkData(env.unitId, item.code, { notes: 'B1' }));
    const b2 = (
      await api.call('POST', `/api/catalog/benchmarks/${b.id}/versions`, undefined, {
        data: benchmarkData(env.unitId, item.code, { notes: 'B2' }),
      })
    ).json();
    const noDraft = await api.createPublished('benchmarks', benchmarkData(env.unitId, item.code));
    const statuses = async (id: string) =>
      (await api.call('GET', `/api/catalog/benchmarks/${id}`))
        .json()
        .versions.map((v: { versionNo: number; status: string }) => `${v.versionNo}:${v.status}`);

    const before = await snapshotCatalogCounts(ctx.db.kysely);
    const refused = await api.call('POST', '/api/catalog/benchmarks/publish-drafts', undefined, { itemIds: [a.id, b.id, noDraft.id] });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'no_draft']);
    expect(refused.json().message).toContain(noDraft.code);
    const unknown = await api.call('POST', '/api/catalog/benchmarks/publish-drafts', undefined, { itemIds: [a.id, 'nope'] });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'item_not_found']);
    const twice = await api.call('POST', '/api/catalog/benchmarks/publish-drafts', undefined, { itemIds: [a.id, a.id] });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'no_draft']);
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(before);
    expect(await statuses(a.id)).toEqual(['1:draft']);
    expect(await statuses(b.id)).toEqual(['2:draft', '1:published']);

    const lastSeq = await ctx.db.kysely
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('n'))
      .executeTakeFirstOrThrow();
    const done = await api.call('POST', '/api/catalog/benchmarks/publish-drafts', env.sessions.admin.headers, { itemIds: [a.id, b.id] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ published: 2 });
    expect(await statuses(a.id)).toEqual(['1:published']);
    expect(await statuses(b.id)).toEqual(['2:published', '1:superseded']);
    expect((await api.get(`/api/public/benchmarks/${b.code}`)).json()).toMatchObject({ versionNo: 2, notes: 'B2' });
    const published = await ctx.db.kysely
      .selectFrom('events')
      .select(['subject_id', 'data'])
      .where('type', '=', 'catalog.version_published')
      .where('subject_id', 'in', [a.id, b.id])
      .where('seq', '>', Number(lastSeq.n))
      .orderBy('seq')
      .execute();
    expect(published.map((e) => [e.subject_id, JSON.parse(e.data).versionId, JSON.parse(e.data).supersededVersionId])).toEqual([
      [a.id, a.versionId, null],
      [b.id, b2.id, b.versionId],
    ]);
  });
});

describeEachDialect('catalog kinds: the demo seed', (ctx) => {
  let app: FastifyInstance;
  let afterFirst: Record<string, number>;
  let afterSecond: Record<string, number>;
  beforeAll(async () => {
    await seedDemo(ctx.db.kysely);
    await seedCatalogDemo(ctx.db.kysely);
    afterFirst = await snapshotCatalogCounts(ctx.db.kysely);
    await seedCatalogDemo(ctx.db.kysely);
    afterSecond = await snapshotCatalogCounts(ctx.db.kysely);
    app = await testApp(ctx.db);
  });
  afterAll(() => app?.close());

  const get = (url: string) => app.inject({ method: 'GET', url });

  async function versionsByKind() {
    const rows = await ctx.db.kysely
      .selectFrom('catalog_item_versions as v')
      .innerJoin('catalog_items as i', 'i.id', 'v.item_id')
      .select(['i.kind', 'i.code', 'v.status', 'v.data'])
      .orderBy('i.code')
      .orderBy('v.version_no')
      .execute();
    const byKind = new Map<string, { code: string; status: string; data: string }[]>();
    for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
    return byKind;
  }

  it('seeds 8 benchmarks, 9 AV rules, 8 review rules and 2 window boards, each one published version, and only once', async () => {
    expect(afterSecond).toEqual(afterFirst);
    const byKind = await versionsByKind();
    const summary = (kind: string) => (byKind.get(kind) ?? []).map((r) => `${r.code}:${r.status}`);
    expect(summary('benchmark')).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `RB000${n}:published`));
    expect(summary('av_rule')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `AV000${n}:published`));
    expect(summary('review_rule')).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `ZD00${n}:published`));
    expect(summary('window_board')).toEqual(['CK01:published', 'CK02:published']);
    for (const [path, total] of [
      ['benchmarks', 8],
      ['av-list', 9],
      ['review-catalogue', 8],
      ['window-boards', 2],
    ] as const) {
      expect((await get(`/api/public/${path}?pageSize=100`)).json().total, path).toBe(total);
    }
  });

  it('refers only to steps and items that exist in the seeded items’ current versions', async () => {
    const byKind = await versionsByKind();
    const steps = new Map<string, string[]>();
    for (const r of byKind.get('item') ?? []) {
      if (r.status === 'published')
        steps.set(
          r.code,
          (JSON.parse(r.data) as { steps: { name: string }[] }).steps.map((s) => s.name),
        );
    }
    const avRules = (byKind.get('av_rule') ?? []).map((r) => JSON.parse(r.data) as { itemCode: string; step: string });
    expect(avRules).toHaveLength(9);
    for (const rule of avRules) expect(steps.get(rule.itemCode) ?? [], `${rule.itemCode} ${rule.step}`).toContain(rule.step);
    for (const r of byKind.get('benchmark') ?? []) {
      const { itemCode } = JSON.parse(r.data) as { itemCode: string };
      if (itemCode !== '') expect([...steps.keys()], r.code).toContain(itemCode);
    }
    for (const r of byKind.get('review_rule') ?? []) {
      for (const code of (JSON.parse(r.data) as { itemCodes: string[] }).itemCodes) expect([...steps.keys()], r.code).toContain(code);
    }
    const avList = (await get('/api/public/av-list?pageSize=100')).json();
    for (const row of avList.items as { code: string; itemName: string; requirementLabel: string }[]) {
      expect(row.itemName, row.code).not.toBe('');
      expect(row.requirementLabel, row.code).toMatch(/音像记录$/);
    }
  });

  it('publishes the review catalogue with explanations, maintained by 政策法规科', async () => {
    const zd001 = (await get('/api/public/review-catalogue/ZD001')).json();
    expect(zd001).toMatchObject({
      ruleTypeLabel: '较大数额罚款',
      explanation: '对公民处以 1 万元以上罚款、对法人或者其他组织处以 5 万元以上罚款的,须经法制审核。',
      unitName: '政策法规科',
    });
    const zd008 = (await get('/api/public/review-catalogue/ZD008')).json();
    expect(zd008.explanation).toBe('对执法事项 RS-CF-002 作出的执法决定,须经法制审核。');
    const all = (await get('/api/public/review-catalogue?pageSize=100')).json();
    for (const row of all.items as { code: string; explanation: string }[]) expect(row.explanation, row.code).toMatch(/须经法制审核。$/);
  });
});
