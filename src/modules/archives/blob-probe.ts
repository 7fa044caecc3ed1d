import { checkFile, type FileCheckResult, type RandomAccessSource } from '../../platform/archive/file-checks.js';
import type { BlobStore } from '../../platform/blobs/index.js';

export type FileProbe = FileCheckResult;

/**
 * A stored blob read by ranges, so the 可用性/安全性 probes of a multi-gigabyte video read its boxes
 * and not its whole content.
 */
async function blobSource(blobs: BlobStore, sha256: string): Promise<RandomAccessSource> {
  const stat = await blobs.stat(sha256);
  const size = stat?.size ?? 0;
  return {
    size,
    async read(start: number, length: number): Promise<Buffer> {
      const end = Math.min(size, start + length) - 1;
      if (length <= 0 || start >= size || end < start) return Buffer.alloc(0);
      const chunks: Buffer[] = [];
      for await (const chunk of await blobs.open(sha256, { start, end })) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      return Buffer.concat(chunks);
    },
  };
}

export async function probeBlob(blobs: BlobStore, sha256: string, declared: { mediaType: string; fileName: string }): Promise<FileProbe> {
  return checkFile(await blobSource(blobs, sha256), declared);
}
