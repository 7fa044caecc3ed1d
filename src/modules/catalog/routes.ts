import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { TSchema } from 'typebox';
import type { Database } from '../../platform/db/schema.js';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, ErrorSchema, IdParams, Page } from '../../platform/http/schemas.js';
import { catalogExcelRoutes } from './excel-routes.js';
import { avRuleKind, benchmarkKind, itemKind, KIND_PATHS, reviewRuleKind, windowBoardKind } from './kind-registry.js';
import type { KindDef } from './kinds.js';
import {
  getPublicAvRule,
  getPublicEntry,
  listPublicAvRules,
  listPublicEntries,
  listPublicItems,
  type PublicListQuery,
} from './public-service.js';
import { CodeParams, ListQuery, PublicItemSummarySchema, PublishDraftsBody, VersionParams, VersionQuery } from './schemas.js';
import * as k from './schemas-kinds.js';
import {
  createEntry,
  createVersion,
  getEntry,
  type ListEntriesQuery,
  listEntries,
  publishDrafts,
  publishVersion,
  updateDraft,
} from './service.js';

interface KindSchemas {
  Data: TSchema;
  Patch: TSchema;
  Version: TSchema;
  Entry: TSchema;
  Summary: TSchema;
  CreateBody: TSchema;
  CreateVersionBody: TSchema;
  PublicEntry: TSchema;
  PublicDetail: TSchema;
}

/**
 * The same six staff routes for every kind. Fastify validates each body against the kind's schema
 * before the handler runs, so the handler may read it as the kind's data type.
 */
function staffRoutes<D>(app: FastifyInstance, db: Kysely<Database>, def: KindDef<D>, s: KindSchemas): void {
  const base = `/api/catalog/${KIND_PATHS[def.kind].staff}`;
  const tags = ['catalog'];
  type Body = { code: string; data: D };
  type Params = { id: string; versionId: string };

  app.get(
    base,
    {
      schema: {
        tags,
        summary: `${def.label}列表(含草稿)`,
        querystring: ListQuery(def.categories),
        response: { 200: Page(s.Summary), ...commonErrors },
      },
    },
    async (request) => listEntries(db, request.actor, def, request.query as ListEntriesQuery),
  );
  app.post(
    base,
    { schema: { tags, summary: `新建${def.label}(第 1 版草稿)`, body: s.CreateBody, response: { 201: s.Entry, ...commonErrors } } },
    async (request, reply) => {
      const body = request.body as Body;
      return reply.status(201).send(await createEntry(db, request.actor, def, body.code, body.data));
    },
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: `${def.label}详情及全部版本`, params: IdParams, response: { 200: s.Entry, ...commonErrors } } },
    async (request) => getEntry(db, request.actor, def, (request.params as Params).id),
  );
  app.post(
    `${base}/:id/versions`,
    {
      schema: {
        tags,
        summary: `新建${def.label}版本草稿(复制现行版本或使用提交的内容)`,
        params: IdParams,
        body: s.CreateVersionBody,
        response: { 201: s.Version, ...commonErrors },
      },
    },
    async (request, reply) => {
      const body = request.body as { data?: D };
      return reply.status(201).send(await createVersion(db, request.actor, def, (request.params as Params).id, body.data));
    },
  );
  app.patch(
    `${base}/:id/versions/:versionId`,
    {
      schema: {
        tags,
        summary: `修改${def.label}版本草稿(已发布的版本不能修改)`,
        params: VersionParams,
        body: s.Patch,
        response: { 200: s.Version, ...commonErrors },
      },
    },
    async (request) => {
      const params = request.params as Params;
      return updateDraft(db, request.actor, def, params.id, params.versionId, request.body as Partial<D>);
    },
  );
  app.post(
    `${base}/:id/versions/:versionId/publish`,
    {
      schema: { tags, summary: `发布${def.label}版本(成为现行版本)`, params: VersionParams, response: { 200: s.Version, ...commonErrors } },
    },
    async (request) => {
      const params = request.params as Params;
      return publishVersion(db, request.actor, def, params.id, params.versionId);
    },
  );
  app.post(
    `${base}/publish-drafts`,
    {
      schema: {
        tags,
        summary: `一次发布多个${def.label}的草稿(全部成功或全部不发布)`,
        body: PublishDraftsBody,
        response: { 200: { type: 'object', properties: { published: { type: 'integer' } } }, ...commonErrors },
      },
    },
    async (request) => publishDrafts(db, request.actor, def, (request.body as { itemIds: string[] }).itemIds),
  );
}

/** The open data API: no login, current versions only, paginated. */
function publicRoutes<D extends { unitId: string }>(
  app: FastifyInstance,
  db: Kysely<Database>,
  def: KindDef<D>,
  s: KindSchemas,
  list: (query: PublicListQuery) => Promise<unknown>,
  listItem: TSchema,
  detail: (code: string, versionNo?: number) => Promise<unknown> = (code, versionNo) => getPublicEntry(db, def, code, versionNo),
): void {
  const base = `/api/public/${KIND_PATHS[def.kind].public}`;
  const tags = ['public'];
  app.get(
    base,
    {
      schema: {
        tags,
        summary: `公开的${def.label}(现行版本)`,
        querystring: ListQuery(def.categories),
        response: { 200: Page(listItem), 400: ErrorSchema },
      },
    },
    async (request) => list(request.query as PublicListQuery),
  );
  app.get(
    `${base}/:code`,
    {
      schema: {
        tags,
        summary: `${def.label}(现行版本,或 ?version= 指定的历史版本)`,
        params: CodeParams,
        querystring: VersionQuery,
        response: { 200: s.PublicDetail, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => detail((request.params as { code: string }).code, (request.query as { version?: number }).version),
  );
}

/** HTTP routes of the catalog module: the staff API (/api/catalog/…) and the open data API (/api/public/…). */
export async function catalogRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.db.kysely;
  await catalogExcelRoutes(app, db);
  staffRoutes(app, db, itemKind, k.item);
  staffRoutes(app, db, benchmarkKind, k.benchmark);
  staffRoutes(app, db, avRuleKind, k.avRule);
  staffRoutes(app, db, reviewRuleKind, k.reviewRule);
  staffRoutes(app, db, windowBoardKind, k.windowBoard);

  publicRoutes(app, db, itemKind, k.item, (q) => listPublicItems(db, q), PublicItemSummarySchema);
  publicRoutes(app, db, benchmarkKind, k.benchmark, (q) => listPublicEntries(db, benchmarkKind, q), k.benchmark.PublicEntry);
  publicRoutes(
    app,
    db,
    avRuleKind,
    k.avRule,
    (q) => listPublicAvRules(db, q),
    k.avRule.PublicEntry,
    (code, version) => getPublicAvRule(db, code, version),
  );
  publicRoutes(app, db, reviewRuleKind, k.reviewRule, (q) => listPublicEntries(db, reviewRuleKind, q), k.reviewRule.PublicEntry);
  publicRoutes(app, db, windowBoardKind, k.windowBoard, (q) => listPublicEntries(db, windowBoardKind, q), k.windowBoard.PublicEntry);
}
