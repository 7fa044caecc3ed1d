import type { Insertable, Kysely, Selectable } from 'kysely';
import { startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { PublicationState } from './publication-data.js';
import type { PublicationsTable, PublicationVersionsTable } from './tables.js';

type Reader = Kysely<Database> | Trx;
export type PublicationRow = Selectable<PublicationsTable>;
export type VersionRow = Selectable<PublicationVersionsTable>;

export const DRAFTED = 'publication.drafted';
export const DUE_SET = 'publication.due_set';
export const PUBLISHED = 'publication.published';
export const BLOCKED = 'publication.blocked';
export const WITHDRAWN = 'publication.withdrawn';
export const EXPIRED = 'publication.expired';

/** Bound parameters per IN list: well under SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

export async function findPublication(db: Reader, id: string): Promise<PublicationRow | undefined> {
  return db.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a draft unless its document has one already (a concurrent sync): true when this call inserted it. */
export async function insertDraft(trx: Trx, row: Insertable<PublicationsTable>): Promise<boolean> {
  const inserted = await trx
    .insertInto('publications')
    .values(row)
    .onConflict((oc) => oc.column('document_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** When the newest draft was created (undefined before the first). */
export async function newestDraftCreatedAt(db: Reader): Promise<string | undefined> {
  const row = await db
    .selectFrom('publications')
    .select((eb) => eb.fn.max('created_at').as('newest'))
    .executeTakeFirst();
  return row?.newest ?? undefined;
}

/** Which of these documents already have a publication. */
export async function documentsWithPublication(db: Reader, documentIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < documentIds.length; i += CHUNK) {
    const chunk = documentIds.slice(i, i + CHUNK);
    const rows = await db.selectFrom('publications').select('document_id').where('document_id', 'in', chunk).execute();
    for (const r of rows) found.add(r.document_id);
  }
  return found;
}

/** Drafts whose due date waits for a year's holiday schedule. */
export async function draftsWithoutDue(db: Reader): Promise<PublicationRow[]> {
  return db.selectFrom('publications').selectAll().where('state', '=', 'draft').where('due_on', 'is', null).execute();
}

export async function setDue(trx: Trx, id: string, dueOn: string): Promise<boolean> {
  const result = await trx
    .updateTable('publications')
    .set({ due_on: dueOn })
    .where('id', '=', id)
    .where('due_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves a publication on only if it is still as the caller read it (state and version): the loser of
 * two concurrent publications (or a publish racing a withdrawal) changes nothing and gets false.
 */
export async function transition(
  trx: Trx,
  id: string,
  from: { state: string; version: number },
  changes: Partial<
    Pick<
      PublicationsTable,
      | 'state'
      | 'blocked_reason'
      | 'withdrawn_reason'
      | 'withdrawn_at'
      | 'current_version'
      | 'updated_at'
      | 'published_at'
      | 'expires_on'
      | 'revoked_on'
      | 'withdrawal_due_on'
    >
  >,
): Promise<boolean> {
  const result = await trx
    .updateTable('publications')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', from.state)
    .where('current_version', '=', from.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertVersion(trx: Trx, row: Insertable<PublicationVersionsTable>): Promise<void> {
  await trx.insertInto('publication_versions').values(row).execute();
}

export async function listVersions(db: Reader, publicationId: string): Promise<VersionRow[]> {
  return db.selectFrom('publication_versions').selectAll().where('publication_id', '=', publicationId).orderBy('version').execute();
}

export async function findVersion(db: Reader, publicationId: string, version: number): Promise<VersionRow | undefined> {
  return db
    .selectFrom('publication_versions')
    .selectAll()
    .where('publication_id', '=', publicationId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export interface QueueFilter {
  unitPathPrefix?: string;
  states?: readonly PublicationState[];
  dueBy?: string;
  offset: number;
  limit: number;
}

function queue(db: Reader, f: QueueFilter) {
  let query = db.selectFrom('publications');
  if (f.unitPathPrefix !== undefined) query = query.where(startsWith('unit_path', f.unitPathPrefix));
  if (f.states && f.states.length > 0) query = query.where('state', 'in', [...f.states]);
  if (f.dueBy) query = query.where('due_on', '<=', f.dueBy);
  return query;
}

/** The staff queue: nearest due first, pending due dates after the known ones, then the oldest decision. */
export async function listQueueRows(db: Reader, f: QueueFilter): Promise<{ rows: PublicationRow[]; total: number }> {
  const rows = await queue(db, f)
    .selectAll()
    .orderBy((eb) => eb.case().when('due_on', 'is', null).then(1).else(0).end())
    .orderBy('due_on')
    .orderBy('decided_on')
    .orderBy('id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  const count = await queue(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Published decisions whose 公示期 has ended by `today`. */
export async function expiredByDay(db: Reader, today: string, limit: number): Promise<PublicationRow[]> {
  return db
    .selectFrom('publications')
    .selectAll()
    .where('state', '=', 'published')
    .where('expires_on', '<=', today)
    .orderBy('expires_on')
    .limit(limit)
    .execute();
}

/** Drafts and published decisions of these cases not yet marked as revoked. */
export async function unrevokedOfCases(db: Reader, caseIds: readonly string[]): Promise<PublicationRow[]> {
  const found: PublicationRow[] = [];
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('publications')
      .selectAll()
      .where('case_id', 'in', caseIds.slice(i, i + CHUNK))
      .where('state', 'in', ['draft', 'published'])
      .where('revoked_on', 'is', null)
      .execute();
    found.push(...rows);
  }
  return found;
}
