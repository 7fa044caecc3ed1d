import type { Insertable, Kysely, Selectable } from 'kysely';
import { startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/db/transaction.js';
import type { ReviewConsultationsTable, ReviewRoundsTable, ReviewsTable } from './tables.js';

type Reader = Kysely<Database> | Trx;
export type ReviewRow = Selectable<ReviewsTable>;
export type RoundRow = Selectable<ReviewRoundsTable>;
export type ConsultationRow = Selectable<ReviewConsultationsTable>;

export async function findReview(db: Reader, id: string): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReviewOfCase(db: Reader, caseId: string): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export async function insertReview(trx: Trx, row: Insertable<ReviewsTable>): Promise<void> {
  await trx.insertInto('reviews').values(row).execute();
}

export async function updateReview(trx: Trx, id: string, changes: Partial<Omit<ReviewsTable, 'id' | 'case_id'>>): Promise<void> {
  await trx.updateTable('reviews').set(changes).where('id', '=', id).execute();
}

export async function insertRound(trx: Trx, row: Insertable<ReviewRoundsTable>): Promise<void> {
  await trx.insertInto('review_rounds').values(row).execute();
}

export async function concludeRound(
  trx: Trx,
  id: string,
  changes: Pick<ReviewRoundsTable, 'conclusion' | 'opinion' | 'opinion_document_id' | 'concluded_at' | 'concluded_by'>,
): Promise<boolean> {
  // Only an open round concludes, once: a second conclusion of the same round changes nothing.
  const result = await trx
    .updateTable('review_rounds')
    .set(changes)
    .where('id', '=', id)
    .where('conclusion', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listRounds(db: Reader, reviewId: string): Promise<RoundRow[]> {
  return db.selectFrom('review_rounds').selectAll().where('review_id', '=', reviewId).orderBy('round_no').execute();
}

export async function insertConsultation(trx: Trx, row: Insertable<ReviewConsultationsTable>): Promise<void> {
  await trx.insertInto('review_consultations').values(row).execute();
}

export async function findConsultation(db: Reader, id: string): Promise<ConsultationRow | undefined> {
  return db.selectFrom('review_consultations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function replyConsultation(
  trx: Trx,
  id: string,
  changes: Pick<ReviewConsultationsTable, 'reply' | 'replied_at' | 'recorded_by'>,
) {
  await trx.updateTable('review_consultations').set(changes).where('id', '=', id).where('reply', 'is', null).execute();
}

export async function listConsultations(db: Reader, reviewId: string): Promise<ConsultationRow[]> {
  return db.selectFrom('review_consultations').selectAll().where('review_id', '=', reviewId).orderBy('asked_at').execute();
}

export interface ReviewFilter {
  unitPathPrefix?: string;
  states?: readonly string[];
  reviewerId?: string;
  /** Waiting ones (submitted) are visible to every reviewer as the section's queue. */
  reviewerOrQueue?: string;
  dueBy?: string;
  offset: number;
  limit: number;
}

function filtered(db: Reader, f: ReviewFilter) {
  let query = db.selectFrom('reviews');
  if (f.unitPathPrefix !== undefined) query = query.where(startsWith('unit_path', f.unitPathPrefix));
  if (f.states && f.states.length > 0) query = query.where('state', 'in', [...f.states]);
  if (f.reviewerId) query = query.where('reviewer_id', '=', f.reviewerId);
  const mine = f.reviewerOrQueue;
  if (mine) query = query.where((eb) => eb.or([eb('reviewer_id', '=', mine), eb('state', '=', 'submitted')]));
  if (f.dueBy) query = query.where('due_on', '<=', f.dueBy);
  return query;
}

export async function listReviewRows(db: Reader, f: ReviewFilter): Promise<{ rows: ReviewRow[]; total: number }> {
  const rows = await filtered(db, f)
    .selectAll()
    .orderBy((eb) => eb.case().when('due_on', 'is', null).then(1).else(0).end())
    .orderBy('due_on')
    .orderBy('updated_at', 'desc')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Rounds submitted in a year (with their review's state), within a unit scope: the raw material of statistics. */
export async function roundsOfYear(db: Reader, year: number, unitPathPrefix: string | undefined) {
  let query = db
    .selectFrom('review_rounds')
    .innerJoin('reviews', 'reviews.id', 'review_rounds.review_id')
    .select([
      'review_rounds.review_id',
      'review_rounds.round_no',
      'review_rounds.submitted_at',
      'review_rounds.concluded_at',
      'review_rounds.conclusion',
      'review_rounds.opinion',
      'reviews.state',
    ])
    // A Beijing year, in the UTC instants submitted_at holds.
    .where('review_rounds.submitted_at', '>=', `${year - 1}-12-31T16:00:00.000Z`)
    .where('review_rounds.submitted_at', '<', `${year}-12-31T16:00:00.000Z`);
  if (unitPathPrefix !== undefined) query = query.where(startsWith('reviews.unit_path', unitPathPrefix));
  return query.orderBy('review_rounds.submitted_at').execute();
}

/** The review whose round concluded with this opinion document. */
export async function reviewOfOpinionDocument(db: Reader, documentId: string): Promise<string | undefined> {
  const row = await db.selectFrom('review_rounds').select('review_id').where('opinion_document_id', '=', documentId).executeTakeFirst();
  return row?.review_id;
}

/** The package of each review's current round, by review id. */
export async function currentPackages(db: Reader, reviewIds: readonly string[]): Promise<Map<string, string>> {
  if (reviewIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('review_rounds')
    .innerJoin('reviews', (join) =>
      join.onRef('reviews.id', '=', 'review_rounds.review_id').onRef('reviews.round_no', '=', 'review_rounds.round_no'),
    )
    .select(['review_rounds.review_id', 'review_rounds.package'])
    .where('review_rounds.review_id', 'in', [...reviewIds])
    .execute();
  return new Map(rows.map((r) => [r.review_id, r.package]));
}
