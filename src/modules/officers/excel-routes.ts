import type { FastifyInstance } from 'fastify';
import { excelRoutes } from '../../platform/excel/index.js';
import type { AppContext } from '../../platform/http/context.js';
import { exportOfficers, importTemplate } from './export-service.js';
import { importOfficers } from './import-service.js';

/** 执法人员 Excel: the import template, the import (all rows or nothing) and the export. */
export async function officersExcelRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.db.kysely;
  await excelRoutes(fastify, {
    base: '/api/officers',
    tags: ['officers'],
    label: '执法人员',
    importSummary: '从 Excel 导入执法人员(按执法证件号码新增或更新;有任何错误则不写入)',
    resultFields: { created: '新增人数', updated: '更新人数', unchanged: '与系统一致、未变更的行数' },
    template: (actor) => importTemplate(actor),
    import: (actor, body) => importOfficers(db, actor, body),
    export: (actor) => exportOfficers(db, actor),
  });
}
