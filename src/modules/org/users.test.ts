import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session, testApp } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { type MadeUser, makeUnit, makeUser, snapshotCounts } from '../../../test/support/factories.js';
import type { UnitView } from './units-service.js';

describeEachDialect('users API', (ctx) => {
  let app: FastifyInstance;
  let root: UnitView;
  let inspection: UnitView;
  let legal: UnitView;
  let admin: MadeUser;
  let adminSession: Session;

  beforeAll(async () => {
    app = await testApp(ctx.db);
    root = await makeUnit(ctx.db.kysely);
    inspection = await makeUnit(ctx.db.kysely, { parentId: root.id, name: '劳动保障监察监督局', kind: 'affiliated' });
    legal = await makeUnit(ctx.db.kysely, { parentId: root.id, name: '政策法规科' });
    admin = await makeUser(ctx.db.kysely, { unitId: root.id, roles: ['admin'] });
    adminSession = await loginAs(app, admin.username, admin.password);
  });
  afterAll(() => app?.close());

  const post = (session: Session, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/users', headers: session.headers, payload });

  it('lets an admin create a user with a generated temporary password, recorded as an event', async () => {
    const res = await post(adminSession, { username: 'zhang.san', displayName: '张三', unitId: inspection.id, roles: ['officer'] });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({
      username: 'zhang.san',
      displayName: '张三',
      unitId: inspection.id,
      unitName: '劳动保障监察监督局',
      roles: ['officer'],
      mustChangePassword: true,
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(initialPassword).toMatch(/^.{14}$/);
    const event = await ctx.db.kysely
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'user.created')
      .where('subject_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(admin.id);
    expect(JSON.parse(event.data)).toEqual({ roles: ['officer'], unitId: inspection.id, username: 'zhang.san' });
    // The new person can sign in with it and is told to change it.
    const session = await loginAs(app, 'zhang.san', initialPassword);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } });
    expect(me.json().user.mustChangePassword).toBe(true);
    expect(me.json().permissions).not.toContain('user.list');
  });

  it.each([
    ['missing fields', { username: 'abc' }, 'invalid_input'],
    ['wrong type', { username: 'abcd', displayName: 5, unitId: 'x', roles: ['officer'] }, 'invalid_input'],
    ['unknown role', { username: 'abcd', displayName: '甲', unitId: 'x', roles: ['king'] }, 'invalid_input'],
    ['bad username', { username: 'A b', displayName: '甲', unitId: 'x', roles: ['officer'] }, 'invalid_input'],
    ['extra field', { username: 'abcd', displayName: '甲', unitId: 'x', roles: ['officer'], isAdmin: true }, 'invalid_input'],
    [
      'weak password',
      { username: 'abcd', displayName: '甲', unitId: 'UNIT', roles: ['officer'], password: 'abcdefgh' },
      'password_too_weak',
    ],
    ['unknown unit', { username: 'abcd', displayName: '甲', unitId: 'no-such-unit', roles: ['officer'] }, 'unit_not_found'],
  ] as [string, Record<string, unknown>, string][])('rejects %s with 400 and changes nothing', async (_label, payload, code) => {
    const body = { ...payload, ...(payload.unitId === 'UNIT' ? { unitId: inspection.id } : {}) };
    const before = await snapshotCounts(ctx.db.kysely);
    const res = await post(adminSession, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await snapshotCounts(ctx.db.kysely)).toEqual(before);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...adminSession.headers, 'content-type': 'application/json' },
      payload: '{"username": "x",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('malformed_json');
  });

  it('refuses a taken username with 409 and writes no event', async () => {
    const existing = await makeUser(ctx.db.kysely, { unitId: legal.id });
    const before = await snapshotCounts(ctx.db.kysely);
    const res = await post(adminSession, { username: existing.username, displayName: '重名', unitId: legal.id, roles: ['officer'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('username_taken');
    expect(await snapshotCounts(ctx.db.kysely)).toEqual(before);
  });

  it('answers 401 without a session and 403 for an officer, changing nothing', async () => {
    const officer = await makeUser(ctx.db.kysely, { unitId: inspection.id, roles: ['officer'] });
    const session = await loginAs(app, officer.username, officer.password);
    const before = await snapshotCounts(ctx.db.kysely);
    expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: session.cookie } })).statusCode).toBe(403);
    const create = await post(session, { username: 'sneaky', displayName: '越权', unitId: inspection.id, roles: ['admin'] });
    expect(create.statusCode).toBe(403);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/users/${officer.id}`,
      headers: session.headers,
      payload: { roles: ['admin'] },
    });
    expect(patch.statusCode).toBe(403);
    expect(await snapshotCounts(ctx.db.kysely)).toEqual(before);
  });

  it('scopes a unit head to the people of their own unit, and hides others as not found', async () => {
    const head = await makeUser(ctx.db.kysely, { unitId: inspection.id, roles: ['unit_head'] });
    const colleague = await makeUser(ctx.db.kysely, { unitId: inspection.id });
    const outsider = await makeUser(ctx.db.kysely, { unitId: legal.id });
    const session = await loginAs(app, head.username, head.password);
    const res = await app.inject({ method: 'GET', url: '/api/users?pageSize=100', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain(colleague.username);
    expect(names).not.toContain(outsider.username);
    expect(res.json().items.every((u: { unitId: string }) => u.unitId === inspection.id)).toBe(true);
    expect((await app.inject({ method: 'GET', url: `/api/users/${colleague.id}`, headers: { cookie: session.cookie } })).statusCode).toBe(
      200,
    );
    const hidden = await app.inject({ method: 'GET', url: `/api/users/${outsider.id}`, headers: { cookie: session.cookie } });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('user_not_found');
  });

  it('filters and pages the list', async () => {
    const unit = await makeUnit(ctx.db.kysely, { parentId: root.id });
    for (let i = 0; i < 3; i++) await makeUser(ctx.db.kysely, { unitId: unit.id, displayName: `分页${i}`, roles: ['archivist'] });
    const page1 = await app.inject({
      method: 'GET',
      url: `/api/users?unitId=${unit.id}&pageSize=2&page=1`,
      headers: { cookie: adminSession.cookie },
    });
    const page2 = await app.inject({
      method: 'GET',
      url: `/api/users?unitId=${unit.id}&pageSize=2&page=2`,
      headers: { cookie: adminSession.cookie },
    });
    expect(page1.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.json().items).toHaveLength(2);
    expect(page2.json().items).toHaveLength(1);
    const byName = await app.inject({ method: 'GET', url: '/api/users?q=分页1', headers: { cookie: adminSession.cookie } });
    expect(byName.json().items.map((u: { displayName: string }) => u.displayName)).toEqual(['分页1']);
    const byRole = await app.inject({
      method: 'GET',
      url: `/api/users?role=archivist&unitId=${unit.id}`,
      headers: { cookie: adminSession.cookie },
    });
    expect(byRole.json().total).toBe(3);
    const bad = await app.inject({ method: 'GET', url: '/api/users?pageSize=1000', headers: { cookie: adminSession.cookie } });
    expect(bad.statusCode).toBe(400);
  });

  it('updates roles, unit and status; disabling ends the person’s sessions at once', async () => {
    const target = await makeUser(ctx.db.kysely, { unitId: inspection.id, roles: ['officer'] });
    const targetSession = await loginAs(app, target.username, target.password);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      headers: adminSession.headers,
      payload: { roles: ['officer', 'unit_head'], unitId: legal.id, status: 'disabled' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ roles: ['officer', 'unit_head'], unitId: legal.id, status: 'disabled' });
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: targetSession.cookie } })).statusCode).toBe(401);
    const event = await ctx.db.kysely
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'user.updated')
      .where('subject_id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toMatchObject({
      before: { status: 'active', roles: ['officer'] },
      after: { status: 'disabled' },
      sessionsRevoked: 1,
    });
  });

  it('renaming someone does not sign them out', async () => {
    const target = await makeUser(ctx.db.kysely, { unitId: inspection.id });
    const session = await loginAs(app, target.username, target.password);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      headers: adminSession.headers,
      payload: { displayName: '新名字' },
    });
    expect(res.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } })).statusCode).toBe(200);
  });

  it('a password reset lifts a lockout', async () => {
    const target = await makeUser(ctx.db.kysely, { unitId: inspection.id });
    for (let i = 0; i < 5; i++) {
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: target.username, password: `Wrong@pass${i}` } });
    }
    const reset = await app.inject({ method: 'POST', url: `/api/users/${target.id}/reset-password`, headers: adminSession.headers });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: target.username, password: reset.json().temporaryPassword },
    });
    expect(login.statusCode).toBe(200);
  });

  it('does not let an admin lock themselves out', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/users/${admin.id}`,
      headers: adminSession.headers,
      payload: { status: 'disabled' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('cannot_lock_self_out');
  });

  it('resets a password: old one stops working, the temporary one must be changed', async () => {
    const target = await makeUser(ctx.db.kysely, { unitId: inspection.id });
    const res = await app.inject({ method: 'POST', url: `/api/users/${target.id}/reset-password`, headers: adminSession.headers });
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    const old = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: target.username, password: target.password },
    });
    expect(old.statusCode).toBe(401);
    const session = await loginAs(app, target.username, temporaryPassword);
    const change = await app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: session.headers,
      payload: { currentPassword: temporaryPassword, newPassword: 'My-new-Pass9' },
    });
    expect(change.statusCode).toBe(204);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } });
    expect(me.json().user.mustChangePassword).toBe(false);
  });

  describe('changing one’s own password', () => {
    it.each([
      ['wrong current password', { currentPassword: 'Nope@12345', newPassword: 'Another-Pass9' }, 'wrong_current_password'],
      ['too weak', { currentPassword: 'CURRENT', newPassword: 'short' }, 'password_too_weak'],
      ['unchanged', { currentPassword: 'CURRENT', newPassword: 'CURRENT' }, 'password_unchanged'],
    ])('refuses %s', async (_label, body, code) => {
      const me = await makeUser(ctx.db.kysely, { unitId: legal.id });
      const session = await loginAs(app, me.username, me.password);
      const payload = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === 'CURRENT' ? me.password : v]));
      const res = await app.inject({ method: 'POST', url: '/api/me/password', headers: session.headers, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(code);
      expect(
        (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: me.username, password: me.password } }))
          .statusCode,
      ).toBe(200);
    });

    it('signs out other sessions but keeps this one', async () => {
      const me = await makeUser(ctx.db.kysely, { unitId: legal.id });
      const phone = await loginAs(app, me.username, me.password);
      const desk = await loginAs(app, me.username, me.password);
      const res = await app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: desk.headers,
        payload: { currentPassword: me.password, newPassword: 'Brand-new-Pass7' },
      });
      expect(res.statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: desk.cookie } })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: phone.cookie } })).statusCode).toBe(401);
    });
  });
});
