import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, IdParams, Page } from '../../platform/http/schemas.js';
import { sendDocx } from '../documents/index.js';
import { concludeReview } from './review-opinion.js';
import { consult, escalateReview, recordReply, resubmitReview, settleReview } from './review-rounds.js';
import { extendReview, getReview, listReviews, openOpinionDocument, reviewOfCase, submitReview, takeReview } from './review-service.js';
import * as s from './schemas.js';
import { publicReviewCounts, recentYears, reviewStats } from './stats.js';

/** The 法制审核 API: submit, take, consult, conclude with a signed opinion, resubmit, escalate, settle. */
export async function reviewsRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['reviews'];
  const one = { params: IdParams, response: { 200: s.ReviewSchema, ...commonErrors } };

  app.get(
    '/api/reviews',
    {
      schema: {
        tags,
        summary: '法制审核列表(审核人员:本人承办的和待承办的;承办机构:本机构的)',
        querystring: s.ListReviewsQuery,
        response: { 200: Page(s.ReviewSummarySchema), ...commonErrors },
      },
    },
    async (request) => listReviews(db, request.actor, request.query),
  );
  app.post(
    '/api/reviews',
    {
      schema: {
        tags,
        summary: '报送法制审核(材料由案件生成并冻结;不完整时列明所缺材料)',
        body: s.SubmitBody,
        response: { 201: s.ReviewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await submitReview(
          db,
          { blobs: ctx.blobs },
          request.actor,
          request.body.caseId,
          {
            statement: request.body.statement,
            reportEvidenceIds: request.body.reportEvidenceIds ?? [],
            attested: request.body.attested,
            proposal: request.body.proposal,
          },
          ctx.config.reviewDays,
        ),
      ),
  );
  app.get(
    '/api/reviews/stats',
    {
      schema: {
        tags,
        summary: '法制审核统计(按送审年份:每月送审、办结、退回,平均用时,退回比例,常见问题)',
        querystring: s.StatsQuery,
        response: { 200: s.ReviewStatsSchema, ...commonErrors },
      },
    },
    async (request) => reviewStats(db, request.actor, request.query.year ?? Number(shanghaiToday().slice(0, 4))),
  );
  app.get(
    '/api/public/review-stats',
    {
      schema: {
        tags: ['public'],
        summary: '重大执法决定法制审核情况(按年度:审核的决定数、审核同意数、审核轮次、退回次数)',
        response: { 200: Type.Array(s.PublicReviewCountSchema) },
      },
    },
    async () => publicReviewCounts(db, recentYears()),
  );
  app.get(
    '/api/reviews/opinions/:id/docx',
    {
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: '下载法制审核意见书(审核人员和承办机构均可;记录调阅)',
        params: IdParams,
        response: { 200: Type.Unknown({ description: '.docx 文件' }), ...commonErrors },
      },
    },
    async (request, reply) => sendDocx(reply, await openOpinionDocument(db, ctx.blobs, request.actor, request.params.id)),
  );
  app.get(
    '/api/reviews/by-case/:caseId',
    {
      schema: {
        tags,
        summary: '案件的法制审核(未报送时为 null)',
        params: s.CaseParams,
        response: { 200: Type.Union([s.ReviewSchema, Type.Null()]), ...commonErrors },
      },
    },
    async (request) => reviewOfCase(db, request.actor, request.params.caseId),
  );
  app.get('/api/reviews/:id', { schema: { tags, summary: '法制审核详情', ...one } }, async (request) =>
    getReview(db, request.actor, request.params.id),
  );
  app.post('/api/reviews/:id/take', { schema: { tags, summary: '承办法制审核(须具有法律职业资格)', ...one } }, async (request) =>
    takeReview(db, request.actor, request.params.id),
  );
  app.post(
    '/api/reviews/:id/extend',
    { schema: { tags, summary: '延长审核期限(默认 3 个工作日,可配置;局领导批准)', body: s.ReasonBody, ...one } },
    async (request) => extendReview(db, request.actor, request.params.id, request.body.reason, ctx.config.reviewDays),
  );
  app.post(
    '/api/reviews/:id/opinion',
    {
      schema: {
        tags,
        summary: '出具审核意见(逐项审核;生成并签名《重大行政执法决定法制审核意见书》)',
        body: s.OpinionBody,
        ...one,
      },
    },
    async (request) =>
      concludeReview(db, { blobs: ctx.blobs, signers: ctx.ledger.signers }, request.actor, request.params.id, request.body),
  );
  app.post(
    '/api/reviews/:id/resubmit',
    { schema: { tags, summary: '逐项说明整改情况后重新报送', body: s.ResubmitBody, ...one } },
    async (request) =>
      resubmitReview(
        db,
        { blobs: ctx.blobs },
        request.actor,
        request.params.id,
        {
          statement: request.body.statement,
          reportEvidenceIds: request.body.reportEvidenceIds ?? [],
          attested: request.body.attested,
          proposal: request.body.proposal,
          answers: request.body.answers,
        },
        ctx.config.reviewDays,
      ),
  );
  app.post(
    '/api/reviews/:id/escalate',
    { schema: { tags, summary: '承办机构不同意审核意见,提请集体讨论', body: s.ReasonBody, ...one } },
    async (request) => escalateReview(db, request.actor, request.params.id, request.body.reason),
  );
  app.post('/api/reviews/:id/settle', { schema: { tags, summary: '记录集体讨论决定', body: s.SettleBody, ...one } }, async (request) =>
    settleReview(db, request.actor, request.params.id, request.body),
  );
  app.post('/api/reviews/:id/consultations', { schema: { tags, summary: '咨询法律顾问', body: s.ConsultBody, ...one } }, async (request) =>
    consult(db, request.actor, request.params.id, request.body),
  );
  app.post(
    '/api/reviews/:id/consultations/:consultationId/reply',
    {
      schema: {
        tags,
        summary: '记录法律顾问答复',
        params: s.ConsultationParams,
        body: s.ReplyBody,
        response: { 200: s.ReviewSchema, ...commonErrors },
      },
    },
    async (request) => recordReply(db, request.actor, request.params.id, request.params.consultationId, request.body.reply),
  );
}
