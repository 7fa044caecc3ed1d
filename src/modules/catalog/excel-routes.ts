import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { excelRoutes } from '../../platform/excel/index.js';
import {
  BENCHMARKS_SPREADSHEET,
  exportSpreadsheet,
  ITEMS_SPREADSHEET,
  importSpreadsheet,
  type Spreadsheet,
  spreadsheetTemplate,
} from './excel-service.js';
import { KIND_PATHS } from './kind-registry.js';

async function spreadsheetRoutes<D, M extends string>(fastify: FastifyInstance, db: Kysely<Database>, s: Spreadsheet<D, M>): Promise<void> {
  await excelRoutes(fastify, {
    base: `/api/catalog/${KIND_PATHS[s.def.kind].staff}`,
    tags: ['catalog'],
    label: s.def.label,
    importSummary: `从 Excel 导入${s.def.label}(按编码新建或生成新版本草稿,不发布;有任何错误则不写入)`,
    resultFields: { created: `新建的${s.def.label}数`, updated: '生成或更新草稿的数量', unchanged: '与系统一致、未变更的数量' },
    template: (actor) => spreadsheetTemplate(db, actor, s),
    import: (actor, body) => importSpreadsheet(db, actor, s, body),
    export: (actor) => exportSpreadsheet(db, actor, s),
  });
}

/** Excel template, import and export of 执法事项 and 裁量基准. */
export async function catalogExcelRoutes(fastify: FastifyInstance, db: Kysely<Database>): Promise<void> {
  await spreadsheetRoutes(fastify, db, ITEMS_SPREADSHEET);
  await spreadsheetRoutes(fastify, db, BENCHMARKS_SPREADSHEET);
}
