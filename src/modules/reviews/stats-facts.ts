import { type Kysely, sql } from 'kysely';
import { plusDays } from '../../platform/calendar/index.js';
import { dialectOf, elapsedDays, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import { CHECKLIST, type Opinion } from './review-data.js';

// Read-only aggregates of 法制审核 rounds for the supervision dashboards (统计分析): per unit and month of
// submission, the rounds, how many came back returned and how long the opinions took, and the problems
// the returned rounds named. Unscoped: the caller passes the unit subtree its policy allows.

export interface ReviewStatsFilter {
  /** First and last Beijing day of submission counted (YYYY-MM-DD, inclusive). */
  readonly from: string;
  readonly to: string;
  readonly unitPath: string | null;
}

export interface ReviewRoundFact {
  readonly unitId: string;
  /** YYYY-MM of the submission, in Beijing time. */
  readonly month: string;
  readonly submitted: number;
  readonly concluded: number;
  /** Concluded with 存在问题 or 建议修改后提交: the case went back to the unit. */
  readonly returned: number;
  /** Sum over concluded rounds of the days (fractional) from submission to the opinion. */
  readonly turnaroundDays: number;
}

export interface ReturnReasonFact {
  /** A checklist key (CHECKLIST). */
  readonly key: string;
  readonly label: string;
  /** Problems of that checklist item named by returned rounds. */
  readonly count: number;
}

type Reader = Kysely<Database>;
const n = (value: unknown): number => Number(value ?? 0);
/** The UTC instant a Beijing day starts at (submitted_at is a UTC ISO instant). */
const beijingStart = (date: string) => `${plusDays(date, -1)}T16:00:00.000Z`;

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
    months.push(m);
    const [y, mo] = m.split('-').map(Number) as [number, number];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return months;
}

/**
 * The Beijing month of submitted_at as SQL: a CASE over the month boundaries of the period, because the
 * month of a UTC instant in UTC+8 cannot be cut out of the text the same way on both databases.
 */
function beijingMonth(from: string, to: string) {
  const months = monthsOf(from, to);
  const ref = sql.ref('review_rounds.submitted_at');
  const branches = months.slice(1).map((m, i) => sql`when ${ref} < ${sql.lit(beijingStart(`${m}-01`))} then ${sql.lit(months[i])}`);
  return sql<string>`case ${sql.join(branches, sql` `)} else ${sql.lit(months[months.length - 1])} end`;
}

function rounds(db: Reader, f: ReviewStatsFilter) {
  const query = db
    .selectFrom('review_rounds')
    .innerJoin('reviews', 'reviews.id', 'review_rounds.review_id')
    .where('review_rounds.submitted_at', '>=', beijingStart(f.from))
    .where('review_rounds.submitted_at', '<', beijingStart(plusDays(f.to, 1)));
  return f.unitPath === null ? query : query.where(startsWith('reviews.unit_path', f.unitPath));
}

export async function reviewRoundFacts(db: Reader, f: ReviewStatsFilter): Promise<ReviewRoundFact[]> {
  const concluded = sql`review_rounds.conclusion is not null and review_rounds.concluded_at is not null`;
  const days = elapsedDays(dialectOf(db), 'review_rounds.submitted_at', 'review_rounds.concluded_at');
  const month = beijingMonth(f.from, f.to);
  const rows = await rounds(db, f)
    .select([
      'reviews.unit_id',
      month.as('month'),
      sql<number>`count(*)`.as('submitted'),
      sql<number>`sum(case when ${concluded} then 1 else 0 end)`.as('concluded'),
      sql<number>`sum(case when ${concluded} and review_rounds.conclusion <> 'agreed' then 1 else 0 end)`.as('returned'),
      sql<number>`sum(case when ${concluded} then ${days} else 0 end)`.as('turnaround'),
    ])
    .groupBy(['reviews.unit_id', month])
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    month: r.month,
    submitted: n(r.submitted),
    concluded: n(r.concluded),
    returned: n(r.returned),
    turnaroundDays: n(r.turnaround),
  }));
}

/**
 * What returned rounds found wrong, by checklist item, most frequent first. Only returned rounds' opinions
 * are read (a small share of the reviews, which are themselves a small share of the cases).
 */
export async function reviewReturnReasons(db: Reader, f: ReviewStatsFilter): Promise<ReturnReasonFact[]> {
  const rows = await rounds(db, f)
    .select(['review_rounds.opinion'])
    .where('review_rounds.conclusion', 'is not', null)
    .where('review_rounds.conclusion', '<>', 'agreed')
    .execute();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const problems = r.opinion ? ((JSON.parse(r.opinion) as Partial<Opinion>).problems ?? []) : [];
    for (const p of problems) counts.set(p.key, (counts.get(p.key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, count]) => ({ key, label: CHECKLIST.find((c) => c.key === key)?.label ?? key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
