import type { CalendarDay } from '../../api/calendar';

/**
 * Plain `YYYY-MM-DD` day arithmetic in UTC, as the server does it (src/platform/calendar/dates.ts):
 * no local time zone, so a browser anywhere shows the same days.
 */

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[weekday(date)] ?? '';
}

/** Every date from `from` to `to`, both included (empty when `to` is before `from`). */
export function expandRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = dayNumber(from); day <= dayNumber(to); day++) out.push(fromDayNumber(day));
  return out;
}

/** A run of consecutive days with the same name, e.g. 春节 2027-02-06 … 2027-02-14. */
export interface DayRun {
  name: string;
  from: string;
  to: string;
  count: number;
}

/** Groups days (any order) into runs of consecutive dates sharing a name: how the State Council notice reads. */
export function dayRuns(days: readonly CalendarDay[]): DayRun[] {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const runs: DayRun[] = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.name === day.name && dayNumber(day.date) === dayNumber(last.to) + 1) {
      last.to = day.date;
      last.count++;
    } else {
      runs.push({ name: day.name, from: day.date, to: day.date, count: 1 });
    }
  }
  return runs;
}

/** `2027-02-06` → `2月6日`. */
export function shortDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export function describeRun(run: DayRun): string {
  return run.count === 1 ? shortDate(run.from) : `${shortDate(run.from)}至${shortDate(run.to)}`;
}
