import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../auth/actor.js';
import { commonErrors, ErrorSchema } from '../http/schemas.js';
import { attachment, XLSX_TYPE } from './cells.js';
import { ImportInvalidError, unreadable } from './errors.js';

const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

export interface ExcelFile {
  readonly filename: string;
  readonly body: Buffer;
}

/** Created, updated and unchanged counts of an import (what they count is the caller's to say). */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ExcelEndpoints {
  /** `/api/officers`: the routes are `<base>/import-template`, `<base>/import` and `<base>/export`. */
  readonly base: string;
  readonly tags: string[];
  /** 执法人员, 执法事项 … for the route summaries. */
  readonly label: string;
  /** What the import does with each row, for its summary. */
  readonly importSummary: string;
  readonly resultFields: { created: string; updated: string; unchanged: string };
  template(actor: Actor): Promise<ExcelFile>;
  import(actor: Actor, body: Buffer): Promise<ImportResult>;
  export(actor: Actor): Promise<ExcelFile>;
}

/** Raw bytes (never serialized; the schema only documents the answer). */
const Binary = (description: string) => Type.Unknown({ description });

const ImportErrorSchema = Type.Object({
  ...ErrorSchema.properties,
  errors: Type.Optional(
    Type.Array(
      Type.Object({
        sheet: Type.Union([Type.String(), Type.Null()], { description: '工作表名称(只有一个数据工作表的模板为 null)' }),
        row: Type.Union([Type.Integer(), Type.Null()], { description: 'Excel 行号(整个文件或工作表的问题为 null)' }),
        column: Type.Union([Type.String(), Type.Null()], { description: '列名(表头)' }),
        reason: Type.String(),
      }),
    ),
  ),
});

/** The template download, the import (all rows or nothing; every bad cell listed) and the export of one spreadsheet. */
export async function excelRoutes(fastify: FastifyInstance, e: ExcelEndpoints): Promise<void> {
  const sendFile = (reply: FastifyReply, file: ExcelFile) =>
    reply
      .type(XLSX_TYPE)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', attachment(file.filename))
      .send(file.body);
  const ResultSchema = Type.Object({
    created: Type.Integer({ description: e.resultFields.created }),
    updated: Type.Integer({ description: e.resultFields.updated }),
    unchanged: Type.Integer({ description: e.resultFields.unchanged }),
  });

  await fastify.register(async (scope) => {
    const app = scope.withTypeProvider<TypeBoxTypeProvider>();
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      [XLSX_TYPE, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
      (_r, body, done) => done(null, body),
    );

    app.get(
      `${e.base}/import-template`,
      { schema: { tags: e.tags, summary: `下载${e.label}导入模板(.xlsx)`, response: { 200: Binary('Excel 文件'), ...commonErrors } } },
      async (request, reply) => sendFile(reply, await e.template(request.actor)),
    );

    app.post(
      `${e.base}/import`,
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: e.tags,
          summary: e.importSummary,
          description: `请求体为 .xlsx 文件本身(Content-Type: ${XLSX_TYPE})。`,
          response: { 200: ResultSchema, ...commonErrors, 400: ImportErrorSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        try {
          if (!Buffer.isBuffer(body)) throw unreadable();
          return await e.import(request.actor, body);
        } catch (error) {
          if (!(error instanceof ImportInvalidError)) throw error;
          return reply
            .status(400)
            .send({ code: error.code, message: error.message, details: [...(error.extra.details ?? [])], errors: [...error.errors] });
        }
      },
    );

    app.get(
      `${e.base}/export`,
      {
        schema: { tags: e.tags, summary: `导出${e.label}(.xlsx,格式同导入模板)`, response: { 200: Binary('Excel 文件'), ...commonErrors } },
      },
      async (request, reply) => sendFile(reply, await e.export(request.actor)),
    );
  });
}
