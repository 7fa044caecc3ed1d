import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { attachment, XLSX_TYPE } from '../../platform/excel/index.js';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors } from '../../platform/http/schemas.js';
import { statsWorkbook } from './excel.js';
import { statsOverview, statsWeakSpots } from './overview.js';
import * as s from './schemas.js';

/** 统计分析 (执法监督看板): the dashboard's series, the weak-spot ranking and the workbook, filtered by period and unit. */
export async function statsRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['stats'];

  app.get(
    '/api/stats/overview',
    {
      schema: {
        tags,
        summary: '执法监督看板:案件分布、办案时限、逾期、音像记录、法制审核、公开时效、月度趋势和薄弱环节',
        querystring: s.StatsQuerySchema,
        response: { 200: s.OverviewSchema, ...commonErrors },
      },
    },
    async (request) => statsOverview(db, request.actor, request.query),
  );
  app.get(
    '/api/stats/weak-spots',
    {
      schema: {
        tags,
        summary: '薄弱环节:指标高于总体水平的单位和执法事项,按项数和超出幅度排序',
        querystring: s.StatsQuerySchema,
        response: { 200: s.WeakSpotsSchema, ...commonErrors },
      },
    },
    async (request) => statsWeakSpots(db, request.actor, request.query),
  );
  app.get(
    '/api/stats/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出统计分析 Excel(每类指标一张工作表)',
        querystring: s.StatsQuerySchema,
        response: { 200: s.XlsxFile, ...commonErrors },
      },
    },
    async (request, reply) => {
      const overview = await statsOverview(db, request.actor, request.query);
      const workbook = await statsWorkbook(overview, new Date().toISOString());
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`统计分析-${overview.filter.from}至${overview.filter.to}.xlsx`))
        .send(workbook);
    },
  );
}
