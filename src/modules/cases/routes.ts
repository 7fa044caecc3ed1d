import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, IdParams, Page, PageQuery } from '../../platform/http/schemas.js';
import { IssuedDocumentSchema } from '../documents/index.js';
import type { ActionInput } from './action-input.js';
import { performAction, recordPayment } from './actions.js';
import { caseDocuments, issueCaseDocument, previewCaseDocument } from './case-documents.js';
import { caseAccessLog, caseRecords, openCase } from './case-records.js';
import { listCases, registerCase } from './case-service.js';
import * as s from './schemas.js';

/** The cases API: register, list (with due-soon filter), read, perform a procedure action, record a payment. */
export async function casesRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['cases'];

  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '案件列表(按最近期限排序)',
        querystring: s.ListCasesQuery,
        response: { 200: Page(s.CaseSummarySchema), ...commonErrors },
      },
    },
    async (request) => listCases(db, request.actor, request.query),
  );
  app.post(
    '/api/cases',
    { schema: { tags, summary: '案源登记', body: s.RegisterCaseBody, response: { 201: s.CaseSchema, ...commonErrors } } },
    async (request, reply) => reply.status(201).send(await registerCase(db, request.actor, request.body)),
  );
  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: '案件详情(当事人、执法人员、全部步骤、可进行的下一步)',
        params: IdParams,
        response: { 200: s.CaseSchema, ...commonErrors },
      },
    },
    // 调阅 is logged: opening a case through the API records who opened it.
    async (request) => openCase(db, request.actor, request.params.id),
  );
  app.get(
    '/api/cases/:id/records',
    {
      schema: {
        tags,
        summary: '案件全过程记录(每一事件及其在防篡改日志中的序号,按时间先后)',
        params: IdParams,
        response: { 200: Type.Array(s.CaseRecordSchema), ...commonErrors },
      },
    },
    async (request) => caseRecords(db, request.actor, request.params.id),
  );
  app.get(
    '/api/cases/:id/access-log',
    {
      schema: {
        tags,
        summary: '案件调阅记录(承办机构负责人、监督人员可查看)',
        params: IdParams,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: Page(s.CaseAccessSchema), ...commonErrors },
      },
    },
    async (request) => caseAccessLog(db, request.actor, request.params.id, request.query),
  );
  app.post(
    '/api/cases/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '办理一个程序环节(受理、立案、调查取证、告知、听证、决定、送达、结案……)',
        description: '只允许案件当前阶段的下一步;各环节的把关规则不满足时返回 400/409 及原因。',
        params: s.ActionParams,
        body: s.ActionBody,
        response: { 200: s.CaseSchema, ...commonErrors },
      },
    },
    async (request) => performAction(db, request.actor, request.params.id, request.params.action, request.body as ActionInput),
  );
  app.get(
    '/api/cases/:id/documents',
    {
      schema: {
        tags,
        summary: '案件的执法文书(含更正版本)',
        params: IdParams,
        response: { 200: Type.Array(IssuedDocumentSchema), ...commonErrors },
      },
    },
    async (request) => caseDocuments(db, request.actor, request.params.id),
  );
  app.post(
    '/api/cases/:id/documents/preview',
    {
      schema: {
        tags,
        summary: '预览案件文书(由案件数据生成,可补充笔录内容、联系方式等)',
        params: IdParams,
        body: s.CaseDocumentBody,
        response: { 200: Type.Object({ html: Type.String() }), ...commonErrors },
      },
    },
    async (request) => ({
      html: (await previewCaseDocument(db, request.actor, request.params.id, request.body.type, request.body.data ?? {})).html,
    }),
  );
  app.post(
    '/api/cases/:id/documents',
    {
      schema: {
        tags,
        summary: '制作并签发案件文书(编号、生成 .docx、存证;之后不可修改,只能更正)',
        params: IdParams,
        body: s.CaseDocumentBody,
        response: { 201: IssuedDocumentSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await issueCaseDocument(db, ctx.blobs, request.actor, request.params.id, {
          type: request.body.type,
          data: request.body.data ?? {},
          supersedesId: request.body.supersedesId,
        }),
      ),
  );
  app.post(
    '/api/cases/:id/payments',
    {
      schema: {
        tags,
        summary: '登记罚款缴纳(银行或国库缴款凭证)',
        params: IdParams,
        body: s.PaymentBody,
        response: { 200: s.CaseSchema, ...commonErrors },
      },
    },
    async (request) => recordPayment(db, request.actor, request.params.id, request.body),
  );
}
