import type { Readable } from 'node:stream';

/** What the store knows of one stored content: its two digests (hex) and its length in bytes. */
export interface BlobInfo {
  readonly sha256: string;
  readonly sm3: string;
  readonly size: number;
}

export interface ByteRange {
  /** First byte, inclusive. */
  readonly start: number;
  /** Last byte, inclusive. */
  readonly end: number;
}

export interface FixityResult {
  readonly sha256: string;
  readonly ok: boolean;
  /** 'missing' when the content is gone, 'altered' when it re-hashes to something else. */
  readonly problem?: 'missing' | 'altered';
  readonly actualSha256?: string;
}

/**
 * Content-addressed, write-once storage for evidence and documents. Content is addressed by its
 * SHA-256; SM3 is computed in the same streaming pass. Nothing is ever buffered whole in memory,
 * stored content is never modified, and storing the same bytes twice keeps one copy.
 *
 * Addresses are 64 lowercase hex digits (uppercase is accepted and lowercased); anything else is
 * refused with `invalid_blob_address` before it reaches a path or an object key.
 */
export interface BlobStore {
  readonly kind: 'fs' | 's3';
  /**
   * Streams the bytes in, hashing on the way; refuses more than `maxBytes` with `file_too_large`
   * (nothing is kept then). Storing bytes that are already stored keeps the existing copy untouched.
   */
  put(source: Readable, options?: { readonly maxBytes?: number }): Promise<BlobInfo>;
  /** Same as put, from a local file (e.g. a finished upload), without loading it into memory. */
  putFile(path: string): Promise<BlobInfo>;
  /**
   * Stores a local file the caller gives up (a finished upload): one hashing read pass, then the file
   * itself is moved into place when it can be (same filesystem), so large evidence is not copied.
   * The file no longer exists at `path` afterwards, whatever the outcome of deduplication.
   */
  adoptFile(path: string): Promise<BlobInfo>;
  /** Size of the stored content, or undefined when absent. */
  stat(sha256: string): Promise<{ readonly size: number } | undefined>;
  /**
   * A stream of the content, or of one inclusive byte range of it. Throws not_found
   * (`blob_not_found`) when absent. As in HTTP, an `end` past the content is cut to its last byte;
   * a `start` past it throws `range_not_satisfiable`, a malformed range `invalid_range`.
   */
  open(sha256: string, range?: ByteRange): Promise<Readable>;
  /** Re-hashes stored content and compares it with its address (fixity check). */
  verify(sha256: string): Promise<FixityResult>;
  /** Every stored address, once each, in ascending order. */
  list(): AsyncIterable<string>;
  /**
   * Deletes the content (and its SM3 sidecar): only for disposal at the end of retention, after the
   * disposal event is recorded (`disposeBlobs`). True when there was content to delete.
   */
  dispose(sha256: string): Promise<boolean>;
}
