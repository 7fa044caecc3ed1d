import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.js';
import { commonErrors, ErrorSchema } from '../http/schemas.js';
import { assertIsoDate } from './dates.js';
import * as s from './schemas.js';
import { approveYear, getYear, listYears, loadCalendar, submitYear } from './service.js';

/** /api/calendar: public deadline maths; the administrator's entry and approval of yearly schedules. */
export async function calendarRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  app.get(
    '/api/calendar/deadline',
    {
      schema: {
        tags: ['calendar'],
        summary: '期限计算(起算日不计入;自然日期限届满日为休息日的顺延至下一工作日)',
        querystring: s.DeadlineQuery,
        response: { 200: s.DeadlineSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const { from, days, unit } = request.query;
      assertIsoDate(from, '起算日');
      const calendar = await loadCalendar(db);
      return { date: calendar.deadline(from, days, unit) };
    },
  );

  app.get(
    '/api/calendar/years',
    { schema: { tags: ['calendar'], summary: '已录入的节假日安排年份与提醒', response: { 200: s.YearListSchema, ...commonErrors } } },
    async (request) => listYears(db, request.actor),
  );

  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: '某年节假日安排',
        params: s.YearParams,
        response: { 200: s.YearDetailSchema, ...commonErrors },
      },
    },
    async (request) => getYear(db, request.actor, request.params.year),
  );

  app.post(
    '/api/calendar/years',
    {
      schema: {
        tags: ['calendar'],
        summary: '录入某年节假日安排(草稿)',
        body: s.SubmitYearBody,
        response: { 201: s.YearDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await submitYear(db, request.actor, request.body)),
  );

  app.post(
    '/api/calendar/years/:year/approve',
    {
      schema: {
        tags: ['calendar'],
        summary: '审核通过某年节假日安排',
        params: s.YearParams,
        response: { 200: s.YearDetailSchema, ...commonErrors },
      },
    },
    async (request) => approveYear(db, request.actor, request.params.year),
  );
}
