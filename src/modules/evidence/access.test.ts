import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginAs, type Session, TEST_SECRET } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { type MadeUser, makeUnit, makeUser } from '../../../test/support/factories.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { ingestEvidence } from './evidence-service.js';
import { signGrant } from './grants.js';
import { parseUploadMetadata } from './metadata.js';
import { sampleJpeg } from './testing.js';
import { type EvidenceTestApp, GOOD_METADATA, startEvidenceApp } from './testing-app.js';

describeEachDialect('evidence records and 调阅', (ctx) => {
  let env: EvidenceTestApp;
  const bytes = sampleJpeg(64 * 1024);
  const sessions: Record<string, Session> = {};
  const users: Record<string, MadeUser> = {};
  let general: string;
  let personal: string;

  beforeAll(async () => {
    env = await startEvidenceApp(ctx.db);
    const root = await makeUnit(ctx.db.kysely);
    const unitA = await makeUnit(ctx.db.kysely, { parentId: root.id, name: `甲科-${Math.random()}` });
    const unitB = await makeUnit(ctx.db.kysely, { parentId: root.id });
    const plan = {
      officerB: { unitId: unitB.id, roles: ['officer'] },
      headA: { unitId: unitA.id, roles: ['unit_head'] },
      headB: { unitId: unitB.id, roles: ['unit_head'] },
      supervisor: { unitId: root.id, roles: ['supervisor'] },
      reviewer: { unitId: root.id, roles: ['legal_reviewer'] },
    } as const;
    for (const [name, spec] of Object.entries(plan)) {
      users[name] = await makeUser(ctx.db.kysely, { unitId: spec.unitId, roles: [...spec.roles], displayName: `用户${name}` });
    }
    for (const [name, user] of Object.entries(users)) sessions[name] = await loginAs(env.app, user.username, user.password);
    const a = await makeUser(ctx.db.kysely, { unitId: unitA.id, roles: ['officer'], displayName: '用户officerA' });
    users.officerA = a;
    sessions.officerA = await loginAs(env.app, a.username, a.password);
    const actor: UserActor = {
      kind: 'user',
      userId: a.id,
      username: a.username,
      displayName: a.displayName,
      unitId: unitA.id,
      unitPath: unitA.path,
      roles: ['officer'],
    };
    const blob = await env.blobs.put(Readable.from([bytes]));
    const ingest = (extra: Record<string, string>) =>
      ingestEvidence(ctx.db.kysely, actor, {
        metadata: parseUploadMetadata({ ...GOOD_METADATA, ...extra }),
        blob,
        mediaType: 'image/jpeg',
      });
    general = await ingest({ filename: "现场 (1)'.jpg", place: '某某路 12 号' });
    personal = await ingest({ sensitivity: 'personal', kind: 'photo', filename: '当事人证件.jpg' });
  });
  afterAll(() => env?.close());

  const get = (url: string, who: string, headers: Record<string, string> = {}) =>
    env.app.inject({ method: 'GET', url, headers: { cookie: sessions[who]?.cookie ?? '', ...headers } });
  const access = (id: string, who: string, payload?: Record<string, unknown>) =>
    env.app.inject({ method: 'POST', url: `/api/evidence/${id}/access`, headers: sessions[who]?.headers, payload: payload ?? {} });

  it('lists and shows evidence within unit scope only', async () => {
    const mine = (await get('/api/evidence', 'officerA')).json();
    expect(mine.total).toBe(2);
    expect(mine.items[0]).toMatchObject({
      uploadedBy: { id: users.officerA?.id, displayName: '用户officerA' },
      unitName: expect.stringMatching(/^甲科/),
    });
    expect((await get('/api/evidence', 'officerB')).json().total).toBe(0);
    expect((await get('/api/evidence', 'reviewer')).json().total).toBe(2);
    expect((await get('/api/evidence?sensitivity=personal', 'supervisor')).json().items.map((e: { id: string }) => e.id)).toEqual([
      personal,
    ]);
    expect((await get(`/api/evidence?q=${encodeURIComponent('某某路')}`, 'headA')).json().total).toBe(1);
    const hidden = await get(`/api/evidence/${general}`, 'officerB');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('evidence_not_found');
    expect((await access(general, 'officerB')).statusCode).toBe(404);
    expect((await get(`/api/evidence/${general}`, 'headA')).statusCode).toBe(200);
  });

  it('needs a purpose for sensitive evidence, not for general', async () => {
    const refused = await access(personal, 'officerA');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({ code: 'purpose_required', message: '查看涉及个人隐私/商业秘密/涉密的证据须说明调阅事由' });
    expect((await access(personal, 'officerA', { purpose: '   ' })).json().code).toBe('purpose_required');
    expect((await access(personal, 'officerA', { purpose: '长'.repeat(201) })).statusCode).toBe(400);
    expect((await access(personal, 'officerA', { purpose: '案件审核' })).statusCode).toBe(201);
    expect((await access(general, 'officerA')).statusCode).toBe(201);
    const noBody = await env.app.inject({ method: 'POST', url: `/api/evidence/${general}/access`, headers: sessions.officerA?.headers });
    expect(noBody.statusCode).toBe(201);
  });

  it('serves content with a grant: whole, in ranges, and 416 past the end', async () => {
    const res = await access(general, 'officerA');
    const { grant, contentUrl, expiresAt } = res.json();
    expect(contentUrl).toBe(`/api/evidence/${general}/content?grant=${grant}`);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(29 * 60 * 1000);
    const whole = await get(contentUrl, 'officerA');
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(bytes)).toBe(true);
    expect(whole.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'accept-ranges': 'bytes',
      'content-length': String(bytes.length),
      'content-disposition': "inline; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%281%29%27.jpg",
    });
    expect(whole.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(whole.headers['x-content-type-options']).toBe('nosniff');
    const part = await get(contentUrl, 'officerA', { range: 'bytes=100-1123' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-1123/${bytes.length}`);
    expect(part.headers['content-length']).toBe('1024');
    expect(part.rawPayload.equals(bytes.subarray(100, 1124))).toBe(true);
    const tail = await get(contentUrl, 'officerA', { range: 'bytes=-10' });
    expect(tail.rawPayload.equals(bytes.subarray(bytes.length - 10))).toBe(true);
    const open = await get(contentUrl, 'officerA', { range: `bytes=${bytes.length - 5}-` });
    expect(open.rawPayload.equals(bytes.subarray(bytes.length - 5))).toBe(true);
    const multi = await get(contentUrl, 'officerA', { range: 'bytes=0-1,5-6' });
    expect(multi.statusCode).toBe(200);
    expect(multi.rawPayload.length).toBe(bytes.length);
    const beyond = await get(contentUrl, 'officerA', { range: `bytes=${bytes.length}-` });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${bytes.length}`);
    expect(createHash('sha256').update(whole.rawPayload).digest('hex')).toBe(
      (await get(`/api/evidence/${general}`, 'officerA')).json().sha256,
    );
  });

  it('refuses content without a valid grant for this user and this evidence', async () => {
    const { grant } = (await access(general, 'officerA')).json();
    const expired = signGrant(TEST_SECRET, {
      evidenceId: general,
      userId: users.officerA?.id ?? '',
      expiresAt: Date.now() - 1,
      eventId: 'x',
    });
    const forged = signGrant('another-secret-another-secret-another', {
      evidenceId: general,
      userId: users.officerA?.id ?? '',
      expiresAt: Date.now() + 60_000,
      eventId: 'x',
    });
    const attempts: [string, string][] = [
      [`/api/evidence/${general}/content?grant=${grant}`, 'headA'],
      [`/api/evidence/${personal}/content?grant=${grant}`, 'officerA'],
      [`/api/evidence/${general}/content?grant=${expired}`, 'officerA'],
      [`/api/evidence/${general}/content?grant=${forged}`, 'officerA'],
      [`/api/evidence/${general}/content?grant=${grant.slice(0, -2)}xx`, 'officerA'],
      [`/api/evidence/${general}/content`, 'officerA'],
    ];
    for (const [url, who] of attempts) {
      const res = await get(url, who);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('access_grant_invalid');
    }
    expect((await env.app.inject({ method: 'GET', url: `/api/evidence/${general}/content?grant=${grant}` })).statusCode).toBe(401);
  });

  it('logs every access, shown to unit heads of the unit and to oversight only', async () => {
    const before = (await get(`/api/evidence/${personal}/access-log`, 'supervisor')).json().total;
    await access(personal, 'officerA', { purpose: '复核取证过程' });
    await access(personal, 'reviewer', { purpose: '法制审核' });
    const log = await get(`/api/evidence/${personal}/access-log?pageSize=2`, 'headA');
    expect(log.statusCode).toBe(200);
    expect(log.json().total).toBe(before + 2);
    expect(log.json().items).toEqual([
      {
        id: expect.any(String),
        occurredAt: expect.any(String),
        actorId: users.reviewer?.id,
        actorName: '用户reviewer',
        purpose: '法制审核',
      },
      {
        id: expect.any(String),
        occurredAt: expect.any(String),
        actorId: users.officerA?.id,
        actorName: '用户officerA',
        purpose: '复核取证过程',
      },
    ]);
    const generalLog = (await get(`/api/evidence/${general}/access-log`, 'supervisor')).json();
    expect(generalLog.items.every((e: { purpose: string | null }) => e.purpose === null)).toBe(true);
    expect(generalLog.total).toBeGreaterThanOrEqual(3);
    const event = await ctx.db.kysely
      .selectFrom('events')
      .select(['blobs', 'ledger_index'])
      .where('id', '=', log.json().items[0].id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.blobs)).toEqual([createHash('sha256').update(bytes).digest('hex')]);
    expect(event.ledger_index).not.toBeNull();
    expect((await get(`/api/evidence/${personal}/access-log`, 'officerA')).statusCode).toBe(403);
    expect((await get(`/api/evidence/${personal}/access-log`, 'reviewer')).statusCode).toBe(403);
    expect((await get(`/api/evidence/${personal}/access-log`, 'headB')).statusCode).toBe(404);
  });

  it('lists the evidence permissions in /api/me', async () => {
    expect((await get('/api/me', 'officerA')).json().permissions).toEqual(expect.arrayContaining(['evidence.upload', 'evidence.list']));
    expect((await get('/api/me', 'officerA')).json().permissions).not.toContain('evidence.access_log');
    expect((await get('/api/me', 'supervisor')).json().permissions).toEqual(
      expect.arrayContaining(['evidence.list', 'evidence.access_log']),
    );
  });
});
