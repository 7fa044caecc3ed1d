import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/schema.js';
import { inTransaction, type Trx } from '../../platform/db/transaction.js';
import { recordEvent } from '../../platform/events/record-event.js';
import { fieldProblems, headerOfKey, normalizeFields, normalizeUscc, sameFields, usccProblem } from './entities-fields.js';
import { completeImport, failImport, setRowsRead } from './entities-import-repository.js';
import { type EntityRawRow, type FileFormat, FileProblem, readEntityRows } from './entities-read.js';
import { analyzeEntities, type EntityRecord, entitiesByUscc, fieldsOf, upsertEntities } from './entities-repository.js';
import { type ImportErrorView, type ImportSummaryView, MAX_STORED_ERRORS } from './entities-views.js';

/**
 * The work of one import job, after the upload was accepted: read and check every row (publishing
 * `rows_read` as it goes), then either record the problems and write nothing, or write every row in one
 * transaction with one event.
 */

export const IMPORTED_EVENT = 'inspection.entities_imported';
export const IMPORT_SUBJECT = 'inspection_entity_import';

export interface ImportObserver {
  /** Rows between two `rows_read` updates. */
  readonly progressEvery?: number;
  /** Called after each `rows_read` update (the bench prints progress; tests look at the stored row then). */
  readonly onProgress?: (rowsRead: number) => Promise<void> | void;
  /** Unexpected failures (database down …), for the server log: the import itself only says it failed. */
  readonly log?: (error: unknown) => void;
}

export interface ImportJob {
  readonly id: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly body: Buffer;
  readonly format: FileFormat;
}

const PROGRESS_EVERY = 2000;
const INTERNAL = '导入时发生系统错误,未写入任何数据,请稍后重新导入';

/** Problems as kept: all counted, the first MAX_STORED_ERRORS listed. */
class Problems {
  count = 0;
  readonly list: ImportErrorView[] = [];

  add(row: number | null, column: string | null, reason: string): void {
    this.count += 1;
    if (this.list.length < MAX_STORED_ERRORS) this.list.push({ row, column, reason });
  }
}

/** Checks one row; its entity, or null after reporting every problem it has. */
function checkRow(raw: EntityRawRow, firstRowOf: Map<string, number>, problems: Problems): EntityRecord | null {
  const before = problems.count;
  const uscc = normalizeUscc(raw.cells.uscc);
  const usccHeader = headerOfKey('uscc');
  const bad = usccProblem(uscc);
  const first = firstRowOf.get(uscc);
  if (bad !== null) problems.add(raw.row, usccHeader, bad);
  else if (first !== undefined) problems.add(raw.row, usccHeader, `「${uscc}」与第${first}行重复`);
  else firstRowOf.set(uscc, raw.row);
  const fields = normalizeFields(raw.cells);
  for (const p of fieldProblems(fields)) problems.add(raw.row, headerOfKey(p.key), p.reason);
  return problems.count === before ? { uscc, ...fields } : null;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads the whole file; the valid entities, or nothing when any row (or the file) has a problem. */
async function readAll(db: Kysely<Database>, job: ImportJob, problems: Problems, observer: ImportObserver) {
  const records: EntityRecord[] = [];
  const firstRowOf = new Map<string, number>();
  const every = observer.progressEvery ?? PROGRESS_EVERY;
  let rowsRead = 0;
  try {
    for await (const raw of readEntityRows(job.body, job.format)) {
      rowsRead += 1;
      const record = checkRow(raw, firstRowOf, problems);
      if (record && problems.count === 0) records.push(record);
      if (rowsRead % every === 0) {
        await setRowsRead(db, job.id, rowsRead);
        await observer.onProgress?.(rowsRead);
        // CSV rows come from a synchronous parser: let requests (the console's polling) in between.
        await yieldToEventLoop();
      }
    }
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    problems.add(error.row, null, error.message);
  }
  return { records, rowsRead };
}

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
  inactive: number;
}

/**
 * Upserts the entities and records the one event that says so (counts and the file's SHA-256). Unchanged
 * rows are not written; deactivated entities are updated but stay inactive.
 */
export async function applyEntities(
  trx: Trx,
  actor: Actor,
  input: { importId: string; fileName: string; sha256: string; records: readonly EntityRecord[]; now: string },
): Promise<WriteCounts> {
  const existing = await entitiesByUscc(
    trx,
    input.records.map((r) => r.uscc),
  );
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0, inactive: 0 };
  const toWrite: EntityRecord[] = [];
  for (const record of input.records) {
    const old = existing.get(record.uscc);
    if (old === undefined) {
      counts.created += 1;
      toWrite.push(record);
      continue;
    }
    if (Number(old.active) === 0) counts.inactive += 1;
    if (sameFields(fieldsOf(old), record)) counts.unchanged += 1;
    else {
      counts.updated += 1;
      toWrite.push(record);
    }
  }
  await upsertEntities(trx, toWrite, input.importId, input.now);
  await recordEvent(trx, actor, {
    type: IMPORTED_EVENT,
    subject: { type: IMPORT_SUBJECT, id: input.importId },
    data: { fileName: input.fileName, sha256: input.sha256, rows: input.records.length, ...counts },
  });
  return counts;
}

/** Thrown inside the write transaction when the import was meanwhile declared interrupted: roll back. */
class NoLongerReading extends Error {}

/** The whole job; never rejects (it runs detached from the request), every failure ends as state `failed`. */
export async function runImport(db: Kysely<Database>, actor: Actor, job: ImportJob, observer: ImportObserver = {}): Promise<void> {
  const problems = new Problems();
  let rowsRead: number | null = null;
  try {
    const started = performance.now();
    const read = await readAll(db, job, problems, observer);
    rowsRead = read.rowsRead;
    const readMs = Math.round(performance.now() - started);
    if (problems.count === 0 && read.records.length === 0) problems.add(null, null, '文件中没有数据行(第 2 行起每行一个检查对象)');
    if (problems.count > 0) {
      await failImport(db, job.id, { rowsRead, errorCount: problems.count, errors: JSON.stringify(problems.list), finishedAt: now() });
      return;
    }
    // Every row read: the console shows the full count while the (single) write transaction runs.
    await setRowsRead(db, job.id, rowsRead);
    const writeStarted = performance.now();
    await inTransaction(db, async (trx) => {
      const finishedAt = now();
      const counts = await applyEntities(trx, actor, {
        importId: job.id,
        fileName: job.fileName,
        sha256: job.sha256,
        records: read.records,
        now: finishedAt,
      });
      const summary: ImportSummaryView = { ...counts, sha256: job.sha256, readMs, writeMs: Math.round(performance.now() - writeStarted) };
      const done = await completeImport(trx, job.id, {
        rowsRead: read.rowsRead,
        rowsWritten: counts.created + counts.updated,
        summary: JSON.stringify(summary),
        finishedAt,
      });
      if (!done) throw new NoLongerReading();
    });
    // The import is done (committed); only the list's speed depends on this.
    await analyzeEntities(db).catch((error: unknown) => observer.log?.(error));
  } catch (error) {
    if (error instanceof NoLongerReading) return;
    observer.log?.(error);
    const errors = JSON.stringify([{ row: null, column: null, reason: INTERNAL }]);
    await failImport(db, job.id, { rowsRead, errorCount: 1, errors, finishedAt: now() }).catch((e: unknown) => observer.log?.(e));
  }
}

const now = () => new Date().toISOString();
