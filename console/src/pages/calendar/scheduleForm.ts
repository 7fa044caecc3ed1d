import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarYearDetail, SubmitYearInput } from '../../api/calendar';
import { dayRuns, expandRange, isWeekend } from './calendarDates';
import { HOLIDAY_NAMES } from './calendarLabels';

/**
 * The entry form reads like the State Council notice (each holiday as a range, each 调休 Saturday or Sunday
 * on its own); the server wants every special day listed one by one. These turn one into the other.
 */

export const DATE = 'YYYY-MM-DD';

export interface HolidayRow {
  name?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export interface WorkdayRow {
  name?: string;
  date?: Dayjs | null;
}

export interface YearFormValues {
  year: number;
  noticeNumber: string;
  noticeUrl?: string;
  holidays: HolidayRow[];
  workdays: WorkdayRow[];
}

/** Rows the form holds; incomplete ones are rejected by the form rules before this is called. */
export function toSubmitInput(values: YearFormValues): SubmitYearInput {
  const holidays = (values.holidays ?? []).flatMap((row) => {
    const [from, to] = row.range ?? [null, null];
    if (!from || !to) return [];
    const name = (row.name ?? '').trim();
    return expandRange(from.format(DATE), to.format(DATE)).map((date) => ({ date, name }));
  });
  const workdays = (values.workdays ?? []).flatMap((row) =>
    row.date ? [{ date: row.date.format(DATE), name: (row.name ?? '').trim() }] : [],
  );
  const url = values.noticeUrl?.trim();
  return { year: values.year, notice: { number: values.noticeNumber.trim(), url: url ? url : null }, holidays, workdays };
}

/** A fresh form: the usual seven holidays named, dates to be filled in from the notice. */
export function newYearValues(year: number): Partial<YearFormValues> {
  return { year, holidays: HOLIDAY_NAMES.map((name) => ({ name, range: null })), workdays: [] };
}

/** Correcting a draft: its days regrouped into the ranges they were entered as. */
export function draftValues(detail: CalendarYearDetail): Partial<YearFormValues> {
  return {
    year: detail.year,
    noticeNumber: detail.noticeNumber,
    noticeUrl: detail.noticeUrl ?? undefined,
    holidays: dayRuns(detail.holidays).map((run) => ({ name: run.name, range: [dayjs(run.from), dayjs(run.to)] })),
    workdays: detail.workdays.map((d) => ({ name: d.name, date: dayjs(d.date) })),
  };
}

/** How many days the form currently stands for (for the summary line). */
export function countDays(values: Partial<YearFormValues> | undefined): { holidays: number; workdays: number } {
  if (!values) return { holidays: 0, workdays: 0 };
  const input = toSubmitInput({ year: 0, noticeNumber: '', holidays: values.holidays ?? [], workdays: values.workdays ?? [] });
  return { holidays: new Set(input.holidays.map((d) => d.date)).size, workdays: input.workdays.length };
}

/** The same check the server makes (schedule.ts): an http(s) address on gov.cn. */
export function isGovCnUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && (url.hostname === 'gov.cn' || url.hostname.endsWith('.gov.cn'));
  } catch {
    return false;
  }
}

export function inYear(date: Dayjs, year: number | undefined): boolean {
  return year === undefined || date.year() === year;
}

export function isWeekendDay(date: Dayjs): boolean {
  return isWeekend(date.format(DATE));
}
