import type { BlobsConfig } from '../../config.js';
import type { BlobStore, FixityResult } from './blob-store.js';
import { createFsBlobStore } from './fs-store.js';

export type { BlobInfo, BlobStore, ByteRange, FixityResult } from './blob-store.js';
export { BLOB_DISPOSED, type Disposal, disposedAddress, recordDisposals } from './disposal.js';
export { createFsBlobStore } from './fs-store.js';
export { HashingStream, hashInto, hashStream } from './hashing.js';
export type { S3BlobStoreOptions } from './s3-store.js';

/**
 * The configured store. `tmpDir` is where the s3 driver spools incoming content while hashing it
 * (use a disk-backed directory in the data dir, not a tmpfs: uploads can be several GB); the fs
 * driver keeps its own `<dir>/tmp/` and ignores it.
 */
export async function createBlobStore(config: BlobsConfig, tmpDir: string): Promise<BlobStore> {
  if (config.driver === 'fs') return createFsBlobStore(config.dir);
  // The AWS SDK is loaded only when S3 is configured: it costs an embedded install ~15 MB of memory.
  const { createS3BlobStore } = await import('./s3-store.js');
  return createS3BlobStore({
    endpoint: config.endpoint,
    region: config.region,
    bucket: config.bucket,
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    forcePathStyle: config.forcePathStyle,
    prefix: config.prefix,
    tmpDir,
  });
}

export interface FixityReport {
  /** Addresses looked at (every one `list` yielded). */
  readonly checked: number;
  /** Every result that was not ok, in list order. */
  readonly failures: FixityResult[];
  /** Bytes re-hashed (sizes of the blobs present at check time). */
  readonly bytes: number;
}

/**
 * Re-hashes every stored blob, one at a time, and reports the failures. `onResult` sees each result
 * as it comes (progress, events); it may be async and is awaited. Storage errors other than a
 * missing blob (network, permissions) end the check by rejecting.
 */
export async function checkFixity(store: BlobStore, onResult?: (result: FixityResult) => void | Promise<void>): Promise<FixityReport> {
  const failures: FixityResult[] = [];
  let checked = 0;
  let bytes = 0;
  for await (const sha256 of store.list()) {
    const stat = await store.stat(sha256);
    const result: FixityResult = stat === undefined ? { sha256, ok: false, problem: 'missing' } : await store.verify(sha256);
    checked += 1;
    if (stat !== undefined) bytes += stat.size;
    if (!result.ok) failures.push(result);
    await onResult?.(result);
  }
  return { checked, failures, bytes };
}
