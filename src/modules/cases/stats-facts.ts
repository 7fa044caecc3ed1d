import { type Expression, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { dialectOf, elapsedDateDays, startsWith } from '../../platform/db/dialect.js';
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
 * Steps performed in the period at a 执法事项 环节 that the 音像记录事项清单 gate checked (av_check set, as
 * their data names the itemStep), and those passed without a recording by an approved exception.
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

function scoped<TB extends keyof Database, O>(query: SelectQueryBuilder<Database, TB, O>, unitPath: string | null) {
  return unitPath === null ? query : query.where(startsWith('cases.unit_path', unitPath));
}

export async function caseloadFacts(db: Reader, f: CaseStatsFilter): Promise<CaseloadFact[]> {
  const closedDays = elapsedDateDays(dialectOf(db), 'cases.received_on', 'cases.closed_on');
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
  // 作出决定 is the 一般程序 decision (当场处罚 the 简易程序 one): the procedure tells which a case had.
  const limited = sql<boolean>`cases.procedure = 'general' and cases.filed_on is not null`;
  const limit = sql.lit(LIMITS.decision.days);
  // From the cases alone (decided_on repeats the decision step's day): no join with the steps. The days are
  // worked out once per case in a materialized CTE: written into each sum below, PostgreSQL would parse both
  // dates again for every one of them, which was most of the query's time.
  const decided = scoped(db.selectFrom('cases'), f.unitPath)
    .where('cases.decided_on', '>=', f.from)
    .where('cases.decided_on', '<=', f.to)
    .select([
      'cases.unit_id',
      'cases.item_code',
      month('cases.decided_on').as('month'),
      sql<number | null>`case when ${limited} then ${elapsedDateDays(dialectOf(db), 'cases.filed_on', 'cases.decided_on')} end`.as('days'),
    ]);
  const days = sql.ref('d.days');
  const rows = await db
    .with(
      (cte) => cte('d').materialized(),
      () => decided,
    )
    .selectFrom('d')
    .select([
      'd.unit_id',
      'd.item_code',
      'd.month',
      sql<number>`count(*)`.as('decided'),
      sql<number>`count(d.days)`.as('limited'),
      countWhen(sql`${days} > ${limit}`).as('late'),
      sql<number>`sum(d.days)`.as('limited_days'),
      countWhen(sql`${days} <= 30`).as('within30'),
      countWhen(sql`${days} > 30 and ${days} <= 60`).as('within60'),
      countWhen(sql`${days} > 60 and ${days} <= ${limit}`).as('within90'),
    ])
    .groupBy(['d.unit_id', 'd.item_code', 'd.month'])
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

function avChecked(db: Reader, f: CaseStatsFilter) {
  const query = db
    .selectFrom('case_steps')
    .where('case_steps.av_check', 'is not', null)
    .where('case_steps.performed_on', '>=', f.from)
    .where('case_steps.performed_on', '<=', f.to);
  return f.unitPath === null ? query : query.where(startsWith('case_steps.unit_path', f.unitPath));
}

/**
 * AV-checked steps per unit, item and month, and AV-checked cases per unit and item, in one statement over
 * the steps alone (they carry their case's unit and item; the partial index case_steps_av holds every column
 * read): the steps arm, and the cases arm (month null) that counts a case once however many steps it had.
 */
export async function avFacts(db: Reader, f: CaseStatsFilter): Promise<{ avSteps: AvStepFact[]; avCases: AvCaseFact[] }> {
  const exception = sql`case_steps.av_check = 'exception'`;
  const steps = avChecked(db, f)
    .select([
      'case_steps.unit_id',
      'case_steps.item_code',
      sql<string | null>`${month('case_steps.performed_on')}`.as('month'),
      sql<number>`count(*)`.as('checked'),
      countWhen(exception).as('exceptions'),
    ])
    .groupBy(['case_steps.unit_id', 'case_steps.item_code', month('case_steps.performed_on')]);
  const perCase = avChecked(db, f)
    .select(['case_steps.unit_id', 'case_steps.item_code', sql<number>`max(case when ${exception} then 1 else 0 end)`.as('exception')])
    .groupBy(['case_steps.unit_id', 'case_steps.item_code', 'case_steps.case_id']);
  const cases = db
    .selectFrom(perCase.as('c'))
    .select([
      'c.unit_id',
      'c.item_code',
      sql<string | null>`null`.as('month'),
      sql<number>`count(*)`.as('checked'),
      sql<number>`sum(c.exception)`.as('exceptions'),
    ])
    .groupBy(['c.unit_id', 'c.item_code']);
  const rows = await steps.unionAll(cases).execute();
  const avSteps: AvStepFact[] = [];
  const avCases: AvCaseFact[] = [];
  for (const r of rows) {
    if (r.month === null) {
      avCases.push({ unitId: r.unit_id, itemCode: r.item_code, checkedCases: n(r.checked), exceptionCases: n(r.exceptions) });
    } else {
      avSteps.push({
        unitId: r.unit_id,
        itemCode: r.item_code,
        month: r.month,
        checkedSteps: n(r.checked),
        exceptionSteps: n(r.exceptions),
      });
    }
  }
  return { avSteps, avCases };
}
