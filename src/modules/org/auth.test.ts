import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, sessionCookie, testApp } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { type MadeUser, makeUnit, makeUser, snapshotCounts } from '../../../test/support/factories.js';
import { login, MAX_FAILURES, resolveSession } from './auth-service.js';

describeEachDialect('authentication', (ctx) => {
  let app: FastifyInstance;
  let officer: MadeUser;
  let unitId: string;

  beforeAll(async () => {
    app = await testApp(ctx.db);
    const root = await makeUnit(ctx.db.kysely);
    unitId = root.id;
    officer = await makeUser(ctx.db.kysely, { unitId, roles: ['officer'] });
  });
  afterAll(() => app?.close());

  const policy = { idleMinutes: 30, absoluteHours: 12 };
  const events = (type: string, subjectId: string) =>
    ctx.db.kysely.selectFrom('events').selectAll().where('type', '=', type).where('subject_id', '=', subjectId).execute();

  it('logs in, sets an HttpOnly SameSite session cookie, and records the login event', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: officer.username, password: officer.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sanxiang_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user.username).toBe(officer.username);
    expect(body.roles).toEqual([{ code: 'officer', label: '执法人员' }]);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: sessionCookie(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().unit.id).toBe(unitId);
    expect(await events('auth.logged_in', officer.id)).toHaveLength(1);
  });

  it('tells the person when they last signed in before this session', async () => {
    const fresh = await makeUser(ctx.db.kysely, { unitId });
    const first = await loginAs(app, fresh.username, fresh.password);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: first.cookie } })).json().previousLoginAt).toBeNull();
    const second = await loginAs(app, fresh.username, fresh.password);
    const me = (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: second.cookie } })).json();
    const firstLogin = await events('auth.logged_in', fresh.id);
    expect(me.previousLoginAt).toBe(firstLogin.map((e) => e.occurred_at).sort()[0]);
  });

  it('accepts the username in any letter case', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: officer.username.toUpperCase(), password: officer.password },
    });
    expect(res.statusCode).toBe(200);
  });

  it('answers 401 for a wrong password and for an unknown user alike, recording both failures', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: officer.username, password: 'Wrong@1234' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody-here', password: 'Wrong@1234' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(await events('auth.login_failed', officer.id)).toHaveLength(1);
    const unknownFailures = await events('auth.login_failed', 'unknown_user');
    expect(unknownFailures.map((e) => JSON.parse(e.data).username)).toContain('nobody-here');
  });

  it('throttles the 6th wrong password within 15 minutes with 429 and Retry-After, even with the right password', async () => {
    const target = await makeUser(ctx.db.kysely, { unitId });
    for (let i = 0; i < MAX_FAILURES; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: target.username, password: `Bad@pass${i}` },
      });
      expect(res.statusCode).toBe(401);
    }
    const before = await snapshotCounts(ctx.db.kysely);
    const sixth = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: target.username, password: target.password },
    });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('too_many_attempts');
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(await snapshotCounts(ctx.db.kysely)).toEqual(before);
    // Other accounts are not affected.
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: officer.username, password: officer.password } }))
        .statusCode,
    ).toBe(200);
    // Once the window has passed, the right password works again.
    const later = new Date(Date.now() + 15 * 60 * 1000 + 1000);
    const result = await login(
      ctx.db.kysely,
      policy,
      { username: target.username, password: target.password, ip: null, userAgent: null, requestId: 'r' },
      later,
    );
    expect(result.actor.userId).toBe(target.id);
  });

  it('refuses a disabled account with 403 only after a correct password', async () => {
    const admin = await makeUser(ctx.db.kysely, { unitId, roles: ['admin'] });
    const target = await makeUser(ctx.db.kysely, { unitId });
    const adminSession = await loginAs(app, admin.username, admin.password);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      headers: adminSession.headers,
      payload: { status: 'disabled' },
    });
    expect(patch.statusCode).toBe(200);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: target.username, password: 'Wrong@1234' },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: target.username, password: target.password },
    });
    expect(right.statusCode).toBe(403);
    expect(right.json().code).toBe('account_disabled');
  });

  it('logout revokes the session on the server and records the event', async () => {
    const session = await loginAs(app, officer.username, officer.password);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('not_authenticated');
    expect((await events('auth.logged_out', officer.id)).length).toBeGreaterThanOrEqual(1);
  });

  it('expires sessions after the idle timeout and after the absolute lifetime', async () => {
    const start = new Date('2026-03-02T01:00:00Z');
    const { token } = await login(
      ctx.db.kysely,
      policy,
      { username: officer.username, password: officer.password, ip: null, userAgent: null, requestId: 'r' },
      start,
    );
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    expect(await resolveSession(ctx.db.kysely, policy, token, 'r', at(29))).toBeDefined();
    // Being active at minute 29 moved the idle clock: minute 58 is within 30 minutes of it.
    expect(await resolveSession(ctx.db.kysely, policy, token, 'r', at(58))).toBeDefined();
    expect(await resolveSession(ctx.db.kysely, policy, token, 'r', at(58 + 31))).toBeUndefined();

    const { token: busy } = await login(
      ctx.db.kysely,
      policy,
      { username: officer.username, password: officer.password, ip: null, userAgent: null, requestId: 'r' },
      start,
    );
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      expect(await resolveSession(ctx.db.kysely, policy, busy, 'r', at(minute))).toBeDefined();
    }
    expect(await resolveSession(ctx.db.kysely, policy, busy, 'r', at(12 * 60 + 1))).toBeUndefined();
  });

  describe('CSRF protection for cookie-authenticated writes', () => {
    it('refuses a signed-in write without the CSRF token, and changes nothing', async () => {
      const session = await loginAs(app, officer.username, officer.password);
      const before = await snapshotCounts(ctx.db.kysely);
      const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('csrf_token_invalid');
      const forged = await app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: session.cookie, 'x-csrf-token': 'forged' },
      });
      expect(forged.statusCode).toBe(403);
      expect(await snapshotCounts(ctx.db.kysely)).toEqual(before);
      expect((await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    });

    it('refuses writes from another origin, including login', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'https://evil.example', host: 'localhost:80' },
        payload: { username: officer.username, password: officer.password },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('cross_origin_request');
    });
  });
});
