import { describe, expect, it } from 'vitest';
import { buildCalendar, chineseDaysSchedule } from '../../platform/calendar/index.js';
import { ageOn, dueFrom, minorReason } from './publication-data.js';
import { residentIdBornOn } from './testing.js';

describe('ageOn (周岁, completed the day after the birthday)', () => {
  const id = residentIdBornOn('2008-09-27');
  it.each([
    ['2026-09-26', 17],
    ['2026-09-27', 17],
    ['2026-09-28', 18],
    ['2027-01-01', 18],
  ])('on %s → %i', (date, age) => expect(ageOn(id, date)).toBe(age));

  it('handles a 29 February birthday and refuses an invalid number', () => {
    const leap = residentIdBornOn('2008-02-29');
    expect(ageOn(leap, '2026-02-28')).toBe(17);
    expect(ageOn(leap, '2026-03-01')).toBe(18);
    expect(ageOn('110105194912310021', '2026-01-01')).toBeNull();
  });
});

describe('minorReason', () => {
  it('blocks natural persons under 18 only', () => {
    expect(minorReason({ kind: 'natural', idNumber: residentIdBornOn('2010-01-01') }, '2026-09-28')).toContain('16 周岁');
    expect(minorReason({ kind: 'natural', idNumber: residentIdBornOn('1990-01-01') }, '2026-09-28')).toBeNull();
    expect(minorReason({ kind: 'organization', idNumber: '914403001922038216' }, '2026-09-28')).toBeNull();
    expect(minorReason(undefined, '2026-09-28')).toBeNull();
  });
});

describe('dueFrom', () => {
  const calendar = buildCalendar([2026], chineseDaysSchedule());
  it('counts working days over 国庆 and its 调休 Saturday', () => {
    expect(dueFrom(calendar, '2026-09-28', 7)).toBe('2026-10-13');
    expect(dueFrom(calendar, '2026-09-28', 20)).toBe('2026-10-30');
  });
  it('is pending (null) when the deadline reaches a year whose holidays are not entered', () => {
    expect(dueFrom(calendar, '2026-12-28', 7)).toBeNull();
  });
});
