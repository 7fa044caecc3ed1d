import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginAs, TEST_SIGNERS, testApp } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit, makeUser } from '../../../test/support/factories.js';
import { verifierOf } from '../crypto/signers.js';
import { createCheckpoint } from './checkpoints.js';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle.js';
import { parseCheckpoint, verifyNote } from './note.js';

const ORIGIN = 'sanxiang.local/ledger';
const hashes = (list: string[]) => list.map((h) => Buffer.from(h, 'base64'));

describeEachDialect('ledger API', (ctx) => {
  let app: FastifyInstance;
  let unitId: string;
  beforeAll(async () => {
    app = await testApp(ctx.db);
    unitId = (await makeUnit(ctx.db.kysely)).id;
  });
  afterAll(() => app?.close());

  it('proves that a user creation is in the signed tree, with any RFC 6962 verifier', async () => {
    const admin = await makeUser(ctx.db.kysely, { unitId, roles: ['admin'] });
    const session = await loginAs(app, admin.username, admin.password);
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: { username: 'ledger.demo', displayName: '账本演示', unitId, roles: ['officer'] },
    });
    expect(created.statusCode).toBe(201);
    const event = await ctx.db.kysely
      .selectFrom('events')
      .select(['ledger_index', 'data'])
      .where('type', '=', 'user.created')
      .where('subject_id', '=', created.json().user.id)
      .executeTakeFirstOrThrow();
    const index = Number(event.ledger_index);
    await createCheckpoint(ctx.db.kysely, ORIGIN, TEST_SIGNERS);

    const note = (await app.inject({ method: 'GET', url: '/api/ledger/checkpoint' })).body;
    const checkpoint = parseCheckpoint(note);
    expect(verifyNote(checkpoint, TEST_SIGNERS.map(verifierOf))).toEqual({ ok: true, verifiedBy: ['ed25519', 'sm2'] });
    // The keys the API publishes are the ones that verify.
    const keys = (await app.inject({ method: 'GET', url: '/api/ledger/keys' })).json();
    expect(keys.keys.map((k: { algorithm: string }) => k.algorithm)).toEqual(['ed25519', 'sm2']);

    const entry = (await app.inject({ method: 'GET', url: `/api/ledger/entries/${index}` })).json();
    const parsedEntry = JSON.parse(entry.entry);
    expect(parsedEntry).toMatchObject({
      index,
      type: 'user.created',
      subject: `user:${created.json().user.id}`,
      actor: `user:${admin.id}`,
      blobs: [],
    });
    // Hashes and ids only: no names in clear.
    expect(entry.entry).not.toContain('ledger.demo');
    expect(entry.entry).not.toContain('账本演示');
    const leaf = leafHash(Buffer.from(entry.entry, 'utf8'));
    expect(leaf.toString('base64')).toBe(entry.leafHash);

    const proof = (await app.inject({ method: 'GET', url: `/api/ledger/proof/inclusion?index=${index}&size=${checkpoint.size}` })).json();
    expect(verifyInclusion(index, checkpoint.size, leaf, hashes(proof.hashes), checkpoint.root)).toBe(true);
    expect(verifyInclusion(index, checkpoint.size, leafHash(Buffer.from('forged')), hashes(proof.hashes), checkpoint.root)).toBe(false);
  });

  it('keeps every checkpoint and proves each newer one consistent with the older', async () => {
    await createCheckpoint(ctx.db.kysely, ORIGIN, TEST_SIGNERS);
    const first = parseCheckpoint((await app.inject({ method: 'GET', url: '/api/ledger/checkpoint' })).body);
    await makeUser(ctx.db.kysely, { unitId });
    expect(await createCheckpoint(ctx.db.kysely, ORIGIN, TEST_SIGNERS)).toBeDefined();
    // Nothing new: no new checkpoint.
    expect(await createCheckpoint(ctx.db.kysely, ORIGIN, TEST_SIGNERS)).toBeUndefined();
    const second = parseCheckpoint((await app.inject({ method: 'GET', url: '/api/ledger/checkpoint' })).body);
    expect(second.size).toBeGreaterThan(first.size);
    const proof = (await app.inject({ method: 'GET', url: `/api/ledger/proof/consistency?from=${first.size}&to=${second.size}` })).json();
    expect(verifyConsistency(first.size, second.size, first.root, second.root, hashes(proof.hashes))).toBe(true);
    const history = (await app.inject({ method: 'GET', url: '/api/ledger/checkpoints?pageSize=100' })).json();
    expect(history.items.map((c: { size: number }) => c.size)).toEqual(expect.arrayContaining([first.size, second.size]));
    expect(history.items[0].size).toBe(second.size);
  });

  it('answers bad proof requests with 400 and a code', async () => {
    const big = await app.inject({ method: 'GET', url: '/api/ledger/proof/inclusion?index=0&size=999999' });
    expect(big.statusCode).toBe(400);
    expect(big.json().code).toBe('size_beyond_ledger');
    expect((await app.inject({ method: 'GET', url: '/api/ledger/proof/inclusion?index=5&size=5' })).json().code).toBe('index_beyond_size');
    expect((await app.inject({ method: 'GET', url: '/api/ledger/proof/consistency?from=4&to=2' })).json().code).toBe('from_after_to');
    expect((await app.inject({ method: 'GET', url: '/api/ledger/proof/inclusion?index=x&size=1' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/ledger/entries/999999' })).statusCode).toBe(404);
  });

  it('shows the latest checkpoint, the keys and how to verify on the portal', async () => {
    const res = await app.inject({ method: 'GET', url: '/integrity' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('执法记录完整性');
    expect(res.body).toContain('如何核验');
    expect(res.body).toContain(`${ORIGIN}+`);
    const latest = parseCheckpoint((await app.inject({ method: 'GET', url: '/api/ledger/checkpoint' })).body);
    expect(res.body).toContain(latest.root.toString('hex'));
  });
});
