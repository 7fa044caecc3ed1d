import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { approveYear, buildCalendar, chineseDaysSchedule, submitYear } from '../../platform/calendar/index.js';
import { closeDeadlines, extendDeadline, lateFeeFen, nextDeadline, openDeadline, resolvePending } from './deadlines.js';
import { type CasesApi, type CasesEnv, caseState, casesApi, expectRefused, makeEvidence, startCasesEnv } from './testing.js';
import type { CaseSummary, CaseView } from './views.js';

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** The real schedule 2004–2026 (chinese-days), and the same with a 2027 that has only 元旦. */
const known = buildCalendar(years(2004, 2026), chineseDaysSchedule());
const with2027 = buildCalendar(years(2004, 2027), [...chineseDaysSchedule(), { date: '2027-01-01', kind: 'holiday', name: '元旦' }]);

describe('lateFeeFen (加处罚款, 行政处罚法 §72)', () => {
  it('is nothing up to and on the due day', () => {
    expect(lateFeeFen(80_000, '2026-10-26', '2026-10-01')).toBe(0);
    expect(lateFeeFen(80_000, '2026-10-26', '2026-10-26')).toBe(0);
  });

  it('is 3 % of the fine for each calendar day after the due day, across months and years', () => {
    expect(lateFeeFen(80_000, '2026-10-26', '2026-10-27')).toBe(2_400);
    expect(lateFeeFen(80_000, '2026-10-26', '2026-11-01')).toBe(14_400); // 6 days, weekend included
    expect(lateFeeFen(100_000, '2026-12-31', '2027-01-02')).toBe(6_000);
    expect(lateFeeFen(100_000, '2028-02-28', '2028-03-01')).toBe(6_000); // 2028 is a leap year
  });

  it('rounds to the fen and never exceeds the fine', () => {
    expect(lateFeeFen(333, '2026-10-26', '2026-10-27')).toBe(10); // 9.99 fen
    expect(lateFeeFen(80_000, '2026-10-26', '2026-11-28')).toBe(79_200); // 33 days: 99 %
    expect(lateFeeFen(80_000, '2026-10-26', '2026-11-29')).toBe(80_000); // 34 days: capped
    expect(lateFeeFen(80_000, '2026-10-26', '2027-10-26')).toBe(80_000);
  });
});

describe('case deadlines over the working-day calendar', () => {
  it('opens a deadline counted from the day after its step, in working or calendar days', () => {
    expect(openDeadline(known, 'acceptance', '2026-09-30')).toEqual({
      kind: 'acceptance',
      label: '受理期限',
      due: '2026-10-13', // 国庆 10-01…10-07 skipped, the 调休 Saturday 10-10 counted
      closedOn: null,
      from: '2026-09-30',
      days: 5,
      unit: 'working',
    });
    expect(openDeadline(known, 'hearingRequest', '2026-09-14').due).toBe('2026-09-20'); // the 调休 Sunday counts
    expect(openDeadline(known, 'payment', '2026-10-09').due).toBe('2026-10-26'); // Saturday 10-24 → Monday
    expect(openDeadline(known, 'decision', '2026-06-01').due).toBe('2026-08-31'); // Sunday 08-30 → Monday
  });

  it('leaves a deadline in a year not yet approved pending, and computes it once the year is known', () => {
    const pending = openDeadline(known, 'investigation', '2026-11-24');
    expect(pending).toMatchObject({ due: null, from: '2026-11-24', days: 60, unit: 'working' });
    const closedPending = { ...openDeadline(known, 'decision', '2026-11-24'), closedOn: '2026-12-01' };
    const open = openDeadline(known, 'acceptance', '2026-11-20');
    expect(nextDeadline([pending, closedPending, open])).toBe('2026-11-27');
    expect(nextDeadline([pending])).toBeNull();
    expect(resolvePending(known, [pending])).toEqual([pending]);
    expect(resolvePending(with2027, [pending, closedPending, open])).toEqual([{ ...pending, due: '2027-02-17' }, closedPending, open]);
  });

  it('extends a deadline by working days of the whole period, and closes only open deadlines of the kinds named', () => {
    const investigation = openDeadline(known, 'investigation', '2026-06-01');
    expect(investigation.due).toBe('2026-08-25');
    // 30 more working days run across 中秋 and 国庆 (30 calendar days would end on 09-24).
    expect(extendDeadline(known, investigation, 30, '调查期限(已延长)')).toEqual({
      ...investigation,
      label: '调查期限(已延长)',
      days: 90,
      due: '2026-10-12',
    });
    const decision = openDeadline(known, 'decision', '2026-06-01');
    const acceptance = { ...openDeadline(known, 'acceptance', '2026-05-29'), closedOn: '2026-05-29' };
    const closed = closeDeadlines([acceptance, investigation, decision], ['acceptance', 'investigation'], '2026-07-01');
    expect(closed.map((d) => [d.kind, d.closedOn])).toEqual([
      ['acceptance', '2026-05-29'],
      ['investigation', '2026-07-01'],
      ['decision', null],
    ]);
    expect(nextDeadline(closed)).toBe('2026-08-31');
    expect(nextDeadline([])).toBeNull();
  });
});

describeEachDialect('cases: extending the investigation; deadlines in a year whose holidays are not entered yet', (ctx) => {
  // The calendar holds chinese-days' 2004–2026 only: a case filed in late November 2026 has its
  // investigation and decision deadlines in 2027. The pending-deadline tests run in order: the year is
  // approved in the second of them.
  let env: CasesEnv;
  let api: CasesApi;
  let first: CaseView;
  let second: CaseView;
  beforeAll(async () => {
    env = await startCasesEnv(ctx.db, { placeholderYears: false });
    api = casesApi(env);
  });
  afterAll(() => env?.app.close());

  it('adds 30 working days once, approved and with a reason; a second extension is refused', async () => {
    const c = await api.register({ receivedOn: '2026-05-29' });
    await api.actOk(c.id, 'accept', { performedOn: '2026-05-29', note: '受理' });
    const filed = await api.actOk(c.id, 'file', { performedOn: '2026-06-01', note: '立案' }, 'unitHead');
    expect(filed.data.deadlines.filter((d) => d.closedOn === null).map((d) => [d.kind, d.due])).toEqual([
      ['investigation', '2026-08-25'],
      ['decision', '2026-08-31'],
    ]);
    let before = await caseState(ctx.db.kysely, c.id);
    const extend = (note: string, who: 'officer' | 'unitHead' | 'leader' = 'unitHead') =>
      api.act(c.id, 'extend_investigation', { performedOn: '2026-08-20', note }, who);
    await expectRefused(env, await extend('案情复杂', 'officer'), 403, 'forbidden', c.id, before);
    await expectRefused(env, await extend('  '), 400, 'reason_required', c.id, before);

    const extended = (await extend('案情复杂,需调取银行流水', 'leader')).json<CaseView>();
    expect(extended.stage).toBe('investigating');
    expect(extended.data.investigationExtended).toBe(true);
    expect(extended.data.deadlines.filter((d) => d.closedOn === null)).toEqual([
      {
        kind: 'investigation',
        label: '调查期限(已延长)',
        due: '2026-10-12',
        closedOn: null,
        from: '2026-06-01',
        days: 90,
        unit: 'working',
      },
      { kind: 'decision', label: '作出决定期限', due: '2026-08-31', closedOn: null, from: '2026-06-01', days: 90, unit: 'calendar' },
    ]);
    expect(extended.steps.at(-1)).toMatchObject({ action: 'extend_investigation', actionLabel: '延长调查期限', performedOn: '2026-08-20' });

    before = await caseState(ctx.db.kysely, c.id);
    const again = await expectRefused(env, await extend('再次延长'), 409, 'already_extended', c.id, before);
    expect(again.message).toMatch(/只能|一次/);
  });
  const fileLate = async () => {
    const c = await api.register({ receivedOn: '2026-11-20' });
    expect(c.nextDeadline).toBe('2026-11-27');
    await api.actOk(c.id, 'accept', { performedOn: '2026-11-23', note: '受理' });
    return api.actOk(c.id, 'file', { performedOn: '2026-11-24', note: '立案' }, 'unitHead');
  };

  it('files the case and shows its 2027 deadlines as pending instead of guessing', async () => {
    first = await fileLate();
    second = await fileLate();
    for (const c of [first, second]) {
      expect(c.stage).toBe('investigating');
      expect(c.nextDeadline).toBeNull();
      expect(c.data.deadlines.filter((d) => d.closedOn === null).map((d) => [d.kind, d.due])).toEqual([
        ['investigation', null],
        ['decision', null],
      ]);
    }
  });

  it('computes them once 2027 is approved: on reading, and for the due-soon list after the next step', async () => {
    await submitYear(ctx.db.kysely, env.adminActor, {
      year: 2027,
      notice: { number: '测试用安排' },
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
    });
    await approveYear(ctx.db.kysely, env.adminActor, 2027);
    const read = (await api.get(first.id)).json<CaseView>();
    expect(read.data.deadlines.filter((d) => d.closedOn === null).map((d) => [d.kind, d.due])).toEqual([
      ['investigation', '2027-02-17'],
      ['decision', '2027-02-22'],
    ]);
    const stepped = await api.actOk(first.id, 'investigate', {
      performedOn: '2026-11-25',
      note: '检查',
      officerIds: [env.officers.a.id, env.officers.b.id],
      evidenceIds: [await makeEvidence(env, 'video', first.id)],
    });
    expect(stepped.nextDeadline).toBe('2027-02-17');
    const list = await api.call('GET', `/api/cases?q=${first.caseNo}&dueWithinDays=365`, 'officer');
    expect(list.json<{ items: CaseSummary[] }>().items.map((i) => i.id)).toEqual([first.id]);
  });

  it('puts a case whose pending deadline became known into the due-soon list without waiting for a step', async () => {
    // cases.next_deadline (what the list and the due-soon filter use) must pick up a pending due date
    // once its year is approved, without waiting for the case's next step.
    const read = (await api.get(second.id)).json<CaseView>();
    expect(read.data.deadlines.find((d) => d.kind === 'investigation')?.due).toBe('2027-02-17');
    expect(read.nextDeadline).toBe('2027-02-17');
    const list = await api.call('GET', `/api/cases?q=${second.caseNo}&dueWithinDays=365`, 'officer');
    expect(list.json<{ items: CaseSummary[] }>().items.map((i) => i.id)).toEqual([second.id]);
  });
});
