import { Metadata } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { AppContext } from '../../platform/http/context.js';
import { parseUploadMetadata } from './metadata.js';
import { can } from './policy.js';
import { createUploadService, UPLOAD_PATH, type UploadService, uploaderOf, uploadIdOf } from './uploads.js';

/**
 * tus at /api/uploads, in its own encapsulated scope so the raw-body parser stays here. Everything
 * Fastify can answer as JSON is answered before the request is handed to tus: who is asking (the
 * session hook ran already, including the CSRF check on writes), the upload policy, the creation
 * metadata and size, and that an existing upload is the asker's own.
 */
export async function uploadRoutes(scope: FastifyInstance, ctx: AppContext): Promise<UploadService> {
  const service = createUploadService(ctx, scope.log);
  scope.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = requireUser(request.actor);
    authorize(can(actor, 'evidence.upload'), '只有执法人员和承办机构负责人可以上传证据');
    const pathname = request.url.split('?')[0] ?? '';
    if (request.method === 'POST') {
      const refusal = checkCreation(request, ctx.config.uploadMaxBytes);
      if (refusal) return reply.status(refusal.status).send(refusal.body);
    } else if (request.method !== 'OPTIONS') {
      const id = uploadIdOf(pathname);
      // Someone else's upload is as good as absent: ids are not to be probed.
      if (id === undefined || (await uploaderOf(service, id)) !== actor.userId) throw notFound('upload_not_found', '上传不存在或已被删除');
    }
    service.actors.set(request.raw, actor);
    reply.hijack();
    await service.tus.handle(request.raw, reply.raw).catch((error: unknown) => {
      request.log.warn({ err: error }, 'upload request ended with an error');
      if (!reply.raw.headersSent) reply.raw.writeHead(500).end();
    });
  };

  scope.route({ method: ['POST', 'OPTIONS'], url: UPLOAD_PATH, schema: { hide: true }, handler: handle });
  scope.route({ method: ['HEAD', 'PATCH', 'DELETE', 'OPTIONS'], url: `${UPLOAD_PATH}/*`, schema: { hide: true }, handler: handle });
  return service;
}

/** A creation request's problems, as the API's JSON errors (metadata 400, size 413). */
function checkCreation(request: FastifyRequest, maxBytes: number): { status: number; body: { code: string; message: string } } | undefined {
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  if (header('content-type')?.startsWith('application/offset+octet-stream')) {
    return { status: 400, body: { code: 'invalid_upload_request', message: '创建上传时不能同时发送文件内容' } };
  }
  const length = header('upload-length');
  if (length === undefined || !/^\d{1,16}$/.test(length)) {
    return { status: 400, body: { code: 'upload_length_required', message: '请在 Upload-Length 中说明文件大小' } };
  }
  if (Number(length) > maxBytes) {
    return { status: 413, body: { code: 'file_too_large', message: `文件超过允许的大小(${formatBytes(maxBytes)})` } };
  }
  try {
    const raw = header('upload-metadata');
    if (raw === undefined) throw invalid('invalid_upload_metadata', '上传信息不正确:缺少 Upload-Metadata');
    parseUploadMetadata(parseTusMetadata(raw));
  } catch (error) {
    const message = error instanceof Error ? error.message : '上传信息不正确';
    return { status: 400, body: { code: 'invalid_upload_metadata', message } };
  }
  return undefined;
}

function parseTusMetadata(raw: string): Record<string, string | null> {
  try {
    return Metadata.parse(raw);
  } catch {
    throw invalid('invalid_upload_metadata', '上传信息不正确:Upload-Metadata 格式不符合 tus 协议');
  }
}

function formatBytes(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  if (gib >= 1) return `${Number.isInteger(gib) ? gib : gib.toFixed(1)} GiB`;
  return `${Math.ceil(bytes / 1024 ** 2)} MiB`;
}
