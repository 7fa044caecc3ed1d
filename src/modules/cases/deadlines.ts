import type { Calendar } from '../../platform/calendar/index.js';
import { AppError } from '../../platform/errors.js';
import type { Deadline } from './case-data.js';

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

/** The earliest open deadline, or null. */
export function nextDeadline(deadlines: readonly Deadline[]): string | null {
  const open = deadlines.filter((d) => d.closedOn === null && d.due !== null).map((d) => d.due ?? '');
  return open.sort()[0] ?? null;
}

/** 加处罚款 (行政处罚法 §72): 3 % of the fine a day after the payment deadline, never more than the fine. */
export function lateFeeFen(fineFen: number, paymentDue: string, today: string): number {
  if (today <= paymentDue) return 0;
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${paymentDue}T00:00:00Z`)) / 86_400_000);
  return Math.min(fineFen, Math.round((fineFen * 3 * days) / 100));
}

export interface Owed {
  fineFen: number;
  lateFeeFen: number;
  owedFen: number;
  paidFen: number;
}

/**
 * What a fine comes to on `asOf`: 加处罚款 accrues from the day after the payment deadline until the
 * day the fine itself is paid in full (payments go to the fine first), never more than the fine.
 */
export function amountOwed(
  fineFen: number,
  paymentDue: string | null,
  payments: readonly { paid_on: string; amount_fen: number }[],
  asOf: string,
): Owed {
  const ordered = [...payments].sort((a, b) => a.paid_on.localeCompare(b.paid_on));
  let cumulative = 0;
  let fineSettledOn: string | null = null;
  for (const p of ordered) {
    cumulative += p.amount_fen;
    if (fineSettledOn === null && cumulative >= fineFen) fineSettledOn = p.paid_on;
  }
  const feeUntil = fineSettledOn ?? asOf;
  const fee = paymentDue === null || fineFen === 0 ? 0 : lateFeeFen(fineFen, paymentDue, feeUntil);
  return { fineFen, lateFeeFen: fee, owedFen: fineFen + fee, paidFen: cumulative };
}
