import { createHash } from 'node:crypto';

// RFC 3797 (Publicly Verifiable NomCom Random Selection), §5: the key string is built from each announced
// source's numbers, sorted ascending and each followed by ".", each source closed by "/"; the j-th pick
// is MD5(j ‖ key ‖ j) with j as two bytes big-endian, taken as an unsigned 128-bit integer modulo the number
// of candidates still in the pool, indexing the remaining candidates in their announced order.
// Kept for compatibility with a procedure that names RFC 3797 (tech-anchors §2.1); the default is vrs.ts.

/** The most picks the 2-byte counter allows. */
export const RFC3797_MAX = 0xffff;

/** The key string: 9319 | 2 5 12 8 10 | 9 18 26 34 41 45 → "9319./2.5.8.10.12./9.18.26.34.41.45./". */
export function rfc3797Key(sources: readonly (readonly bigint[])[]): string {
  return sources
    .map(
      (numbers) =>
        `${[...numbers]
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
          .map((n) => `${n}.`)
          .join('')}/`,
    )
    .join('');
}

/** The 128-bit value of the j-th pick. */
export function rfc3797Value(key: string, j: number): bigint {
  if (!Number.isInteger(j) || j < 0 || j > RFC3797_MAX) throw new RangeError('pick number out of range');
  const counter = Buffer.from([j >> 8, j & 0xff]);
  const digest = createHash('md5').update(counter).update(key, 'utf8').update(counter).digest('hex');
  return BigInt(`0x${digest}`);
}

/**
 * The first `count` picks from a pool of `poolSize` candidates numbered 1..poolSize in announced order,
 * as those numbers, in the order drawn.
 */
export function rfc3797Select(key: string, poolSize: number, count: number): number[] {
  if (!Number.isInteger(poolSize) || poolSize < 0 || poolSize > RFC3797_MAX) throw new RangeError('pool size out of range');
  if (!Number.isInteger(count) || count < 0 || count > poolSize) throw new RangeError('cannot pick more than the pool holds');
  const remaining = Array.from({ length: poolSize }, (_, i) => i + 1);
  const picks: number[] = [];
  for (let j = 0; j < count; j++) {
    const index = Number(rfc3797Value(key, j) % BigInt(remaining.length));
    picks.push(...remaining.splice(index, 1));
  }
  return picks;
}
