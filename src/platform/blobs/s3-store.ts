import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { AppError, notFound } from '../errors.js';
import { checkRange, isSha256, rangeNotSatisfiable, shardedAddress } from './address.js';
import type { BlobInfo, BlobStore, ByteRange, FixityResult } from './blob-store.js';
import { type HashOptions, hashInto, hashStream } from './hashing.js';

export interface S3BlobStoreOptions {
  /** S3-compatible endpoint (MinIO, Ceph RGW); undefined for AWS. */
  readonly endpoint?: string;
  readonly region: string;
  readonly bucket: string;
  /** Both or neither; neither means the SDK's default credential chain. */
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  readonly forcePathStyle: boolean;
  /** Key prefix inside the bucket, e.g. `blobs/`. */
  readonly prefix: string;
  /** Local directory for spooling incoming content while it is hashed (the key is its SHA-256). */
  readonly tmpDir: string;
  /** ListObjectsV2 page size (1–1000); tests use a small one to exercise pagination. */
  readonly listPageSize?: number;
}

const MIN_PART_SIZE = 8 * 1024 * 1024;
const MAX_PARTS = 9_000; // S3 allows 10,000; keep headroom

/**
 * Blobs as objects `<prefix>sha256/<aa>/<bb>/<sha256>` with metadata `sha256` and `sm3`. Content is
 * spooled to `tmpDir` while hashing (its key is only known at the end), then uploaded from that file
 * with a multipart upload; an existing key is not uploaded again.
 */
export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const { bucket, tmpDir } = options;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined,
    // SDK ≥ 3.729 otherwise sends CRC32 trailers in aws-chunked bodies, which s3rver and older
    // MinIO/Ceph store verbatim or reject; our own SHA-256/SM3 verify the content anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const treePrefix = `${options.prefix}sha256/`;
  const keyOf = (sha256: string) => treePrefix + shardedAddress(sha256).relative.join('/');

  async function put(source: Readable, hashOptions: HashOptions = {}): Promise<BlobInfo> {
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    try {
      const info = await hashInto(source, createWriteStream(tmp, { flags: 'wx', mode: 0o600 }), hashOptions);
      const key = keyOf(info.sha256);
      if ((await head(key)) === undefined) await upload(key, tmp, info);
      return info;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async function upload(key: string, file: string, info: BlobInfo): Promise<void> {
    const uploader = new Upload({
      client,
      params: {
        Bucket: bucket,
        Key: key,
        Body: createReadStream(file),
        ContentLength: info.size,
        ContentType: 'application/octet-stream',
        Metadata: { sha256: info.sha256, sm3: info.sm3 },
      },
      partSize: Math.max(MIN_PART_SIZE, Math.ceil(info.size / MAX_PARTS)),
      queueSize: 4,
      leavePartsOnError: false,
    });
    await uploader.done();
  }

  async function head(key: string): Promise<{ readonly size: number } | undefined> {
    try {
      const output = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: output.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async function get(sha256: string, range?: ByteRange): Promise<Readable> {
    const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
    try {
      const output = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(sha256), Range }));
      if (!(output.Body instanceof Readable)) throw new Error('S3 GetObject returned no Node.js stream');
      return output.Body;
    } catch (error) {
      if (isNotFound(error)) throw notFound('blob_not_found', '存储的内容不存在');
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 416) throw rangeNotSatisfiable();
      throw error;
    }
  }

  async function verify(sha256: string): Promise<FixityResult> {
    const address = shardedAddress(sha256).sha256;
    let body: Readable;
    try {
      body = await get(address);
    } catch (error) {
      if (error instanceof AppError && error.code === 'blob_not_found') return { sha256: address, ok: false, problem: 'missing' };
      throw error;
    }
    const actual = await hashStream(body);
    return actual.sha256 === address
      ? { sha256: address, ok: true }
      : { sha256: address, ok: false, problem: 'altered', actualSha256: actual.sha256 };
  }

  async function* list(): AsyncIterable<string> {
    const pages = paginateListObjectsV2({ client, pageSize: options.listPageSize ?? 1000 }, { Bucket: bucket, Prefix: treePrefix });
    for await (const page of pages) {
      for (const object of page.Contents ?? []) {
        const name = object.Key?.slice(treePrefix.length) ?? '';
        const [first, second, sha256, ...rest] = name.split('/');
        if (rest.length === 0 && sha256 !== undefined && isSha256(sha256) && `${first}${second}` === sha256.slice(0, 4)) yield sha256;
      }
    }
  }

  return {
    kind: 's3',
    put,
    putFile: (file) => put(createReadStream(file)),
    adoptFile: async (file) => {
      const info = await put(createReadStream(file));
      await rm(file, { force: true });
      return info;
    },
    stat: (sha256) => head(keyOf(sha256)),
    open: async (sha256, range) => {
      if (range) checkRange(range);
      return get(sha256, range);
    },
    verify,
    list,
    dispose: async (sha256) => {
      if (!isSha256(sha256)) return false;
      const existed = (await head(keyOf(sha256))) !== undefined;
      // A bucket with Object Lock refuses this until the retention it sets has passed: the error is the answer.
      if (existed) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
      return existed;
    },
  };
}

/** The key is absent (HeadObject answers a bare 404, GetObject NoSuchKey); a missing bucket is not that. */
const isNotFound = (error: unknown): boolean =>
  error instanceof S3ServiceException &&
  error.name !== 'NoSuchBucket' &&
  (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);
