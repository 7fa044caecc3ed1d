import { createHash } from 'node:crypto';

/**
 * RFC 6962 (RFC 9162 §2.1) Merkle tree hashing and proofs. Pure functions: nodes come from a
 * `NodeSource` that returns the hash of a perfect subtree — the node at `level` covering leaves
 * [index·2^level, (index+1)·2^level). The ledger stores exactly those nodes, so any proof needs only
 * O(log n) of them.
 */

export type Hash = Buffer;

export const EMPTY_ROOT: Hash = createHash('sha256').digest();

export function leafHash(entry: Uint8Array): Hash {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(entry)
    .digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

export interface NodeKey {
  readonly level: number;
  readonly index: number;
}

export type NodeSource = (level: number, index: number) => Hash;

/** The largest power of two strictly less than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Hash of leaves [start, start+size): perfect aligned subtrees come from the source, others are folded. */
function subtreeHash(start: number, size: number, node: NodeSource): Hash {
  if (size === 0) return EMPTY_ROOT;
  if ((size & (size - 1)) === 0 && start % size === 0) return node(Math.log2(size), start / size);
  const k = splitPoint(size);
  return nodeHash(subtreeHash(start, k, node), subtreeHash(start + k, size - k, node));
}

export function rootHash(size: number, node: NodeSource): Hash {
  return subtreeHash(0, size, node);
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]): sibling hashes from the leaf up. */
export function inclusionProof(index: number, size: number, node: NodeSource): Hash[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`index ${index} is not in a tree of size ${size}`);
  const path = (m: number, start: number, n: number): Hash[] => {
    if (n === 1) return [];
    const k = splitPoint(n);
    return m < k
      ? [...path(m, start, k), subtreeHash(start + k, n - k, node)]
      : [...path(m - k, start + k, n - k), subtreeHash(start, k, node)];
  };
  return path(index, 0, size);
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]): that the tree of size m is a prefix of the tree of size n. */
export function consistencyProof(m: number, n: number, node: NodeSource): Hash[] {
  if (!(m >= 0 && m <= n)) throw new RangeError(`cannot prove ${m} → ${n}`);
  if (m === 0 || m === n) return [];
  const subproof = (mm: number, start: number, nn: number, complete: boolean): Hash[] => {
    if (mm === nn) return complete ? [] : [subtreeHash(start, nn, node)];
    const k = splitPoint(nn);
    return mm <= k
      ? [...subproof(mm, start, k, complete), subtreeHash(start + k, nn - k, node)]
      : [...subproof(mm - k, start + k, nn - k, false), subtreeHash(start, k, node)];
  };
  return subproof(m, 0, n, true);
}

/**
 * Runs a proof computation twice: first to learn which stored nodes it needs, then with them loaded
 * in one batch. Keeps the proof code free of I/O and the reads to one round trip.
 */
export async function withNodes<T>(
  compute: (node: NodeSource) => T,
  load: (keys: readonly NodeKey[]) => Promise<Map<string, Hash>>,
): Promise<T> {
  const wanted = new Map<string, NodeKey>();
  const zero = Buffer.alloc(32);
  compute((level, index) => {
    wanted.set(nodeKey(level, index), { level, index });
    return zero;
  });
  const loaded = await load([...wanted.values()]);
  return compute((level, index) => {
    const hash = loaded.get(nodeKey(level, index));
    if (!hash) throw new Error(`ledger node ${level}/${index} is missing`);
    return hash;
  });
}

export const nodeKey = (level: number, index: number) => `${level}/${index}`;

// ---- Verification (RFC 9162 §2.1.3.2 and §2.1.4.2), independent of the generators above. ----

export function rootFromInclusionProof(index: number, size: number, leaf: Hash, proof: readonly Hash[]): Hash {
  if (!(index >= 0 && index < size)) throw new RangeError('index out of range');
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) throw new Error('inclusion proof too long');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn !== 0) throw new Error('inclusion proof too short');
  return r;
}

export function verifyInclusion(index: number, size: number, leaf: Hash, proof: readonly Hash[], root: Hash): boolean {
  try {
    return rootFromInclusionProof(index, size, leaf, proof).equals(root);
  } catch {
    return false;
  }
}

export function verifyConsistency(m: number, n: number, oldRoot: Hash, newRoot: Hash, proof: readonly Hash[]): boolean {
  if (m > n) return false;
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  if (m === 0) return proof.length === 0;
  const path = [...proof];
  // When m is a power of two the old root itself is the first node of the path.
  if ((m & (m - 1)) === 0) path.unshift(oldRoot);
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn >>= 1;
    sn >>= 1;
  }
  const first = path.shift();
  if (!first) return false;
  let fr = first;
  let sr = first;
  for (const c of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}
