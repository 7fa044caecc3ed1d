import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import type { FastifyBaseLogger } from 'fastify';
import type { UserActor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import type { AppContext } from '../../platform/http/context.js';
import { HTTP_STATUS } from '../../platform/http/error-mapper.js';
import { DbLocker } from './db-locker.js';
import { ingestEvidence } from './evidence-service.js';
import { parseUploadMetadata, storedMetadata, UPLOADER_KEY } from './metadata.js';
import { sniffEvidenceType } from './sniff.js';

export const UPLOAD_PATH = '/api/uploads';
/** Incomplete uploads are removed this long after they were created. */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;
const UPLOAD_ID = /^[0-9a-f]{32}$/;

export const uploadDirOf = (dataDir: string) => path.join(dataDir, 'uploads');

/** The upload id in a path under /api/uploads/, or undefined when it names none. */
export function uploadIdOf(pathname: string): string | undefined {
  const id = pathname.startsWith(`${UPLOAD_PATH}/`) ? pathname.slice(UPLOAD_PATH.length + 1) : '';
  return UPLOAD_ID.test(id) ? id : undefined;
}

/** Removes an upload's bytes and its info file (either may already be gone). */
export async function discardUpload(dir: string, id: string): Promise<void> {
  await rm(path.join(dir, id), { force: true });
  await rm(path.join(dir, `${id}.json`), { force: true });
}

const json = (status: number, code: string, message: string) => ({
  status_code: status,
  body: JSON.stringify({ code, message }),
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
});

/** tus's own errors, given codes and Chinese messages like the rest of the API. */
const TUS_ERRORS: Readonly<Record<number, { code: string; message: string }>> = {
  400: { code: 'invalid_upload_request', message: '上传请求不正确' },
  403: { code: 'forbidden', message: '无权执行此操作' },
  404: { code: 'upload_not_found', message: '上传不存在或已被删除' },
  409: { code: 'upload_offset_mismatch', message: '上传位置与服务器记录不一致,请重新获取进度后续传' },
  410: { code: 'upload_expired', message: '上传已过期,请重新上传' },
  412: { code: 'tus_version_required', message: '缺少 Tus-Resumable 请求头' },
  413: { code: 'file_too_large', message: '文件超过允许的大小' },
  415: { code: 'unsupported_media_type', message: '上传内容类型应为 application/offset+octet-stream' },
  460: { code: 'checksum_mismatch', message: '校验和不一致' },
};

export interface UploadService {
  readonly tus: Server;
  readonly datastore: FileStore;
  readonly dir: string;
  /** Who sent each request being handled by tus (set before the request is handed over). */
  readonly actors: WeakMap<object, UserActor>;
}

/**
 * tus 1.0.0 (creation, expiration, termination) over a FileStore in `<data dir>/uploads`, with a
 * database locker so several processes can serve the same uploads. A finished upload is sniffed,
 * put into the blob store and recorded as evidence; its temporary files are then removed.
 */
export function createUploadService(ctx: AppContext, log: FastifyBaseLogger): UploadService {
  const dir = uploadDirOf(ctx.config.dataDir);
  mkdirSync(dir, { recursive: true });
  const datastore = new FileStore({ directory: dir, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
  // Not advertised: deferred length (the limit is checked at creation) and data in the creation request.
  datastore.extensions = ['creation', 'termination', 'expiration'];
  const locker = new DbLocker(ctx.db.kysely);
  const actors = new WeakMap<object, UserActor>();
  const actorOf = (req: { runtime?: { node?: { req: object } } }): UserActor => {
    const raw = req.runtime?.node?.req;
    const actor = raw && actors.get(raw);
    if (!actor) throw new AppError('unauthenticated', 'not_authenticated', '请先登录');
    return actor;
  };

  const finish = async (actor: UserActor, upload: Upload) => {
    // tus unlocks before this hook: hold the lock again so a repeated final PATCH cannot ingest twice.
    const lock = locker.newLock(upload.id);
    await lock.lock(new AbortController().signal, () => undefined);
    try {
      const current = await datastore.getUpload(upload.id).catch(() => undefined);
      if (!current || current.offset !== current.size) return json(404, 'upload_not_found', '上传不存在或已处理');
      const metadata = parseUploadMetadata(current.metadata);
      const file = path.join(dir, upload.id);
      const sniffed = await sniffEvidenceType(file, metadata.filename);
      if (!sniffed.allowed) {
        await discardUpload(dir, upload.id);
        return json(415, 'file_type_not_allowed', `不支持的文件类型:${sniffed.detected}`);
      }
      // The finished upload is moved into the blob store, not copied: one read pass to hash it.
      const blob = await ctx.blobs.adoptFile(file);
      let evidenceId: string;
      try {
        evidenceId = await ingestEvidence(ctx.db.kysely, actor, { metadata, blob, mediaType: sniffed.mediaType });
      } catch (error) {
        // Put the bytes back where the upload was, so the client can simply repeat the final PATCH.
        await pipeline(await ctx.blobs.open(blob.sha256), createWriteStream(file));
        throw error;
      }
      // Recorded: a failure to tidy up must not turn into an error the client would retry.
      await discardUpload(dir, upload.id).catch((error: unknown) =>
        log.warn({ err: error, uploadId: upload.id }, 'could not remove upload'),
      );
      return { headers: { 'X-Evidence-Id': evidenceId } };
    } finally {
      await lock.unlock();
    }
  };

  const tus = new Server({
    path: UPLOAD_PATH,
    datastore,
    locker,
    maxSize: ctx.config.uploadMaxBytes,
    relativeLocation: true,
    // Same origin only: no Access-Control-Allow-Origin at all.
    allowedOrigins: () => false,
    namingFunction: () => randomBytes(16).toString('hex'),
    getFileIdFromRequest: (req) => uploadIdOf(new URL(req.url).pathname),
    async onUploadCreate(req, upload) {
      const actor = actorOf(req);
      return { metadata: storedMetadata(parseUploadMetadata(upload.metadata), actor.userId) };
    },
    onUploadFinish: (req, upload) => finish(actorOf(req), upload),
    onResponseError(_req, error) {
      if (error instanceof AppError) return json(HTTP_STATUS[error.kind], error.code, error.message);
      if (!(error instanceof Error) && error.body.startsWith('{')) return undefined;
      const status = error instanceof Error ? 500 : error.status_code;
      if (status >= 500) log.error({ err: error }, 'upload failed');
      const known = TUS_ERRORS[status] ?? { code: 'upload_failed', message: '上传处理失败,请稍后重试' };
      return json(status, known.code, known.message);
    },
  });
  return { tus, datastore, dir, actors };
}

/** The uploader recorded at creation, or undefined for an unknown upload. */
export async function uploaderOf(service: UploadService, id: string): Promise<string | undefined> {
  const upload = await service.datastore.getUpload(id).catch(() => undefined);
  return upload?.metadata?.[UPLOADER_KEY] ?? undefined;
}
