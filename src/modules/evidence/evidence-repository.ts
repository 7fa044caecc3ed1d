import type { Kysely } from 'kysely';
import { containsInsensitive, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { EvidenceTable } from './tables.js';

type Reader = Kysely<Database> | Trx;

export const INGESTED = 'evidence.ingested';
export const ACCESSED = 'evidence.accessed';

export type EvidenceRow = EvidenceTable & {
  unit_name: string;
  unit_path: string;
  uploader_name: string;
  ledger_index: number | null;
};

const columns = [
  'evidence.id',
  'evidence.kind',
  'evidence.filename',
  'evidence.media_type',
  'evidence.size',
  'evidence.sha256',
  'evidence.sm3',
  'evidence.sensitivity',
  'evidence.recorded_at',
  'evidence.device',
  'evidence.officers',
  'evidence.place',
  'evidence.case_id',
  'evidence.step_id',
  'evidence.description',
  'evidence.unit_id',
  'evidence.uploaded_by',
  'evidence.uploaded_at',
  'units.name as unit_name',
  'units.path as unit_path',
  'users.display_name as uploader_name',
  'events.ledger_index',
] as const;

function joined(db: Reader) {
  return db
    .selectFrom('evidence')
    .innerJoin('units', 'units.id', 'evidence.unit_id')
    .innerJoin('users', 'users.id', 'evidence.uploaded_by')
    .leftJoin('events', (join) =>
      join.on('events.subject_type', '=', 'evidence').onRef('events.subject_id', '=', 'evidence.id').on('events.type', '=', INGESTED),
    );
}

export async function findEvidenceRow(db: Reader, id: string): Promise<EvidenceRow | undefined> {
  const row = await joined(db).select(columns).where('evidence.id', '=', id).executeTakeFirst();
  return row && normalize(row);
}

export interface EvidenceFilter {
  /** Only evidence of units whose path starts with this (unit scope); undefined = all. */
  readonly unitPathPrefix?: string;
  readonly q?: string;
  readonly kind?: string;
  readonly sensitivity?: string;
  readonly caseId?: string;
  readonly offset: number;
  readonly limit: number;
}

function filtered(db: Reader, f: EvidenceFilter) {
  let query = joined(db);
  if (f.unitPathPrefix !== undefined) query = query.where(startsWith('units.path', f.unitPathPrefix));
  if (f.kind !== undefined) query = query.where('evidence.kind', '=', f.kind);
  if (f.sensitivity !== undefined) query = query.where('evidence.sensitivity', '=', f.sensitivity);
  if (f.caseId !== undefined) query = query.where('evidence.case_id', '=', f.caseId);
  if (f.q !== undefined && f.q !== '') {
    const q = f.q;
    query = query.where((eb) =>
      eb.or(
        ['evidence.filename', 'evidence.description', 'evidence.place', 'evidence.device', 'evidence.officers', 'evidence.case_id'].map(
          (column) => containsInsensitive(column, q),
        ),
      ),
    );
  }
  return query;
}

export async function listEvidenceRows(db: Reader, f: EvidenceFilter): Promise<{ rows: EvidenceRow[]; total: number }> {
  const rows = await filtered(db, f)
    .select(columns)
    .orderBy('evidence.uploaded_at', 'desc')
    .orderBy('evidence.id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map(normalize), total: Number(count.n) };
}

export async function insertEvidenceRow(trx: Trx, row: EvidenceTable): Promise<void> {
  await trx.insertInto('evidence').values(row).execute();
}

export interface AccessLogRow {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_name: string;
  data: string;
}

/** Newest first: the `evidence.accessed` events of one piece of evidence, with the reader's name. */
export async function listAccessRows(
  db: Reader,
  evidenceId: string,
  page: { offset: number; limit: number },
): Promise<{ rows: AccessLogRow[]; total: number }> {
  const base = db
    .selectFrom('events')
    .where('events.subject_type', '=', 'evidence')
    .where('events.subject_id', '=', evidenceId)
    .where('events.type', '=', ACCESSED);
  const rows = await base
    .leftJoin('users', 'users.id', 'events.actor_id')
    .select(['events.id', 'events.occurred_at', 'events.actor_id', 'events.data'])
    .select((eb) => eb.fn.coalesce('users.display_name', 'events.actor_name').as('actor_name'))
    .orderBy('events.seq', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

// PostgreSQL bigint columns come back as numbers through the pg type parser; SQLite gives numbers too.
function normalize<T extends { size: number; ledger_index: number | null }>(row: T): T {
  return { ...row, size: Number(row.size), ledger_index: row.ledger_index === null ? null : Number(row.ledger_index) };
}
