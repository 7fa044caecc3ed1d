import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session, testDeps } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit, makeUser, snapshotCounts } from '../../../test/support/factories.js';
import { buildApp } from '../../app.js';
import { seedDocumentProfilesDemo } from './seed.js';
import { normalizeUnitProfile } from './unit-profile.js';
import { unitProfileFor } from './unit-profiles.js';

const CONTACT = { person: '张明', phone: '0952-2011234', address: '石嘴山市大武口区人社大楼 301 室' };
const PAYMENT = {
  bank: '中国工商银行石嘴山分行',
  accountName: '石嘴山市财政局非税收入专户',
  account: '6402 0000 1111 2222',
  deadlineDays: 15,
};
const REMEDIES = {
  reconsiderationBody: '石嘴山市人民政府',
  reconsiderationPeriod: '六十日',
  litigationCourt: '石嘴山市大武口区人民法院',
  litigationPeriod: '六个月',
};

describeEachDialect('文书固定信息 (unit profiles)', (ctx) => {
  let app: FastifyInstance;
  let root: { id: string; name: string };
  let mid: { id: string; name: string };
  let leaf: { id: string; name: string };
  let lonely: { id: string; name: string };
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    app = await buildApp(testDeps(ctx.db), { logger: false });
    await app.ready();
    root = await makeUnit(ctx.db.kysely);
    mid = await makeUnit(ctx.db.kysely, { parentId: root.id });
    leaf = await makeUnit(ctx.db.kysely, { parentId: mid.id });
    lonely = await makeUnit(ctx.db.kysely);
    for (const [name, unitId, role] of [
      ['admin', root.id, 'admin'],
      ['officer', leaf.id, 'officer'],
      ['supervisor', root.id, 'supervisor'],
    ] as const) {
      const user = await makeUser(ctx.db.kysely, { unitId, roles: [role] });
      sessions[name] = await loginAs(app, user.username, user.password);
    }
  });
  afterAll(() => app?.close());

  const url = (unitId: string) => `/api/documents/unit-profiles/${unitId}`;
  const get = (path: string, who?: string) =>
    app.inject({ method: 'GET', url: path, headers: { cookie: who ? (sessions[who]?.cookie ?? '') : '' } });
  const put = (unitId: string, who: string, payload: object) =>
    app.inject({
      method: 'PUT',
      url: url(unitId),
      headers: { ...sessions[who]?.headers, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
  const storedRows = () => ctx.db.kysely.selectFrom('document_unit_profiles').selectAll().orderBy('unit_id').execute();
  const unchanged = async (attempt: () => Promise<{ statusCode: number; json: () => { code: string } }>, status: number, code: string) => {
    const before = { counts: await snapshotCounts(ctx.db.kysely, ['document_unit_profiles']), rows: await storedRows() };
    const res = await attempt();
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
    expect({ counts: await snapshotCounts(ctx.db.kysely, ['document_unit_profiles']), rows: await storedRows() }).toEqual(before);
  };

  it('sets a profile (texts trimmed) and reads it back, with an event in the ledger', async () => {
    const res = await put(root.id, 'admin', {
      contact: { ...CONTACT, phone: ' 0952-2011234 ', person: '  张明' },
      payment: PAYMENT,
      remedies: REMEDIES,
    });
    expect(res.statusCode).toBe(200);
    const own = { contact: CONTACT, payment: PAYMENT, remedies: REMEDIES };
    const source = { unitId: root.id, unitName: root.name };
    expect(res.json()).toMatchObject({
      unitId: root.id,
      own,
      effective: own,
      sources: { contact: source, payment: source, remedies: source },
    });

    const read = await get(url(root.id), 'officer');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(res.json());
    expect(await unitProfileFor(ctx.db.kysely, root.id)).toEqual(own);

    const event = await ctx.db.kysely
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'document.unit_profile_set')
      .where('subject_id', '=', root.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toEqual({ profile: own });
    expect(event.subject_type).toBe('unit');
    expect(event.actor_type).toBe('user');
    expect(event.ledger_index).not.toBeNull();
  });

  it('takes each part separately from the nearest unit up the tree that has it', async () => {
    const midPayment = { bank: '石嘴山银行', accountName: '监察局代收户', account: '1234-5678-9012' };
    expect((await put(mid.id, 'admin', { payment: midPayment })).statusCode).toBe(200);
    expect(await unitProfileFor(ctx.db.kysely, leaf.id)).toEqual({ contact: CONTACT, payment: midPayment, remedies: REMEDIES });

    const view = await get(url(leaf.id), 'supervisor');
    expect(view.json()).toMatchObject({
      own: null,
      updatedAt: null,
      effective: { payment: midPayment },
      sources: { contact: { unitId: root.id }, payment: { unitId: mid.id, unitName: mid.name }, remedies: { unitId: root.id } },
    });
    const list = (await get('/api/documents/unit-profiles', 'officer')).json<
      { unitId: string; parentId: string | null; profile: unknown; sources: { payment: { unitId: string } | null } }[]
    >();
    expect(list.find((u) => u.unitId === leaf.id)).toMatchObject({
      parentId: mid.id,
      profile: null,
      sources: { payment: { unitId: mid.id } },
    });
    expect(list.find((u) => u.unitId === mid.id)).toMatchObject({ profile: { payment: midPayment } });
    expect(list.find((u) => u.unitId === lonely.id)).toMatchObject({
      profile: null,
      sources: { contact: null, payment: null, remedies: null },
    });

    // Nothing anywhere up the tree, or no such unit: no defaults.
    expect(await unitProfileFor(ctx.db.kysely, lonely.id)).toBeNull();
    expect(await unitProfileFor(ctx.db.kysely, 'no-such-unit')).toBeNull();

    // An empty profile removes the unit's own: everything is inherited again.
    const cleared = await put(mid.id, 'admin', { payment: {} });
    expect(cleared.json()).toMatchObject({ own: null, effective: { payment: PAYMENT }, sources: { payment: { unitId: root.id } } });
    expect((await storedRows()).map((r) => r.unit_id)).toEqual([root.id]);
  });

  it('lets only the administrator set a profile; refused attempts change nothing', async () => {
    await unchanged(() => put(leaf.id, 'officer', { contact: CONTACT }), 403, 'forbidden');
    await unchanged(() => put(root.id, 'supervisor', { contact: { person: '李四' } }), 403, 'forbidden');
    const anonymous = await app.inject({ method: 'GET', url: url(root.id) });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses bad input with 400 and an unknown unit with 404, writing nothing', async () => {
    await unchanged(() => put(leaf.id, 'admin', { contact: { person: '张明', phone: '   ' } }), 400, 'invalid_unit_profile');
    await unchanged(() => put(leaf.id, 'admin', { payment: { account: '  ' } }), 400, 'invalid_unit_profile');
    await unchanged(() => put(leaf.id, 'admin', { payment: { account: '工行 6402' } }), 400, 'invalid_unit_profile');
    await unchanged(() => put(leaf.id, 'admin', { contact: { phone: '电话待定' } }), 400, 'invalid_unit_profile');
    await unchanged(() => put(leaf.id, 'admin', { contact: { email: 'a@b.cn' } }), 400, 'invalid_input');
    await unchanged(() => put(leaf.id, 'admin', { payment: { deadlineDays: 0 } }), 400, 'invalid_input');
    await unchanged(() => put('no-such-unit', 'admin', { contact: CONTACT }), 404, 'unit_not_found');
    const bad = await put(leaf.id, 'admin', { contact: { phone: ' ' }, payment: { account: 'x' } });
    expect(bad.json<{ details: string[] }>().details).toHaveLength(2);
    expect(bad.json().message).toContain('联系电话');
    expect((await get(url('no-such-unit'), 'officer')).json()).toMatchObject({ code: 'unit_not_found', message: '单位不存在' });
  });
});

describeEachDialect('文书固定信息 demo seed', (ctx) => {
  it('gives the root unit the demo profile once, which its units inherit', async () => {
    const root = await makeUnit(ctx.db.kysely);
    const child = await makeUnit(ctx.db.kysely, { parentId: root.id });
    await seedDocumentProfilesDemo(ctx.db.kysely);
    await seedDocumentProfilesDemo(ctx.db.kysely);
    expect(await ctx.db.kysely.selectFrom('document_unit_profiles').select('unit_id').execute()).toEqual([{ unit_id: root.id }]);
    expect(await unitProfileFor(ctx.db.kysely, child.id)).toEqual({ contact: CONTACT, payment: PAYMENT, remedies: REMEDIES });
    const events = await ctx.db.kysely.selectFrom('events').select('actor_name').where('type', '=', 'document.unit_profile_set').execute();
    expect(events).toHaveLength(1);
  });
});

describe('normalizeUnitProfile', () => {
  it('drops parts without fields and names every problem', () => {
    expect(normalizeUnitProfile({ contact: {}, remedies: { litigationPeriod: ' 六个月 ' } })).toEqual({
      remedies: { litigationPeriod: '六个月' },
    });
    expect(() => normalizeUnitProfile({ contact: { phone: '12' }, payment: { deadlineDays: 1.5 } })).toThrow(
      /联系电话「12」不是有效的电话号码;缴纳期限/,
    );
  });
});
