import { createHash, type Hash } from 'node:crypto';
import { type Readable, Transform, type TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { invalid } from '../errors.js';
import type { BlobInfo } from './blob-store.js';

export interface HashOptions {
  /** Refuse the content once more than this many bytes have passed. */
  readonly maxBytes?: number;
}

/**
 * A pass-through that feeds every chunk to SHA-256 and SM3 and counts bytes, so one read of the
 * content yields both digests. Fails with `file_too_large` as soon as `maxBytes` is exceeded.
 */
export class HashingStream extends Transform {
  readonly #sha256: Hash = createHash('sha256');
  readonly #sm3: Hash = createHash('sm3');
  readonly #maxBytes: number | undefined;
  #size = 0;
  #result: BlobInfo | undefined;

  constructor(options: HashOptions = {}) {
    super();
    this.#maxBytes = options.maxBytes;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#size += chunk.length;
    if (this.#maxBytes !== undefined && this.#size > this.#maxBytes) {
      callback(tooLarge(this.#maxBytes));
      return;
    }
    this.#sha256.update(chunk);
    this.#sm3.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.#result = { sha256: this.#sha256.digest('hex'), sm3: this.#sm3.digest('hex'), size: this.#size };
    callback();
  }

  /** The digests and length; only available once the whole content went through. */
  result(): BlobInfo {
    if (this.#result === undefined) throw new Error('HashingStream.result() called before the stream ended');
    return this.#result;
  }
}

export const tooLarge = (maxBytes: number) => invalid('file_too_large', `文件超过大小上限（${maxBytes} 字节）`);

/**
 * Streams `source` through the hasher into `destination` (one pass, backpressure respected, no
 * whole-content buffer). On any failure every stream is destroyed and the error is rethrown; the
 * caller removes whatever `destination` had written.
 */
export async function hashInto(source: Readable, destination: Writable, options: HashOptions = {}): Promise<BlobInfo> {
  const hasher = new HashingStream(options);
  try {
    await pipeline(source, hasher, destination);
  } finally {
    // A file stream destroyed before it finished opening still creates its file afterwards: wait
    // until it has closed, so the caller's clean-up runs after the file exists, not before.
    if (!destination.closed) await new Promise<void>((resolve) => destination.once('close', () => resolve()));
  }
  return hasher.result();
}

/** Hashes a stream, discarding the bytes (fixity checks). */
export function hashStream(source: Readable): Promise<BlobInfo> {
  return hashInto(source, discard());
}

const discard = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
