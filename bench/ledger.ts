// Ledger: appends/s (one event per transaction and 100 per transaction), proof time at 1M entries,
// and `sanxiang verify` throughput against raw SHA-256 over the same entry bytes.
import { createHash } from 'node:crypto';
import { systemActor } from '../src/platform/auth/actor.js';
import { verifierOf } from '../src/platform/crypto/signers.js';
import type { Db } from '../src/platform/db/connect.js';
import type { DialectName } from '../src/platform/db/dialect.js';
import { inTransaction } from '../src/platform/db/transaction.js';
import { entrySourceOf, recordEvent } from '../src/platform/events/record-event.js';
import { consistencyProofBetween, createCheckpoint, inclusionProofAt } from '../src/platform/ledger/checkpoints.js';
import { entryBytes } from '../src/platform/ledger/entry.js';
import { type Hash, leafHash, nodeHash } from '../src/platform/ledger/merkle.js';
import { verifyLedger } from '../src/platform/ledger/verify.js';
import { TEST_SIGNERS } from '../test/support/app.js';
import { dialectsToBench, freshDb, type Row, timeEach } from './support.js';

const ORIGIN = 'sanxiang.local/ledger';
const actor = systemActor('bench');
const event = (i: number) => ({ type: 'bench.appended', subject: { type: 'bench', id: `b${i}` }, data: { i, note: '立案审批' } });

async function appends(db: Db, dialect: DialectName): Promise<Row[]> {
  const single = dialect === 'sqlite' ? 4000 : 1500;
  let start = performance.now();
  for (let i = 0; i < single; i++) await inTransaction(db.kysely, (trx) => recordEvent(trx, actor, event(i)));
  const singleRate = single / ((performance.now() - start) / 1000);
  const batches = dialect === 'sqlite' ? 60 : 30;
  start = performance.now();
  for (let b = 0; b < batches; b++) {
    await inTransaction(db.kysely, async (trx) => {
      for (let i = 0; i < 100; i++) await recordEvent(trx, actor, event(b * 100 + i));
    });
  }
  const batchRate = (batches * 100) / ((performance.now() - start) / 1000);
  await createCheckpoint(db.kysely, ORIGIN, TEST_SIGNERS);
  return [
    {
      suite: 'ledger',
      dialect,
      name: `appends, 1 event per transaction (n=${single})`,
      value: `${singleRate.toFixed(0)} /s`,
      target: dialect === 'sqlite' ? '≥ 2000 /s' : '',
    },
    {
      suite: 'ledger',
      dialect,
      name: `appends, 100 events per transaction (n=${batches * 100})`,
      value: `${batchRate.toFixed(0)} /s`,
      target: dialect === 'sqlite' ? '≥ 2000 /s' : '',
    },
  ];
}

async function verifyThroughput(db: Db, dialect: DialectName): Promise<Row[]> {
  const start = performance.now();
  const report = await verifyLedger(db.kysely, { origin: ORIGIN, verifiers: TEST_SIGNERS.map(verifierOf) });
  const seconds = (performance.now() - start) / 1000;
  if (report.failures.length > 0) throw new Error(`verify found problems: ${report.failures.join('; ')}`);
  // Raw SHA-256 over the same entry bytes, for comparison.
  const rows = await db.kysely.selectFrom('events').selectAll().orderBy('ledger_index').execute();
  const entries = rows.map((r) => entryBytes(entrySourceOf({ ...r, ledger_index: Number(r.ledger_index) })));
  const bytes = entries.reduce((n, e) => n + e.length, 0);
  const hashStart = performance.now();
  for (const e of entries) createHash('sha256').update(e).digest();
  const hashSeconds = (performance.now() - hashStart) / 1000;
  return [
    {
      suite: 'ledger',
      dialect,
      name: `sanxiang verify (${report.entries} entries, ${(bytes / 1e6).toFixed(1)} MB)`,
      value: `${(report.entries / seconds).toFixed(0)} entries/s`,
      target: `raw SHA-256: ${(entries.length / hashSeconds).toFixed(0)} entries/s`,
    },
  ];
}

/** Writes a tree of `size` leaves straight into ledger_nodes (no events): proofs only need nodes. */
async function buildTree(db: Db, size: number): Promise<void> {
  const stack: { level: number; index: number; hash: Hash }[] = [];
  let pending: { level: number; idx: number; hash: string }[] = [];
  const flush = async () => {
    const rows = pending;
    pending = [];
    await inTransaction(db.kysely, async (trx) => {
      for (let i = 0; i < rows.length; i += 1000)
        await trx
          .insertInto('ledger_nodes')
          .values(rows.slice(i, i + 1000))
          .execute();
    });
  };
  for (let i = 0; i < size; i++) {
    const leaf = leafHash(Buffer.from(`entry ${i}`));
    stack.push({ level: 0, index: i, hash: leaf });
    pending.push({ level: 0, idx: i, hash: leaf.toString('hex') });
    for (;;) {
      const right = stack.at(-1);
      const left = stack.at(-2);
      if (!right || !left || left.level !== right.level) break;
      const parent = { level: left.level + 1, index: left.index / 2, hash: nodeHash(left.hash, right.hash) };
      stack.splice(-2, 2, parent);
      pending.push({ level: parent.level, idx: parent.index, hash: parent.hash.toString('hex') });
    }
    if (pending.length >= 50_000) await flush();
  }
  await flush();
  await db.kysely.updateTable('ledger_state').set({ size }).where('id', '=', 1).execute();
}

async function proofs(dialect: DialectName): Promise<Row[]> {
  const size = 1_000_000;
  const { db, done } = await freshDb(dialect);
  try {
    const start = performance.now();
    await buildTree(db, size);
    const buildSeconds = (performance.now() - start) / 1000;
    const random = () => Math.floor(Math.random() * size);
    const inclusion = await timeEach(300, () => inclusionProofAt(db.kysely, random(), size));
    const consistency = await timeEach(300, () => consistencyProofBetween(db.kysely, 1 + random(), size));
    return [
      {
        suite: 'ledger',
        dialect,
        name: `inclusion proof at 1M entries (n=300)`,
        value: `p50 ${inclusion.p50.toFixed(2)} / p95 ${inclusion.p95.toFixed(2)} ms`,
        target: '< 5 ms',
      },
      {
        suite: 'ledger',
        dialect,
        name: `consistency proof at 1M entries (n=300)`,
        value: `p50 ${consistency.p50.toFixed(2)} / p95 ${consistency.p95.toFixed(2)} ms`,
        target: '< 5 ms',
      },
      { suite: 'ledger', dialect, name: 'bulk-load of the 1M-entry tree (setup)', value: `${buildSeconds.toFixed(1)} s`, target: '' },
    ];
  } finally {
    await done();
  }
}

export async function benchLedger(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const dialect of await dialectsToBench()) {
    const { db, done } = await freshDb(dialect);
    try {
      rows.push(...(await appends(db, dialect)));
      rows.push(...(await verifyThroughput(db, dialect)));
    } finally {
      await done();
    }
    rows.push(...(await proofs(dialect)));
  }
  return rows;
}
