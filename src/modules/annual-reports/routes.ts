import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { attachment, XLSX_TYPE } from '../../platform/excel/index.js';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, ErrorSchema } from '../../platform/http/schemas.js';
import { compileReport, publishReport } from './compile-service.js';
import { computeReport } from './compute-service.js';
import { reportWorkbook } from './excel.js';
import { getPublicReport, getReport, listPublicReports, listReports } from './read-service.js';
import * as s from './schemas.js';
import { confirmUnit, returnUnit } from './unit-service.js';

/** The 行政执法统计年报 API: the staff workflow (compute, confirm or return, compile, publish) and the published reports. */
export async function annualReportsRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['annual-reports'];
  const one = { params: s.YearParams, response: { 200: s.ReportSchema, ...commonErrors } };

  app.get(
    '/api/annual-reports',
    {
      schema: {
        tags,
        summary: '统计年报列表(各年度状态、确认进度和期限)',
        response: { 200: Type.Array(s.ReportListItemSchema), ...commonErrors },
      },
    },
    async (request) => listReports(db, request.actor),
  );
  app.post(
    '/api/annual-reports',
    {
      schema: {
        tags,
        summary: '计算(或重新计算)年报草稿:从案件、法制审核和公开记录统计;数据有变化的单位须重新确认',
        body: s.ComputeBody,
        response: { 200: s.ReportSchema, ...commonErrors },
      },
    },
    async (request) => computeReport(db, request.actor, request.body.year),
  );
  app.get('/api/annual-reports/:year', { schema: { tags, summary: '年报详情(各单位数据、确认情况、期限)', ...one } }, async (request) =>
    getReport(db, request.actor, request.params.year),
  );
  app.post(
    '/api/annual-reports/:year/units/:unitId/confirm',
    {
      schema: {
        tags,
        summary: '承办机构负责人确认本单位统计数据(须与所看到的数据一致)',
        params: s.UnitParams,
        body: s.ConfirmBody,
        response: { 200: s.ReportSchema, ...commonErrors },
      },
    },
    async (request) => confirmUnit(db, request.actor, request.params.year, request.params.unitId, request.body),
  );
  app.post(
    '/api/annual-reports/:year/units/:unitId/return',
    {
      schema: {
        tags,
        summary: '承办机构负责人退回本单位统计数据(须写明理由)',
        params: s.UnitParams,
        body: s.ReturnBody,
        response: { 200: s.ReportSchema, ...commonErrors },
      },
    },
    async (request) => returnUnit(db, request.actor, request.params.year, request.params.unitId, request.body.reason),
  );
  app.post(
    '/api/annual-reports/:year/compile',
    { schema: { tags, summary: '汇总:各单位均已确认后固定数据(记录 SHA-256)', ...one } },
    async (request) => compileReport(db, request.actor, request.params.year),
  );
  app.post(
    '/api/annual-reports/:year/publish',
    { schema: { tags, summary: '公布已汇总的年报(次年 1 月 25 日前)', ...one } },
    async (request) => publishReport(db, request.actor, request.params.year),
  );

  const publicTags = ['public'];
  app.get(
    '/api/public/annual-reports',
    {
      schema: {
        tags: publicTags,
        summary: '已公布的行政执法统计年报(最新年度在前;无需登录)',
        response: { 200: Type.Array(s.PublicReportItemSchema) },
      },
    },
    async () => listPublicReports(db),
  );
  app.get(
    '/api/public/annual-reports/:year',
    {
      schema: {
        tags: publicTags,
        summary: '已公布的行政执法统计年报(固定数据、SHA-256、账本序号;无需登录)',
        params: s.YearParams,
        response: { 200: s.PublicReportSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => getPublicReport(db, request.params.year),
  );
  app.get(
    '/api/public/annual-reports/:year/xlsx',
    {
      schema: {
        tags: publicTags,
        summary: '已公布的行政执法统计年报 Excel 表格(无需登录)',
        params: s.YearParams,
        response: { 200: s.XlsxFile, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const report = await getPublicReport(db, request.params.year);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`行政执法统计年报-${report.year}.xlsx`))
        .send(await reportWorkbook(report));
    },
  );
}
