import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { TEST_SIGNERS } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit, makeUser } from '../../../test/support/factories.js';
import { systemActor } from '../auth/actor.js';
import { type BlobStore, createFsBlobStore, recordDisposals } from '../blobs/index.js';
import { ed25519Signer, verifierOf } from '../crypto/signers.js';
import { inTransaction } from '../db/transaction.js';
import { recordEvent } from '../events/record-event.js';
import { createCheckpoint } from './checkpoints.js';
import { checkpointBody, parseCheckpoint, signNote } from './note.js';
import { verifyLedger } from './verify.js';

const ORIGIN = 'sanxiang.local/ledger';

describeEachDialect('sanxiang verify: tamper detection', (ctx) => {
  let blobs: BlobStore;
  let blobDir: string;
  let sha256: string;
  const verify = (externalCheckpoint?: string) =>
    verifyLedger(ctx.db.kysely, { origin: ORIGIN, verifiers: TEST_SIGNERS.map(verifierOf), blobs, externalCheckpoint, batchSize: 7 });

  beforeAll(async () => {
    blobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-verify-blobs-'));
    blobs = createFsBlobStore(blobDir);
    const unit = await makeUnit(ctx.db.kysely);
    for (let i = 0; i < 5; i++) await makeUser(ctx.db.kysely, { unitId: unit.id });
    await createCheckpoint(ctx.db.kysely, ORIGIN, TEST_SIGNERS);
    const info = await blobs.put(Readable.from([Buffer.from('录像内容'.repeat(1000))]));
    sha256 = info.sha256;
    await inTransaction(ctx.db.kysely, (trx) =>
      recordEvent(trx, systemActor('test'), { type: 'evidence.ingested', subject: { type: 'evidence', id: 'e1' }, blobs: [sha256] }),
    );
    for (let i = 0; i < 3; i++) await makeUser(ctx.db.kysely, { unitId: unit.id });
    await createCheckpoint(ctx.db.kysely, ORIGIN, TEST_SIGNERS);
  });

  it('passes a clean ledger, counting entries, checkpoints and blobs', async () => {
    const report = await verify();
    expect(report.failures).toEqual([]);
    expect(report.entries).toBe(10);
    expect(report.checkpoints).toBe(2);
    expect(report.blobs).toBe(1);
  });

  it('names an edited event row', async () => {
    const row = await ctx.db.kysely
      .selectFrom('events')
      .select(['id', 'data', 'ledger_index'])
      .where('type', '=', 'user.created')
      .executeTakeFirstOrThrow();
    await ctx.db.kysely.updateTable('events').set({ data: '{"roles":["admin"]}' }).where('id', '=', row.id).execute();
    const report = await verify();
    await ctx.db.kysely.updateTable('events').set({ data: row.data }).where('id', '=', row.id).execute();
    expect(report.failures).toContainEqual(
      expect.stringContaining(`entry ${row.ledger_index}: event ${row.id} (user.created) does not match`),
    );
    expect(report.failures.some((f) => f.includes('has another root'))).toBe(true);
    expect((await verify()).failures).toEqual([]);
  });

  it('names a deleted event', async () => {
    const row = await ctx.db.kysely.selectFrom('events').selectAll().where('ledger_index', '=', 3).executeTakeFirstOrThrow();
    await ctx.db.kysely.deleteFrom('events').where('id', '=', row.id).execute();
    const report = await verify();
    const { seq: _seq, ...rest } = row;
    await ctx.db.kysely.insertInto('events').values(rest).execute();
    expect(report.failures).toContain('entry 3: its event row is missing (deleted)');
  });

  it('names a reordered pair', async () => {
    await ctx.db.kysely.updateTable('events').set({ ledger_index: -1 }).where('ledger_index', '=', 5).execute();
    await ctx.db.kysely.updateTable('events').set({ ledger_index: 5 }).where('ledger_index', '=', 6).execute();
    await ctx.db.kysely.updateTable('events').set({ ledger_index: 6 }).where('ledger_index', '=', -1).execute();
    const report = await verify();
    await ctx.db.kysely.updateTable('events').set({ ledger_index: -1 }).where('ledger_index', '=', 5).execute();
    await ctx.db.kysely.updateTable('events').set({ ledger_index: 5 }).where('ledger_index', '=', 6).execute();
    await ctx.db.kysely.updateTable('events').set({ ledger_index: 6 }).where('ledger_index', '=', -1).execute();
    expect(report.failures).toContainEqual(expect.stringMatching(/^entry 5: .* does not match/));
    expect(report.failures).toContainEqual(expect.stringMatching(/^entry 6: .* does not match/));
  });

  it('names a replaced checkpoint, whether re-signed by another key or with its root changed', async () => {
    const stored = await ctx.db.kysely.selectFrom('ledger_checkpoints').selectAll().orderBy('size').executeTakeFirstOrThrow();
    const parsed = parseCheckpoint(stored.note);
    const intruder = ed25519Signer(ORIGIN, Buffer.alloc(32, 9));
    const forged = signNote(checkpointBody(ORIGIN, parsed.size, Buffer.alloc(32, 1)), [intruder]);
    await ctx.db.kysely
      .updateTable('ledger_checkpoints')
      .set({ note: forged, root_hash: Buffer.alloc(32, 1).toString('hex') })
      .where('size', '=', stored.size)
      .execute();
    const report = await verify();
    await ctx.db.kysely
      .updateTable('ledger_checkpoints')
      .set({ note: stored.note, root_hash: stored.root_hash })
      .where('size', '=', stored.size)
      .execute();
    expect(report.failures).toContain(`checkpoint ${stored.size}: no signature by a known key (replaced or forged checkpoint)`);
    expect(report.failures).toContain(
      `checkpoint ${stored.size}: the recomputed tree of ${stored.size} entries has another root (history altered)`,
    );
  });

  it('names a flipped byte in a blob and a deleted blob', async () => {
    const file = path.join(blobDir, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    const original = fs.readFileSync(file);
    fs.chmodSync(file, 0o644);
    const flipped = Buffer.from(original);
    flipped[100] = (flipped[100] ?? 0) ^ 0x01;
    fs.writeFileSync(file, flipped);
    const altered = await verify();
    expect(altered.failures).toContainEqual(expect.stringContaining(`blob ${sha256}: content altered`));
    fs.rmSync(file);
    const deleted = await verify();
    expect(deleted.failures).toContainEqual(expect.stringContaining(`blob ${sha256} (entry`));
    expect(deleted.failures).toContainEqual(expect.stringContaining('missing from the blob store (deleted)'));
    await blobs.put(Readable.from([original]));
    expect((await verify()).failures).toEqual([]);
  });

  it('reports content disposed of by a recorded disposal as disposed, not missing, and one still stored as a failure', async () => {
    const info = await blobs.put(Readable.from([Buffer.from('保存期满的录像'.repeat(500))]));
    await inTransaction(ctx.db.kysely, (trx) =>
      recordEvent(trx, systemActor('test'), { type: 'evidence.ingested', subject: { type: 'evidence', id: 'e2' }, blobs: [info.sha256] }),
    );
    const deleteContent = await inTransaction(ctx.db.kysely, (trx) =>
      recordDisposals(trx, systemActor('test'), [
        { sha256: info.sha256, reason: '销毁清单 XH-2026-001(局领导批准)', subject: { type: 'evidence', id: 'e2' } },
      ]),
    );
    // Recorded but not yet carried out: the content is still there.
    const pending = await verify();
    expect(pending.failures).toEqual([expect.stringContaining(`blob ${info.sha256}: disposed of at entry`)]);
    expect(await deleteContent(blobs)).toBe(1);
    expect(await blobs.stat(info.sha256)).toBeUndefined();
    const done = await verify();
    expect(done.failures).toEqual([]);
    expect(done.disposed).toBe(1);
    // Deleting without a recorded disposal is still a missing blob.
    expect(await blobs.dispose(sha256)).toBe(true);
    expect((await verify()).failures).toContainEqual(expect.stringContaining(`blob ${sha256} (entry`));
    await blobs.put(Readable.from([Buffer.from('录像内容'.repeat(1000))]));
    expect((await verify()).failures).toEqual([]);
  });

  it('checks the local state against a checkpoint kept by a witness', async () => {
    const kept = (await ctx.db.kysely.selectFrom('ledger_checkpoints').select('note').orderBy('size').executeTakeFirstOrThrow()).note;
    expect((await verify(kept)).failures).toEqual([]);
    // The witness's copy disagrees with history rewritten later (here: a re-signed, different root).
    const parsed = parseCheckpoint(kept);
    const other = signNote(checkpointBody(ORIGIN, parsed.size, Buffer.alloc(32, 2)), TEST_SIGNERS);
    const report = await verify(other);
    expect(report.failures).toContain(`given checkpoint: the recomputed tree of ${parsed.size} entries has another root (history altered)`);
  });
});
