import { describe, expect, it } from 'vitest';
import { consistencyProof, type Hash, inclusionProof, leafHash, nodeHash, rootHash, verifyConsistency, verifyInclusion } from './merkle.js';

// transparency-dev/merkle testonly vectors (the certificate-transparency C++ constants).
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
  Buffer.from(h, 'hex'),
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** All perfect-subtree nodes of a list of leaves, the way the ledger stores them. */
function nodeSource(entries: readonly Buffer[]) {
  const levels: Hash[][] = [entries.map(leafHash)];
  for (let l = 0; (levels[l]?.length ?? 0) > 1; l++) {
    const below = levels[l] ?? [];
    const above: Hash[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) above.push(nodeHash(below[i] ?? Buffer.alloc(0), below[i + 1] ?? Buffer.alloc(0)));
    levels.push(above);
  }
  return (level: number, index: number): Hash => {
    const hash = levels[level]?.[index];
    if (!hash) throw new Error(`no node ${level}/${index}`);
    return hash;
  };
}

const hex = (hashes: readonly Hash[]) => hashes.map((h) => h.toString('hex'));

describe('RFC 6962 Merkle tree', () => {
  const node = nodeSource(LEAVES);

  it('matches the reference root of every prefix of the test vectors', () => {
    for (let n = 1; n <= 8; n++) expect(rootHash(n, node).toString('hex')).toBe(ROOTS[n - 1]);
    expect(rootHash(0, node).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('produces the reference inclusion proofs', () => {
    expect(hex(inclusionProof(0, 8, node))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hex(inclusionProof(5, 8, node))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(hex(inclusionProof(2, 3, node))).toEqual(['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']);
    expect(hex(inclusionProof(1, 5, node))).toEqual([
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
  });

  it('produces the reference consistency proofs', () => {
    expect(hex(consistencyProof(1, 8, node))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hex(consistencyProof(6, 8, node))).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(hex(consistencyProof(2, 5, node))).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
  });

  it('verifies every inclusion and consistency proof of trees up to 40 leaves, and rejects tampered ones', () => {
    const entries = Array.from({ length: 40 }, (_, i) => Buffer.from(`entry ${i}`));
    const source = nodeSource(entries);
    for (let n = 1; n <= 40; n++) {
      const root = rootHash(n, source);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(i, n, source);
        expect(verifyInclusion(i, n, leafHash(entries[i] ?? Buffer.alloc(0)), proof, root)).toBe(true);
        expect(verifyInclusion(i, n, leafHash(Buffer.from('forged')), proof, root)).toBe(false);
        if (n > 1) expect(verifyInclusion((i + 1) % n, n, leafHash(entries[i] ?? Buffer.alloc(0)), proof, root)).toBe(false);
      }
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(m, n, source);
        expect(verifyConsistency(m, n, rootHash(m, source), root, proof)).toBe(true);
        if (m < n)
          expect(verifyConsistency(m, n, rootHash(m, nodeSource([Buffer.from('x'), ...entries.slice(1)])), root, proof)).toBe(false);
      }
    }
  });
});
