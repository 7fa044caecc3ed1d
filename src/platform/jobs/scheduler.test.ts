import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { systemActor } from '../auth/actor.js';
import { runFixityCheck } from '../blobs/fixity-job.js';
import { createFsBlobStore } from '../blobs/index.js';
import { inTransaction } from '../db/transaction.js';
import { recordEvent } from '../events/record-event.js';
import { claimRun, runClaimed } from './scheduler.js';

describeEachDialect('scheduled jobs', (ctx) => {
  it('runs each slot of a job once, however many processes claim it', async () => {
    const slot = new Date('2026-12-01T19:00:00Z').toISOString();
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimRun(ctx.db.kysely, 'demo-job', slot)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimRun(ctx.db.kysely, 'demo-job', new Date('2026-12-02T19:00:00Z').toISOString())).toBe(true);
  });

  it('records the outcome of a run, including failures', async () => {
    const slot = new Date('2026-12-03T19:00:00Z').toISOString();
    await claimRun(ctx.db.kysely, 'failing-job', slot);
    await expect(
      runClaimed(ctx.db.kysely, { name: 'failing-job', cron: '* * * * *', run: () => Promise.reject(new Error('disk full')) }, slot),
    ).rejects.toThrow('disk full');
    const row = await ctx.db.kysely.selectFrom('job_runs').selectAll().where('name', '=', 'failing-job').executeTakeFirstOrThrow();
    expect(row.outcome).toBe('disk full');
    expect(row.finished_at).not.toBeNull();
  });

  it('the fixity check records each damaged blob and a summary in the ledger', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-fixity-'));
    const store = createFsBlobStore(dir);
    const good = await store.put(Readable.from([Buffer.from('完好的文件')]));
    const bad = await store.put(Readable.from([Buffer.from('将被篡改的文件')]));
    const file = path.join(dir, 'sha256', bad.sha256.slice(0, 2), bad.sha256.slice(2, 4), bad.sha256);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, '篡改后的内容');
    const report = await runFixityCheck(ctx.db.kysely, store);
    expect(report.checked).toBe(2);
    expect(report.failures.map((f) => f.sha256)).toEqual([bad.sha256]);
    const events = await ctx.db.kysely
      .selectFrom('events')
      .select(['type', 'subject_id', 'data', 'ledger_index'])
      .where('type', 'like', 'blob.fixity%')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.type, e.subject_id])).toEqual([
      ['blob.fixity_failed', bad.sha256],
      ['blob.fixity_checked', 'fs'],
    ]);
    expect(JSON.parse(events[1]?.data ?? '{}')).toMatchObject({ checked: 2, failures: 1 });
    expect(events.every((e) => e.ledger_index !== null)).toBe(true);
    expect(good.sha256).not.toBe(bad.sha256);
  });

  it('the fixity check also reports a file the ledger refers to that is gone from the store', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-fixity-missing-'));
    const store = createFsBlobStore(dir);
    const kept = await store.put(Readable.from([Buffer.from('执法录像')]));
    await inTransaction(ctx.db.kysely, (trx) =>
      recordEvent(trx, systemActor('test'), { type: 'evidence.ingested', subject: { type: 'evidence', id: 'gone' }, blobs: [kept.sha256] }),
    );
    fs.rmSync(path.join(dir, 'sha256', kept.sha256.slice(0, 2), kept.sha256.slice(2, 4), kept.sha256));
    const report = await runFixityCheck(ctx.db.kysely, store);
    expect(report.failures).toContainEqual({ sha256: kept.sha256, ok: false, problem: 'missing' });
    const failed = await ctx.db.kysely
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'blob.fixity_failed')
      .where('subject_id', '=', kept.sha256)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(failed.data)).toMatchObject({ problem: 'missing' });
  });
});
