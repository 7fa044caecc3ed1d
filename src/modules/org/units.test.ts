import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginAs, type Session, testApp } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit, makeUser, snapshotCounts } from '../../../test/support/factories.js';
import type { UnitView } from './units-service.js';

describeEachDialect('units API', (ctx) => {
  let app: FastifyInstance;
  let root: UnitView;
  let admin: Session;
  let officer: Session;

  beforeAll(async () => {
    app = await testApp(ctx.db);
    root = await makeUnit(ctx.db.kysely, { name: '某市人社局' });
    const a = await makeUser(ctx.db.kysely, { unitId: root.id, roles: ['admin'] });
    const o = await makeUser(ctx.db.kysely, { unitId: root.id, roles: ['officer'] });
    admin = await loginAs(app, a.username, a.password);
    officer = await loginAs(app, o.username, o.password);
  });
  afterAll(() => app?.close());

  const create = (session: Session, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/units', headers: session.headers, payload });

  it('creates units under a parent and lists them in tree order, recording events', async () => {
    const b = await create(admin, { name: '乙科', parentId: root.id, kind: 'section', sortOrder: 20 });
    const a = await create(admin, { name: '甲科', parentId: root.id, kind: 'section', sortOrder: 10 });
    expect(a.statusCode).toBe(201);
    const team = await create(admin, { name: '一组', parentId: b.json().id, kind: 'section' });
    expect(team.json()).toMatchObject({ parentId: b.json().id, depth: 2 });
    expect(team.json().path).toBe(`${b.json().path}${team.json().id}/`);
    const list = await app.inject({ method: 'GET', url: '/api/units', headers: { cookie: officer.cookie } });
    const names = list
      .json()
      .items.filter((u: UnitView) => u.path.startsWith(root.path))
      .map((u: UnitView) => u.name);
    expect(names).toEqual(['某市人社局', '甲科', '乙科', '一组']);
    const events = await ctx.db.kysely.selectFrom('events').select('subject_id').where('type', '=', 'unit.created').execute();
    expect(events.map((e) => e.subject_id)).toEqual(expect.arrayContaining([a.json().id, b.json().id, team.json().id]));
  });

  it('refuses a duplicate name under the same parent with 409, changing nothing', async () => {
    await create(admin, { name: '重名科', parentId: root.id, kind: 'section' });
    const before = await snapshotCounts(ctx.db.kysely);
    const res = await create(admin, { name: '重名科', parentId: root.id, kind: 'section' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('unit_name_taken');
    expect(await snapshotCounts(ctx.db.kysely)).toEqual(before);
  });

  it('refuses an unknown parent, a bad kind and an officer', async () => {
    const before = await snapshotCounts(ctx.db.kysely);
    expect((await create(admin, { name: '孤儿科', parentId: 'nope', kind: 'section' })).json().code).toBe('parent_not_found');
    expect((await create(admin, { name: '怪科', parentId: root.id, kind: 'castle' })).statusCode).toBe(400);
    expect((await create(officer, { name: '越权科', parentId: root.id, kind: 'section' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
    expect(await snapshotCounts(ctx.db.kysely)).toEqual(before);
  });

  it('renames a unit and records before and after', async () => {
    const unit = (await create(admin, { name: '旧名科', parentId: root.id, kind: 'section' })).json();
    const res = await app.inject({ method: 'PATCH', url: `/api/units/${unit.id}`, headers: admin.headers, payload: { name: '新名科' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('新名科');
    const event = await ctx.db.kysely
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'unit.updated')
      .where('subject_id', '=', unit.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toMatchObject({ before: { name: '旧名科' }, after: { name: '新名科' } });
    expect((await app.inject({ method: 'PATCH', url: '/api/units/none', headers: admin.headers, payload: { name: 'x' } })).statusCode).toBe(
      404,
    );
  });
});
