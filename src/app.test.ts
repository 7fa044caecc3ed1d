import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testDeps } from '../test/support/app.js';
import { describeEachDialect } from '../test/support/databases.js';
import { makeUnit } from '../test/support/factories.js';
import { buildApp } from './app.js';

describeEachDialect('the platform process', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(ctx.db);
  });
  afterAll(() => app?.close());

  it('reports health after checking the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: ctx.dialect });
  });

  it('serves the portal home page with the agency and its units, without scripts', async () => {
    const root = await makeUnit(ctx.db.kysely, { name: '石嘴山市人力资源和社会保障局' });
    await makeUnit(ctx.db.kysely, { name: '政策法规科', parentId: root.id, kind: 'section' });
    await makeUnit(ctx.db.kysely, { name: '社保局', parentId: root.id, kind: 'affiliated' });
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('石嘴山市人力资源和社会保障局');
    expect(res.body).toMatch(/机关科室[\s\S]*政策法规科[\s\S]*局属单位[\s\S]*社保局/);
    expect(res.body).not.toContain('<script');
    const css = await app.inject({ method: 'GET', url: '/static/portal.css' });
    expect(css.statusCode).toBe(200);
  });

  it('escapes what it renders', async () => {
    const root = (
      await ctx.db.kysely.selectFrom('units').select('id').where('parent_id', 'is', null).orderBy('created_at').executeTakeFirstOrThrow()
    ).id;
    await makeUnit(ctx.db.kysely, { name: '<script>alert(1)</script>', parentId: root, kind: 'section' });
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script&gt;');
  });
});

describe('HTTP conventions', () => {
  describeEachDialect('errors and headers', (ctx) => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await buildApp(testDeps(ctx.db), { logger: false });
      app.get('/api/test/boom', async () => {
        throw new Error('secret internal detail: password=hunter2');
      });
      await app.ready();
    });
    afterAll(() => app?.close());

    it('answers an unexpected failure with 500, a request id and no internals', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/test/boom' });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body.code).toBe('internal_error');
      expect(body.requestId).toBe(res.headers['x-request-id']);
      expect(res.body).not.toContain('hunter2');
      expect(res.body).not.toContain('stack');
    });

    it('answers a NUL character in a search or a code without a 500 on both databases', async () => {
      for (const url of [
        '/api/public/items?q=%00',
        '/api/public/benchmarks?q=a%00b',
        '/api/public/benchmarks/%00',
        '/api/public/roster?name=%00',
      ]) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
      }
    });

    it('answers unknown API paths with JSON 404 and unknown pages with an HTML page', async () => {
      const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
      expect(api.statusCode).toBe(404);
      expect(api.json().code).toBe('route_not_found');
      const page = await app.inject({ method: 'GET', url: '/no-such-page' });
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toContain('页面不存在');
    });

    it('sends security headers', async () => {
      const res = await app.inject({ method: 'GET', url: '/' });
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('publishes a valid OpenAPI 3 document covering the API with schemas', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      const result = await new Validator().validate(doc);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      for (const path of ['/api/auth/login', '/api/auth/logout', '/api/me', '/api/users', '/api/users/{id}', '/api/units', '/api/health']) {
        expect(Object.keys(doc.paths)).toContain(path);
      }
      expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
      for (const [path, operations] of Object.entries<Record<string, { responses?: Record<string, unknown> }>>(doc.paths)) {
        for (const [method, op] of Object.entries(operations)) {
          expect(Object.keys(op.responses ?? {}), `${method} ${path} has response schemas`).not.toHaveLength(0);
        }
      }
      const docs = await app.inject({ method: 'GET', url: '/api/docs' });
      expect([200, 302]).toContain(docs.statusCode);
    });
  });
});
