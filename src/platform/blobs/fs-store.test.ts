import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFsBlobStore } from './fs-store.js';

const bytes = (text: string) => Readable.from([Buffer.from(text)]);

describe('fs blob store layout', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sanxiang-fs-layout-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores read-only files under sha256/<aa>/<bb>/ with a read-only SM3 sidecar', async () => {
    const store = createFsBlobStore(dir);
    const info = await store.put(bytes('abc'));
    const leaf = path.join(dir, 'sha256', info.sha256.slice(0, 2), info.sha256.slice(2, 4));
    expect((await readdir(leaf)).sort()).toEqual([info.sha256, `${info.sha256}.sm3`]);
    expect((await stat(path.join(leaf, info.sha256))).mode & 0o777).toBe(0o444);
    expect((await stat(path.join(leaf, `${info.sha256}.sm3`))).mode & 0o777).toBe(0o444);
    expect((await readFile(path.join(leaf, `${info.sha256}.sm3`), 'utf8')).trim()).toBe(info.sm3);
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('restores a missing sidecar on the next put of the same bytes, and never lists sidecars', async () => {
    const store = createFsBlobStore(dir);
    const info = await store.put(bytes('sidecar'));
    const sidecar = path.join(dir, 'sha256', info.sha256.slice(0, 2), info.sha256.slice(2, 4), `${info.sha256}.sm3`);
    await rm(sidecar);
    await store.put(bytes('sidecar'));
    expect((await readFile(sidecar, 'utf8')).trim()).toBe(info.sm3);
    const listed: string[] = [];
    for await (const sha256 of store.list()) listed.push(sha256);
    expect(listed).toEqual([info.sha256]);
  });

  it('lists nothing for a directory that does not exist yet', async () => {
    const store = createFsBlobStore(path.join(dir, 'not-yet'));
    const listed: string[] = [];
    for await (const sha256 of store.list()) listed.push(sha256);
    expect(listed).toEqual([]);
  });
});
