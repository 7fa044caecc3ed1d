import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, ErrorSchema, IdParams, Page } from '../../platform/http/schemas.js';
import { getPublicItem, listPublicItems } from './public-service.js';
import * as s from './schemas.js';
import { createItem, createVersion, getItem, listItems, publishVersion, updateDraft } from './service.js';

/** HTTP routes of the catalog module: the staff API (/api/catalog) and the open data API (/api/public/items). */
export async function catalogRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['catalog'];

  app.get(
    '/api/catalog/items',
    {
      schema: {
        tags,
        summary: '执法事项列表(含草稿)',
        querystring: s.ListItemsQuery,
        response: { 200: Page(s.ItemSummarySchema), ...commonErrors },
      },
    },
    async (request) => listItems(db, request.actor, request.query),
  );

  app.post(
    '/api/catalog/items',
    { schema: { tags, summary: '新建执法事项(第 1 版草稿)', body: s.CreateItemBody, response: { 201: s.ItemSchema, ...commonErrors } } },
    async (request, reply) => reply.status(201).send(await createItem(db, request.actor, request.body.code, request.body.data)),
  );

  app.get(
    '/api/catalog/items/:id',
    { schema: { tags, summary: '执法事项详情及全部版本', params: IdParams, response: { 200: s.ItemSchema, ...commonErrors } } },
    async (request) => getItem(db, request.actor, request.params.id),
  );

  app.post(
    '/api/catalog/items/:id/versions',
    {
      schema: {
        tags,
        summary: '新建版本草稿(复制现行版本或使用提交的内容)',
        params: IdParams,
        body: s.CreateVersionBody,
        response: { 201: s.VersionSchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createVersion(db, request.actor, request.params.id, request.body.data)),
  );

  app.patch(
    '/api/catalog/items/:id/versions/:versionId',
    {
      schema: {
        tags,
        summary: '修改版本草稿(已发布的版本不能修改)',
        params: s.VersionParams,
        body: s.ItemDataPatch,
        response: { 200: s.VersionSchema, ...commonErrors },
      },
    },
    async (request) => updateDraft(db, request.actor, request.params.id, request.params.versionId, request.body),
  );

  app.post(
    '/api/catalog/items/:id/versions/:versionId/publish',
    {
      schema: { tags, summary: '发布版本(成为现行版本)', params: s.VersionParams, response: { 200: s.VersionSchema, ...commonErrors } },
    },
    async (request) => publishVersion(db, request.actor, request.params.id, request.params.versionId),
  );

  const publicTags = ['public'];
  app.get(
    '/api/public/items',
    {
      schema: {
        tags: publicTags,
        summary: '公开的执法事项清单(现行版本)',
        querystring: s.ListItemsQuery,
        response: { 200: Page(s.PublicItemSummarySchema), 400: ErrorSchema },
      },
    },
    async (request) => listPublicItems(db, request.query),
  );

  app.get(
    '/api/public/items/:code',
    {
      schema: {
        tags: publicTags,
        summary: '执法事项服务指南(现行版本,或 ?version= 指定的历史版本)',
        params: s.CodeParams,
        querystring: s.VersionQuery,
        response: { 200: s.PublicItemSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => getPublicItem(db, request.params.code, request.query.version),
  );
}
