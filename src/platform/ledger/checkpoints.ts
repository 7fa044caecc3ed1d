import type { Kysely } from 'kysely';
import type { NoteSigner } from '../crypto/signers.js';
import type { Database } from '../db/schema.js';
import { consistencyProof, type Hash, inclusionProof, rootHash, withNodes } from './merkle.js';
import { checkpointBody, signNote } from './note.js';
import { type CheckpointRow, insertCheckpoint, latestCheckpoint, ledgerSize, loadNodes } from './repository.js';

export async function rootAt(db: Kysely<Database>, size: number): Promise<Hash> {
  return withNodes(
    (node) => rootHash(size, node),
    (keys) => loadNodes(db, keys),
  );
}

export async function inclusionProofAt(db: Kysely<Database>, index: number, size: number): Promise<Hash[]> {
  return withNodes(
    (node) => inclusionProof(index, size, node),
    (keys) => loadNodes(db, keys),
  );
}

export async function consistencyProofBetween(db: Kysely<Database>, from: number, to: number): Promise<Hash[]> {
  return withNodes(
    (node) => consistencyProof(from, to, node),
    (keys) => loadNodes(db, keys),
  );
}

/**
 * Signs a checkpoint of the current tree when it has grown since the last one; returns it, or
 * undefined when there is nothing new. Checkpoints are never replaced.
 */
export async function createCheckpoint(
  db: Kysely<Database>,
  origin: string,
  signers: readonly NoteSigner[],
): Promise<CheckpointRow | undefined> {
  const size = await ledgerSize(db);
  const last = await latestCheckpoint(db);
  if (size === 0 || (last && last.size >= size)) return undefined;
  const root = await rootAt(db, size);
  const row = {
    size,
    rootHash: root.toString('hex'),
    note: signNote(checkpointBody(origin, size, root), signers),
    createdAt: new Date().toISOString(),
  };
  await insertCheckpoint(db, row);
  return row;
}

export interface Checkpointer {
  stop(): Promise<void>;
}

/** A checkpoint every `intervalSeconds` while there are new entries, and a last one on stop. */
export function startCheckpointer(
  db: Kysely<Database>,
  origin: string,
  signers: readonly NoteSigner[],
  intervalSeconds: number,
  onError: (error: unknown) => void,
): Checkpointer {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() => createCheckpoint(db, origin, signers)).catch(onError);
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      tick();
      await running;
    },
  };
}
