import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Trx } from '../db/transaction.js';
import { type Hash, type NodeKey, nodeKey } from './merkle.js';

type Reader = Kysely<Database> | Trx;

/**
 * Takes the next ledger index. The single-row UPDATE holds the row lock until the transaction ends,
 * so appends from several processes on one PostgreSQL are serialized (SQLite serializes writers).
 */
export async function takeNextIndex(trx: Trx): Promise<number> {
  const row = await trx
    .updateTable('ledger_state')
    .set((eb) => ({ size: eb('size', '+', 1) }))
    .where('id', '=', 1)
    .returning('size')
    .executeTakeFirstOrThrow();
  return Number(row.size) - 1;
}

export async function ledgerSize(db: Reader): Promise<number> {
  const row = await db.selectFrom('ledger_state').select('size').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.size);
}

export async function loadNodes(db: Reader, keys: readonly NodeKey[]): Promise<Map<string, Hash>> {
  const map = new Map<string, Hash>();
  // Chunked so a long list never exceeds a statement's parameter limit.
  for (let i = 0; i < keys.length; i += 200) {
    const chunk = keys.slice(i, i + 200);
    const rows = await db
      .selectFrom('ledger_nodes')
      .select(['level', 'idx', 'hash'])
      .where((eb) => eb.or(chunk.map((k) => eb.and([eb('level', '=', k.level), eb('idx', '=', k.index)]))))
      .execute();
    for (const row of rows) map.set(nodeKey(Number(row.level), Number(row.idx)), Buffer.from(row.hash, 'hex'));
  }
  return map;
}

export async function insertNodes(trx: Trx, nodes: readonly { level: number; index: number; hash: Hash }[]): Promise<void> {
  await trx
    .insertInto('ledger_nodes')
    .values(nodes.map((n) => ({ level: n.level, idx: n.index, hash: n.hash.toString('hex') })))
    .execute();
}

export interface CheckpointRow {
  size: number;
  rootHash: string;
  note: string;
  createdAt: string;
}

const toCheckpoint = (r: { size: number; root_hash: string; note: string; created_at: string }): CheckpointRow => ({
  size: Number(r.size),
  rootHash: r.root_hash,
  note: r.note,
  createdAt: r.created_at,
});

export async function latestCheckpoint(db: Reader): Promise<CheckpointRow | undefined> {
  const row = await db.selectFrom('ledger_checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
  return row ? toCheckpoint(row) : undefined;
}

export async function listCheckpoints(db: Reader, offset: number, limit: number): Promise<{ items: CheckpointRow[]; total: number }> {
  const rows = await db.selectFrom('ledger_checkpoints').selectAll().orderBy('size', 'desc').offset(offset).limit(limit).execute();
  const count = await db
    .selectFrom('ledger_checkpoints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toCheckpoint), total: Number(count.n) };
}

export async function allCheckpoints(db: Reader): Promise<CheckpointRow[]> {
  return (await db.selectFrom('ledger_checkpoints').selectAll().orderBy('size').execute()).map(toCheckpoint);
}

/** Keeps the first checkpoint of a size: several processes may race to sign the same one. */
export async function insertCheckpoint(db: Reader, row: CheckpointRow): Promise<void> {
  await db
    .insertInto('ledger_checkpoints')
    .values({ size: row.size, root_hash: row.rootHash, note: row.note, created_at: row.createdAt })
    .onConflict((oc) => oc.column('size').doNothing())
    .execute();
}
