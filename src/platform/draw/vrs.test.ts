import { hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeOpens, hashChain, vrsKey, vrsOrder, vrsPosition } from './vrs.js';

const SECRET = Buffer.from('a one-time secret chosen by the agency, never published before the draw');
const RANDOMNESS = Buffer.from('双色球 2026137: 03 09 14 22 27 31 + 12', 'utf8');

describe('VRS (HKDF-SHA256) selection', () => {
  it('opens the commitment with the revealed code, and only with it', () => {
    const commitment = hashChain(SECRET, 5);
    const code = hashChain(SECRET, 4);
    expect(codeOpens(code, commitment)).toBe(true);
    expect(codeOpens(hashChain(SECRET, 3), commitment)).toBe(false);
    expect(codeOpens(hashChain(SECRET, 3), code)).toBe(true);
  });

  it('computes positions exactly as HKDF-SHA256 (RFC 5869) does', () => {
    const code = hashChain(SECRET, 4);
    const prk = vrsKey(code, RANDOMNESS);
    for (const label of ['91640200MA76XKQJ3B', '某某建筑工程有限公司', '']) {
      const expected = Buffer.from(hkdfSync('sha256', RANDOMNESS, code, Buffer.from(label, 'utf8'), 32));
      expect(vrsPosition(prk, label).equals(expected), label).toBe(true);
    }
  });

  it('orders by position, independently of the other candidates, and differently for other inputs', () => {
    const prk = vrsKey(hashChain(SECRET, 4), RANDOMNESS);
    const labels = Array.from({ length: 200 }, (_, i) => `entity-${i}`);
    const order = vrsOrder(prk, labels);
    expect(order.map((p) => p.position)).toEqual([...order.map((p) => p.position)].sort());
    expect(new Set(order.map((p) => p.label)).size).toBe(200);
    // Removing candidates leaves the relative order of the rest unchanged.
    const fewer = vrsOrder(
      prk,
      labels.filter((_, i) => i % 3 !== 0),
    ).map((p) => p.label);
    expect(fewer).toEqual(order.map((p) => p.label).filter((l) => Number(l.slice(7)) % 3 !== 0));
    // One changed input (a lottery number, or the code) gives another order.
    const changed = vrsKey(hashChain(SECRET, 4), Buffer.from('双色球 2026137: 03 09 14 22 27 32 + 12', 'utf8'));
    expect(vrsOrder(changed, labels).slice(0, 10)).not.toEqual(order.slice(0, 10));
    expect(vrsOrder(vrsKey(hashChain(SECRET, 3), RANDOMNESS), labels).slice(0, 10)).not.toEqual(order.slice(0, 10));
  });

  it('keeps a fixed vector (so the encoding of labels and inputs cannot drift unnoticed)', () => {
    const prk = vrsKey(Buffer.alloc(32, 7), Buffer.from('round 1234', 'utf8'));
    expect(vrsOrder(prk, ['a', 'b', 'c', 'd'])).toEqual([
      { label: 'b', position: '8126ffa4dcd82ddf132364f6524a70867b9c5b89c8deba227b3a8aae15df9205' },
      { label: 'a', position: 'a0bbacb92ebc01218a8c1bdbd6e1fa9d2a1c564e3d1421f98880cd1a7d3af93a' },
      { label: 'c', position: 'd18dce3d529eb03839789999e50d65a6fd1869b09eb311127458066793ebfb76' },
      { label: 'd', position: 'ee90ad8f8aa7543e0174850c2dd5599b6b8bdab2444b2c12a86b28bc9bd265e0' },
    ]);
  });
});
