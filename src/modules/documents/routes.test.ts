import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginAs, type Session, testDeps } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit, makeUser } from '../../../test/support/factories.js';
import { type AppDeps, buildApp } from '../../app.js';
import { systemActor } from '../../platform/auth/actor.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { issueDocument } from './issue.js';
import { sampleData } from './testing.js';
import type { IssuedDocument } from './views.js';

describeEachDialect('documents API', (ctx) => {
  let app: FastifyInstance;
  let deps: AppDeps;
  let doc: IssuedDocument;
  let unitA: { id: string; name: string };
  let unitB: { id: string; name: string };
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    deps = testDeps(ctx.db);
    app = await buildApp(deps, { logger: false });
    await app.ready();
    const root = await makeUnit(ctx.db.kysely);
    unitA = await makeUnit(ctx.db.kysely, { parentId: root.id });
    unitB = await makeUnit(ctx.db.kysely, { parentId: root.id });
    const plan = {
      officerA: { unitId: unitA.id, roles: ['officer'] },
      officerB: { unitId: unitB.id, roles: ['officer'] },
      supervisor: { unitId: root.id, roles: ['supervisor'] },
      archivist: { unitId: root.id, roles: ['archivist'] },
      admin: { unitId: root.id, roles: ['admin'] },
    } as const;
    for (const [name, spec] of Object.entries(plan)) {
      const user = await makeUser(ctx.db.kysely, { unitId: spec.unitId, roles: [...spec.roles] });
      sessions[name] = await loginAs(app, user.username, user.password);
    }
    doc = await inTransaction(ctx.db.kysely, (trx) =>
      issueDocument(trx, systemActor('test'), deps.blobs, {
        caseId: 'case-api',
        unitId: unitA.id,
        type: 'penalty_decision',
        data: sampleData(),
      }),
    );
  });
  afterAll(() => app?.close());

  const get = (url: string, who?: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: who ? (sessions[who]?.cookie ?? '') : '' } });
  const json = (method: 'POST' | 'PUT', url: string, who: string | undefined, payload: object) =>
    app.inject({
      method,
      url,
      headers: { ...(who ? sessions[who]?.headers : {}), 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
  const viewEvents = () =>
    ctx.db.kysely.selectFrom('events').selectAll().where('type', '=', 'document.viewed').where('subject_id', '=', doc.id).execute();

  it('lists the document types with what each template needs, to signed-in staff only', async () => {
    expect((await get('/api/documents/types')).statusCode).toBe(401);
    const res = await get('/api/documents/types', 'archivist');
    expect(res.statusCode).toBe(200);
    const types = res.json<{ code: string; title: string; numbered: boolean; required: { label: string }[] }[]>();
    expect(types).toHaveLength(17);
    const decision = types.find((t) => t.code === 'penalty_decision');
    expect(decision).toMatchObject({ title: '行政处罚决定书', numbered: true, abbr: '罚' });
    expect(decision?.required.map((r) => r.label)).toContain('罚款缴纳银行');
  });

  it('previews a draft as escaped HTML for officers, listing what is still missing', async () => {
    const data = { agencyName: '某局', party: { kind: 'organization', name: '<script>alert(1)</script>' } };
    const res = await json('POST', '/api/documents/preview', 'officerA', { type: 'penalty_prior_notice', data });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ html: string; missing: string[] }>();
    expect(body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body.html).not.toContain('<script>');
    expect(body.missing).toContain('违法事实');
    expect((await json('POST', '/api/documents/preview', 'archivist', { type: 'penalty_prior_notice', data })).statusCode).toBe(403);
    expect((await json('POST', '/api/documents/preview', undefined, { type: 'penalty_prior_notice', data })).statusCode).toBe(401);
    for (const type of ['penalty_decision', 'hearing_record', 'service_receipt']) {
      const complete = await json('POST', '/api/documents/preview', 'officerA', { type, data: sampleData() });
      expect(complete.statusCode).toBe(200);
      expect(complete.json().missing).toEqual([]);
    }
    const unknownField = await json('POST', '/api/documents/preview', 'officerA', { type: 'penalty_prior_notice', data: { nope: 1 } });
    expect(unknownField.statusCode).toBe(400);
    const badType = await json('POST', '/api/documents/preview', 'officerA', { type: 'no_such', data: {} });
    expect(badType.statusCode).toBe(400);
  });

  it('shows an issued document within unit scope; elsewhere it does not exist', async () => {
    const mine = await get(`/api/documents/${doc.id}`, 'officerA');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ id: doc.id, number: doc.number, sha256: doc.sha256, version: 1 });
    expect((await get(`/api/documents/${doc.id}`, 'supervisor')).statusCode).toBe(200);
    expect((await get(`/api/documents/${doc.id}`, 'officerB')).json()).toMatchObject({ code: 'document_not_found' });
    expect((await get(`/api/documents/${doc.id}`, 'officerB')).statusCode).toBe(404);
    expect((await get('/api/documents/nope', 'supervisor')).statusCode).toBe(404);
    expect((await get(`/api/documents/${doc.id}`)).statusCode).toBe(401);
  });

  it('returns the exact stored .docx as an attachment and records who read it', async () => {
    const before = (await viewEvents()).length;
    const res = await get(`/api/documents/${doc.id}/docx`, 'officerA');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(doc.sha256);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(`行政处罚决定书（${doc.number}）.docx`)}`,
    );
    const events = await viewEvents();
    expect(events).toHaveLength(before + 1);
    expect(JSON.parse(events.at(-1)?.blobs ?? '[]')).toEqual([doc.sha256]);

    expect((await get(`/api/documents/${doc.id}/docx`, 'officerB')).statusCode).toBe(404);
    expect((await get(`/api/documents/${doc.id}/docx`)).statusCode).toBe(401);
    expect(await viewEvents()).toHaveLength(before + 1);
  });

  it('lets only the administrator set 文号 prefixes, which later numbers use', async () => {
    const url = `/api/documents/number-prefixes/${unitA.id}`;
    expect((await json('PUT', url, 'officerA', { prefix: '石人社监' })).statusCode).toBe(403);
    expect((await json('PUT', url, 'admin', { prefix: '石 人' })).json()).toMatchObject({ code: 'invalid_number_prefix' });
    expect((await json('PUT', '/api/documents/number-prefixes/nope', 'admin', { prefix: '石人社监' })).statusCode).toBe(404);
    const set = await json('PUT', url, 'admin', { prefix: '石人社监' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ unitId: unitA.id, prefix: '石人社监', effectivePrefix: '石人社监' });
    // Another unit may not take the same prefix: its numbers would repeat unit A's 文号.
    const clash = await json('PUT', `/api/documents/number-prefixes/${unitB.id}`, 'admin', { prefix: '石人社监' });
    expect([clash.statusCode, clash.json().code]).toEqual([409, 'number_prefix_taken']);

    const list = (await get('/api/documents/number-prefixes', 'officerA')).json<
      { unitId: string; prefix: string | null; effectivePrefix: string }[]
    >();
    expect(list.find((p) => p.unitId === unitA.id)).toMatchObject({ prefix: '石人社监' });
    expect(list.find((p) => p.unitId !== unitA.id && p.prefix === null)?.effectivePrefix).toBeTruthy();

    const next = await inTransaction(ctx.db.kysely, (trx) =>
      issueDocument(trx, systemActor('test'), deps.blobs, {
        caseId: 'case-api',
        unitId: unitA.id,
        type: 'penalty_decision',
        data: sampleData(),
      }),
    );
    expect(next.number).toBe('石人社监罚〔2026〕2号');
    const event = await ctx.db.kysely
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'document.number_prefix_set')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toEqual({ prefix: '石人社监' });
  });
});
