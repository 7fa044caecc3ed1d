import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { notFound } from '../errors.js';
import { checkRange, isSha256, rangeNotSatisfiable, shardedAddress } from './address.js';
import type { BlobInfo, BlobStore, ByteRange, FixityResult } from './blob-store.js';
import { type HashOptions, hashInto, hashStream } from './hashing.js';

const READ_ONLY = 0o444;
const SIDECAR = '.sm3';

/**
 * Blobs as read-only files under `<dir>/sha256/<aa>/<bb>/<sha256>`, each with a read-only
 * `<sha256>.sm3` sidecar holding its SM3. Incoming bytes go to `<dir>/tmp/` first (same file system,
 * so the final rename is atomic), are fsynced, then renamed into place and the directory fsynced.
 */
export function createFsBlobStore(dir: string): BlobStore {
  const root = path.resolve(dir);
  const tmpDir = path.join(root, 'tmp');
  const treeDir = path.join(root, 'sha256');
  const blobPath = (sha256: string) => path.join(treeDir, ...shardedAddress(sha256).relative);

  async function put(source: Readable, options: HashOptions = {}): Promise<BlobInfo> {
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    try {
      // flush: the stream fsyncs the file before closing it.
      const info = await hashInto(source, createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true }), options);
      await chmod(tmp, READ_ONLY);
      await settle(tmp, info);
      return info;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async function adoptFile(file: string): Promise<BlobInfo> {
    await mkdir(tmpDir, { recursive: true });
    const own = path.join(tmpDir, `${randomUUID()}.adopt`);
    try {
      await rename(file, own);
    } catch (error) {
      // Another filesystem: copy through the normal path instead.
      if (!(error instanceof Error && 'code' in error && error.code === 'EXDEV')) throw error;
      const info = await put(createReadStream(file));
      await rm(file, { force: true });
      return info;
    }
    try {
      const info = await hashStream(createReadStream(own));
      const handle = await open(own, 'r');
      try {
        await handle.sync(); // the upload was written without fsync
      } finally {
        await handle.close();
      }
      await chmod(own, READ_ONLY);
      await settle(own, info);
      return info;
    } finally {
      await rm(own, { force: true });
    }
  }

  /** Moves a finished temp file to its address, unless that address is already taken (dedup). */
  async function settle(tmp: string, info: BlobInfo): Promise<void> {
    const target = blobPath(info.sha256);
    const leafDir = path.dirname(target);
    const created = await mkdir(leafDir, { recursive: true });
    if (created !== undefined) await syncDirs(path.dirname(leafDir), treeDir, root); // new directory entries
    // The sidecar goes first, so a blob in place always has one (a crash in between leaves only a
    // sidecar, which list ignores and the next put of the same bytes completes).
    let renamed = await writeSidecar(target, info.sm3);
    // An existing copy stays untouched (never overwritten, even if it were altered); the caller removes tmp.
    if (!(await exists(target))) {
      await rename(tmp, target);
      renamed = true;
    }
    if (renamed) await syncDirs(leafDir);
  }

  /** Writes `<blob>.sm3` unless present; true when it was written. */
  async function writeSidecar(target: string, sm3: string): Promise<boolean> {
    const sidecar = target + SIDECAR;
    if (await exists(sidecar)) return false;
    const tmp = path.join(tmpDir, `${randomUUID()}.sm3`);
    try {
      await writeFile(tmp, `${sm3}\n`, { flag: 'wx', mode: READ_ONLY, flush: true });
      await rename(tmp, sidecar);
      return true;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async function statBlob(sha256: string) {
    try {
      const stats = await stat(blobPath(sha256));
      return stats.isFile() ? { size: stats.size } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async function openBlob(sha256: string, range?: ByteRange): Promise<Readable> {
    if (range) checkRange(range);
    const file = blobPath(sha256);
    const handle = await open(file, 'r').catch((error: unknown) => {
      throw isMissing(error) ? notFound('blob_not_found', '存储的内容不存在') : error;
    });
    try {
      if (!range) return handle.createReadStream();
      const { size } = await handle.stat();
      if (range.start >= size) throw rangeNotSatisfiable();
      return handle.createReadStream({ start: range.start, end: Math.min(range.end, size - 1) });
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async function verify(sha256: string): Promise<FixityResult> {
    const file = blobPath(sha256);
    const address = shardedAddress(sha256).sha256;
    try {
      const actual = await hashStream(createReadStream(file));
      return actual.sha256 === address
        ? { sha256: address, ok: true }
        : { sha256: address, ok: false, problem: 'altered', actualSha256: actual.sha256 };
    } catch (error) {
      if (isMissing(error)) return { sha256: address, ok: false, problem: 'missing' };
      throw error;
    }
  }

  async function* list(): AsyncIterable<string> {
    for (const first of await sortedEntries(treeDir)) {
      for (const second of await sortedEntries(path.join(treeDir, first))) {
        for (const name of await sortedEntries(path.join(treeDir, first, second))) {
          if (isSha256(name) && name.startsWith(first + second)) yield name;
        }
      }
    }
  }

  async function dispose(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    const target = blobPath(sha256);
    const existed = await exists(target);
    // Removing a directory entry needs no write permission on the read-only file itself.
    await rm(target, { force: true });
    await rm(`${target}${SIDECAR}`, { force: true });
    if (existed) await syncDirs(path.dirname(target));
    return existed;
  }

  return {
    kind: 'fs',
    put,
    putFile: (file) => put(createReadStream(file)),
    adoptFile,
    stat: statBlob,
    open: openBlob,
    verify,
    list,
    dispose,
  };
}

async function syncDirs(...dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

async function sortedEntries(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

const isMissing = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
