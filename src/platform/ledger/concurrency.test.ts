import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { TEST_SIGNERS } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { verifierOf } from '../crypto/signers.js';
import { createCheckpoint } from './checkpoints.js';
import { ledgerSize } from './repository.js';
import { verifyLedger } from './verify.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const worker = path.join(root, 'test/support/ledger-append-worker.ts');

describeEachDialect('ledger appends from two processes at once', (ctx) => {
  it('sequences every entry exactly once and keeps one consistent tree', async () => {
    const before = await ledgerSize(ctx.db.kysely);
    const per = 150;
    const spawn = (name: string) =>
      run(process.execPath, ['--import', 'tsx', worker, JSON.stringify(ctx.config), String(per), name], { cwd: root });
    await Promise.all([spawn('p1'), spawn('p2')]);
    const size = await ledgerSize(ctx.db.kysely);
    expect(size).toBe(before + 2 * per);
    const indexes = await ctx.db.kysely
      .selectFrom('events')
      .select('ledger_index')
      .where('type', '=', 'test.appended')
      .orderBy('ledger_index')
      .execute();
    expect(indexes).toHaveLength(2 * per);
    expect(new Set(indexes.map((r) => Number(r.ledger_index))).size).toBe(2 * per);
    await createCheckpoint(ctx.db.kysely, 'sanxiang.local/ledger', TEST_SIGNERS);
    const report = await verifyLedger(ctx.db.kysely, { origin: 'sanxiang.local/ledger', verifiers: TEST_SIGNERS.map(verifierOf) });
    expect(report.failures).toEqual([]);
    expect(report.entries).toBe(size);
  }, 120_000);
});
