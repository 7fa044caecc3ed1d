import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, requireUser } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/schema.js';
import { conflict, notFound } from '../../platform/errors.js';
import { failImport, findImport, type ImportRow, insertImport, listImports, readingImports } from './entities-import-repository.js';
import { type ImportObserver, runImport } from './entities-import-run.js';
import { sniffFormat } from './entities-read.js';
import {
  IMPORT_STATES,
  type ImportErrorView,
  type ImportState,
  type ImportSummaryView,
  type ImportView,
  MAX_STORED_ERRORS,
} from './entities-views.js';
import { can } from './policy.js';

/**
 * Imports of the 检查对象名录库 as jobs: the upload is accepted at once (202) and read, checked and written
 * in the background of this process, while the console polls the import's state. One import at a time.
 */

const IMPORT_MESSAGE = '只有政策法规科、科室负责人或系统管理员可以导入检查对象名录';

/**
 * A reading import older than this that this process is not running was cut off (restart, crash): it is
 * reported failed when next read. A 100,000-row import takes well under a minute; this leaves room for slow disks.
 */
export const STALE_AFTER_MS = 15 * 60_000;
const INTERRUPTED = '导入因服务重启或异常中断,未写入任何数据,请重新导入';

/** Jobs running in this process (their rows are never stale here, however long they take). */
const running = new Set<string>();
/** Databases where an import is being started: closes the gap between the check for a running import and the insert. */
const starting = new WeakSet<object>();

export interface UploadedFile {
  readonly fileName: string;
  readonly body: Buffer;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorsOf(text: string): ImportErrorView[] {
  const parsed = parseJson(text);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const { row, column, reason } = e as Record<string, unknown>;
    if (typeof reason !== 'string') return [];
    return [{ row: typeof row === 'number' ? row : null, column: typeof column === 'string' ? column : null, reason }];
  });
}

function summaryOf(text: string | null): ImportSummaryView | null {
  const parsed = parseJson(text);
  if (typeof parsed !== 'object' || parsed === null) return null;
  const s = parsed as Partial<ImportSummaryView>;
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    created: n(s.created),
    updated: n(s.updated),
    unchanged: n(s.unchanged),
    inactive: n(s.inactive),
    sha256: typeof s.sha256 === 'string' ? s.sha256 : '',
    readMs: n(s.readMs),
    writeMs: n(s.writeMs),
  };
}

const stateOf = (state: string): ImportState => IMPORT_STATES.find((s) => s === state) ?? 'failed';

export function importView(row: ImportRow): ImportView {
  return {
    id: row.id,
    fileName: row.file_name,
    state: stateOf(row.state),
    rowsRead: Number(row.rows_read),
    rowsWritten: Number(row.rows_written),
    errorCount: Number(row.error_count),
    errors: errorsOf(row.errors),
    summary: summaryOf(row.summary),
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/** The row as it stands, a cut-off job first declared failed (reads settle what a crash left behind). */
async function settled(db: Kysely<Database>, row: ImportRow, nowMs = Date.now()): Promise<ImportRow> {
  if (row.state !== 'reading' || running.has(row.id) || nowMs - Date.parse(row.created_at) < STALE_AFTER_MS) return row;
  const errors = JSON.stringify([{ row: null, column: null, reason: INTERRUPTED }]);
  await failImport(db, row.id, { rowsRead: null, errorCount: 1, errors, finishedAt: new Date(nowMs).toISOString() });
  return (await findImport(db, row.id)) ?? row;
}

/** Only the last path segment, without control characters, within the column's reasonable size. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c >= ' ' && c !== '\u007f')
    .join('')
    .trim()
    .slice(0, 200);
  return clean === '' ? '未命名文件' : clean;
}

/**
 * Accepts an upload: refuses an empty or .xls file at once (400) and a second import while one runs
 * (409 `import_running`), stores the import as `reading` and starts the job. `finished` settles when the
 * job has ended (it never rejects); the route does not wait for it.
 */
export async function startEntityImport(
  db: Kysely<Database>,
  actor: Actor,
  file: UploadedFile,
  observer: ImportObserver = {},
): Promise<{ view: ImportView; finished: Promise<void> }> {
  const user = requireUser(actor);
  authorize(can(actor, 'inspection.entities'), IMPORT_MESSAGE);
  const format = sniffFormat(file.body);
  const busy = () => conflict('import_running', '已有一个检查对象名录导入正在进行,请等待其完成后再导入');
  if (starting.has(db)) throw busy();
  starting.add(db);
  const id = randomUUID();
  const fileName = cleanFileName(file.fileName);
  try {
    for (const row of await readingImports(db)) {
      if ((await settled(db, row)).state === 'reading') throw busy();
    }
    await insertImport(db, { id, fileName, createdBy: user.userId, createdAt: new Date().toISOString() });
    running.add(id);
  } finally {
    starting.delete(db);
  }
  // The answer shows the import as stored, before the job has read a row: read it before the job starts.
  const row = await findImport(db, id);
  if (!row) throw new Error(`import ${id} vanished`);
  const sha256 = createHash('sha256').update(file.body).digest('hex');
  const finished = runImport(db, actor, { id, fileName, sha256, body: file.body, format }, observer).finally(() => running.delete(id));
  return { view: importView(row), finished };
}

async function readableImport(db: Kysely<Database>, actor: Actor, id: string): Promise<ImportRow> {
  requireUser(actor);
  authorize(can(actor, 'inspection.entities'), IMPORT_MESSAGE);
  const row = await findImport(db, id);
  if (!row) throw notFound('import_not_found', '没有找到该导入记录');
  return settled(db, row);
}

export async function getEntityImport(db: Kysely<Database>, actor: Actor, id: string): Promise<ImportView> {
  return importView(await readableImport(db, actor, id));
}

/** The latest imports, newest first (the console finds a running one after a reload here). */
export async function listEntityImports(db: Kysely<Database>, actor: Actor, limit = 20): Promise<ImportView[]> {
  requireUser(actor);
  authorize(can(actor, 'inspection.entities'), IMPORT_MESSAGE);
  const rows = await listImports(db, limit);
  return Promise.all(rows.map(async (row) => importView(await settled(db, row))));
}

/** A CSV cell: quoted when needed, and defused when a spreadsheet would take it for a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The error report (the stored first MAX_STORED_ERRORS problems) as CSV with a UTF-8 BOM, which Excel needs for Chinese. */
export async function importErrorsCsv(db: Kysely<Database>, actor: Actor, id: string): Promise<{ filename: string; body: string }> {
  const view = importView(await readableImport(db, actor, id));
  const lines = [
    ['行号', '列名', '原因'],
    ...view.errors.map((e) => [e.row === null ? '整个文件' : String(e.row), e.column ?? '', e.reason]),
  ];
  if (view.errorCount > view.errors.length) {
    lines.push(['', '', `共 ${view.errorCount} 处错误,此处列出前 ${MAX_STORED_ERRORS} 处;改正后重新导入可看到其余错误`]);
  }
  const stem = view.fileName.replace(/\.[^.]*$/, '');
  return {
    filename: `${stem}-错误报告.csv`,
    body: `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`,
  };
}
