import { describe, expect, it } from 'vitest';
import { type CaseFileFacts, DEFAULT_SCHEDULE, disposalRefusals, looseAvUntil, retentionOf, type ScheduleRule } from './retention.js';

const closed = (over: Partial<CaseFileFacts> = {}): CaseFileFacts => ({
  procedure: 'general',
  category: '行政处罚',
  decided: true,
  major: false,
  heard: false,
  closedOn: '2026-11-20',
  ...over,
});

describe('保管期限 of a case file', () => {
  it('gives each kind of case its class and the last day of retention from the end of the closing year', () => {
    expect(retentionOf(closed())).toEqual({ retention: '30y', until: '2056-12-31', bases: ['一般程序作出处罚决定的案卷', '其他执法案卷'] });
    expect(retentionOf(closed({ decided: false })).retention).toBe('10y');
    expect(retentionOf(closed({ procedure: 'simple' }))).toMatchObject({ retention: '10y', until: '2036-12-31' });
    expect(retentionOf(closed({ procedure: 'inspection', category: '行政检查', decided: false })).retention).toBe('10y');
  });

  it('lets the longest applicable rule win: a major decision or a hearing keeps the file permanently', () => {
    expect(retentionOf(closed({ major: true }))).toMatchObject({ retention: 'permanent', until: null });
    expect(retentionOf(closed({ procedure: 'simple', heard: true })).retention).toBe('permanent');
    expect(retentionOf(closed({ major: true })).bases).toContain('一般程序作出处罚决定的案卷');
  });

  it('follows an agency schedule, and refuses one without a rule for the case', () => {
    const own: ScheduleRule[] = [
      { when: { category: '行政检查' }, retention: '30y', basis: '本局:行政检查案卷 30 年' },
      ...DEFAULT_SCHEDULE,
    ];
    expect(retentionOf(closed({ procedure: 'inspection', category: '行政检查' }), own).retention).toBe('30y');
    expect(() => retentionOf(closed(), [{ when: { procedure: 'simple' }, retention: '10y', basis: 'x' }])).toThrow(RangeError);
  });
});

describe('audio/video outside any case and disposal', () => {
  it('keeps loose recordings 6 months by default, to the same day or the month end', () => {
    expect(looseAvUntil('2026-05-20')).toBe('2026-11-20');
    expect(looseAvUntil('2026-08-31')).toBe('2027-02-28');
    expect(looseAvUntil('2026-01-15', 12)).toBe('2027-01-15');
  });

  it('refuses disposal before the end of retention, of permanent files, in open cases and under a legal hold', () => {
    const item = { until: '2036-12-31', caseOpen: false, legalHold: null };
    expect(disposalRefusals(item, '2036-12-31')).toEqual(['保管期限至 2036-12-31,期满后方可销毁']);
    expect(disposalRefusals(item, '2037-01-01')).toEqual([]);
    expect(disposalRefusals({ ...item, until: null }, '2099-01-01')).toEqual(['永久保管,不得销毁']);
    expect(disposalRefusals({ ...item, caseOpen: true, legalHold: '行政复议中' }, '2040-01-01')).toEqual([
      '所属案件尚未办结,证据不得销毁',
      '已被冻结(行政复议中),解除前不得销毁',
    ]);
  });
});
