import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginAs, type Session } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit, makeUser } from '../../../test/support/factories.js';
import { cleanUpExpiredUploads } from './cleanup.js';
import { sampleExe, sampleJpeg, sampleOfd } from './testing.js';
import { type EvidenceTestApp, errorBody, GOOD_METADATA, startEvidenceApp, TusTestClient } from './testing-app.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const KiB = 1024;

describeEachDialect('evidence uploads (tus)', (ctx) => {
  let env: EvidenceTestApp;
  let officer: Session;
  let colleague: Session;
  let reviewer: Session;
  let me: TusTestClient;

  beforeAll(async () => {
    env = await startEvidenceApp(ctx.db);
    const root = await makeUnit(ctx.db.kysely);
    const unit = await makeUnit(ctx.db.kysely, { parentId: root.id });
    const o = await makeUser(ctx.db.kysely, { unitId: unit.id, roles: ['officer'] });
    const c = await makeUser(ctx.db.kysely, { unitId: unit.id, roles: ['officer'] });
    const r = await makeUser(ctx.db.kysely, { unitId: root.id, roles: ['legal_reviewer'] });
    officer = await loginAs(env.app, o.username, o.password);
    colleague = await loginAs(env.app, c.username, c.password);
    reviewer = await loginAs(env.app, r.username, r.password);
    me = new TusTestClient(env.baseUrl, officer);
  });
  afterAll(() => env?.close());

  const evidenceCount = async () =>
    Number(
      (
        await ctx.db.kysely
          .selectFrom('evidence')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const blobCount = async () => {
    let n = 0;
    for await (const _ of env.blobs.list()) n += 1;
    return n;
  };
  const uploadFiles = () => (fs.existsSync(env.uploadsDir) ? fs.readdirSync(env.uploadsDir) : []);
  const getEvidence = (id: string, session: Session = officer) =>
    env.app.inject({ method: 'GET', url: `/api/evidence/${id}`, headers: { cookie: session.cookie } });

  it('takes an upload in several PATCHes across an interruption and records it with its hash', async () => {
    const bytes = sampleJpeg(1536 * KiB);
    const url = await me.start(bytes.length, { ...GOOD_METADATA, device: 'DSJ-0042', caseId: 'case-1', description: '现场检查' });
    const first = await me.patch(url, 0, bytes.subarray(0, 400 * KiB));
    expect(first.status).toBe(204);
    // The client stops here; later it asks where to resume.
    const head = await me.head(url);
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe(String(400 * KiB));
    expect(head.headers.get('upload-length')).toBe(String(bytes.length));
    const offset = Number(head.headers.get('upload-offset'));
    expect((await me.patch(url, 0, bytes.subarray(0, 10))).status).toBe(409);
    const last = await me.send(url, bytes, offset, 512 * KiB);
    expect(last.status).toBe(204);
    const id = last.headers.get('x-evidence-id') ?? '';
    expect(id).not.toBe('');

    const evidence = (await getEvidence(id)).json();
    expect(evidence).toMatchObject({
      id,
      kind: 'photo',
      filename: '现场照片.jpg',
      mediaType: 'image/jpeg',
      size: bytes.length,
      sha256: sha256(bytes),
      sensitivity: 'general',
      recordedAt: '2026-03-01T02:20:30.000Z',
      device: 'DSJ-0042',
      caseId: 'case-1',
      description: '现场检查',
      officers: null,
    });
    expect(evidence.sm3).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof evidence.ledgerIndex).toBe('number');
    const event = await ctx.db.kysely
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'evidence.ingested')
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.blobs)).toEqual([sha256(bytes)]);
    expect(JSON.parse(event.data)).toMatchObject({
      size: bytes.length,
      mediaType: 'image/jpeg',
      sensitivity: 'general',
      sha256: sha256(bytes),
    });
    expect(await env.blobs.stat(sha256(bytes))).toEqual({ size: bytes.length });
    expect(uploadFiles()).toEqual([]);
    // The finished upload is gone: repeating the last PATCH cannot ingest twice.
    expect((await me.patch(url, bytes.length, new Uint8Array(0))).status).toBe(404);
  });

  it('lets a resumed client take over from a stalled PATCH (lock release request)', async () => {
    const bytes = sampleJpeg(600 * KiB);
    const url = await me.start(bytes.length);
    const stalled = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 200 * KiB));
        // …and then nothing more: a dead network.
      },
    });
    const hanging = me.patch(url, 0, body, stalled.signal).catch(() => undefined);
    const file = `${env.uploadsDir}/${new URL(url).pathname.split('/').pop()}`;
    const deadline = Date.now() + 10_000;
    while ((!fs.existsSync(file) || fs.statSync(file).size < 200 * KiB) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const head = await me.head(url);
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBe(200 * KiB);
    stalled.abort();
    await hanging;
    const last = await me.send(url, bytes, offset, 1024 * KiB);
    expect(last.status).toBe(204);
    expect((await getEvidence(last.headers.get('x-evidence-id') ?? '')).json().sha256).toBe(sha256(bytes));
  }, 20_000);

  it('refuses a disallowed type with 415 and keeps nothing', async () => {
    const before = { evidence: await evidenceCount(), blobs: await blobCount() };
    for (const bytes of [Buffer.from('这是一个文本文件,不是证据。\n'.repeat(100)), sampleExe()]) {
      const url = await me.start(bytes.length, { ...GOOD_METADATA, filename: 'photo.jpg' });
      const res = await me.patch(url, 0, bytes);
      expect(res.status).toBe(415);
      const body = await errorBody(res);
      expect(body.code).toBe('file_type_not_allowed');
      expect(body.message).toMatch(/^不支持的文件类型:/);
      expect((await me.head(url)).status).toBe(404);
    }
    expect(uploadFiles()).toEqual([]);
    expect({ evidence: await evidenceCount(), blobs: await blobCount() }).toEqual(before);
  });

  it('accepts an OFD document, and keeps identical content once but records each upload', async () => {
    const bytes = sampleOfd();
    const meta = { ...GOOD_METADATA, kind: 'document', filename: '行政处罚决定书.ofd', sensitivity: 'personal' };
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await me.patch(await me.start(bytes.length, meta), 0, bytes);
      expect(res.status).toBe(204);
      ids.push(res.headers.get('x-evidence-id') ?? '');
    }
    expect(new Set(ids).size).toBe(2);
    const records = await Promise.all(ids.map(async (id) => (await getEvidence(id)).json()));
    expect(records.map((r) => r.mediaType)).toEqual(['application/ofd', 'application/ofd']);
    expect(records[0].sha256).toBe(records[1].sha256);
    const rows = await ctx.db.kysely.selectFrom('evidence').select('id').where('sha256', '=', sha256(bytes)).execute();
    expect(rows).toHaveLength(2);
  });

  it('answers bad creation requests with JSON errors and creates nothing', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ kind: 'photo', recordedAt: '2026-03-01T10:00:00Z', sensitivity: 'general' }, 'filename'],
      [{ ...GOOD_METADATA, kind: 'drawing' }, 'kind'],
      [{ ...GOOD_METADATA, recordedAt: 'yesterday' }, 'recordedAt'],
      [{ ...GOOD_METADATA, sensitivity: 'internal' }, 'sensitivity'],
      [{ ...GOOD_METADATA, description: '很长'.repeat(251) }, 'description'],
    ];
    for (const [metadata, field] of cases) {
      const res = await me.create(1000, metadata);
      expect(res.status, field).toBe(400);
      const body = await errorBody(res);
      expect(body.code).toBe('invalid_upload_metadata');
      expect(body.message).toContain(field);
    }
    const malformed = await me.create(1000, GOOD_METADATA, { 'Upload-Metadata': 'filename ###' });
    expect((await errorBody(malformed)).code).toBe('invalid_upload_metadata');
    const tooLarge = await me.create(9 * 1024 ** 3);
    expect(tooLarge.status).toBe(413);
    expect((await errorBody(tooLarge)).code).toBe('file_too_large');
    const deferred = await me.create(0, GOOD_METADATA, { 'Upload-Length': '', 'Upload-Defer-Length': '1' });
    expect(deferred.status).toBe(400);
    expect(uploadFiles()).toEqual([]);
  });

  it('lets only officers and unit heads upload, signed in and with the CSRF token', async () => {
    const denied = await new TusTestClient(env.baseUrl, reviewer).create(1000);
    expect(denied.status).toBe(403);
    expect((await errorBody(denied)).code).toBe('forbidden');
    expect((await new TusTestClient(env.baseUrl, undefined).create(1000)).status).toBe(401);
    const noToken = await fetch(`${env.baseUrl}/api/uploads`, {
      method: 'POST',
      headers: { cookie: officer.cookie, 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' },
    });
    expect(noToken.status).toBe(403);
    expect((await errorBody(noToken)).code).toBe('csrf_token_invalid');
  });

  it('keeps other users away from my upload, and lets me terminate it', async () => {
    const bytes = sampleJpeg(100 * KiB);
    const url = await me.start(bytes.length);
    expect((await me.patch(url, 0, bytes.subarray(0, 10 * KiB))).status).toBe(204);
    const other = new TusTestClient(env.baseUrl, colleague);
    expect((await other.patch(url, 10 * KiB, bytes.subarray(10 * KiB))).status).toBe(404);
    expect((await other.head(url)).status).toBe(404);
    expect((await other.delete(url)).status).toBe(404);
    expect((await me.head(url)).headers.get('upload-offset')).toBe(String(10 * KiB));
    expect((await me.delete(url)).status).toBe(204);
    expect((await me.head(url)).status).toBe(404);
    expect(uploadFiles()).toEqual([]);
  });

  it('removes incomplete uploads 24 hours after creation', async () => {
    const url = await me.start(50 * KiB);
    expect((await me.patch(url, 0, sampleJpeg(50 * KiB).subarray(0, 1000))).status).toBe(204);
    expect(await cleanUpExpiredUploads(ctx.db.kysely, env.dataDir)).toEqual({ uploads: 0, locks: 0 });
    const later = new Date(Date.now() + 25 * 3600 * 1000);
    expect((await cleanUpExpiredUploads(ctx.db.kysely, env.dataDir, later)).uploads).toBe(1);
    expect(uploadFiles()).toEqual([]);
    expect((await me.head(url)).status).toBe(404);
  });
});
