import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

// Per-unit counts of a year's 法制审核 for the annual statistics (行政执法统计年报). Read-only and
// unscoped: the report's own policy decides who sees it. Years are Beijing years of submission.

export interface UnitReviewCounts {
  readonly unitId: string;
  /** Reviews with a round submitted in the year. */
  readonly reviews: number;
  /** Of those, the ones whose decision the review cleared (agreed, or settled by a 集体讨论). */
  readonly cleared: number;
  readonly rounds: number;
  /** Rounds that concluded with the case returned (problems found or revise). */
  readonly returnedRounds: number;
}

export async function reviewCountsByUnit(db: Kysely<Database>, year: number): Promise<UnitReviewCounts[]> {
  const rows = await db
    .selectFrom('review_rounds')
    .innerJoin('reviews', 'reviews.id', 'review_rounds.review_id')
    .select(['reviews.unit_id', 'review_rounds.review_id', 'review_rounds.conclusion', 'reviews.state'])
    .where('review_rounds.submitted_at', '>=', `${year - 1}-12-31T16:00:00.000Z`)
    .where('review_rounds.submitted_at', '<', `${year}-12-31T16:00:00.000Z`)
    .execute();
  const units = new Map<string, { reviews: Map<string, string>; rounds: number; returnedRounds: number }>();
  for (const r of rows) {
    const unit = units.get(r.unit_id) ?? { reviews: new Map<string, string>(), rounds: 0, returnedRounds: 0 };
    unit.reviews.set(r.review_id, r.state);
    unit.rounds += 1;
    if (r.conclusion !== null && r.conclusion !== 'agreed') unit.returnedRounds += 1;
    units.set(r.unit_id, unit);
  }
  return [...units.entries()].map(([unitId, u]) => ({
    unitId,
    reviews: u.reviews.size,
    cleared: [...u.reviews.values()].filter((s) => s === 'agreed' || s === 'settled').length,
    rounds: u.rounds,
    returnedRounds: u.returnedRounds,
  }));
}
