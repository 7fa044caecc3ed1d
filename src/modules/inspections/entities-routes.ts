import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { attachment, XLSX_TYPE } from '../../platform/excel/index.js';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, IdParams } from '../../platform/http/schemas.js';
import { getEntityImport, importErrorsCsv, listEntityImports, startEntityImport } from './entities-import.js';
import * as s from './entities-schemas.js';
import { entitiesTemplateFile, getEntity, listEntities, setEntityActive, updateEntity } from './entities-service.js';

/** Files up to 60 MB (with headroom: people read 「60 MB」 loosely); a 100,000-row directory is about 15–25 MB as CSV. */
export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

const FILE_NAME_HEADER = 'x-file-name';

/** The file name from the query, or from the header (percent-encoded UTF-8, since header values are Latin-1). */
function fileNameOf(query: string | undefined, header: string | string[] | undefined): string | undefined {
  if (query !== undefined && query !== '') return query;
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** 检查对象名录库: the directory (list, one entity, edit, deactivate, activate), its template and its import jobs. */
export async function inspectionEntitiesRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['inspections'];
  const base = '/api/inspections/entities';
  const imports = '/api/inspections/entity-imports';
  const oneEntity = { params: s.UsccParams, response: { 200: s.EntitySchema, ...commonErrors } };
  const oneImport = { params: IdParams, response: { 200: s.ImportSchema, ...commonErrors } };
  const sendFile = (reply: FastifyReply, type: string, file: { filename: string; body: Buffer | string }) =>
    reply.type(type).header('cache-control', 'private, no-store').header('content-disposition', attachment(file.filename)).send(file.body);

  app.get(
    `${base}/template`,
    {
      schema: { tags, summary: '下载检查对象名录导入模板(.xlsx,含说明工作表)', response: { 200: s.Binary('Excel 文件'), ...commonErrors } },
    },
    async (request, reply) => sendFile(reply, XLSX_TYPE, await entitiesTemplateFile(request.actor)),
  );
  app.get(
    base,
    {
      schema: {
        tags,
        summary: '检查对象名录(按名称排序;可按区域、行业、风险等级、状态筛选,q 查名称或代码开头)',
        querystring: s.EntitiesQuery,
        response: { 200: s.EntityListSchema, ...commonErrors },
      },
    },
    async (request) => listEntities(db, request.actor, request.query),
  );
  app.get(`${base}/:uscc`, { schema: { tags, summary: '一个检查对象', ...oneEntity } }, async (request) =>
    getEntity(db, request.actor, request.params.uscc),
  );
  app.put(
    `${base}/:uscc`,
    { schema: { tags, summary: '修改检查对象信息(统一社会信用代码不可修改)', body: s.EntityBody, ...oneEntity } },
    async (request) => updateEntity(db, request.actor, request.params.uscc, request.body),
  );
  app.post(
    `${base}/:uscc/deactivate`,
    { schema: { tags, summary: '停用检查对象(注销、迁出等;须写明原因,不再参加抽取)', body: s.ReasonBody, ...oneEntity } },
    async (request) => setEntityActive(db, request.actor, request.params.uscc, false, request.body.reason),
  );
  app.post(
    `${base}/:uscc/activate`,
    { schema: { tags, summary: '恢复已停用的检查对象(须写明原因)', body: s.ReasonBody, ...oneEntity } },
    async (request) => setEntityActive(db, request.actor, request.params.uscc, true, request.body.reason),
  );

  app.get(
    imports,
    {
      schema: {
        tags,
        summary: '最近的名录导入(最新的在前)',
        querystring: s.ImportListQuery,
        response: { 200: Type.Array(s.ImportSchema), ...commonErrors },
      },
    },
    async (request) => listEntityImports(db, request.actor, request.query.limit),
  );
  app.get(`${imports}/:id`, { schema: { tags, summary: '名录导入的状态、进度、结果或错误', ...oneImport } }, async (request) =>
    getEntityImport(db, request.actor, request.params.id),
  );
  app.get(
    `${imports}/:id/errors.csv`,
    {
      schema: {
        tags,
        summary: '名录导入的错误报告(CSV:行号、列名、原因;最多前 1000 处)',
        params: IdParams,
        response: { 200: s.Binary('CSV 文件'), ...commonErrors },
      },
    },
    async (request, reply) => sendFile(reply, 'text/csv; charset=utf-8', await importErrorsCsv(db, request.actor, request.params.id)),
  );

  // The upload takes any content type as raw bytes (browsers label .csv as text/csv, application/vnd.ms-excel
  // or nothing); the format is told by the bytes themselves. Its own scope keeps JSON parsing elsewhere.
  await app.register(async (scope) => {
    const raw = scope.withTypeProvider<TypeBoxTypeProvider>();
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    raw.post(
      imports,
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary: '导入检查对象名录(.xlsx 或 CSV;按统一社会信用代码新增或更新;有任何错误则不写入)',
          description:
            '请求体为文件本身(不超过 60 MB),文件名放在 fileName 查询参数或 X-File-Name 请求头。立即返回 202 和导入记录,' +
            '随后在后台读取校验并写入;请轮询 GET /api/inspections/entity-imports/{id} 查看进度。同一时间只能有一个导入(409 import_running)。',
          querystring: s.ImportQuery,
          response: { 202: s.ImportSchema, ...commonErrors, 413: commonErrors[400] },
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const fileName = fileNameOf(request.query.fileName, request.headers[FILE_NAME_HEADER]);
        const { view } = await startEntityImport(
          db,
          request.actor,
          { fileName: fileName ?? '', body },
          {
            log: (error) => request.log.error({ err: error }, 'inspection entity import failed'),
          },
        );
        return reply.status(202).send(view);
      },
    );
  });
}
