import { type Calendar, daysBetween } from '../../platform/calendar/index.js';
import { AppError } from '../../platform/errors.js';
import { type CaseData, type Deadline, PARTY_PERIODS } from './case-data.js';

// The time limits a case runs against (domain research §3.4). Each opens when its step happens and
// closes when the step it waits for is done; `nextDeadline` is what the due-soon lists sort by.

export const LIMITS = {
  acceptance: { label: '受理期限', days: 5, unit: 'working' },
  investigation: { label: '调查期限', days: 60, unit: 'working' },
  investigationExtension: { label: '延长调查期限', days: 30, unit: 'working' },
  decision: { label: '作出决定期限', days: 90, unit: 'calendar' },
  hearingRequest: { label: '听证申请期限', days: 5, unit: 'working' },
  decisionService: { label: '决定书送达期限', days: 7, unit: 'working' },
  payment: { label: '缴纳罚款期限', days: 15, unit: 'calendar' },
  preservationDecision: { label: '先行登记保存处理期限', days: 7, unit: 'working' },
  urgeResponse: { label: '催告履行期限', days: 10, unit: 'calendar' },
} as const;
export type LimitKind = keyof typeof LIMITS;

/**
 * The due date, or null when it falls in a year whose holidays are not entered yet: the step itself
 * is lawful, so it is not refused; the deadline shows as 待定 and is computed once the year is approved.
 */
export function dueDate(calendar: Calendar, from: string, days: number, unit: 'working' | 'calendar'): string | null {
  try {
    return calendar.deadline(from, days, unit);
  } catch (error) {
    if (error instanceof AppError && error.code === 'calendar_year_unknown') return null;
    throw error;
  }
}

export function openDeadline(calendar: Calendar, kind: LimitKind, from: string): Deadline {
  const limit = LIMITS[kind];
  return {
    kind,
    label: limit.label,
    due: dueDate(calendar, from, limit.days, limit.unit),
    closedOn: null,
    from,
    days: limit.days,
    unit: limit.unit,
  };
}

/** Computes the pending due dates the calendar can now answer. */
export function resolvePending(calendar: Calendar, deadlines: readonly Deadline[]): Deadline[] {
  return deadlines.map((d) => (d.due === null && d.closedOn === null ? { ...d, due: dueDate(calendar, d.from, d.days, d.unit) } : d));
}

/** Lengthens an open deadline by more days of the same kind (an approved extension). */
export function extendDeadline(calendar: Calendar, d: Deadline, moreDays: number, label: string): Deadline {
  const days = d.days + moreDays;
  return { ...d, label, days, due: dueDate(calendar, d.from, days, d.unit) };
}

export function closeDeadlines(deadlines: readonly Deadline[], kinds: readonly string[], on: string): Deadline[] {
  return deadlines.map((d) => (kinds.includes(d.kind) && d.closedOn === null ? { ...d, closedOn: on } : d));
}

/** The earliest open deadline the agency (or the party's payment) runs against, or null. */
export function nextDeadline(deadlines: readonly Deadline[]): string | null {
  const open = deadlines.filter((d) => d.closedOn === null && d.due !== null && !PARTY_PERIODS.includes(d.kind)).map((d) => d.due ?? '');
  return open.sort()[0] ?? null;
}

/** 加处罚款 (行政处罚法 §72): 3 % of the fine a day after the payment deadline, never more than the fine. */
export function lateFeeFen(fineFen: number, paymentDue: string, today: string): number {
  if (today <= paymentDue) return 0;
  const days = daysBetween(paymentDue, today);
  return Math.min(fineFen, Math.round((fineFen * 3 * days) / 100));
}

export interface Owed {
  fineFen: number;
  lateFeeFen: number;
  owedFen: number;
  paidFen: number;
}

/** One amount due by one day: the whole fine by the payment deadline, or an approved installment. */
export interface Installment {
  due: string | null;
  amountFen: number;
}

type Paid = { paid_on: string; amount_fen: number };

const byDate = (payments: readonly Paid[]) => [...payments].sort((a, b) => a.paid_on.localeCompare(b.paid_on));

/** The day payments first add up to `target`, or null. */
function coveredOn(ordered: readonly Paid[], target: number): string | null {
  let cumulative = 0;
  for (const p of ordered) {
    cumulative += p.amount_fen;
    if (cumulative >= target) return p.paid_on;
  }
  return null;
}

/** What is due when: an approved 延期/分期 plan, else the whole fine by the payment deadline. */
export function paymentSchedule(data: CaseData): Installment[] {
  const fineFen = Math.round((data.decision?.penalty.fineYuan ?? 0) * 100);
  if (fineFen === 0) return [];
  if (data.paymentPlan) return data.paymentPlan.installments.map((i) => ({ due: i.dueOn, amountFen: Math.round(i.amountYuan * 100) }));
  return [{ due: data.deadlines.find((d) => d.kind === 'payment')?.due ?? null, amountFen: fineFen }];
}

/**
 * What a fine comes to on `asOf`: 加处罚款 (行政处罚法 §72) accrues on each installment from the day
 * after it fell due until payments (which go to the earliest installment first) cover it; never more
 * than the fine. Without a plan the single installment is the whole fine.
 */
export function amountOwed(schedule: readonly Installment[], payments: readonly Paid[], asOf: string): Owed {
  const ordered = byDate(payments);
  const fineFen = schedule.reduce((sum, i) => sum + i.amountFen, 0);
  let target = 0;
  let fee = 0;
  for (const installment of schedule) {
    target += installment.amountFen;
    if (installment.due === null) continue;
    fee += lateFeeFen(installment.amountFen, installment.due, coveredOn(ordered, target) ?? asOf);
  }
  const paidFen = ordered.reduce((sum, p) => sum + p.amount_fen, 0);
  const lateFee = Math.min(fineFen, fee);
  return { fineFen, lateFeeFen: lateFee, owedFen: fineFen + lateFee, paidFen };
}

/** The first installment not yet covered by payments, with its number (1-based), or null when all are. */
export function nextUnpaid(schedule: readonly Installment[], payments: readonly Paid[]): { no: number; installment: Installment } | null {
  const paid = payments.reduce((sum, p) => sum + p.amount_fen, 0);
  let target = 0;
  for (const [index, installment] of schedule.entries()) {
    target += installment.amountFen;
    if (paid < target) return { no: index + 1, installment };
  }
  return null;
}

/** Whether some amount was due before `asOf` and is still unpaid (逾期不缴纳). */
export function paymentOverdue(schedule: readonly Installment[], payments: readonly Paid[], asOf: string): boolean {
  const next = nextUnpaid(
    schedule,
    payments.filter((p) => p.paid_on <= asOf),
  );
  return next !== null && next.installment.due !== null && next.installment.due < asOf;
}

/**
 * Under an approved plan the payment deadline is the next installment still unpaid, so the due-soon
 * list shows each one as it comes.
 */
export function followPlan(data: CaseData, payments: readonly Paid[]): Deadline[] {
  if (!data.paymentPlan) return data.deadlines;
  const next = nextUnpaid(paymentSchedule(data), payments);
  if (next === null || next.installment.due === null) return data.deadlines;
  const due = next.installment.due;
  const label = data.paymentPlan.kind === '分期' ? `分期缴纳第 ${next.no} 期期限` : '延期缴纳期限';
  return data.deadlines.map((d) => (d.kind === 'payment' && d.closedOn === null ? { ...d, label, due } : d));
}
