import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, readScope, requireUser } from '../../platform/auth/policy.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { can } from './policy.js';
import * as repo from './repository.js';
import { CHECKLIST, type Opinion } from './review-data.js';

// 法制审核 statistics (issue 6 item 8): per month, turnaround, share returned, the problems found most.
// Months and years are those of submission in Beijing time (submitted_at is UTC: +8 h decides the day).

const beijingMonth = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 7);

export interface ReviewStats {
  year: number;
  months: { month: string; submitted: number; concluded: number; returned: number }[];
  /** Reviews whose decision the review cleared (agreed, or settled by a 集体讨论). */
  cleared: number;
  rounds: number;
  /** Mean days from a round's submission to its opinion, over concluded rounds (null when none). */
  averageTurnaroundDays: number | null;
  /** Concluded rounds that returned the case, as a share of concluded rounds (null when none). */
  returnedShare: number | null;
  topProblems: { key: string; label: string; count: number }[];
}

export function statsOf(year: number, rows: Awaited<ReturnType<typeof repo.roundsOfYear>>): ReviewStats {
  const months = new Map<string, { month: string; submitted: number; concluded: number; returned: number }>();
  const month = (m: string) => {
    const found = months.get(m);
    if (found) return found;
    const created = { month: m, submitted: 0, concluded: 0, returned: 0 };
    months.set(m, created);
    return created;
  };
  const problems = new Map<string, number>();
  let turnaround = 0;
  let concluded = 0;
  let returned = 0;
  for (const r of rows) {
    month(beijingMonth(r.submitted_at)).submitted += 1;
    if (r.concluded_at === null || r.conclusion === null) continue;
    concluded += 1;
    turnaround += (Date.parse(r.concluded_at) - Date.parse(r.submitted_at)) / 86_400_000;
    const m = month(beijingMonth(r.submitted_at));
    m.concluded += 1;
    if (r.conclusion !== 'agreed') {
      returned += 1;
      m.returned += 1;
    }
    for (const p of r.opinion ? (JSON.parse(r.opinion) as Opinion).problems : []) problems.set(p.key, (problems.get(p.key) ?? 0) + 1);
  }
  const reviews = new Map(rows.map((r) => [r.review_id, r.state]));
  return {
    year,
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    cleared: [...reviews.values()].filter((s) => s === 'agreed' || s === 'settled').length,
    rounds: rows.length,
    averageTurnaroundDays: concluded === 0 ? null : Math.round((turnaround / concluded) * 10) / 10,
    returnedShare: concluded === 0 ? null : Math.round((returned / concluded) * 1000) / 1000,
    topProblems: [...problems.entries()]
      .map(([key, count]) => ({ key, label: CHECKLIST.find((c) => c.key === key)?.label ?? key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
  };
}

/** Statistics of the reviews the caller may see. */
export async function reviewStats(db: Kysely<Database>, actor: Actor, year: number): Promise<ReviewStats> {
  const user = requireUser(actor);
  authorize(can(user, 'review.list'), '无权查看法制审核统计');
  const scope = readScope(user);
  if (scope.kind === 'none') return statsOf(year, []);
  return statsOf(year, await repo.roundsOfYear(db, year, scope.kind === 'subtree' ? scope.path : undefined));
}

/** What the portal publishes per year: how many major decisions were reviewed (no case details). */
export async function publicReviewCounts(db: Kysely<Database>, years: readonly number[]) {
  const out: { year: number; reviews: number; cleared: number; rounds: number; returnedRounds: number }[] = [];
  for (const year of years) {
    const rows = await repo.roundsOfYear(db, year, undefined);
    if (rows.length === 0) continue;
    const s = statsOf(year, rows);
    out.push({
      year,
      reviews: new Set(rows.map((r) => r.review_id)).size,
      cleared: s.cleared,
      rounds: s.rounds,
      returnedRounds: s.months.reduce((n, m) => n + m.returned, 0),
    });
  }
  return out;
}

/** This year and the four before it (Beijing). */
export function recentYears(): number[] {
  const year = Number(shanghaiToday().slice(0, 4));
  return [year, year - 1, year - 2, year - 3, year - 4];
}
