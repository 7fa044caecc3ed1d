import { createHash, createHmac } from 'node:crypto';

// Verifiable random selection after draft-thomson-elegy-vrs (tech-anchors §2.2): the agency commits in
// advance to H^n(secret), a SHA-256 hash chain; at the draw it reveals the one-time code H^(n-1)(secret),
// which anyone checks against the commitment. With the public randomness announced beforehand (a lottery
// result, a beacon round) as input keying material:
//   PRK = HKDF-Extract(salt = code, IKM = randomness), position(label) = HKDF-Expand(PRK, info = label, L = 32)
// and the candidates are taken in ascending order of position. A label's position depends on nothing but
// its own label, so adding or removing another candidate never reorders the rest.

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/** H^n(secret): the commitment published with the plan (n ≥ 1), or a one-time code lower in the chain. */
export function hashChain(secret: Buffer, n: number): Buffer {
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new RangeError('chain length out of range');
  let value = secret;
  for (let i = 0; i < n; i++) value = sha256(value);
  return value;
}

/** A revealed code is the preimage of the commitment (or of the previously revealed code). */
export const codeOpens = (code: Buffer, commitment: Buffer): boolean => sha256(code).equals(commitment);

/** HKDF-Extract (RFC 5869) with SHA-256. */
export function vrsKey(code: Buffer, randomness: Buffer): Buffer {
  return createHmac('sha256', code).update(randomness).digest();
}

/** HKDF-Expand to 32 bytes is one HMAC block: HMAC(PRK, info ‖ 0x01). */
export function vrsPosition(prk: Buffer, label: string): Buffer {
  return createHmac('sha256', prk)
    .update(label, 'utf8')
    .update(Buffer.from([1]))
    .digest();
}

export interface Placed {
  readonly label: string;
  /** Hex of the 32-byte position (hex order is byte order). */
  readonly position: string;
}

/** Every label with its position, lowest first (ties, which need a SHA-256 collision, by label). */
export function vrsOrder(prk: Buffer, labels: readonly string[]): Placed[] {
  const placed = labels.map((label) => ({ label, position: vrsPosition(prk, label).toString('hex') }));
  return placed.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : a.label < b.label ? -1 : 1));
}
