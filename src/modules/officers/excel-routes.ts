import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, ErrorSchema } from '../../platform/http/schemas.js';
import { attachment, XLSX_TYPE } from './excel-columns.js';
import { type ExcelFile, exportOfficers, importTemplate } from './export-service.js';
import { unreadable } from './import-read.js';
import { ImportInvalidError, importOfficers } from './import-service.js';

const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

/** Raw bytes (never serialized; the schema only documents the answer). */
const Binary = (description: string) => Type.Unknown({ description });

const ImportResultSchema = Type.Object({
  created: Type.Integer({ description: '新增人数' }),
  updated: Type.Integer({ description: '更新人数' }),
  unchanged: Type.Integer({ description: '与系统一致、未变更的行数' }),
});

const ImportErrorSchema = Type.Object({
  ...ErrorSchema.properties,
  errors: Type.Optional(
    Type.Array(
      Type.Object({
        row: Type.Union([Type.Integer(), Type.Null()], { description: 'Excel 行号(整个文件的问题为 null)' }),
        column: Type.Union([Type.String(), Type.Null()], { description: '列名(表头)' }),
        reason: Type.String(),
      }),
    ),
  ),
});

/** 执法人员 Excel: the import template, the import (all rows or nothing) and the export. */
export async function officersExcelRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.db.kysely;
  const tags = ['officers'];
  const sendFile = (reply: FastifyReply, file: ExcelFile) =>
    reply
      .type(XLSX_TYPE)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', attachment(file.filename))
      .send(file.body);

  await fastify.register(async (scope) => {
    const app = scope.withTypeProvider<TypeBoxTypeProvider>();
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      [XLSX_TYPE, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
      (_r, body, done) => done(null, body),
    );

    app.get(
      '/api/officers/import-template',
      { schema: { tags, summary: '下载执法人员导入模板(.xlsx)', response: { 200: Binary('Excel 文件'), ...commonErrors } } },
      async (request, reply) => sendFile(reply, await importTemplate(request.actor)),
    );

    app.post(
      '/api/officers/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary: '从 Excel 导入执法人员(按执法证件号码新增或更新;有任何错误则不写入)',
          description: `请求体为 .xlsx 文件本身(Content-Type: ${XLSX_TYPE})。`,
          response: { 200: ImportResultSchema, ...commonErrors, 400: ImportErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        try {
          if (!Buffer.isBuffer(body)) throw unreadable();
          return await importOfficers(db, request.actor, body);
        } catch (error) {
          if (!(error instanceof ImportInvalidError)) throw error;
          return reply
            .status(400)
            .send({ code: error.code, message: error.message, details: [...(error.extra.details ?? [])], errors: [...error.errors] });
        }
      },
    );

    app.get(
      '/api/officers/export',
      { schema: { tags, summary: '导出执法人员(.xlsx,格式同导入模板)', response: { 200: Binary('Excel 文件'), ...commonErrors } } },
      async (request, reply) => sendFile(reply, await exportOfficers(db, request.actor)),
    );
  });
}
