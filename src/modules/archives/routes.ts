import path from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { attachment } from '../../platform/excel/index.js';
import type { AppContext } from '../../platform/http/context.js';
import { commonErrors, IdParams, Page } from '../../platform/http/schemas.js';
import { checkCaseFile, exportCaseFileZip, setLegalHold, supplementCaseFile } from './case-file-actions.js';
import { getCaseFile, listCaseFiles, listPendingCases } from './case-files-read.js';
import { acceptCaseFile, previewCaseFile } from './case-files-service.js';
import { decideDisposalList, executeDisposalList, getDisposalList, listDisposalLists, proposeDisposalList } from './disposal-service.js';
import * as s from './schemas.js';

/** 归档: case files (案卷) waiting, accepted and exported; supplements, holds, 四性检测; 销毁清单. */
export async function archivesRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const deps = { blobs: ctx.blobs, ledger: ctx.ledger };
  const tags = ['archives'];
  const base = '/api/archive';
  const oneFile = { params: IdParams, response: { 200: s.CaseFileSchema, ...commonErrors } };
  const oneList = { params: IdParams, response: { 200: s.DisposalListSchema, ...commonErrors } };

  app.get(
    `${base}/pending`,
    {
      schema: {
        tags,
        summary: '待归档:已结案、尚未接收归档的案件',
        querystring: s.PendingQuery,
        response: { 200: Type.Array(s.ClosedCaseSchema), ...commonErrors },
      },
    },
    async (request) => listPendingCases(db, request.actor, request.query),
  );
  app.get(
    `${base}/cases/:caseId/plan`,
    {
      schema: {
        tags,
        summary: '组卷预览:卷内顺序、保管期限、建议页数和四性检测结果(不保存)',
        params: s.CaseIdParams,
        response: { 200: s.PlanSchema, ...commonErrors },
      },
    },
    async (request) => previewCaseFile(db, deps, request.actor, request.params.caseId),
  );
  app.post(
    `${base}/cases/:caseId/accept`,
    {
      schema: {
        tags,
        summary: '档案管理员接收归档:四性检测通过后编档号,生成封面、卷内目录和备考表,案卷此后不可更改',
        params: s.CaseIdParams,
        body: s.AcceptBody,
        response: { 200: s.CaseFileSchema, ...commonErrors },
      },
    },
    async (request) => acceptCaseFile(db, deps, request.actor, request.params.caseId, request.body),
  );

  app.get(
    `${base}/files`,
    {
      schema: {
        tags,
        summary: '已归档案卷(含案件 ID)',
        querystring: s.FilesQuery,
        response: { 200: Page(s.CaseFileSummarySchema), ...commonErrors },
      },
    },
    async (request) => listCaseFiles(db, request.actor, request.query),
  );
  app.get(`${base}/files/:id`, { schema: { tags, summary: '案卷详情:卷内文件、补充归档、四性检测报告', ...oneFile } }, async (request) =>
    getCaseFile(db, request.actor, request.params.id),
  );
  app.post(
    `${base}/files/:id/supplements`,
    { schema: { tags, summary: '补充归档:把归档后案件新增的文书、证据追加为补充件(原卷不变)', body: s.SupplementBody, ...oneFile } },
    async (request) => supplementCaseFile(db, deps, request.actor, request.params.id, request.body),
  );
  app.post(
    `${base}/files/:id/checks`,
    {
      schema: {
        tags,
        summary: '四性检测(真实性、完整性、可用性、安全性),报告留存',
        params: IdParams,
        response: { 200: s.CheckSchema, ...commonErrors },
      },
    },
    async (request) => checkCaseFile(db, deps, request.actor, request.params.id),
  );
  app.put(
    `${base}/files/:id/hold`,
    { schema: { tags, summary: '冻结(诉讼、复议、审计等)或解除冻结;冻结的案卷不得销毁', body: s.HoldBody, ...oneFile } },
    async (request) => setLegalHold(db, request.actor, request.params.id, request.body.reason),
  );
  app.get(
    `${base}/files/:id/export`,
    {
      schema: {
        tags,
        summary: '导出 BagIt 归档包(ZIP),可用 sanxiang verify-bag 离线核验',
        params: IdParams,
        response: { 200: Type.Unknown({ description: 'application/zip' }), ...commonErrors },
      },
    },
    async (request, reply) => {
      const bag = await exportCaseFileZip(db, deps, request.actor, request.params.id, path.join(ctx.config.dataDir, 'tmp'));
      return reply
        .type('application/zip')
        .header('content-length', bag.length)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachment(bag.fileName))
        .send(bag.stream);
    },
  );

  app.get(
    `${base}/disposal-lists`,
    { schema: { tags, summary: '销毁清单', response: { 200: Type.Array(s.DisposalListSchema), ...commonErrors } } },
    async (request) => listDisposalLists(db, request.actor),
  );
  app.post(
    `${base}/disposal-lists`,
    {
      schema: {
        tags,
        summary: '编制销毁清单(仅保管期满、未冻结的案卷;否则整单拒绝并逐卷说明)',
        body: s.ProposeBody,
        response: { 200: s.DisposalListSchema, ...commonErrors },
      },
    },
    async (request) => proposeDisposalList(db, request.actor, request.body),
  );
  app.get(`${base}/disposal-lists/:id`, { schema: { tags, summary: '销毁清单详情', ...oneList } }, async (request) =>
    getDisposalList(db, request.actor, request.params.id),
  );
  app.post(
    `${base}/disposal-lists/:id/decision`,
    { schema: { tags, summary: '局领导审批销毁清单(批准须填同级档案部门批复文号)', body: s.DecideBody, ...oneList } },
    async (request) => decideDisposalList(db, request.actor, request.params.id, request.body),
  );
  app.post(
    `${base}/disposal-lists/:id/execute`,
    { schema: { tags, summary: '执行已批准的销毁清单:内容删除,账本保留哈希与销毁记录', ...oneList } },
    async (request) => executeDisposalList(db, deps, request.actor, request.params.id),
  );
}
