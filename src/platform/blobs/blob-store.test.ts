import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Driver, fsDriver, type StoreHarness, s3Driver, tmpEntries } from '../../../test/support/blob-store-drivers.js';
import { AppError } from '../errors.js';
import { hashStream } from './hashing.js';
import { checkFixity } from './index.js';

const ABC_SM3 = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
const sha256Of = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const bytes = (text: string) => Readable.from([Buffer.from(text)]);
const collect = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
};
const listAll = async (iterable: AsyncIterable<string>): Promise<string[]> => {
  const result: string[] = [];
  for await (const sha256 of iterable) result.push(sha256);
  return result;
};
const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

/** ~20 MB in 64 KiB chunks, generated lazily; `expected` is hashed on the side as chunks go out. */
function generated(totalBytes: number) {
  const expected = createHash('sha256');
  async function* chunks() {
    const chunk = Buffer.alloc(64 * 1024);
    for (let offset = 0; offset < totalBytes; offset += chunk.length) {
      const part = chunk.subarray(0, Math.min(chunk.length, totalBytes - offset));
      for (let i = 0; i < part.length; i++) part[i] = (offset + i * 31) & 0xff;
      expected.update(part);
      yield Buffer.from(part);
    }
  }
  return { stream: Readable.from(chunks()), expected };
}

describe.each<Driver>([fsDriver, s3Driver])('$name blob store', (driver) => {
  let h: StoreHarness;
  beforeAll(() => driver.setup());
  afterAll(() => driver.teardown());
  beforeEach(async () => {
    h = await driver.create();
  });
  afterEach(() => h.cleanup());

  it('reports SHA-256, SM3 and size of known inputs', async () => {
    const info = await h.store.put(bytes('abc'));
    expect(info).toEqual({ sha256: sha256Of('abc'), sm3: ABC_SM3, size: 3 });
    const empty = await h.store.put(Readable.from([]));
    expect(empty.sha256).toBe(sha256Of(''));
    expect(empty.size).toBe(0);
    expect(await h.store.stat(empty.sha256)).toEqual({ size: 0 });
  });

  it('disposes of content: gone from stat, open and list; a second disposal finds nothing', async () => {
    const kept = await h.store.put(bytes('kept'));
    const gone = await h.store.put(bytes('retention ended'));
    expect(await h.store.dispose(gone.sha256)).toBe(true);
    expect(await h.store.stat(gone.sha256)).toBeUndefined();
    await expect(h.store.open(gone.sha256)).rejects.toMatchObject({ code: 'blob_not_found' });
    expect(await listAll(h.store.list())).toEqual([kept.sha256]);
    expect(await h.store.dispose(gone.sha256)).toBe(false);
    expect(await h.store.dispose('not-an-address')).toBe(false);
    // The same bytes stored again are stored again (disposal is of content, not a ban on it).
    expect(await h.store.put(bytes('retention ended'))).toEqual(gone);
  });

  it('keeps one copy when the same bytes are stored twice', async () => {
    const first = await h.store.put(bytes('evidence'));
    const second = await h.store.put(Readable.from([Buffer.from('evi'), Buffer.from('dence')]));
    expect(second).toEqual(first);
    expect(await listAll(h.store.list())).toEqual([first.sha256]);
    expect(await tmpEntries(h.tmpDir)).toEqual([]);
    expect((await h.store.verify(first.sha256)).ok).toBe(true);
  });

  it('never overwrites stored content, even with the right bytes', async () => {
    const info = await h.store.put(bytes('original'));
    await h.tamper(info.sha256);
    expect(await h.store.put(bytes('original'))).toEqual(info);
    expect(await h.store.verify(info.sha256)).toMatchObject({ ok: false, problem: 'altered' });
  });

  it('streams a 20 MB put and reads it back', async () => {
    const size = 20 * 1024 * 1024 + 123;
    const { stream, expected } = generated(size);
    const info = await h.store.put(stream);
    expect(info.size).toBe(size);
    expect(info.sha256).toBe(expected.digest('hex'));
    expect(await h.store.stat(info.sha256)).toEqual({ size });
    const readBack = await hashStream(await h.store.open(info.sha256));
    expect(readBack).toEqual(info);
    expect(await h.store.verify(info.sha256)).toEqual({ sha256: info.sha256, ok: true });
  });

  it('stores a local file with putFile', async () => {
    const file = path.join(h.tmpDir, '..', 'upload.bin');
    await writeFile(file, 'from a finished upload');
    const info = await h.store.putFile(file);
    expect(info.sha256).toBe(sha256Of('from a finished upload'));
    expect((await collect(await h.store.open(info.sha256))).toString()).toBe('from a finished upload');
  });

  it('adopts a finished upload: the file moves in (gone from its place), twice the same bytes keep one copy', async () => {
    const first = path.join(h.tmpDir, '..', 'adopt-1.bin');
    const second = path.join(h.tmpDir, '..', 'adopt-2.bin');
    await writeFile(first, 'adopted evidence bytes');
    await writeFile(second, 'adopted evidence bytes');
    const before = (await listAll(h.store.list())).length;
    const info = await h.store.adoptFile(first);
    expect(info).toMatchObject({ sha256: sha256Of('adopted evidence bytes'), size: 22 });
    expect(await h.store.adoptFile(second)).toEqual(info);
    expect(existsSync(first)).toBe(false);
    expect(existsSync(second)).toBe(false);
    expect(await listAll(h.store.list())).toHaveLength(before + 1);
    expect((await collect(await h.store.open(info.sha256))).toString()).toBe('adopted evidence bytes');
    expect((await h.store.verify(info.sha256)).ok).toBe(true);
  });

  it('refuses content over maxBytes and keeps nothing', async () => {
    await h.store.put(bytes('already here'));
    const before = await listAll(h.store.list());
    const { stream } = generated(300_000);
    const error = await rejection(h.store.put(stream, { maxBytes: 100_000 }));
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('file_too_large');
    expect(await listAll(h.store.list())).toEqual(before);
    expect(await tmpEntries(h.tmpDir)).toEqual([]);
    // exactly at the limit is fine
    expect((await h.store.put(bytes('12345'), { maxBytes: 5 })).size).toBe(5);
  });

  it('keeps nothing when the source fails midway', async () => {
    async function* failing() {
      yield Buffer.from('partial');
      throw new Error('client went away');
    }
    await expect(h.store.put(Readable.from(failing()))).rejects.toThrow('client went away');
    expect(await listAll(h.store.list())).toEqual([]);
    expect(await tmpEntries(h.tmpDir)).toEqual([]);
  });

  it('reads inclusive byte ranges', async () => {
    const content = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const { sha256 } = await h.store.put(bytes(content));
    const read = async (start: number, end: number) => (await collect(await h.store.open(sha256, { start, end }))).toString();
    expect(await read(0, 0)).toBe('a');
    expect(await read(10, 19)).toBe('klmnopqrst');
    expect(await read(35, 35)).toBe('9');
    expect(await read(30, 1000)).toBe('456789'); // an end past the content is cut, as in HTTP
    expect((await rejection(h.store.open(sha256, { start: 36, end: 40 }))).code).toBe('range_not_satisfiable');
    expect((await rejection(h.store.open(sha256, { start: 5, end: 4 }))).code).toBe('invalid_range');
  });

  it('answers absent content with blob_not_found and malformed addresses with invalid', async () => {
    const absent = sha256Of('never stored');
    const error = await rejection(h.store.open(absent));
    expect([error.kind, error.code]).toEqual(['not_found', 'blob_not_found']);
    expect(await h.store.stat(absent)).toBeUndefined();
    expect((await rejection(h.store.open('../../etc/passwd'))).code).toBe('invalid_blob_address');
  });

  it('verify detects altered and missing content', async () => {
    const altered = await h.store.put(bytes('altered later'));
    const removed = await h.store.put(bytes('removed later'));
    await h.tamper(altered.sha256);
    await h.remove(removed.sha256);
    const alteredResult = await h.store.verify(altered.sha256);
    expect(alteredResult).toMatchObject({ sha256: altered.sha256, ok: false, problem: 'altered' });
    expect(alteredResult.actualSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(alteredResult.actualSha256).not.toBe(altered.sha256);
    expect(await h.store.verify(removed.sha256)).toEqual({ sha256: removed.sha256, ok: false, problem: 'missing' });
  });

  it('lists every stored address once, in order, across pages', async () => {
    const infos = await Promise.all(['one', 'two', 'three', 'four', 'five'].map((text) => h.store.put(bytes(text))));
    await h.store.put(bytes('three'));
    expect(await listAll(h.store.list())).toEqual(infos.map((info) => info.sha256).sort());
  });

  it('checkFixity verifies everything and reports failures and bytes', async () => {
    const good = await h.store.put(bytes('good'));
    const bad = await h.store.put(bytes('bad content'));
    await h.tamper(bad.sha256);
    const seen: string[] = [];
    const report = await checkFixity(h.store, (result) => {
      seen.push(result.sha256);
    });
    expect(report.checked).toBe(2);
    expect(report.bytes).toBe(good.size + bad.size);
    expect(report.failures).toEqual([expect.objectContaining({ sha256: bad.sha256, problem: 'altered' })]);
    expect(seen.sort()).toEqual([good.sha256, bad.sha256].sort());
  });
});
