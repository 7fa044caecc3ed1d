import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { buildCalendar } from './calendar.js';
import { isIsoDate, plusDays, shanghaiToday, weekday } from './dates.js';
import { extendDeadline, startPeriod, suspend } from './periods.js';
import { chineseDaysSchedule, SEED_FIRST_YEAR, SEED_LAST_YEAR } from './seed.js';

const YEARS = Array.from({ length: SEED_LAST_YEAR - SEED_FIRST_YEAR + 1 }, (_, i) => SEED_FIRST_YEAR + i);
const calendar = buildCalendar(YEARS, chineseDaysSchedule());

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return `${error.kind}:${error.code}:${error.message}`;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('dates (time-zone free)', () => {
  it('validates, adds and names weekdays', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-2-1', '2026-01-00', ' 2026-01-01', '']) expect(isIsoDate(bad)).toBe(false);
    expect(plusDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(plusDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(weekday('2026-10-10')).toBe(6);
    expect(weekday('2026-10-11')).toBe(0);
  });

  it('knows today in Asia/Shanghai', () => {
    expect(shanghaiToday(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(shanghaiToday(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
  });
});

describe('working-day calendar from the chinese-days seed', () => {
  it('covers 2004–2026 with holidays and 调休 working days', () => {
    expect(calendar.years).toEqual(YEARS);
    expect(calendar.dayInfo('2026-10-01')).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect(calendar.dayInfo('2026-02-14')).toEqual({ date: '2026-02-14', kind: 'workday', name: '春节' });
    expect(calendar.dayInfo('2020-01-31')?.kind).toBe('holiday'); // the 2020 Spring Festival extension
    expect(calendar.dayInfo('2026-03-03')).toBeUndefined();
  });

  it('counts working days across 国庆 2026 (hand-checked: 2026-09-30 + 7 = 2026-10-15)', () => {
    // 10-01…10-07 off; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat 调休 (3), 10-12…10-15 (4–7)
    expect(calendar.addWorkingDays('2026-09-30', 7)).toBe('2026-10-15');
    expect(calendar.deadline('2026-09-30', 7, 'working')).toBe('2026-10-15');
  });

  it('skips the Spring Festival 2026 week and counts its 调休 Saturdays', () => {
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23']) expect(calendar.isWorkingDay(d)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true); // Saturday, 调休
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    // 02-13 Fri (1), 02-14 Sat 调休 (2), 02-24 (3), 02-25 (4), 02-26 (5)
    expect(calendar.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
  });

  it('counts a 调休 Saturday and skips an ordinary weekend', () => {
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
    expect(calendar.addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Fri → Mon
  });

  it('does not count the start day and moves a calendar-day period off rest days', () => {
    expect(calendar.addCalendarDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(calendar.addCalendarDays('2026-09-24', 7)).toBe('2026-10-08'); // ends 10-01 (国庆) → 10-08
    expect(calendar.deadline('2026-03-07', 7, 'calendar')).toBe('2026-03-16'); // ends Sat 03-14 → Mon
    expect(calendar.deadline('2026-10-03', 7, 'calendar')).toBe('2026-10-10'); // ends on a 调休 Saturday: stays
    expect(calendar.deadline('2026-03-02', 60, 'calendar')).toBe('2026-05-06'); // ends 05-01 (劳动节) → 05-06
  });

  it('refuses a year that is not loaded instead of guessing weekdays', () => {
    expect(codeOf(() => calendar.isWorkingDay('2027-02-08'))).toMatch(/^invalid:calendar_year_unknown:.*2027 年/);
    expect(codeOf(() => calendar.addWorkingDays('2026-12-30', 5))).toMatch(/calendar_year_unknown:.*2027/);
    expect(codeOf(() => calendar.addCalendarDays('2026-12-20', 20))).toMatch(/calendar_year_unknown/);
    expect(codeOf(() => calendar.isWorkingDay('2003-06-02'))).toMatch(/calendar_year_unknown:.*2003/);
  });

  it('refuses bad input', () => {
    expect(codeOf(() => calendar.addWorkingDays('2026-02-30', 1))).toMatch(/^invalid:invalid_date:/);
    expect(codeOf(() => calendar.addWorkingDays('2026-03-01', 0))).toMatch(/^invalid:invalid_days:/);
    expect(codeOf(() => calendar.addCalendarDays('2026-03-01', 1.5))).toMatch(/invalid_days/);
  });
});

describe('suspension (中止) and extension (延长)', () => {
  it('does not count suspended days and resumes after them', () => {
    const start = startPeriod(calendar, '2026-03-02', 10, 'calendar');
    expect(start.date).toBe('2026-03-12');
    const paused = suspend(calendar, start.period, { from: '2026-03-05', to: '2026-03-09' });
    expect(paused.date).toBe('2026-03-17'); // five days later
    expect(paused.period.suspensions).toEqual([{ from: '2026-03-05', to: '2026-03-09' }]);
    const extended = extendDeadline(calendar, paused.period, 30);
    expect(extended.date).toBe('2026-04-16'); // 40 counted days + 5 suspended after 03-02
  });

  it('suspends a working-day period', () => {
    // 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), 10-10 Sat 调休 (5)
    const start = startPeriod(calendar, '2026-09-28', 5, 'working');
    expect(start.date).toBe('2026-10-10');
    // 09-29 (1), suspended 09-30…10-09, 10-10 (2), 10-12 (3), 10-13 (4), 10-14 (5)
    expect(suspend(calendar, start.period, { from: '2026-09-30', to: '2026-10-09' }).date).toBe('2026-10-14');
  });

  it('refuses a suspension after the deadline, an inverted range and a bad extension', () => {
    const { period } = startPeriod(calendar, '2026-03-02', 10, 'calendar');
    expect(codeOf(() => suspend(calendar, period, { from: '2026-03-13', to: '2026-03-20' }))).toMatch(/suspension_after_deadline/);
    expect(codeOf(() => suspend(calendar, period, { from: '2026-03-06', to: '2026-03-05' }))).toMatch(/invalid_range/);
    expect(codeOf(() => extendDeadline(calendar, period, 0))).toMatch(/invalid_days/);
  });
});
