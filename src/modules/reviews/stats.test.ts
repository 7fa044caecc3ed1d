import { describe, expect, it } from 'vitest';
import { statsOf } from './stats.js';

const opinion = (keys: string[]) =>
  JSON.stringify({ checklist: [], problems: keys.map((key, i) => ({ no: i + 1, key, text: '问题' })), note: '', signatures: [] });

describe('review statistics', () => {
  it('counts rounds by Beijing month, turnaround of concluded rounds, the share returned and the problems found most', () => {
    const rows = [
      // 2026-01-31 17:00 UTC is 2026-02-01 in Beijing: a February submission.
      {
        review_id: 'a',
        round_no: 1,
        submitted_at: '2026-01-31T17:00:00.000Z',
        concluded_at: '2026-02-03T17:00:00.000Z',
        conclusion: 'problems',
        opinion: opinion(['discretion', 'evidence']),
        state: 'agreed',
      },
      {
        review_id: 'a',
        round_no: 2,
        submitted_at: '2026-02-05T02:00:00.000Z',
        concluded_at: '2026-02-06T02:00:00.000Z',
        conclusion: 'agreed',
        opinion: opinion([]),
        state: 'agreed',
      },
      {
        review_id: 'b',
        round_no: 1,
        submitted_at: '2026-03-02T02:00:00.000Z',
        concluded_at: '2026-03-04T02:00:00.000Z',
        conclusion: 'revise',
        opinion: opinion(['discretion']),
        state: 'returned',
      },
      {
        review_id: 'c',
        round_no: 1,
        submitted_at: '2026-03-09T02:00:00.000Z',
        concluded_at: null,
        conclusion: null,
        opinion: null,
        state: 'in_review',
      },
    ];
    const s = statsOf(2026, rows);
    expect(s.months).toEqual([
      { month: '2026-02', submitted: 2, concluded: 2, returned: 1 },
      { month: '2026-03', submitted: 2, concluded: 1, returned: 1 },
    ]);
    expect([s.cleared, s.rounds, s.averageTurnaroundDays, s.returnedShare]).toEqual([1, 4, 2, 0.667]);
    expect(s.topProblems).toEqual([
      { key: 'discretion', label: '裁量基准运用适当', count: 2 },
      { key: 'evidence', label: '证据合法充分', count: 1 },
    ]);
    expect(statsOf(2026, [])).toMatchObject({ months: [], averageTurnaroundDays: null, returnedShare: null, topProblems: [] });
  });
});
