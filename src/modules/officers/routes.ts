import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, IdParams, Page } from '../../platform/http/schemas.js';
import { officersExcelRoutes } from './excel-routes.js';
import { createOfficer, deleteOfficer, getOfficer, listExpiryAlerts, listOfficers, updateOfficer } from './officers-service.js';
import { rosterRoutes } from './roster-routes.js';
import * as s from './schemas.js';
import { addTraining, listTraining, removeTraining } from './training-service.js';

/** HTTP routes of the officers module: 执法人员, 培训记录, expiry alerts, then the roster (清单) routes. */
export async function officersRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['officers'];

  app.get(
    '/api/officers',
    {
      schema: {
        tags,
        summary: '执法人员列表',
        querystring: s.ListOfficersQuery,
        response: { 200: Page(s.OfficerSchema), ...commonErrors },
      },
    },
    async (request) => listOfficers(db, request.actor, request.query),
  );

  app.get(
    '/api/officers/alerts',
    { schema: { tags, summary: '执法证件 30 日内到期提醒', response: { 200: s.AlertsSchema, ...commonErrors } } },
    async (request) => listExpiryAlerts(db, request.actor),
  );

  app.post(
    '/api/officers',
    { schema: { tags, summary: '登记执法人员', body: s.CreateOfficerBody, response: { 201: s.OfficerSchema, ...commonErrors } } },
    async (request, reply) => reply.status(201).send(await createOfficer(db, request.actor, request.body)),
  );

  app.get(
    '/api/officers/:id',
    { schema: { tags, summary: '执法人员详情', params: IdParams, response: { 200: s.OfficerSchema, ...commonErrors } } },
    async (request) => getOfficer(db, request.actor, request.params.id),
  );

  app.patch(
    '/api/officers/:id',
    {
      schema: {
        tags,
        summary: '修改执法人员信息',
        params: IdParams,
        body: s.UpdateOfficerBody,
        response: { 200: s.OfficerSchema, ...commonErrors },
      },
    },
    async (request) => updateOfficer(db, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/api/officers/:id',
    { schema: { tags, summary: '删除执法人员(仅限从未列入清单的)', params: IdParams, response: { 204: Type.Null(), ...commonErrors } } },
    async (request, reply) => {
      await deleteOfficer(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/officers/:id/training',
    {
      schema: {
        tags,
        summary: '培训记录',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(s.TrainingSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await listTraining(db, request.actor, request.params.id) }),
  );

  app.post(
    '/api/officers/:id/training',
    {
      schema: {
        tags,
        summary: '登记培训记录',
        params: IdParams,
        body: s.TrainingBody,
        response: { 201: s.TrainingSchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await addTraining(db, request.actor, request.params.id, request.body)),
  );

  app.delete(
    '/api/officers/:id/training/:trainingId',
    { schema: { tags, summary: '删除培训记录', params: s.TrainingParams, response: { 204: Type.Null(), ...commonErrors } } },
    async (request, reply) => {
      await removeTraining(db, request.actor, request.params.id, request.params.trainingId);
      return reply.status(204).send(null);
    },
  );

  await officersExcelRoutes(fastify, ctx);
  await rosterRoutes(fastify, ctx);
}
