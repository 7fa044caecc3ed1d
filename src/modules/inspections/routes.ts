import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DrawBundleSchema } from '../../platform/draw/index.js';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, ErrorSchema, IdParams, Page } from '../../platform/http/schemas.js';
import { drawPlan } from './draw-service.js';
import { declareConflict, inspectorDirectory, listConflicts, withdrawConflict } from './inspectors-service.js';
import { abolishItem, createItem, itemVersions, listCurrentItems, reviseItem } from './items-service.js';
import { announcePlan, cancelPlan, createPlan, getPlan, listPlans, previewPlan, updatePlan } from './plans-service.js';
import { drawBundle, getPublicPlan, listPublicItems, listPublicPlans, listPublicResults, listPublicTargets } from './public-reads.js';
import * as s from './schemas.js';
import { openCaseFromTask, startTask } from './task-cases.js';
import { getTask, listTasks, publishResult, recordInspection } from './tasks-service.js';

/** 双随机、一公开: the staff API (/api/inspections/…) and the open data (/api/public/…). */
export async function inspectionsRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['inspections'];
  const base = '/api/inspections';
  const ok = { 204: Type.Null(), ...commonErrors };
  const onePlan = { params: IdParams, response: { 200: s.PlanSchema, ...commonErrors } };
  const oneTask = { params: IdParams, response: { 200: s.TaskSchema, ...commonErrors } };

  // 随机抽查事项清单
  app.get(
    `${base}/items`,
    {
      schema: {
        tags,
        summary: '现行抽查事项清单',
        querystring: s.SearchQuery,
        response: { 200: Type.Array(s.ItemSchema), ...commonErrors },
      },
    },
    async (request) => listCurrentItems(db, request.query.q),
  );
  app.post(
    `${base}/items`,
    { schema: { tags, summary: '新增抽查事项(即时公开)', body: s.ItemBody, response: { 200: s.ItemSchema, ...commonErrors } } },
    async (request) => createItem(db, request.actor, request.body),
  );
  app.get(
    `${base}/items/:code`,
    {
      schema: {
        tags,
        summary: '抽查事项的各版本(最新在前)',
        params: s.CodeParams,
        response: { 200: Type.Array(s.ItemSchema), ...commonErrors },
      },
    },
    async (request) => itemVersions(db, request.params.code),
  );
  app.put(
    `${base}/items/:code`,
    {
      schema: {
        tags,
        summary: '修订抽查事项(新版本;须说明理由)',
        params: s.CodeParams,
        body: s.ItemBody,
        response: { 200: s.ItemSchema, ...commonErrors },
      },
    },
    async (request) => reviseItem(db, request.actor, request.params.code, request.body),
  );
  app.post(
    `${base}/items/:code/abolish`,
    { schema: { tags, summary: '废止抽查事项', params: s.CodeParams, body: s.ReasonBody, response: ok } },
    async (request, reply) => {
      await abolishItem(db, request.actor, request.params.code, request.body.reason);
      return reply.status(204).send(null);
    },
  );

  // 执法检查人员名录库与利害关系申报
  app.get(
    `${base}/inspectors`,
    {
      schema: {
        tags,
        summary: '执法检查人员名录库(机构及下属机构、具备执法类别)',
        querystring: s.InspectorsQuery,
        response: { 200: Type.Array(s.InspectorSchema), ...commonErrors },
      },
    },
    async (request) => inspectorDirectory(db, request.actor, request.query.unitId, request.query.field ?? '劳动保障监察'),
  );
  app.get(
    `${base}/conflicts`,
    {
      schema: {
        tags,
        summary: '在效的利害关系申报',
        querystring: s.ConflictsQuery,
        response: { 200: Type.Array(s.ConflictSchema), ...commonErrors },
      },
    },
    async (request) => listConflicts(db, request.actor, request.query),
  );
  app.post(
    `${base}/conflicts`,
    { schema: { tags, summary: '申报利害关系(抽取时回避)', body: s.ConflictBody, response: { 200: s.ConflictSchema, ...commonErrors } } },
    async (request) => declareConflict(db, request.actor, request.body),
  );
  app.post(
    `${base}/conflicts/:id/withdraw`,
    { schema: { tags, summary: '撤回利害关系申报', params: IdParams, body: s.ReasonBody, response: ok } },
    async (request, reply) => {
      await withdrawConflict(db, request.actor, request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );

  // 抽查计划与抽取
  app.get(
    `${base}/plans`,
    { schema: { tags, summary: '抽查计划', querystring: s.PlansQuery, response: { 200: Page(s.PlanSchema), ...commonErrors } } },
    async (request) => listPlans(db, request.actor, request.query),
  );
  app.post(
    `${base}/plans`,
    { schema: { tags, summary: '制定抽查计划(草稿)', body: s.PlanBody, response: { 200: s.PlanSchema, ...commonErrors } } },
    async (request) => createPlan(db, request.actor, request.body),
  );
  app.get(`${base}/plans/:id`, { schema: { tags, summary: '抽查计划详情', ...onePlan } }, async (request) =>
    getPlan(db, request.actor, request.params.id),
  );
  app.put(`${base}/plans/:id`, { schema: { tags, summary: '修改草稿计划', body: s.PlanBody, ...onePlan } }, async (request) =>
    updatePlan(db, request.actor, request.params.id, request.body),
  );
  app.get(
    `${base}/plans/:id/preview`,
    {
      schema: {
        tags,
        summary: '公告前核对:对象数、各类抽取数、检查人员、不能公告的原因',
        params: IdParams,
        response: { 200: s.PreviewSchema, ...commonErrors },
      },
    },
    async (request) => previewPlan(db, request.actor, request.params.id),
  );
  app.post(
    `${base}/plans/:id/announce`,
    { schema: { tags, summary: '公告计划:冻结名录快照、承诺一次性码、公告随机源(记入账本)', ...onePlan } },
    async (request) => announcePlan(db, request.actor, request.params.id),
  );
  app.post(
    `${base}/plans/:id/draw`,
    { schema: { tags, summary: '录入随机源开奖号码并抽取(每个计划只能抽取一次)', body: s.DrawBody, ...onePlan } },
    async (request) => drawPlan(db, request.actor, request.params.id, request.body),
  );
  app.post(`${base}/plans/:id/cancel`, { schema: { tags, summary: '取消计划(抽取前)', body: s.ReasonBody, ...onePlan } }, async (request) =>
    cancelPlan(db, request.actor, request.params.id, request.body.reason),
  );

  // 检查任务与结果
  app.get(
    `${base}/tasks`,
    { schema: { tags, summary: '检查任务', querystring: s.TasksQuery, response: { 200: Page(s.TaskSchema), ...commonErrors } } },
    async (request) => listTasks(db, request.actor, request.query),
  );
  app.get(`${base}/tasks/:id`, { schema: { tags, summary: '检查任务详情', ...oneTask } }, async (request) =>
    getTask(db, request.actor, request.params.id),
  );
  app.post(
    `${base}/tasks/:id/start`,
    { schema: { tags, summary: '开始检查:登记记录本次检查的行政检查案件(检查组为执法人员)', body: s.StartBody, ...oneTask } },
    async (request) => startTask(db, request.actor, request.params.id, request.body),
  );
  app.post(
    `${base}/tasks/:id/inspect`,
    { schema: { tags, summary: '录入检查情况和结果(公示前可更正;公示期限为检查结束后 20 个工作日)', body: s.InspectBody, ...oneTask } },
    async (request) => recordInspection(db, request.actor, request.params.id, request.body),
  );
  app.post(`${base}/tasks/:id/publish`, { schema: { tags, summary: '公示检查结果', ...oneTask } }, async (request) =>
    publishResult(db, request.actor, request.params.id),
  );
  app.post(
    `${base}/tasks/:id/case`,
    {
      schema: {
        tags,
        summary: '发现问题:登记行政处罚案件(来源「双随机」,与任务关联)',
        params: IdParams,
        body: s.OpenCaseBody,
        response: { 200: Type.Object({ caseId: Type.String() }), ...commonErrors },
      },
    },
    async (request) => openCaseFromTask(db, request.actor, request.params.id, request.body),
  );

  // 公开
  const pub = ['public'];
  const publicErrors = { 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };
  app.get(
    '/api/public/inspection-items',
    {
      schema: {
        tags: pub,
        summary: '随机抽查事项清单(无需登录)',
        querystring: s.SearchQuery,
        response: { 200: Type.Array(s.PublicItemSchema), 400: ErrorSchema },
      },
    },
    async (request) => listPublicItems(db, request.query.q),
  );
  app.get(
    '/api/public/draws',
    {
      schema: {
        tags: pub,
        summary: '抽查计划与抽取(公告后公开;无需登录)',
        querystring: s.PublicPlansQuery,
        response: { 200: Page(s.PublicPlanSchema), 400: ErrorSchema },
      },
    },
    async (request) => listPublicPlans(db, request.query),
  );
  app.get(
    '/api/public/draws/:id',
    {
      schema: {
        tags: pub,
        summary: '抽取记录(sanxiang-draw/1):全部输入和结果,可用 `sanxiang draw verify` 或门户页面重新抽取核验',
        params: IdParams,
        response: { 200: DrawBundleSchema, ...publicErrors },
      },
    },
    async (request) => drawBundle(db, request.params.id),
  );
  app.get(
    '/api/public/draws/:id/plan',
    { schema: { tags: pub, summary: '抽查计划公告', params: IdParams, response: { 200: s.PublicPlanSchema, ...publicErrors } } },
    async (request) => getPublicPlan(db, request.params.id),
  );
  app.get(
    '/api/public/draws/:id/tasks',
    {
      schema: {
        tags: pub,
        summary: '抽查任务:抽中的检查对象和检查组',
        params: IdParams,
        querystring: s.PublicTasksQuery,
        response: { 200: Page(s.PublicTaskSchema), ...publicErrors },
      },
    },
    async (request) => listPublicTargets(db, request.params.id, request.query),
  );
  app.get(
    '/api/public/inspection-results',
    {
      schema: {
        tags: pub,
        summary: '抽查结果公告(最新在前)',
        querystring: s.PublicTasksQuery,
        response: { 200: Page(s.PublicTaskSchema), 400: ErrorSchema },
      },
    },
    async (request) => listPublicResults(db, request.query),
  );
}
