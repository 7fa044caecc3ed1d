import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, ErrorSchema, IdParams, Page } from '../../platform/http/schemas.js';
import { listPublicRoster, verifyCertificate } from './public-service.js';
import { createBatch, getBatch, listBatches, updateBatch } from './roster-batches.js';
import { confirmBatch, returnBatch, submitBatch } from './roster-decisions.js';
import * as s from './schemas.js';

/** 执法人员清单: change batches (draft → submitted → confirmed | returned) and the public open data. */
export async function rosterRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['roster'];

  app.get(
    '/api/roster/batches',
    {
      schema: {
        tags,
        summary: '清单变更批次(司法局待确认:status=submitted)',
        querystring: s.ListBatchesQuery,
        response: { 200: Page(s.BatchSchema), ...commonErrors },
      },
    },
    async (request) => listBatches(db, request.actor, request.query),
  );

  app.post(
    '/api/roster/batches',
    { schema: { tags, summary: '起草清单变更批次', body: s.CreateBatchBody, response: { 201: s.BatchSchema, ...commonErrors } } },
    async (request, reply) => reply.status(201).send(await createBatch(db, request.actor, request.body)),
  );

  app.get(
    '/api/roster/batches/:id',
    { schema: { tags, summary: '清单变更批次详情', params: IdParams, response: { 200: s.BatchSchema, ...commonErrors } } },
    async (request) => getBatch(db, request.actor, request.params.id),
  );

  app.patch(
    '/api/roster/batches/:id',
    {
      schema: {
        tags,
        summary: '修改草稿或被退回的批次',
        params: IdParams,
        body: s.UpdateBatchBody,
        response: { 200: s.BatchSchema, ...commonErrors },
      },
    },
    async (request) => updateBatch(db, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/roster/batches/:id/submit',
    { schema: { tags, summary: '报送司法局确认', params: IdParams, response: { 200: s.BatchSchema, ...commonErrors } } },
    async (request) => submitBatch(db, request.actor, request.params.id),
  );

  app.post(
    '/api/roster/batches/:id/confirm',
    { schema: { tags, summary: '司法局确认并公开', params: IdParams, response: { 200: s.BatchSchema, ...commonErrors } } },
    async (request) => confirmBatch(db, request.actor, request.params.id),
  );

  app.post(
    '/api/roster/batches/:id/return',
    {
      schema: {
        tags,
        summary: '司法局退回(须说明理由)',
        params: IdParams,
        body: s.ReturnBody,
        response: { 200: s.BatchSchema, ...commonErrors },
      },
    },
    async (request) => returnBatch(db, request.actor, request.params.id, request.body.reason),
  );

  app.get(
    '/api/public/roster',
    {
      schema: {
        tags: ['public'],
        summary: '公开的行政执法人员清单(无需登录)',
        querystring: s.PublicRosterQuery,
        response: { 200: s.PublicRosterSchema, 400: ErrorSchema },
      },
    },
    async (request) => listPublicRoster(db, request.query),
  );

  app.get(
    '/api/public/officers/:certificateNo/verify',
    {
      schema: {
        tags: ['public'],
        summary: '执法证件核验(北京时间当日,无需登录)',
        params: s.CertificateParams,
        response: { 200: s.VerifySchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => verifyCertificate(db, request.params.certificateNo),
  );
}
