import { type Expression, type Kysely, sql } from 'kysely';
import { startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';

// Read-only aggregates of 事后公开 for the supervision dashboards (统计分析): for the decisions of a
// period, whether each was first published by its 公开期限 (7 or 20 working days, due_on), late, is still
// unpublished past it, not yet due, or withheld (blocked). Unscoped: the caller passes the unit subtree.

export interface PublicationStatsFilter {
  /** First and last decision day counted (成文日期, YYYY-MM-DD, inclusive). */
  readonly from: string;
  readonly to: string;
  readonly unitPath: string | null;
  /** The day "still unpublished past the deadline" is judged on. */
  readonly asOf: string;
}

export interface PublicationFact {
  readonly unitId: string;
  /** YYYY-MM of the decision. */
  readonly month: string;
  readonly decisions: number;
  /** First version published no later than the Beijing end of due_on. */
  readonly onTime: number;
  /** First version published after it. */
  readonly late: number;
  /** Never published, not withheld, and due_on before asOf. */
  readonly overdue: number;
  /** Never published and not yet due (or the deadline still 待定). */
  readonly pending: number;
  /** Withheld from publication (minor party, secrets, privacy). */
  readonly blocked: number;
}

const n = (value: unknown): number => Number(value ?? 0);
const countWhen = (condition: Expression<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
const month = sql<string>`substr(publications.decided_on, 1, 7)`;

export async function publicationFacts(db: Kysely<Database>, f: PublicationStatsFilter): Promise<PublicationFact[]> {
  // published_at is a UTC instant; the due day ends in Beijing at 16:00 UTC, so text comparison decides it.
  const dueEnd = sql`publications.due_on || 'T16:00:00.000Z'`;
  const published = sql`first.published_at is not null`;
  const unpublished = sql`first.published_at is null and publications.state <> 'blocked'`;
  let query = db
    .selectFrom('publications')
    .leftJoin('publication_versions as first', (join) =>
      join.onRef('first.publication_id', '=', 'publications.id').on('first.version', '=', 1),
    )
    .where('publications.decided_on', '>=', f.from)
    .where('publications.decided_on', '<=', f.to);
  if (f.unitPath !== null) query = query.where(startsWith('publications.unit_path', f.unitPath));
  const rows = await query
    .select([
      'publications.unit_id',
      month.as('month'),
      sql<number>`count(*)`.as('decisions'),
      countWhen(sql`${published} and (publications.due_on is null or first.published_at < ${dueEnd})`).as('on_time'),
      countWhen(sql`${published} and publications.due_on is not null and first.published_at >= ${dueEnd}`).as('late'),
      countWhen(sql`${unpublished} and publications.due_on < ${f.asOf}`).as('overdue'),
      countWhen(sql`${unpublished} and (publications.due_on is null or publications.due_on >= ${f.asOf})`).as('pending'),
      countWhen(sql`first.published_at is null and publications.state = 'blocked'`).as('blocked'),
    ])
    .groupBy(['publications.unit_id', month])
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    month: r.month,
    decisions: n(r.decisions),
    onTime: n(r.on_time),
    late: n(r.late),
    overdue: n(r.overdue),
    pending: n(r.pending),
    blocked: n(r.blocked),
  }));
}
