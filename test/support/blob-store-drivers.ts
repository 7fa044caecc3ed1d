import { chmod, mkdir, mkdtemp, open, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { BlobStore } from '../../src/platform/blobs/blob-store.js';
import { createFsBlobStore } from '../../src/platform/blobs/fs-store.js';
import { createS3BlobStore } from '../../src/platform/blobs/s3-store.js';
import { startS3Server, type TestS3Server } from './s3-server.js';

/** A fresh, empty store plus the back doors the shared tests need. Test-only. */
export interface StoreHarness {
  readonly store: BlobStore;
  /** Where the driver spools incoming content. */
  readonly tmpDir: string;
  /** Flips one bit of the stored content, behind the store's back. */
  tamper(sha256: string): Promise<void>;
  /** Deletes the stored content, behind the store's back. */
  remove(sha256: string): Promise<void>;
  cleanup(): Promise<void>;
}

export interface Driver {
  readonly name: 'fs' | 's3';
  setup(): Promise<void>;
  teardown(): Promise<void>;
  create(): Promise<StoreHarness>;
}

const shard = (sha256: string) => [sha256.slice(0, 2), sha256.slice(2, 4), sha256] as const;

export const tmpEntries = async (dir: string): Promise<string[]> => readdir(dir).catch(() => []);

export const fsDriver: Driver = {
  name: 'fs',
  setup: async () => {},
  teardown: async () => {},
  async create() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sanxiang-blobs-fs-'));
    const file = (sha256: string) => path.join(dir, 'sha256', ...shard(sha256));
    return {
      store: createFsBlobStore(dir),
      tmpDir: path.join(dir, 'tmp'),
      async tamper(sha256) {
        await chmod(file(sha256), 0o644);
        const handle = await open(file(sha256), 'r+');
        try {
          const byte = Buffer.alloc(1);
          await handle.read(byte, 0, 1, 0);
          byte[0] = (byte[0] ?? 0) ^ 0x01;
          await handle.write(byte, 0, 1, 0);
        } finally {
          await handle.close();
        }
        await chmod(file(sha256), 0o444);
      },
      remove: (sha256) => rm(file(sha256)),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  },
};

let server: TestS3Server | undefined;
let storeCount = 0;

export const s3Driver: Driver = {
  name: 's3',
  async setup() {
    server = await startS3Server();
  },
  async teardown() {
    await server?.stop();
    server = undefined;
  },
  async create() {
    const s3 = server;
    if (!s3) throw new Error('s3Driver.setup() was not run');
    storeCount += 1;
    const prefix = `store-${storeCount}/`; // a fresh, empty store per test on the one server
    const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'sanxiang-blobs-s3-'));
    const key = (sha256: string) => `${prefix}sha256/${shard(sha256).join('/')}`;
    const store = createS3BlobStore({ ...s3, forcePathStyle: true, prefix, tmpDir: path.join(tmpDir, 'spool'), listPageSize: 2 });
    await mkdir(path.join(tmpDir, 'spool'));
    return {
      store,
      tmpDir: path.join(tmpDir, 'spool'),
      async tamper(sha256) {
        const current = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key(sha256) }));
        const bytes = Buffer.from((await current.Body?.transformToByteArray()) ?? []);
        bytes[0] = (bytes[0] ?? 0) ^ 0x01;
        await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key(sha256), Body: bytes, Metadata: current.Metadata }));
      },
      remove: async (sha256) => {
        await s3.client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: key(sha256) }));
      },
      cleanup: () => rm(tmpDir, { recursive: true, force: true }),
    };
  },
};
