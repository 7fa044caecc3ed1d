import { createHash } from 'node:crypto';
import { invalid } from '../errors.js';
import { canonicalJson } from '../events/canonical-json.js';
import type { DayKind, SpecialDay } from './calendar.js';
import { type IsoDate, isIsoDate, isWeekend, yearOf } from './dates.js';

export const YEAR_STATUSES = ['draft', 'approved'] as const;
export type YearStatus = (typeof YEAR_STATUSES)[number];
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export interface DayInput {
  readonly date: string;
  readonly name: string;
}

/** A year's schedule as the administrator enters it from the State Council notice. */
export interface ScheduleInput {
  readonly year: number;
  readonly notice: { readonly number: string; readonly url?: string | null | undefined };
  readonly holidays: readonly DayInput[];
  readonly workdays: readonly DayInput[];
}

export interface Schedule {
  readonly year: number;
  readonly noticeNumber: string;
  readonly noticeUrl: string | null;
  /** Sorted by date. */
  readonly days: readonly SpecialDay[];
}

function isGovCnUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && (url.hostname === 'gov.cn' || url.hostname.endsWith('.gov.cn'));
  } catch {
    return false;
  }
}

/** Checks a submitted schedule, listing every problem at once (`invalid_schedule` with details). */
export function validateSchedule(input: ScheduleInput): Schedule {
  const problems: string[] = [];
  const { year } = input;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) problems.push(`年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间`);
  const noticeNumber = input.notice.number.trim();
  if (noticeNumber === '') problems.push('请填写通知文号,如 国办发明电〔2025〕7号');
  const noticeUrl = input.notice.url?.trim() || null;
  if (noticeUrl !== null && !isGovCnUrl(noticeUrl)) problems.push('通知网址应为中国政府网(gov.cn)的 http(s) 地址');
  if (input.holidays.length === 0) problems.push('至少应有一个法定节假日');

  const seen = new Map<IsoDate, DayKind>();
  const days: SpecialDay[] = [];
  const take = (kind: DayKind, label: string, list: readonly DayInput[]) => {
    for (const item of list) {
      const name = item.name.trim();
      if (!isIsoDate(item.date)) {
        problems.push(`${label}「${item.date}」不是有效的日期(YYYY-MM-DD)`);
        continue;
      }
      if (yearOf(item.date) !== year) problems.push(`${label} ${item.date} 不在 ${year} 年`);
      if (name === '') problems.push(`${label} ${item.date} 缺少名称`);
      if (kind === 'workday' && !isWeekend(item.date)) problems.push(`调休上班日 ${item.date} 不是周六或周日`);
      const before = seen.get(item.date);
      if (before) problems.push(before === kind ? `${item.date} 重复录入` : `${item.date} 不能既是节假日又是调休上班日`);
      seen.set(item.date, kind);
      days.push({ date: item.date, kind, name });
    }
  };
  take('holiday', '节假日', input.holidays);
  take('workday', '调休上班日', input.workdays);
  if (problems.length > 0) throw invalid('invalid_schedule', `节假日安排有误:${problems.join(';')}`, problems);
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, noticeNumber, noticeUrl, days };
}

/** SHA-256 of the canonical schedule: recorded when submitted and when approved, binding the approval to the content. */
export function scheduleDigest(schedule: Schedule): string {
  const content = canonicalJson({
    year: schedule.year,
    noticeNumber: schedule.noticeNumber,
    noticeUrl: schedule.noticeUrl,
    days: schedule.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
  });
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Warnings for the console: the current year not approved (deadlines of this year cannot be
 * computed), and from October on, next year's schedule still missing — the State Council usually
 * publishes it in October–November.
 */
export function calendarAlerts(years: readonly { year: number; status: string }[], today: IsoDate): string[] {
  const status = new Map(years.map((y) => [y.year, y.status]));
  const alerts: string[] = [];
  const current = yearOf(today);
  const describe = (year: number) =>
    status.get(year) === 'draft'
      ? `${year} 年的节假日安排已录入,尚待审核;审核通过前无法计算 ${year} 年的期限`
      : `尚未录入 ${year} 年的节假日安排;请根据国务院办公厅放假通知录入并审核,否则无法计算 ${year} 年的期限`;
  if (status.get(current) !== 'approved') alerts.push(describe(current));
  if (Number(today.slice(5, 7)) >= 10 && status.get(current + 1) !== 'approved') alerts.push(describe(current + 1));
  return alerts;
}
