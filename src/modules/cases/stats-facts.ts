import { type Expression, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { dialectOf, elapsedDays, startsWith } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import { LIMITS } from './deadlines.js';

// Read-only aggregates of cases for the supervision dashboards (统计分析, issue 9 item 6). Every query
// groups in the database — a dashboard over a million cases must never bring the rows into Node — and
// returns small groups (unit × 执法事项 × month) that the stats module adds up as it needs. Unscoped:
// the caller passes the unit subtree its own policy allows.

export interface CaseStatsFilter {
  /** First and last day counted (YYYY-MM-DD, inclusive). */
  readonly from: string;
  readonly to: string;
  /** Only cases handled in this unit subtree (a materialized path prefix); null: every unit. */
  readonly unitPath: string | null;
  /** The day overdue is judged on (today in Beijing). */
  readonly asOf: string;
}

/** Cases received in the period, per handling unit, 执法事项 and month of receipt. */
export interface CaseloadFact {
  readonly unitId: string;
  readonly itemCode: string;
  /** YYYY-MM of received_on. */
  readonly month: string;
  readonly received: number;
  readonly closed: number;
  /** Not closed (still being handled, whatever the stage). */
  readonly open: number;
  /** Open with an agency deadline (the nearest, parties' own periods aside) before `asOf`. */
  readonly overdue: number;
  /** Sum over the closed cases of the calendar days from receipt to closing. */
  readonly closingDays: number;
}

/** Decisions made in the period (一般程序 and 当场处罚), per unit, item and month of the decision. */
export interface DecisionFact {
  readonly unitId: string;
  readonly itemCode: string;
  readonly month: string;
  readonly decided: number;
  /** 一般程序 decisions of filed cases: the ones the 90-day limit from filing (立案) applies to. */
  readonly limited: number;
  /** Of those, decided more than LIMITS.decision.days calendar days after filing. */
  readonly late: number;
  /** Sum of the calendar days from filing to decision over `limited`. */
  readonly limitedDays: number;
  /** `limited` decisions by days taken: ≤ 30, 31–60, 61–90 (the rest are `late`). */
  readonly within30: number;
  readonly within60: number;
  readonly within90: number;
}

/**
 * Steps performed in the period at a 执法事项 环节 that the 音像记录事项清单 gate checked (their data names
 * the itemStep), and those passed without a recording by an approved exception (avException).
 */
export interface AvStepFact {
  readonly unitId: string;
  readonly itemCode: string;
  readonly month: string;
  readonly checkedSteps: number;
  readonly exceptionSteps: number;
}

/** The same, counted in cases (a case counts once, in its unit and item). */
export interface AvCaseFact {
  readonly unitId: string;
  readonly itemCode: string;
  readonly checkedCases: number;
  readonly exceptionCases: number;
}

export interface StageFact {
  readonly stage: string;
  readonly source: string;
  readonly procedure: string;
  readonly count: number;
}

type Reader = Kysely<Database>;
const n = (value: unknown): number => Number(value ?? 0);
const month = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;
const countWhen = (condition: Expression<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
const sumWhen = (condition: Expression<unknown>, value: Expression<unknown>) =>
  sql<number>`sum(case when ${condition} then ${value} else 0 end)`;
// The step data is canonical JSON.stringify output: an unescaped `"key":` occurs only as a key, never inside a string value.
const hasKey = (key: string) => sql<boolean>`${sql.ref('case_steps.data')} like ${`%"${key}":%`}`;

function scoped<TB extends keyof Database, O>(query: SelectQueryBuilder<Database, TB, O>, unitPath: string | null) {
  return unitPath === null ? query : query.where(startsWith('cases.unit_path', unitPath));
}

export async function caseloadFacts(db: Reader, f: CaseStatsFilter): Promise<CaseloadFact[]> {
  const closedDays = elapsedDays(dialectOf(db), 'cases.received_on', 'cases.closed_on');
  const rows = await scoped(db.selectFrom('cases'), f.unitPath)
    .where('cases.received_on', '>=', f.from)
    .where('cases.received_on', '<=', f.to)
    .select([
      'cases.unit_id',
      'cases.item_code',
      month('cases.received_on').as('month'),
      sql<number>`count(*)`.as('received'),
      countWhen(sql`cases.closed_on is not null`).as('closed'),
      countWhen(sql`cases.closed_on is null`).as('open'),
      countWhen(sql`cases.closed_on is null and cases.next_deadline < ${f.asOf}`).as('overdue'),
      sumWhen(sql`cases.closed_on is not null`, closedDays).as('closing_days'),
    ])
    .groupBy(['cases.unit_id', 'cases.item_code', month('cases.received_on')])
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    itemCode: r.item_code,
    month: r.month,
    received: n(r.received),
    closed: n(r.closed),
    open: n(r.open),
    overdue: n(r.overdue),
    closingDays: n(r.closing_days),
  }));
}

/** Cases received in the period by their current stage, source (案件来源) and procedure. */
export async function caseStageFacts(db: Reader, f: CaseStatsFilter): Promise<StageFact[]> {
  const rows = await scoped(db.selectFrom('cases'), f.unitPath)
    .where('cases.received_on', '>=', f.from)
    .where('cases.received_on', '<=', f.to)
    .select(['cases.stage', 'cases.source', 'cases.procedure', sql<number>`count(*)`.as('count')])
    .groupBy(['cases.stage', 'cases.source', 'cases.procedure'])
    .execute();
  return rows.map((r) => ({ stage: r.stage, source: r.source, procedure: r.procedure, count: n(r.count) }));
}

export async function decisionFacts(db: Reader, f: CaseStatsFilter): Promise<DecisionFact[]> {
  const days = elapsedDays(dialectOf(db), 'cases.filed_on', 'case_steps.performed_on');
  const limited = sql`case_steps.action = 'decide' and cases.filed_on is not null`;
  const limit = sql.lit(LIMITS.decision.days);
  const rows = await scoped(db.selectFrom('case_steps').innerJoin('cases', 'cases.id', 'case_steps.case_id'), f.unitPath)
    .where('case_steps.action', 'in', ['decide', 'on_the_spot'])
    .where('case_steps.performed_on', '>=', f.from)
    .where('case_steps.performed_on', '<=', f.to)
    .select([
      'cases.unit_id',
      'cases.item_code',
      month('case_steps.performed_on').as('month'),
      sql<number>`count(*)`.as('decided'),
      countWhen(limited).as('limited'),
      countWhen(sql`${limited} and ${days} > ${limit}`).as('late'),
      sumWhen(limited, days).as('limited_days'),
      countWhen(sql`${limited} and ${days} <= 30`).as('within30'),
      countWhen(sql`${limited} and ${days} > 30 and ${days} <= 60`).as('within60'),
      countWhen(sql`${limited} and ${days} > 60 and ${days} <= ${limit}`).as('within90'),
    ])
    .groupBy(['cases.unit_id', 'cases.item_code', month('case_steps.performed_on')])
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    itemCode: r.item_code,
    month: r.month,
    decided: n(r.decided),
    limited: n(r.limited),
    late: n(r.late),
    limitedDays: n(r.limited_days),
    within30: n(r.within30),
    within60: n(r.within60),
    within90: n(r.within90),
  }));
}

function avSteps(db: Reader, f: CaseStatsFilter) {
  return scoped(db.selectFrom('case_steps').innerJoin('cases', 'cases.id', 'case_steps.case_id'), f.unitPath)
    .where('case_steps.performed_on', '>=', f.from)
    .where('case_steps.performed_on', '<=', f.to)
    .where(hasKey('itemStep'));
}

export async function avStepFacts(db: Reader, f: CaseStatsFilter): Promise<AvStepFact[]> {
  const rows = await avSteps(db, f)
    .select([
      'cases.unit_id',
      'cases.item_code',
      month('case_steps.performed_on').as('month'),
      sql<number>`count(*)`.as('checked'),
      countWhen(hasKey('avException')).as('exceptions'),
    ])
    .groupBy(['cases.unit_id', 'cases.item_code', month('case_steps.performed_on')])
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    itemCode: r.item_code,
    month: r.month,
    checkedSteps: n(r.checked),
    exceptionSteps: n(r.exceptions),
  }));
}

export async function avCaseFacts(db: Reader, f: CaseStatsFilter): Promise<AvCaseFact[]> {
  const rows = await avSteps(db, f)
    .select([
      'cases.unit_id',
      'cases.item_code',
      sql<number>`count(distinct case_steps.case_id)`.as('checked'),
      sql<number>`count(distinct case when ${hasKey('avException')} then case_steps.case_id end)`.as('exceptions'),
    ])
    .groupBy(['cases.unit_id', 'cases.item_code'])
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, itemCode: r.item_code, checkedCases: n(r.checked), exceptionCases: n(r.exceptions) }));
}
