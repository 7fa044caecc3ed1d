import { request } from './client';
import type { User } from './types';

/** 工作日历 API: shapes and calls, following src/platform/calendar/schemas.ts. */

export type YearStatus = 'draft' | 'approved';
export type DayUnit = 'working' | 'calendar';

/** A special day: a 法定节假日 (holiday) or a 调休上班日 (workday), YYYY-MM-DD. */
export interface CalendarDay {
  date: string;
  name: string;
}

export interface CalendarYear {
  year: number;
  /** `draft` 待审核, `approved` 已生效. */
  status: string;
  /** 通知文号, e.g. 国办发明电〔2025〕7号 (the seeded years carry the data source instead). */
  noticeNumber: string;
  noticeUrl: string | null;
  /** A user id, or `system:<name>` (e.g. `system:calendar-seed`). */
  submittedBy: string;
  submittedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  holidayCount: number;
  workdayCount: number;
}

export interface CalendarYearDetail extends CalendarYear {
  holidays: CalendarDay[];
  workdays: CalendarDay[];
  /** SHA-256 of the canonical schedule: recorded at entry and at approval. */
  digest: string;
}

export interface CalendarYearList {
  items: CalendarYear[];
  /** Chinese warnings: this year not approved, or (from October on) next year not approved. */
  alerts: string[];
}

/** The body of POST /api/calendar/years: every special day listed one by one. */
export interface SubmitYearInput {
  year: number;
  notice: { number: string; url?: string | null };
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}

export interface DeadlineQuery {
  /** 起算日 (not counted), YYYY-MM-DD. */
  from: string;
  /** 1–3660. */
  days: number;
  unit: DayUnit;
}

/** Longest period the server accepts (MAX_PERIOD_DAYS). */
export const MAX_PERIOD_DAYS = 3660;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const yearPath = (year: number) => `/api/calendar/years/${encodeURIComponent(String(year))}`;

/** Public (no login needed); 400 `calendar_year_unknown` when the period reaches a year not approved. */
export function computeDeadline(query: DeadlineQuery): Promise<{ date: string }> {
  return request<{ date: string }>('GET', '/api/calendar/deadline', { query: { ...query } });
}

export function listCalendarYears(): Promise<CalendarYearList> {
  return request<CalendarYearList>('GET', '/api/calendar/years');
}

export function getCalendarYear(year: number): Promise<CalendarYearDetail> {
  return request<CalendarYearDetail>('GET', yearPath(year));
}

/** Enters a year as a draft, or replaces a draft; 409 `calendar_year_approved` once approved. Administrators only. */
export function submitCalendarYear(input: SubmitYearInput): Promise<CalendarYearDetail> {
  return request<CalendarYearDetail>('POST', '/api/calendar/years', { body: input });
}

/** From now on the year counts for deadlines; it can no longer be changed. Administrators only. */
export function approveCalendarYear(year: number): Promise<CalendarYearDetail> {
  return request<CalendarYearDetail>('POST', `${yearPath(year)}/approve`);
}

/** The years record who entered and approved them by user id; this resolves an id to a name (needs `user.list`). */
export function getUserById(id: string): Promise<User> {
  return request<User>('GET', `/api/users/${encodeURIComponent(id)}`);
}
