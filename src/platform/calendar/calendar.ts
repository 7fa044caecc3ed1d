import { invalid } from '../errors.js';
import { assertIsoDate, dayNumber, fromDayNumber, type IsoDate, isWeekend, yearOf } from './dates.js';

export type DayKind = 'holiday' | 'workday';
export type DayUnit = 'working' | 'calendar';
export const DAY_UNITS: readonly DayUnit[] = ['working', 'calendar'];

/** One special day of an approved schedule: a statutory holiday or a 调休 make-up working day. */
export interface SpecialDay {
  readonly date: IsoDate;
  readonly kind: DayKind;
  readonly name: string;
}

/** A suspended stretch (中止), both ends included: its days are not counted in the period. */
export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * A running period: counted from the day after `from` (the start day is not counted, 行政处罚法
 * §85 / 民事诉讼法 §85), `days` long in `unit`, lengthened by approved extensions (same unit) and
 * paused by suspensions (中止: "中止…的时间不计入案件办理期限").
 */
export interface Period {
  readonly from: IsoDate;
  readonly days: number;
  readonly unit: DayUnit;
  readonly extensions?: readonly number[];
  readonly suspensions?: readonly DateRange[];
}

/** Longest period the engine accepts (ten years of days): guards the day-by-day walk. */
export const MAX_PERIOD_DAYS = 3660;

/** The error for a date in a year whose State Council schedule is not loaded and approved. */
export function calendarYearUnknown(year: number) {
  return invalid(
    'calendar_year_unknown',
    `尚未录入并审核 ${year} 年的节假日安排(国务院办公厅放假通知),无法判断 ${year} 年的工作日;请系统管理员录入并审核后再计算期限`,
  );
}

/** Working days and deadlines over the approved years only; any other year is an error, never a guess. */
export interface Calendar {
  /** Approved years, ascending. */
  readonly years: readonly number[];
  isWorkingDay(date: IsoDate): boolean;
  /** The special day on `date`, if any (its year must be approved). */
  dayInfo(date: IsoDate): SpecialDay | undefined;
  /** The n-th working day after `from`: holidays and weekends skipped, 调休 working days counted. */
  addWorkingDays(from: IsoDate, n: number): IsoDate;
  /** The last day of an n-calendar-day period after `from`, moved to the next working day if it is a rest day. */
  addCalendarDays(from: IsoDate, n: number): IsoDate;
  deadline(from: IsoDate, days: number, unit: DayUnit): IsoDate;
  /** The deadline of a period with its extensions and suspensions. */
  periodDeadline(period: Period): IsoDate;
  /** The first working day on or after `date`. */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate;
}

export function assertPeriodDays(n: number, what = '期限天数'): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PERIOD_DAYS) throw invalid('invalid_days', `${what}应为 1 至 ${MAX_PERIOD_DAYS} 之间的整数`);
  return n;
}

function assertRange(range: DateRange): { from: number; to: number } {
  const from = dayNumber(assertIsoDate(range.from, '中止开始日'));
  const to = dayNumber(assertIsoDate(range.to, '中止结束日'));
  if (to < from) throw invalid('invalid_range', `中止结束日 ${range.to} 早于开始日 ${range.from}`);
  return { from, to };
}

/** Builds a calendar from approved years and their special days (pure: no database, no clock). */
export function buildCalendar(years: Iterable<number>, days: Iterable<SpecialDay>): Calendar {
  const approved = new Set(years);
  const special = new Map<IsoDate, SpecialDay>();
  for (const day of days) {
    if (!approved.has(yearOf(day.date))) continue;
    special.set(day.date, day);
  }

  const dayInfo = (date: IsoDate): SpecialDay | undefined => {
    assertIsoDate(date);
    const year = yearOf(date);
    if (!approved.has(year)) throw calendarYearUnknown(year);
    return special.get(date);
  };
  const isWorkingDay = (date: IsoDate): boolean => {
    const info = dayInfo(date);
    if (info) return info.kind === 'workday';
    return !isWeekend(date);
  };
  const nextWorkingDayOnOrAfter = (date: IsoDate): IsoDate => {
    let day = dayNumber(date);
    // A rest stretch never exceeds a few weeks; the bound only stops a corrupt schedule from looping.
    for (let guard = 0; guard < 366; guard++, day++) if (isWorkingDay(fromDayNumber(day))) return fromDayNumber(day);
    throw invalid('calendar_no_working_day', `${date} 之后一年内没有工作日,请检查节假日安排`);
  };

  const periodDeadline = (period: Period): IsoDate => {
    const start = dayNumber(assertIsoDate(period.from, '起算日'));
    assertPeriodDays(period.days);
    for (const extra of period.extensions ?? []) assertPeriodDays(extra, '延长天数');
    const total = period.days + (period.extensions ?? []).reduce((a, b) => a + b, 0);
    if (total > MAX_PERIOD_DAYS) throw invalid('invalid_days', `期限连同延长不得超过 ${MAX_PERIOD_DAYS} 日`);
    const stops = (period.suspensions ?? []).map(assertRange);
    const suspended = (day: number) => stops.some((s) => day >= s.from && day <= s.to);
    let day = start;
    let counted = 0;
    while (counted < total) {
      day++;
      if (suspended(day)) continue;
      if (period.unit === 'calendar' || isWorkingDay(fromDayNumber(day))) counted++;
    }
    const last = fromDayNumber(day);
    return period.unit === 'calendar' ? nextWorkingDayOnOrAfter(last) : last;
  };

  return {
    years: [...approved].sort((a, b) => a - b),
    isWorkingDay,
    dayInfo,
    nextWorkingDayOnOrAfter,
    periodDeadline,
    addWorkingDays: (from, n) => periodDeadline({ from, days: n, unit: 'working' }),
    addCalendarDays: (from, n) => periodDeadline({ from, days: n, unit: 'calendar' }),
    deadline: (from, days, unit) => periodDeadline({ from, days, unit }),
  };
}
