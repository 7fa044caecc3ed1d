import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HmacHeads } from './hmac-heads.js';

describe('HmacHeads (HMAC-SHA256 with the key states computed once)', () => {
  const reference = (key: Buffer, text: string, expand: boolean) => {
    const h = createHmac('sha256', key).update(text, 'utf8');
    if (expand) h.update(Buffer.from([1]));
    return h.digest();
  };
  // Lengths around the one-block limit (55 bytes with the 0x01), multi-byte UTF-8, the empty text.
  const texts = [
    '',
    '9',
    '91640202MA717NFB2G',
    'a'.repeat(54),
    'a'.repeat(55),
    'a'.repeat(56),
    'b'.repeat(119),
    '某某建筑工程有限公司'.repeat(9),
    '😀',
    'team\u0000x\u00001',
  ];

  it.each([0, 1, 32, 63, 64])('equals createHmac for a key of %i bytes, with and without the expand byte', (keyLength) => {
    const key = randomBytes(keyLength);
    const hasher = new HmacHeads(key);
    for (const text of texts) {
      for (const expand of [true, false]) {
        const digest = reference(key, text, expand);
        expect(hasher.hex(text, expand)).toBe(digest.toString('hex'));
        expect(hasher.head(text, expand)).toBe(digest.readUIntBE(0, 6));
      }
    }
  });

  it('refuses a key longer than one block (HMAC would hash it first)', () => {
    expect(() => new HmacHeads(Buffer.alloc(65))).toThrow(RangeError);
  });
});
