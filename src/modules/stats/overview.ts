import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { aggregateRead } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import { avFacts, caseloadFacts, caseStageFacts, decisionFacts, STAGE_LABELS, STAGES } from '../cases/index.js';
import { currentEntry, type ItemData, itemKind } from '../catalog/index.js';
import { publicationFacts } from '../publications/index.js';
import { reviewReturnReasons, reviewRoundFacts } from '../reviews/index.js';
import { monthsOf, resolveFilter, type StatsFilter, type StatsQuery } from './filters.js';
import { DURATION_BUCKETS, PROCEDURE_LABELS, PUBLICATION_OUTCOMES } from './indicators.js';
import { emptyTally, type Facts, kpis, ranked, type Tally, tallyBy, total } from './tally.js';
import type { Count, StatsOverview, SubjectRow } from './views.js';
import { type Subject, weakSpots } from './weak-spots.js';

// 统计分析: one answer with every series of the dashboard, computed from the grouped facts the cases,
// reviews and publications modules export (the database does the grouping).

async function gather(db: Kysely<Database>, f: StatsFilter) {
  const scope = { from: f.from, to: f.to, unitPath: f.unitPath };
  // The queries are independent: on PostgreSQL the pool runs them side by side.
  const c = { ...scope, asOf: f.asOf };
  const [caseload, stages, decisions, av, reviews, reasons, publications] = await Promise.all([
    aggregateRead(db, (d) => caseloadFacts(d, c)),
    aggregateRead(db, (d) => caseStageFacts(d, c)),
    aggregateRead(db, (d) => decisionFacts(d, c)),
    aggregateRead(db, (d) => avFacts(d, c)),
    aggregateRead(db, (d) => reviewRoundFacts(d, scope)),
    aggregateRead(db, (d) => reviewReturnReasons(d, scope)),
    aggregateRead(db, (d) => publicationFacts(d, c)),
  ]);
  const facts: Facts = { caseload, decisions, ...av, reviews, publications };
  return { facts, stages, reasons };
}

function countsBy(
  rows: readonly { key: string; count: number }[],
  labels: Readonly<Record<string, string>>,
  order: readonly string[] = [],
): Count[] {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.key, (sums.get(r.key) ?? 0) + r.count);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...sums.entries()]
    .map(([key, count]) => ({ key, label: labels[key] ?? key, count }))
    .sort((a, b) => rank(a.key) - rank(b.key) || b.count - a.count || a.key.localeCompare(b.key));
}

function subjectRow(id: string, name: string, t: Tally): SubjectRow {
  const k = kpis(t);
  return {
    id,
    name,
    received: k.received,
    open: k.open,
    closed: k.closed,
    decided: k.decided,
    averageDecisionDays: k.averageDecisionDays,
    ...ranked(t),
  };
}

/** 执法事项 names from the catalogue (the version in force), the code when it has none. */
async function itemNames(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const code of codes) names.set(code, (await currentEntry<ItemData>(db, itemKind, code))?.data.name ?? code);
  return names;
}

export async function computeOverview(db: Kysely<Database>, f: StatsFilter): Promise<StatsOverview> {
  const { facts, stages, reasons } = await gather(db, f);
  const all = total(facts);
  const units = tallyBy(facts, (x) => x.unitId);
  const items = tallyBy(facts, (x) => x.itemCode ?? null);
  const months = tallyBy(facts, (x) => x.month ?? null);
  const names = await itemNames(db, [...items.keys()]);

  const byUnit = [...units.entries()].map(([id, t]) => subjectRow(id, f.names.nameOf(id) || id, t)).sort((a, b) => b.received - a.received);
  const byItem = [...items.entries()]
    .map(([code, t]) => subjectRow(code, names.get(code) ?? code, t))
    .sort((a, b) => b.received - a.received);
  const subjects: Subject[] = [
    ...byUnit.map((r) => ({ kind: 'unit' as const, id: r.id, name: r.name, rates: r })),
    ...byItem.map((r) => ({ kind: 'item' as const, id: r.id, name: r.name, rates: r })),
  ];
  const sum = (pick: (d: (typeof facts.decisions)[number]) => number) => facts.decisions.reduce((acc, d) => acc + pick(d), 0);
  const durations = [sum((d) => d.within30), sum((d) => d.within60), sum((d) => d.within90), sum((d) => d.late)];
  const publications = {
    onTime: all.onTime,
    late: all.publishedLate,
    overdue: all.unpublishedOverdue,
    pending: all.pending,
    blocked: all.blocked,
  };

  return {
    filter: { from: f.from, to: f.to, asOf: f.asOf, unitId: f.unitId, unitName: f.unitName },
    kpis: kpis(all),
    byStage: countsBy(
      stages.map((s) => ({ key: s.stage, count: s.count })),
      STAGE_LABELS,
      STAGES,
    ),
    bySource: countsBy(
      stages.map((s) => ({ key: s.source, count: s.count })),
      {},
    ),
    byProcedure: countsBy(
      stages.map((s) => ({ key: s.procedure, count: s.count })),
      PROCEDURE_LABELS,
      Object.keys(PROCEDURE_LABELS),
    ),
    byUnit,
    byItem,
    months: monthsOf(f.from, f.to).map((month) => {
      const t = months.get(month);
      const k = kpis(t ?? emptyTally());
      return {
        month,
        received: k.received,
        closed: k.closed,
        decided: k.decided,
        decisionLate: k.decisionLate,
        avException: k.avException,
        reviewRounds: k.reviewRounds,
        reviewReturned: k.reviewReturned,
        publicationOnTime: k.publicationOnTime,
      };
    }),
    decisionDurations: DURATION_BUCKETS.map((label, i) => ({ key: String(i), label, count: durations[i] ?? 0 })),
    returnReasons: reasons.map((r) => ({ key: r.key, label: r.label, count: r.count })),
    publications: PUBLICATION_OUTCOMES.map(({ key, label }) => ({ key, label, count: publications[key] })),
    weakSpots: weakSpots(subjects, ranked(all)),
  };
}

export async function statsOverview(db: Kysely<Database>, actor: Actor, query: StatsQuery): Promise<StatsOverview> {
  return computeOverview(db, await resolveFilter(db, actor, query));
}

export async function statsWeakSpots(db: Kysely<Database>, actor: Actor, query: StatsQuery) {
  const overview = await statsOverview(db, actor, query);
  return { filter: overview.filter, weakSpots: overview.weakSpots };
}
