import type { Trx } from '../db/transaction.js';
import { type Hash, leafHash, nodeHash, nodeKey } from './merkle.js';
import { insertNodes, loadNodes, takeNextIndex } from './repository.js';

/**
 * Appends one entry in the caller's transaction: takes the next index, stores the leaf hash and
 * every perfect subtree the leaf completes (on average one more node), reading only the left
 * siblings it needs. Returns the entry's index.
 */
export async function appendEntry(trx: Trx, entryAt: (index: number) => Buffer): Promise<number> {
  const index = await takeNextIndex(trx);
  const leaf = leafHash(entryAt(index));
  const siblings: { level: number; index: number }[] = [];
  for (let level = 0, i = index; i % 2 === 1; level++, i = Math.floor(i / 2)) siblings.push({ level, index: i - 1 });
  const loaded = siblings.length > 0 ? await loadNodes(trx, siblings) : new Map<string, Hash>();
  const nodes = [{ level: 0, index, hash: leaf }];
  let hash = leaf;
  for (const sibling of siblings) {
    const left = loaded.get(nodeKey(sibling.level, sibling.index));
    if (!left) throw new Error(`ledger node ${sibling.level}/${sibling.index} is missing: the ledger is damaged`);
    hash = nodeHash(left, hash);
    nodes.push({ level: sibling.level + 1, index: Math.floor(sibling.index / 2), hash });
  }
  await insertNodes(trx, nodes);
  return index;
}
