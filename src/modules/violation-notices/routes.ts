import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, ErrorSchema, IdParams, Page } from '../../platform/http/schemas.js';
import { compileBatch, publishBatch } from './batch-service.js';
import { deriveForCase } from './derive.js';
import { excludeEntry, includeEntry, removeEntry, saveEntry } from './entry-service.js';
import { getBatch, getEntry, getPublicList, listBatches, listEntries, listPublicBatches } from './read-service.js';
import * as s from './schemas.js';

/** 重大劳动保障违法行为社会公布 (人社部令第29号): the staff entries and quarterly lists, and the public lists. */
export async function violationNoticesRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['violation-notices'];
  const oneEntry = { params: IdParams, response: { 200: s.EntrySchema, ...commonErrors } };
  const oneBatch = { params: IdParams, response: { 200: s.BatchSchema, ...commonErrors } };
  const base = '/api/violation-notices';

  app.get(
    `${base}/entries`,
    {
      schema: {
        tags,
        summary: '公布事项(本单位范围;先为新作出处理决定的案件生成待确认事项)',
        querystring: s.EntriesQuery,
        response: { 200: Page(s.EntrySchema), ...commonErrors },
      },
    },
    async (request) => listEntries(db, request.actor, request.query),
  );
  app.post(
    `${base}/entries`,
    {
      schema: {
        tags,
        summary: '为已作出处理决定的案件生成公布事项(当事人为自然人的不列入)',
        body: s.DeriveBody,
        response: { 200: s.DerivedSchema, ...commonErrors },
      },
    },
    async (request) => ({ entryIds: await deriveForCase(db, request.actor, request.body.caseId) }),
  );
  app.get(`${base}/entries/:id`, { schema: { tags, summary: '公布事项详情', ...oneEntry } }, async (request) =>
    getEntry(db, request.actor, request.params.id),
  );
  app.put(
    `${base}/entries/:id`,
    { schema: { tags, summary: '保存类别和公布内容(不改变状态)', body: s.EntryBody, ...oneEntry } },
    async (request) => saveEntry(db, request.actor, request.params.id, request.body),
  );
  app.post(
    `${base}/entries/:id/include`,
    { schema: { tags, summary: '确认纳入(须选择类别并列明全部公布内容)', body: s.EntryBody, ...oneEntry } },
    async (request) => includeEntry(db, request.actor, request.params.id, request.body),
  );
  app.post(
    `${base}/entries/:id/exclude`,
    { schema: { tags, summary: '不予纳入(须写明理由)', body: s.ReasonBody, ...oneEntry } },
    async (request) => excludeEntry(db, request.actor, request.params.id, request.body.reason),
  );
  app.post(
    `${base}/entries/:id/remove`,
    { schema: { tags, summary: '撤下已公布的事项(须写明理由;公开页面保留撤下说明)', body: s.ReasonBody, ...oneEntry } },
    async (request) => removeEntry(db, request.actor, request.params.id, request.body.reason),
  );

  app.get(
    `${base}/batches`,
    { schema: { tags, summary: '季度公布名单', response: { 200: Type.Array(s.BatchSummarySchema), ...commonErrors } } },
    async (request) => listBatches(db, request.actor),
  );
  app.get(`${base}/batches/:id`, { schema: { tags, summary: '季度公布名单详情', ...oneBatch } }, async (request) =>
    getBatch(db, request.actor, request.params.id),
  );
  app.post(
    `${base}/batches`,
    {
      schema: {
        tags,
        summary: '编制(或重新编制)季度公布名单',
        body: s.QuarterBody,
        response: { 200: s.BatchSchema, ...commonErrors },
      },
    },
    async (request) => compileBatch(db, request.actor, request.body, ctx.config.violationNoticeDueDays),
  );
  app.post(`${base}/batches/:id/publish`, { schema: { tags, summary: '发布季度公布名单(发布后不能修改)', ...oneBatch } }, async (request) =>
    publishBatch(db, request.actor, request.params.id),
  );

  app.get(
    '/api/public/violation-notices',
    {
      schema: {
        tags: ['public'],
        summary: '已公布的重大劳动保障违法行为季度名单(最新的在前;无需登录)',
        querystring: s.PublicBatchesQuery,
        response: { 200: Type.Array(s.PublicBatchSchema), 400: ErrorSchema },
      },
    },
    async (request) => listPublicBatches(db, request.query.year),
  );
  app.get(
    '/api/public/violation-notices/:year/:quarter',
    {
      schema: {
        tags: ['public'],
        summary: '某季度的重大劳动保障违法行为公布名单(q 按违法主体名称查找;撤下的事项只保留说明;无需登录)',
        params: s.PublicListParams,
        querystring: s.PublicListQuery,
        response: { 200: s.PublicListSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => getPublicList(db, request.params.year, request.params.quarter, request.query.q),
  );
}
