import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Session, testDeps } from '../../../test/support/app.js';
import { buildApp } from '../../app.js';
import type { Config } from '../../config.js';
import type { BlobStore } from '../../platform/blobs/blob-store.js';
import { createFsBlobStore } from '../../platform/blobs/index.js';
import type { Db } from '../../platform/db/connect.js';
import { tusMetadata } from './testing.js';

/** A listening app with its own data dir (uploads) and blob directory, for evidence tests. */
export interface EvidenceTestApp {
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly blobs: BlobStore;
  readonly uploadsDir: string;
  close(): Promise<void>;
}

export async function startEvidenceApp(db: Db, overrides: Partial<Config> = {}): Promise<EvidenceTestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-evidence-'));
  const blobs = createFsBlobStore(path.join(dataDir, 'blobs'));
  const app = await buildApp({ ...testDeps(db, { dataDir, ...overrides }), blobs }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    blobs,
    uploadsDir: path.join(dataDir, 'uploads'),
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const GOOD_METADATA = { filename: '现场照片.jpg', kind: 'photo', recordedAt: '2026-03-01T10:20:30+08:00', sensitivity: 'general' };

/** Hand-written tus 1.0.0 requests over real HTTP, signed in as one user. */
export class TusTestClient {
  constructor(
    private readonly baseUrl: string,
    private readonly session: Session | undefined,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { 'Tus-Resumable': '1.0.0', ...(this.session?.headers ?? {}), ...extra };
  }

  create(length: number, metadata: Record<string, string> = GOOD_METADATA, extra: Record<string, string> = {}): Promise<Response> {
    const headers = this.headers({ 'Upload-Length': String(length), 'Upload-Metadata': tusMetadata(metadata), ...extra });
    return fetch(`${this.baseUrl}/api/uploads`, { method: 'POST', headers });
  }

  /** Creates an upload and returns its absolute URL (fails the test when creation fails). */
  async start(length: number, metadata: Record<string, string> = GOOD_METADATA): Promise<string> {
    const res = await this.create(length, metadata);
    if (res.status !== 201) throw new Error(`creation failed: ${res.status} ${await res.text()}`);
    return new URL(res.headers.get('location') ?? '', this.baseUrl).toString();
  }

  patch(url: string, offset: number, body: Uint8Array | ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<Response> {
    const headers = this.headers({ 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' });
    return fetch(url, { method: 'PATCH', headers, body, signal, duplex: 'half' });
  }

  head(url: string): Promise<Response> {
    return fetch(url, { method: 'HEAD', headers: this.headers() });
  }

  delete(url: string): Promise<Response> {
    return fetch(url, { method: 'DELETE', headers: this.headers() });
  }

  /** PATCHes `bytes` from `offset` in chunks of `chunk` bytes; returns the last response. */
  async send(url: string, bytes: Buffer, offset: number, chunk: number): Promise<Response> {
    let at = offset;
    for (;;) {
      const res = await this.patch(url, at, bytes.subarray(at, Math.min(bytes.length, at + chunk)));
      if (res.status !== 204) return res;
      at = Number(res.headers.get('upload-offset'));
      if (at >= bytes.length) return res;
    }
  }
}

/** The `{ code, message }` body of an error answer (fails the test on anything else). */
export async function errorBody(res: Response): Promise<{ code: string; message: string }> {
  const value: unknown = JSON.parse(await res.text());
  if (typeof value === 'object' && value !== null && 'code' in value && 'message' in value) {
    if (typeof value.code === 'string' && typeof value.message === 'string') return { code: value.code, message: value.message };
  }
  throw new Error(`not an error body: ${JSON.stringify(value)}`);
}
