import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { calendarAlerts, type ScheduleInput, scheduleDigest, validateSchedule } from './schedule.js';

const GOOD: ScheduleInput = {
  year: 2027,
  notice: { number: '国办发明电〔2026〕9号', url: 'https://www.gov.cn/zhengce/content/202611/content_0000000.htm' },
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-06', name: '春节' },
  ],
  workdays: [{ date: '2027-02-20', name: '春节' }],
};

function problemsOf(input: ScheduleInput): readonly string[] {
  try {
    validateSchedule(input);
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_schedule') return error.extra.details ?? [];
    throw error;
  }
  return [];
}

describe('validateSchedule', () => {
  it('accepts a schedule, trims and sorts it, and digests it stably', () => {
    const schedule = validateSchedule({ ...GOOD, holidays: [...GOOD.holidays].reverse(), notice: { number: ' 国办发明电〔2026〕9号 ' } });
    expect(schedule.noticeNumber).toBe('国办发明电〔2026〕9号');
    expect(schedule.noticeUrl).toBeNull();
    expect(schedule.days.map((d) => d.date)).toEqual(['2027-01-01', '2027-02-06', '2027-02-20']);
    expect(scheduleDigest(schedule)).toMatch(/^[0-9a-f]{64}$/);
    expect(scheduleDigest(schedule)).toBe(scheduleDigest(validateSchedule({ ...GOOD, notice: { number: '国办发明电〔2026〕9号' } })));
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      year: 2027,
      notice: { number: ' ', url: 'https://example.com/notice' },
      holidays: [
        { date: '2027-02-30', name: '春节' },
        { date: '2026-12-31', name: '元旦' },
        { date: '2027-02-08', name: '春节' },
      ],
      workdays: [
        { date: '2027-02-09', name: '春节' },
        { date: '2027-02-08', name: '春节' },
      ],
    });
    expect(problems).toEqual([
      '请填写通知文号,如 国办发明电〔2025〕7号',
      '通知网址应为中国政府网(gov.cn)的 http(s) 地址',
      '节假日「2027-02-30」不是有效的日期(YYYY-MM-DD)',
      '节假日 2026-12-31 不在 2027 年',
      '调休上班日 2027-02-09 不是周六或周日',
      '调休上班日 2027-02-08 不是周六或周日',
      '2027-02-08 不能既是节假日又是调休上班日',
    ]);
    expect(problemsOf({ ...GOOD, holidays: [] })).toEqual(['至少应有一个法定节假日']);
    expect(problemsOf({ ...GOOD, holidays: [...GOOD.holidays, { date: '2027-01-01', name: '元旦' }] })).toEqual(['2027-01-01 重复录入']);
  });
});

describe('calendarAlerts', () => {
  const years = (entries: [number, string][]) => entries.map(([year, status]) => ({ year, status }));

  it('says nothing before October when this year is approved', () => {
    expect(calendarAlerts(years([[2026, 'approved']]), '2026-09-30')).toEqual([]);
  });

  it('warns from October until next year is approved', () => {
    expect(calendarAlerts(years([[2026, 'approved']]), '2026-10-01')).toEqual([expect.stringContaining('尚未录入 2027 年')]);
    expect(
      calendarAlerts(
        years([
          [2026, 'approved'],
          [2027, 'draft'],
        ]),
        '2026-12-31',
      ),
    ).toEqual([expect.stringContaining('2027 年的节假日安排已录入,尚待审核')]);
    expect(
      calendarAlerts(
        years([
          [2026, 'approved'],
          [2027, 'approved'],
        ]),
        '2026-11-28',
      ),
    ).toEqual([]);
  });

  it('always warns when the current year is missing', () => {
    expect(calendarAlerts(years([[2026, 'approved']]), '2027-01-02')).toEqual([expect.stringContaining('尚未录入 2027 年')]);
  });
});
