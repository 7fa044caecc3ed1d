import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, ErrorSchema, IdParams, Page } from '../../platform/http/schemas.js';
import { getPublicDecision, listPublicDecisions } from './public-reads.js';
import { block, publish, withdraw } from './publish-service.js';
import { getPublication, listPublications } from './read-service.js';
import * as s from './schemas.js';

/** The 事后公开 API: the staff queue and its decisions, and the public decisions (no sign-in). */
export async function publicationsRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['publications'];
  const one = { params: IdParams, response: { 200: s.PublicationSchema, ...commonErrors } };

  app.get(
    '/api/publications',
    {
      schema: {
        tags,
        summary: '事后公开事项(本单位范围;公开期限最近的在前;新签发的决定书先生成待公开事项)',
        querystring: s.ListPublicationsQuery,
        response: { 200: Page(s.PublicationListItemSchema), ...commonErrors },
      },
    },
    async (request) => listPublications(db, request.actor, request.query),
  );
  app.get(
    '/api/publications/:id',
    { schema: { tags, summary: '事后公开事项详情(决定书全文、摘要、识别出的个人信息、已公开的各版本)', ...one } },
    async (request) => getPublication(db, request.actor, request.params.id),
  );
  app.post(
    '/api/publications/:id/publish',
    {
      schema: {
        tags,
        summary: '公开(按确认的脱敏项生成公开文本;更正已公开的决定须写明更正说明)',
        body: s.PublishBody,
        ...one,
      },
    },
    async (request) => publish(db, request.actor, request.params.id, request.body, ctx.config.publicationPeriods),
  );
  app.post(
    '/api/publications/:id/block',
    { schema: { tags, summary: '不予公开(须写明理由)', body: s.ReasonBody, ...one } },
    async (request) => block(db, request.actor, request.params.id, request.body.reason),
  );
  app.post(
    '/api/publications/:id/withdraw',
    { schema: { tags, summary: '撤回已公开的决定(须写明理由;公开页面只保留撤回说明)', body: s.ReasonBody, ...one } },
    async (request) => withdraw(db, request.actor, request.params.id, request.body.reason),
  );

  app.get(
    '/api/public/decisions',
    {
      schema: {
        tags: ['public'],
        summary: '公开的行政执法决定(最新公开的在前;q 在全文中查找;无需登录)',
        querystring: s.PublicDecisionsQuery,
        response: {
          200: Type.Object({
            ...Page(s.PublicDecisionItemSchema).properties,
            totalCapped: Type.Boolean({ description: '按关键词查找时最多计数 1000 件;为 true 表示符合条件的多于 total' }),
          }),
          400: ErrorSchema,
        },
      },
    },
    async (request) => listPublicDecisions(db, request.query),
  );
  app.get(
    '/api/public/decisions/:id',
    {
      schema: {
        tags: ['public'],
        summary: '公开的行政执法决定(摘要、脱敏全文、账本序号;已撤回的只有撤回说明;无需登录)',
        params: IdParams,
        response: { 200: s.PublicDecisionSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => getPublicDecision(db, request.params.id),
  );
}
