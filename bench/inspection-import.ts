// 检查对象名录库 import at scale: 100,000 entities as CSV (UTF-8) and as .xlsx (shared strings, as Excel
// saves), through the import job itself (stream-read, check every row, one transaction of multi-row
// upserts, one event). Each file is imported into an empty directory, then again unchanged, then with
// every row changed (the worst case of the upsert).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { startEntityImport } from '../src/modules/inspections/entities-import.js';
import { cellsOf, csvText, entityRecord, HEADERS } from '../src/modules/inspections/entities-testing.js';
import type { ImportView } from '../src/modules/inspections/entities-views.js';
import type { UserActor } from '../src/platform/auth/actor.js';
import type { DialectName } from '../src/platform/db/dialect.js';
import { dialectsToBench, freshDb, type Row } from './support.js';

const ROWS = Number(process.env.BENCH_ENTITIES ?? 100_000);
const TARGET = '< 60 s';

const actor: UserActor = {
  kind: 'user',
  userId: 'bench',
  username: 'bench',
  displayName: '基准测试',
  unitId: 'bench',
  unitPath: '/bench/',
  roles: ['legal_reviewer'],
};

function rows(changed: boolean): string[][] {
  return Array.from({ length: ROWS }, (_, i) => cellsOf(entityRecord(i + 1, changed ? { phone: '13900000000', riskClass: 'C' } : {})));
}

/** A streamed .xlsx (exceljs's writer with shared strings), collected in memory. */
async function xlsxOf(data: readonly string[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet('检查对象');
  sheet.addRow(HEADERS).commit();
  for (const row of data) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function timedImport(db: Parameters<typeof startEntityImport>[0], fileName: string, body: Buffer) {
  const start = performance.now();
  const { view, finished } = await startEntityImport(db, actor, { fileName, body });
  await finished;
  const seconds = (performance.now() - start) / 1000;
  const done = await db.selectFrom('inspection_entity_imports').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
  const summary = JSON.parse(done.summary ?? '{}') as ImportView['summary'];
  if (done.state !== 'done' || !summary) throw new Error(`import ${fileName} ended ${done.state}: ${done.errors.slice(0, 300)}`);
  return { seconds, summary };
}

const mb = (b: Buffer) => `${(b.length / 1024 / 1024).toFixed(1)} MB`;

export async function benchInspectionImport(): Promise<Row[]> {
  const out: Row[] = [];
  const csv = Buffer.from(csvText(rows(false)));
  const csvChanged = Buffer.from(csvText(rows(true)));
  const xlsx = await xlsxOf(rows(false));
  const xlsxChanged = await xlsxOf(rows(true));
  const files = [
    { format: 'csv', same: csv, changed: csvChanged },
    { format: 'xlsx', same: xlsx, changed: xlsxChanged },
  ];
  for (const dialect of (await dialectsToBench()) as DialectName[]) {
    for (const file of files) {
      const { db, done } = await freshDb(dialect);
      try {
        const k = db.kysely;
        const label = `${ROWS.toLocaleString('en')} rows, ${file.format} ${mb(file.same)}`;
        const steps = [
          { what: 'new', body: file.same, expect: 'created' },
          { what: 'unchanged', body: file.same, expect: 'unchanged' },
          { what: 'all changed', body: file.changed, expect: 'updated' },
        ] as const;
        for (const step of steps) {
          const { seconds, summary } = await timedImport(k, `bench.${file.format}`, step.body);
          if (summary?.[step.expect] !== ROWS) throw new Error(`${label} ${step.what}: ${JSON.stringify(summary)}`);
          const phases = `read ${((summary?.readMs ?? 0) / 1000).toFixed(1)}, write ${((summary?.writeMs ?? 0) / 1000).toFixed(1)}`;
          out.push({
            suite: 'entities',
            dialect,
            name: `import ${label}: ${step.what}`,
            value: `${seconds.toFixed(1)} s (${phases})`,
            target: TARGET,
          });
          console.log(`  ${dialect} ${file.format} ${step.what}: ${seconds.toFixed(1)} s`);
        }
      } finally {
        await done();
      }
    }
  }
  return out;
}
