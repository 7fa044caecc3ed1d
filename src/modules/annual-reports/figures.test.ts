import { describe, expect, it } from 'vitest';
import type { CaseYearFact } from '../cases/index.js';
import { computeFigures } from './figures.js';

const fact = (over: Partial<CaseYearFact> & { caseId: string }): CaseYearFact => ({
  unitId: 'u1',
  procedure: 'general',
  category: '行政处罚',
  receivedOn: '2026-03-02',
  filedOn: '2026-03-03',
  closedOn: null,
  decision: null,
  hearing: null,
  preservedOn: [],
  enforcementAppliedOn: [],
  payments: [],
  ...over,
});

const units = [
  { id: 'u1', name: '劳动保障监察监督局' },
  { id: 'u2', name: '社保局' },
];

describe('annual report figures', () => {
  it('counts only what falls in the year up to 统计截至, per unit and in total, amounts without float drift', () => {
    const f = computeFigures({
      year: 2026,
      asOf: '2026-06-30',
      units,
      cases: [
        // Received last year, decided this year with a hearing held, fines paid in two receipts.
        fact({
          caseId: 'a',
          receivedOn: '2025-12-20',
          filedOn: '2025-12-22',
          decision: { decidedOn: '2026-02-10', types: ['警告', '罚款', '罚款'], fineYuan: 0.1 },
          hearing: { requestedOn: '2026-01-20', heldOn: '2026-02-01' },
          payments: [
            { paidOn: '2026-02-20', amountFen: 10 },
            { paidOn: '2026-07-01', amountFen: 5 },
          ],
          preservedOn: ['2025-12-23', '2026-01-05'],
        }),
        fact({
          caseId: 'b',
          unitId: 'u2',
          procedure: 'simple',
          filedOn: null,
          decision: { decidedOn: '2026-03-02', types: ['没收违法所得'], fineYuan: 0.2 },
          closedOn: '2026-03-10',
        }),
        // After 统计截至: not counted, not even as received.
        fact({ caseId: 'c', receivedOn: '2026-07-01', filedOn: null, category: '行政强制' }),
        fact({ caseId: 'd', category: null, enforcementAppliedOn: ['2026-05-05'] }),
      ],
      reviews: [{ unitId: 'u1', reviews: 2, cleared: 1, rounds: 3, returnedRounds: 1 }],
      publications: [{ unitId: 'u3', published: 1, withdrawn: 1 }],
    });
    expect(f).toMatchObject({ year: 2026, asOf: '2026-06-30', partial: true });
    expect(f.units.map((u) => u.unitName)).toEqual(['劳动保障监察监督局', '社保局', 'u3']);
    const [u1, u2] = f.units;
    expect(u1?.counts).toMatchObject({
      received: 1,
      filed: 1,
      decisions: 1,
      fineYuan: 0.1,
      paidYuan: 0.1,
      open: 2,
      hearingsRequested: 1,
      hearingsHeld: 1,
    });
    expect(u1?.counts).toMatchObject({ preservations: 1, enforcementApplications: 1, reviews: 2, reviewRoundsReturned: 1 });
    expect(u1?.counts.byCategory).toMatchObject({ 行政处罚: 0, 其他: 1, 行政强制: 0, 行政许可: 0 });
    expect(u1?.counts.byPenaltyType).toMatchObject({ 警告: 1, 罚款: 1, 没收违法所得: 0 });
    expect(u2?.counts).toMatchObject({ received: 1, simple: 1, filed: 0, closed: 1, open: 0, confiscations: 1 });
    expect(f.total).toMatchObject({ decisions: 2, fineYuan: 0.3, received: 2, published: 1, withdrawn: 1 });
    expect(f.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(f.months[2]).toEqual({ month: '2026-03', received: 2, decisions: 1, fineYuan: 0.2 });
  });

  it('a past year runs to 31 December, and units with nothing to report are left out', () => {
    const f = computeFigures({
      year: 2025,
      asOf: '2025-12-31',
      units,
      cases: [fact({ caseId: 'x', receivedOn: '2026-01-02' })],
      reviews: [],
      publications: [],
    });
    expect([f.partial, f.units, f.months.length, f.total.received]).toEqual([false, [], 12, 0]);
  });
});
