import { invalid } from '../errors.js';

/**
 * Calendar dates as `YYYY-MM-DD` strings (a civil date in Asia/Shanghai). All arithmetic goes
 * through whole day numbers built with `Date.UTC` and read back with UTC getters only, so nothing
 * here depends on the process time zone (TZ) — never use local getters for calendar maths.
 */
export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** China has observed UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Is `text` a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30, 2026-2-1, …)? */
export function isIsoDate(text: string): boolean {
  const m = DATE_PATTERN.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Throws `invalid_date` (HTTP 400) unless `text` is a real `YYYY-MM-DD` date. */
export function assertIsoDate(text: string, what = '日期'): IsoDate {
  if (!isIsoDate(text)) throw invalid('invalid_date', `${what}「${text}」不是有效的日期,应为 YYYY-MM-DD 格式`);
  return text;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (an integer; day numbers compare and subtract like dates). */
export function dayNumber(date: IsoDate): number {
  assertIsoDate(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(0);
  utc.setUTCFullYear(y, m - 1, d); // setUTCFullYear keeps years 0–99 as written (Date.UTC would not).
  return Math.round(utc.getTime() / MS_PER_DAY);
}

/** The date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Plain arithmetic: `date` plus `n` days (n may be negative); no holiday rules. */
export function plusDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Today's date in Asia/Shanghai, whatever the server's own time zone. */
export function shanghaiToday(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}
