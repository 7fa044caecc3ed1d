import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { attachment, XLSX_TYPE } from '../../platform/excel/index.js';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, IdParams } from '../../platform/http/schemas.js';
import { resultsWorkbook } from './evaluation-excel.js';
import * as s from './evaluation-schemas.js';
import { evaluationResults, getEvaluation, saveEvaluationScores, submitEvaluation } from './evaluation-score-service.js';
import {
  closeEvaluationRound,
  createEvaluationRound,
  getEvaluationRound,
  getEvaluationSheet,
  listEvaluationRounds,
  saveEvaluationSheet,
} from './evaluation-service.js';

/** 案卷评查: the 评查标准, rounds with their random sample, scoring each file, results per unit and officer. */
export async function evaluationRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['archives'];
  const base = '/api/archive';
  const oneRound = { params: IdParams, response: { 200: s.RoundSchema, ...commonErrors } };
  const oneEvaluation = { params: IdParams, response: { 200: s.EvaluationSchema, ...commonErrors } };

  app.get(
    `${base}/evaluation-sheet`,
    {
      schema: { tags, summary: '现行案卷评查标准(评查项目、分值、自动检查)及历次版本', response: { 200: s.SheetSchema, ...commonErrors } },
    },
    async (request) => getEvaluationSheet(db, request.actor),
  );
  app.put(
    `${base}/evaluation-sheet`,
    {
      schema: {
        tags,
        summary: '修订评查标准:保存为新版本(分值为正整数、代码不重复、合计 100 分);已开始的评查活动仍用原版本',
        body: s.SheetBody,
        response: { 200: s.SheetSchema, ...commonErrors },
      },
    },
    async (request) => saveEvaluationSheet(db, request.actor, request.body),
  );

  app.get(
    `${base}/evaluation-rounds`,
    { schema: { tags, summary: '评查活动', response: { 200: Type.Array(s.RoundSummarySchema), ...commonErrors } } },
    async (request) => listEvaluationRounds(db, request.actor),
  );
  app.post(
    `${base}/evaluation-rounds`,
    {
      schema: {
        tags,
        summary: '发起评查活动:从该年度已归档案卷中随机抽取(种子与抽取结果记入账本),每件案卷预填自动检查结果',
        body: s.CreateRoundBody,
        response: { 200: s.RoundSchema, ...commonErrors },
      },
    },
    async (request) => createEvaluationRound(db, request.actor, request.body),
  );
  app.get(
    `${base}/evaluation-rounds/:id`,
    { schema: { tags, summary: '评查活动详情:抽取的案卷及评查进度', ...oneRound } },
    async (request) => getEvaluationRound(db, request.actor, request.params.id),
  );
  app.post(
    `${base}/evaluation-rounds/:id/close`,
    { schema: { tags, summary: '结束评查活动(全部案卷已提交评查结果)', ...oneRound } },
    async (request) => closeEvaluationRound(db, request.actor, request.params.id),
  );
  app.get(
    `${base}/evaluation-rounds/:id/results`,
    {
      schema: {
        tags,
        summary: '评查结果:按单位、按执法人员的件数、平均分、最低分和主要扣分项目',
        params: IdParams,
        response: { 200: s.ResultsSchema, ...commonErrors },
      },
    },
    async (request) => evaluationResults(db, request.actor, request.params.id),
  );
  app.get(
    `${base}/evaluation-rounds/:id/results.xlsx`,
    { schema: { tags, summary: '导出评查结果 Excel', params: IdParams, response: { 200: s.XlsxFile, ...commonErrors } } },
    async (request, reply) => {
      const results = await evaluationResults(db, request.actor, request.params.id);
      const workbook = await resultsWorkbook(results, new Date().toISOString());
      return reply
        .type(XLSX_TYPE)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachment(`案卷评查结果-${results.round.title}.xlsx`))
        .send(workbook);
    },
  );

  app.get(
    `${base}/evaluations/:id`,
    { schema: { tags, summary: '一件案卷的评查表:评查项目、自动检查发现、扣分和理由', ...oneEvaluation } },
    async (request) => getEvaluation(db, request.actor, request.params.id),
  );
  app.put(
    `${base}/evaluations/:id`,
    { schema: { tags, summary: '保存评查草稿(扣分不超过项目分值,扣分须写明理由)', body: s.ScoresBody, ...oneEvaluation } },
    async (request) => saveEvaluationScores(db, request.actor, request.params.id, request.body),
  );
  app.post(
    `${base}/evaluations/:id/submit`,
    { schema: { tags, summary: '提交评查结果(提交后不可更改)', ...oneEvaluation } },
    async (request) => submitEvaluation(db, request.actor, request.params.id),
  );
}
