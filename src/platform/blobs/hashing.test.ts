import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { HashingStream, hashInto, hashStream } from './hashing.js';

const chunks = (...parts: string[]) => Readable.from(parts.map((part) => Buffer.from(part)));

describe('hashing', () => {
  it('computes SHA-256 and SM3 of the GB/T 32905 vectors in one pass', async () => {
    expect(await hashStream(chunks('a', 'b', 'c'))).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      sm3: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
      size: 3,
    });
    const sixtyFour = 'abcd'.repeat(16);
    const info = await hashStream(chunks(sixtyFour.slice(0, 7), sixtyFour.slice(7)));
    expect(info.sm3).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    expect(info.sha256).toBe(createHash('sha256').update(sixtyFour).digest('hex'));
  });

  it('passes the bytes through unchanged', async () => {
    const received: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received.push(chunk);
        callback();
      },
    });
    const info = await hashInto(chunks('hello ', 'world'), sink);
    expect(Buffer.concat(received).toString()).toBe('hello world');
    expect(info.size).toBe(11);
  });

  it('accepts exactly maxBytes and refuses one more', async () => {
    expect((await hashInto(chunks('12', '345'), discard(), { maxBytes: 5 })).size).toBe(5);
    const error = await hashInto(chunks('12', '3456'), discard(), { maxBytes: 5 }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'file_too_large' });
  });

  it('stops reading the source once the limit is passed', async () => {
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced += 1;
        yield Buffer.alloc(1024);
      }
    }
    await expect(hashInto(Readable.from(endless()), discard(), { maxBytes: 10 * 1024 })).rejects.toMatchObject({ code: 'file_too_large' });
    expect(produced).toBeLessThan(100);
  });

  it('has no result before the end', () => {
    expect(() => new HashingStream().result()).toThrow(/before the stream ended/);
  });
});

function discard(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}
