// The first 6 bytes of HMAC-SHA256(key, label ‖ 0x01) for many labels under one key — the VRS position
// heads that order a population (draw.ts). Node's createHmac re-keys for every call (four SHA-256
// compressions and two objects per label); with the key's inner and outer states computed once, a short
// label costs two compressions. Checked against createHmac in hmac-heads.test.ts.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const W = new Int32Array(64);

/** One SHA-256 compression of the 16 big-endian words `block` into `state` (in place). */
function compress(state: Int32Array, block: Int32Array): void {
  for (let i = 0; i < 16; i++) W[i] = block[i] as number;
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15] as number;
    const w2 = W[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = ((W[i - 16] as number) + s0 + (W[i - 7] as number) + s1) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (W[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0;
  state[5] = ((state[5] as number) + f) | 0;
  state[6] = ((state[6] as number) + g) | 0;
  state[7] = ((state[7] as number) + h) | 0;
}

/** The state after one 64-byte block (the key xor pad). */
function padState(key: Buffer, pad: number): Int32Array {
  const bytes = Buffer.alloc(64, pad);
  for (let i = 0; i < key.length; i++) bytes[i] = (key[i] as number) ^ pad;
  const block = new Int32Array(16);
  for (let i = 0; i < 16; i++) block[i] = bytes.readInt32BE(i * 4);
  const state = Int32Array.from(IV);
  compress(state, block);
  return state;
}

/**
 * The first 6 bytes, as a number, of HMAC-SHA256(key, UTF-8(text)), or of HMAC-SHA256(key, UTF-8(text) ‖ 0x01)
 * with `expand` (one HKDF-Expand block) — for one key (≤ 64 bytes, as the PRK of draw.ts always is) and
 * many texts.
 */
export class HmacHeads {
  private readonly inner0: Int32Array;
  private readonly outer0: Int32Array;
  private readonly state = new Int32Array(8);
  private readonly block = new Int32Array(16);
  private bytes = Buffer.alloc(256);

  constructor(key: Buffer) {
    if (key.length > 64) throw new RangeError('key longer than one block');
    this.inner0 = padState(key, 0x36);
    this.outer0 = padState(key, 0x5c);
  }

  head(text: string, expand: boolean): number {
    const state = this.run(text, expand);
    return ((state[0] as number) >>> 0) * 65536 + ((state[1] as number) >>> 16);
  }

  /** The whole HMAC, as hex. */
  hex(text: string, expand: boolean): string {
    const state = this.run(text, expand);
    let out = '';
    for (let i = 0; i < 8; i++) out += ((state[i] as number) >>> 0).toString(16).padStart(8, '0');
    return out;
  }

  private run(text: string, expand: boolean): Int32Array {
    const { state, block } = this;
    if (text.length <= 54 && this.packAscii(text, expand)) {
      state.set(this.inner0);
      compress(state, block);
      return this.outer(state);
    }
    if (this.bytes.length < text.length * 3 + 80) this.bytes = Buffer.alloc(text.length * 3 + 80);
    const bytes = this.bytes;
    let messageLength = bytes.write(text, 0, 'utf8');
    if (expand) bytes[messageLength++] = 0x01;
    // Inner hash: the ipad block is absorbed already; the message, 0x80, zeros, the bit length.
    const total = Math.ceil((messageLength + 9) / 64) * 64;
    bytes.fill(0, messageLength, total);
    bytes[messageLength] = 0x80;
    const bits = (64 + messageLength) * 8;
    bytes.writeUInt32BE(Math.floor(bits / 0x100000000), total - 8);
    bytes.writeUInt32BE(bits >>> 0, total - 4);
    state.set(this.inner0);
    for (let offset = 0; offset < total; offset += 64) {
      for (let i = 0; i < 16; i++) block[i] = bytes.readInt32BE(offset + i * 4);
      compress(state, block);
    }
    return this.outer(state);
  }

  /**
   * The padded single block of an ASCII text (with the expand byte), packed straight into big-endian words:
   * the common case (USCCs, 执法证号) without a Buffer round trip. False when the text is not ASCII.
   */
  private packAscii(text: string, expand: boolean): boolean {
    const block = this.block;
    block.fill(0);
    const length = text.length + (expand ? 1 : 0);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) return false;
      block[i >> 2] = (block[i >> 2] as number) | (c << (24 - 8 * (i & 3)));
    }
    if (expand) block[text.length >> 2] = (block[text.length >> 2] as number) | (1 << (24 - 8 * (text.length & 3)));
    block[length >> 2] = (block[length >> 2] as number) | (0x80 << (24 - 8 * (length & 3)));
    block[15] = (64 + length) * 8;
    return true;
  }

  /** The outer hash: the opad block is absorbed already; the 32-byte inner digest fits one padded block. */
  private outer(state: Int32Array): Int32Array {
    const block = this.block;
    for (let i = 0; i < 8; i++) block[i] = state[i] as number;
    block[8] = 0x80000000 | 0;
    for (let i = 9; i < 15; i++) block[i] = 0;
    block[15] = (64 + 32) * 8;
    state.set(this.outer0);
    compress(state, block);
    return state;
  }
}
