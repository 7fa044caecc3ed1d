import type { Kysely } from 'kysely';
import type { BlobStore } from '../blobs/blob-store.js';
import { disposedAddress } from '../blobs/disposal.js';
import type { NoteVerifier } from '../crypto/signers.js';
import type { Database } from '../db/schema.js';
import { entrySourceOf } from '../events/record-event.js';
import { entryBytes } from './entry.js';
import { type Hash, leafHash, nodeHash, nodeKey } from './merkle.js';
import { type ParsedCheckpoint, parseCheckpoint, verifyNote } from './note.js';
import { allCheckpoints, ledgerSize, loadNodes } from './repository.js';

export interface VerifyReport {
  entries: number;
  checkpoints: number;
  blobs: number;
  /** Blobs whose content was disposed of by a recorded `blob.disposed` event and is gone, as it should be. */
  disposed: number;
  failures: string[];
}

export interface VerifyOptions {
  readonly origin: string;
  readonly verifiers: readonly NoteVerifier[];
  readonly blobs?: BlobStore;
  /** A checkpoint saved earlier (e.g. by a witness) that the local state must still agree with. */
  readonly externalCheckpoint?: string;
  readonly batchSize?: number;
}

/** Perfect subtrees of the leaves seen so far, left to right: the root at any size is their fold. */
class CompactRange {
  private readonly stack: { level: number; index: number; hash: Hash }[] = [];
  /** Nodes completed by the last push, to compare with the stored ones. */
  push(leaf: Hash, index: number): { level: number; index: number; hash: Hash }[] {
    const made = [{ level: 0, index, hash: leaf }];
    this.stack.push({ level: 0, index, hash: leaf });
    for (;;) {
      const right = this.stack.at(-1);
      const left = this.stack.at(-2);
      if (!right || !left || left.level !== right.level) break;
      this.stack.splice(-2, 2, { level: left.level + 1, index: left.index / 2, hash: nodeHash(left.hash, right.hash) });
      const top = this.stack.at(-1);
      if (top) made.push(top);
    }
    return made;
  }
  root(): Hash {
    let acc: Hash | undefined;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const node = this.stack[i];
      if (node) acc = acc ? nodeHash(node.hash, acc) : node.hash;
    }
    return acc ?? Buffer.from('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'hex');
  }
}

/**
 * Recomputes every ledger entry from the event rows, rebuilds the Merkle tree, compares it with the
 * stored nodes and with every signed checkpoint (signatures included), and re-hashes every stored
 * blob. Every problem is reported with where it is; nothing is changed.
 */
export async function verifyLedger(db: Kysely<Database>, options: VerifyOptions): Promise<VerifyReport> {
  const failures: string[] = [];
  const size = await ledgerSize(db);
  const checks = new Map<number, { label: string; parsed: ParsedCheckpoint }[]>();
  const stored = await allCheckpoints(db);
  const addCheck = (label: string, note: string, rowRoot?: string) => {
    let parsed: ParsedCheckpoint;
    try {
      parsed = parseCheckpoint(note);
    } catch (error) {
      failures.push(`${label}: unreadable (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    const signature = verifyNote(parsed, options.verifiers);
    if (!signature.ok) failures.push(`${label}: ${signature.problem ?? 'signature check failed'} (replaced or forged checkpoint)`);
    if (parsed.origin !== options.origin) failures.push(`${label}: origin ${parsed.origin} is not this ledger (${options.origin})`);
    if (rowRoot !== undefined && parsed.root.toString('hex') !== rowRoot)
      failures.push(`${label}: stored root differs from the signed note`);
    if (parsed.size > size) failures.push(`${label}: size ${parsed.size} is beyond the ledger's ${size} entries (entries removed?)`);
    checks.set(parsed.size, [...(checks.get(parsed.size) ?? []), { label, parsed }]);
  };
  for (const c of stored) addCheck(`checkpoint ${c.size}`, c.note, c.rootHash);
  if (options.externalCheckpoint !== undefined) addCheck('given checkpoint', options.externalCheckpoint);

  const unsequenced = await db.selectFrom('events').select('id').where('ledger_index', 'is', null).execute();
  for (const e of unsequenced) failures.push(`event ${e.id}: has no ledger entry`);

  const range = new CompactRange();
  const referenced = new Map<string, number>();
  const disposedAt = new Map<string, number>();
  const batch = options.batchSize ?? 2000;
  let expected = 0;
  while (expected < size) {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('ledger_index', '>=', expected)
      .where('ledger_index', '<', expected + batch)
      .orderBy('ledger_index')
      .execute();
    const byIndex = new Map(rows.map((r) => [Number(r.ledger_index), r]));
    const end = Math.min(size, expected + batch);
    const leaves = await loadNodes(
      db,
      Array.from({ length: end - expected }, (_, i) => ({ level: 0, index: expected + i })),
    );
    const made: { level: number; index: number; hash: Hash }[] = [];
    for (let index = expected; index < end; index++) {
      const row = byIndex.get(index);
      const storedLeaf = leaves.get(nodeKey(0, index));
      let leaf: Hash;
      if (!row) {
        failures.push(`entry ${index}: its event row is missing (deleted)`);
        leaf = storedLeaf ?? Buffer.alloc(32);
      } else {
        const source = entrySourceOf({ ...row, ledger_index: index });
        leaf = leafHash(entryBytes(source));
        if (!storedLeaf || !storedLeaf.equals(leaf)) {
          failures.push(`entry ${index}: event ${row.id} (${row.type}) does not match its ledger entry (altered or reordered)`);
        }
        for (const blob of source.blobs) referenced.set(blob, index);
        const gone = disposedAddress(row.type, row.data);
        if (gone !== null) disposedAt.set(gone, index);
      }
      made.push(...range.push(leaf, index).slice(1));
      for (const check of checks.get(index + 1) ?? []) {
        if (!range.root().equals(check.parsed.root)) {
          failures.push(`${check.label}: the recomputed tree of ${index + 1} entries has another root (history altered)`);
        }
      }
    }
    const storedInterior = await loadNodes(db, made);
    for (const node of made) {
      const s = storedInterior.get(nodeKey(node.level, node.index));
      if (!s || !s.equals(node.hash)) failures.push(`tree node ${node.level}/${node.index}: stored hash differs from the recomputed one`);
    }
    expected = end;
  }

  let blobs = 0;
  let disposed = 0;
  if (options.blobs) {
    const present = new Set<string>();
    for await (const sha256 of options.blobs.list()) {
      present.add(sha256);
      const result = await options.blobs.verify(sha256);
      blobs++;
      if (!result.ok)
        failures.push(
          `blob ${sha256}: ${result.problem === 'missing' ? 'missing' : `content altered (now ${result.actualSha256 ?? '?'})`}`,
        );
    }
    for (const [sha256, index] of referenced) {
      if (present.has(sha256) || disposedAt.has(sha256)) continue;
      failures.push(`blob ${sha256} (entry ${index}): missing from the blob store (deleted)`);
    }
    for (const [sha256, index] of disposedAt) {
      if (present.has(sha256)) failures.push(`blob ${sha256}: disposed of at entry ${index} but still stored (deletion not completed)`);
      else disposed++;
    }
  }
  return { entries: size, checkpoints: stored.length, blobs, disposed, failures };
}
