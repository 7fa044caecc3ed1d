import { invalid } from '../errors.js';
import { assertPeriodDays, type Calendar, type DateRange, type Period } from './calendar.js';
import { assertIsoDate, dayNumber, type IsoDate } from './dates.js';

/**
 * Pure functions that move a running deadline. Later modules record the period (start, length,
 * unit, extensions, suspensions) with their case and recompute the deadline from it, so the answer
 * never depends on the order in which changes were entered.
 */
export interface PeriodState {
  readonly period: Period;
  /** The deadline (the last day on which the act is still in time). */
  readonly date: IsoDate;
}

/** Starts a period: `days` in `unit`, the day `from` itself not counted. */
export function startPeriod(calendar: Calendar, from: IsoDate, days: number, unit: Period['unit']): PeriodState {
  const period: Period = { from, days, unit };
  return { period, date: calendar.periodDeadline(period) };
}

/**
 * An approved extension (延长): `days` more of the period's own unit, counted on from where the
 * period would have ended, e.g. 行政处罚法 §60's 90 days extended by 30.
 */
export function extendDeadline(calendar: Calendar, period: Period, days: number): PeriodState {
  assertPeriodDays(days, '延长天数');
  const next: Period = { ...period, extensions: [...(period.extensions ?? []), days] };
  return { period: next, date: calendar.periodDeadline(next) };
}

/**
 * A suspension (中止) from `range.from` to `range.to`, both included: those days do not count, and
 * the period resumes the day after `range.to`. A suspension that begins after the deadline is
 * refused: the period had already run out.
 */
export function suspend(calendar: Calendar, period: Period, range: DateRange): PeriodState {
  const current = calendar.periodDeadline(period);
  const from = assertIsoDate(range.from, '中止开始日');
  if (dayNumber(from) > dayNumber(current)) {
    throw invalid('suspension_after_deadline', `中止开始日 ${from} 晚于期限届满日 ${current},期限已经届满`);
  }
  const next: Period = { ...period, suspensions: [...(period.suspensions ?? []), range] };
  return { period: next, date: calendar.periodDeadline(next) };
}
