import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, ErrorSchema, IdParams, Page } from '../../platform/http/schemas.js';
import { authorizeContent, getEvidence, grantAccess, listAccessLog, listEvidence } from './evidence-service.js';
import { decideRange } from './range.js';
import * as s from './schemas.js';
import { uploadRoutes } from './upload-routes.js';

/** HTTP routes of the evidence module: tus uploads, the evidence list, 调阅 (grants, content, log). */
export async function evidenceRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  await fastify.register(async (scope) => {
    await uploadRoutes(scope, ctx);
  });
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  app.get(
    '/api/evidence',
    {
      schema: {
        tags: ['evidence'],
        summary: '证据列表',
        querystring: s.ListEvidenceQuery,
        response: { 200: Page(s.EvidenceSchema), ...commonErrors },
      },
    },
    async (request) => listEvidence(db, request.actor, request.query),
  );

  app.get(
    '/api/evidence/:id',
    { schema: { tags: ['evidence'], summary: '证据详情', params: IdParams, response: { 200: s.EvidenceSchema, ...commonErrors } } },
    async (request) => getEvidence(db, request.actor, request.params.id),
  );

  app.post(
    '/api/evidence/:id/access',
    {
      schema: {
        tags: ['evidence'],
        summary: '调阅证据(记录调阅并取得查看凭证)',
        params: IdParams,
        body: s.AccessBody,
        response: { 201: s.AccessGrantSchema, ...commonErrors },
      },
      // The body is optional as a whole: a POST without one means "no purpose given".
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) =>
      reply.status(201).send(await grantAccess(db, ctx.secret, request.actor, request.params.id, request.body.purpose)),
  );

  app.get(
    '/api/evidence/:id/content',
    {
      exposeHeadRoute: false,
      schema: {
        tags: ['evidence'],
        summary: '证据内容(须调阅凭证,支持 Range)',
        params: IdParams,
        querystring: s.ContentQuery,
        response: { 200: Binary('证据内容'), 206: Binary('证据内容的一段'), ...commonErrors, 416: ErrorSchema },
      },
    },
    async (request, reply) => {
      const evidence = await authorizeContent(db, ctx.secret, request.actor, request.params.id, request.query.grant ?? '');
      const size = evidence.size;
      reply
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeRfc5987(evidence.filename)}`);
      // The console previews documents in a same-origin frame: relax only frame-ancestors for content.
      const csp = reply.raw.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
      const decision = decideRange(request.headers.range, size);
      if (decision.kind === 'unsatisfiable') {
        return reply
          .status(416)
          .header('content-range', `bytes */${size}`)
          .send({ code: 'range_not_satisfiable', message: '请求的内容范围超出文件大小' });
      }
      reply.type(evidence.mediaType);
      if (decision.kind === 'full') {
        return reply
          .status(200)
          .header('content-length', size)
          .send(await ctx.blobs.open(evidence.sha256));
      }
      const { start, end } = decision.range;
      return reply
        .status(206)
        .header('content-range', `bytes ${start}-${end}/${size}`)
        .header('content-length', end - start + 1)
        .send(await ctx.blobs.open(evidence.sha256, decision.range));
    },
  );

  app.get(
    '/api/evidence/:id/access-log',
    {
      schema: {
        tags: ['evidence'],
        summary: '调阅记录',
        params: IdParams,
        querystring: s.AccessLogQuery,
        response: { 200: Page(s.AccessLogEntrySchema), ...commonErrors },
      },
    },
    async (request) => listAccessLog(db, request.actor, request.params.id, request.query),
  );
}

/** Raw bytes (streams are never serialized; the schema only documents the answer). */
const Binary = (description: string) => Type.Unknown({ description });

/** RFC 5987 value: percent-encoded UTF-8, with the few characters encodeURIComponent leaves alone. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
