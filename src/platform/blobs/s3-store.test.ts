import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../../test/support/s3-server.js';
import { createBlobStore } from './index.js';

describe('s3 blob store objects', () => {
  let s3: TestS3Server;
  let tmpDir: string;
  beforeAll(async () => {
    s3 = await startS3Server();
    tmpDir = await mkdtemp(path.join(os.tmpdir(), 'sanxiang-s3-objects-'));
  });
  afterAll(async () => {
    await s3.stop();
    await rm(tmpDir, { recursive: true, force: true });
  });

  it('keys objects by <prefix>sha256/<aa>/<bb>/<sha256> and records both digests as metadata', async () => {
    const store = await createBlobStore({ driver: 's3', ...s3, forcePathStyle: true, prefix: 'evidence/' }, tmpDir);
    expect(store.kind).toBe('s3');
    // 9 MB: above the 8 MiB part size, so this goes through a multipart upload
    const info = await store.put(Readable.from([Buffer.alloc(9 * 1024 * 1024, 7)]));
    const key = `evidence/sha256/${info.sha256.slice(0, 2)}/${info.sha256.slice(2, 4)}/${info.sha256}`;
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(head.ContentLength).toBe(info.size);
    expect(head.Metadata).toEqual({ sha256: info.sha256, sm3: info.sm3 });
  });
});
