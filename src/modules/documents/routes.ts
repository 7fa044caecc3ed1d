import type { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { attachment } from '../../platform/excel/index.js';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, IdParams } from '../../platform/http/schemas.js';
import * as s from './schemas.js';
import { getDocument, listDocumentTypes, listNumberPrefixes, openDocument, previewDocument, setNumberPrefix } from './service.js';
import { getUnitProfile, listUnitProfiles, setUnitProfile } from './unit-profiles.js';
import { docxFilename, type IssuedDocument } from './views.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * HTTP routes of the documents module: types, preview, issued documents (metadata and .docx), 文号
 * prefixes and each unit's 文书固定信息.
 */
export async function documentsRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['documents'];

  app.get(
    '/api/documents/types',
    { schema: { tags, summary: '执法文书种类及各模板所需字段', response: { 200: Type.Array(s.DocumentTypeSchema), ...commonErrors } } },
    async (request) => listDocumentTypes(request.actor),
  );

  app.post(
    '/api/documents/preview',
    { schema: { tags, summary: '预览执法文书(不保存、不编号)', body: s.PreviewBody, response: { 200: s.PreviewSchema, ...commonErrors } } },
    async (request) => previewDocument(request.actor, request.body.type, request.body.data),
  );

  // Registered before /:id so that the static path wins (Fastify prefers static segments anyway).
  app.get(
    '/api/documents/number-prefixes',
    { schema: { tags, summary: '各单位文号前缀', response: { 200: Type.Array(s.NumberPrefixSchema), ...commonErrors } } },
    async (request) => listNumberPrefixes(db, request.actor),
  );

  app.put(
    '/api/documents/number-prefixes/:unitId',
    {
      schema: {
        tags,
        summary: '设置单位文号前缀(系统管理员)',
        params: s.UnitParams,
        body: s.PrefixBody,
        response: { 200: s.NumberPrefixSchema, ...commonErrors },
      },
    },
    async (request) => setNumberPrefix(db, request.actor, request.params.unitId, request.body.prefix),
  );

  app.get(
    '/api/documents/unit-profiles',
    {
      schema: {
        tags,
        summary: '各单位文书固定信息(联系方式、罚款缴纳、救济途径)',
        response: { 200: Type.Array(s.UnitProfileListItemSchema), ...commonErrors },
      },
    },
    async (request) => listUnitProfiles(db, request.actor),
  );

  app.get(
    '/api/documents/unit-profiles/:unitId',
    {
      schema: {
        tags,
        summary: '单位文书固定信息(本单位设置的、实际使用的及各部分来源)',
        params: s.UnitParams,
        response: { 200: s.UnitProfileViewSchema, ...commonErrors },
      },
    },
    async (request) => getUnitProfile(db, request.actor, request.params.unitId),
  );

  app.put(
    '/api/documents/unit-profiles/:unitId',
    {
      schema: {
        tags,
        summary: '设置单位文书固定信息(系统管理员;未填的部分沿用上级单位)',
        params: s.UnitParams,
        body: s.UnitProfileSchema,
        response: { 200: s.UnitProfileViewSchema, ...commonErrors },
      },
    },
    async (request) => setUnitProfile(db, request.actor, request.params.unitId, request.body),
  );

  app.get(
    '/api/documents/:id',
    { schema: { tags, summary: '已签发文书信息', params: IdParams, response: { 200: s.IssuedDocumentSchema, ...commonErrors } } },
    async (request) => getDocument(db, request.actor, request.params.id),
  );

  app.get(
    '/api/documents/:id/docx',
    {
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: '下载已签发文书(原样返回签发时保存的文件,并记录调阅)',
        params: IdParams,
        response: { 200: Type.Unknown({ description: '.docx 文件' }), ...commonErrors },
      },
    },
    async (request, reply) => sendDocx(reply, await openDocument(db, ctx.blobs, request.actor, request.params.id)),
  );
}

/** An issued .docx as a download, exactly as stored. */
export function sendDocx(reply: FastifyReply, opened: { document: IssuedDocument; content: Readable }) {
  return reply
    .type(DOCX_TYPE)
    .header('content-length', opened.document.size)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', attachment(docxFilename(opened.document)))
    .send(opened.content);
}
