import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginAs, type Session, testApp } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit, makeUser } from '../../../test/support/factories.js';
import type { Role } from '../../platform/auth/roles.js';
import { insertCase, insertPublication, insertReview, type UnitRef } from './testing.js';
import type { StatsOverview } from './views.js';

// Known fixture cases in 2025 (the period asked for), in two units under a fresh root, and the figures
// each indicator must give for them. Today is after 2025, so past deadlines are overdue.

describeEachDialect('统计分析: dashboard figures, scope, weak spots and the workbook', (ctx) => {
  let app: FastifyInstance;
  let root: UnitRef;
  let unitA: UnitRef & { name: string };
  let unitB: UnitRef & { name: string };
  const sessions: Partial<Record<'leader' | 'headA' | 'officer' | 'supervisor', Session>> = {};
  const X = `X-${Math.random().toString(36).slice(2, 8)}`;
  const Y = `Y-${Math.random().toString(36).slice(2, 8)}`;
  const period = 'from=2025-01-01&to=2025-12-31';

  beforeAll(async () => {
    app = await testApp(ctx.db);
    const k = ctx.db.kysely;
    root = await makeUnit(k);
    unitA = await makeUnit(k, { parentId: root.id });
    unitB = await makeUnit(k, { parentId: root.id });
    const people: [keyof typeof sessions, string, Role][] = [
      ['leader', root.id, 'leader'],
      ['supervisor', root.id, 'supervisor'],
      ['headA', unitA.id, 'unit_head'],
      ['officer', unitA.id, 'officer'],
    ];
    for (const [who, unitId, role] of people) {
      const user = await makeUser(k, { unitId, roles: [role] });
      sessions[who] = await loginAs(app, user.username, user.password);
    }

    const a1 = await insertCase(k, {
      unit: unitA,
      itemCode: X,
      receivedOn: '2025-01-10',
      filedOn: '2025-01-12',
      closedOn: '2025-04-01',
      stage: 'closed',
      steps: [
        { action: 'file', performedOn: '2025-01-12' },
        { action: 'investigate', performedOn: '2025-01-20', itemStep: '调查取证', avException: true },
        { action: 'decide', performedOn: '2025-03-01' }, // 48 days after filing
      ],
    });
    const a2 = await insertCase(k, {
      unit: unitA,
      itemCode: X,
      source: '举报',
      receivedOn: '2025-02-01',
      filedOn: '2025-02-03',
      stage: 'decision_served',
      nextDeadline: '2025-06-20',
      steps: [
        { action: 'investigate', performedOn: '2025-02-10', itemStep: '调查取证' },
        { action: 'decide', performedOn: '2025-06-01' }, // 118 days: late
      ],
    });
    const a3 = await insertCase(k, { unit: unitA, itemCode: Y, source: '双随机', receivedOn: '2025-03-05', nextDeadline: '2099-12-31' });
    const a4 = await insertCase(k, {
      unit: unitA,
      itemCode: Y,
      procedure: 'simple',
      source: '日常巡查',
      receivedOn: '2025-03-06',
      closedOn: '2025-03-20',
      stage: 'closed',
      steps: [{ action: 'on_the_spot', performedOn: '2025-03-06', itemStep: '当场处罚' }],
    });
    const b1 = await insertCase(k, { unit: unitB, itemCode: X, receivedOn: '2025-05-01', nextDeadline: '2025-07-01' });
    // Outside the period: received on the last day of 2024, decided in 2026.
    await insertCase(k, {
      unit: unitB,
      itemCode: X,
      receivedOn: '2024-12-31',
      filedOn: '2024-12-31',
      nextDeadline: '2025-01-05',
      steps: [{ action: 'decide', performedOn: '2026-01-02', itemStep: '决定', avException: true }],
    });

    await insertReview(k, a2, unitA, [
      {
        submittedAt: '2025-05-01T02:00:00.000Z',
        concludedAt: '2025-05-03T02:00:00.000Z',
        conclusion: 'problems',
        problems: ['evidence', 'discretion'],
      },
      { submittedAt: '2025-05-10T02:00:00.000Z', concludedAt: '2025-05-11T02:00:00.000Z', conclusion: 'agreed' },
    ]);
    // 23:00 on 31 December in Beijing counts in 2025; 01:00 on 1 January does not.
    await insertReview(k, b1, unitB, [
      { submittedAt: '2025-12-31T15:00:00.000Z' },
      { submittedAt: '2025-12-31T17:00:00.000Z', concludedAt: '2026-01-02T00:00:00.000Z', conclusion: 'revise', problems: ['law'] },
    ]);

    // Due on 10 March: published 23:00 that day in Beijing (on time); the next one 00:30 after its due day (late).
    await insertPublication(k, a1, unitA, { decidedOn: '2025-03-01', dueOn: '2025-03-10', firstPublishedAt: '2025-03-10T15:00:00.000Z' });
    await insertPublication(k, a2, unitA, { decidedOn: '2025-06-01', dueOn: '2025-06-10', firstPublishedAt: '2025-06-10T16:30:00.000Z' });
    await insertPublication(k, a4, unitA, { decidedOn: '2025-03-06', dueOn: '2025-03-17' });
    await insertPublication(k, a3, unitA, { decidedOn: '2025-04-01', dueOn: '2025-04-10', state: 'blocked' });
  });
  afterAll(() => app?.close());

  const get = (who: keyof typeof sessions, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: sessions[who]?.cookie ?? '' } });
  const overview = async (who: keyof typeof sessions, query: string): Promise<StatsOverview> => {
    const res = await get(who, `/api/stats/overview?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<StatsOverview>();
  };

  it('counts the fixture cases by stage, source and month, with overdue, durations, AV, reviews and publications', async () => {
    const o = await overview('leader', `${period}&unitId=${root.id}`);
    expect(o.filter).toMatchObject({ from: '2025-01-01', to: '2025-12-31', unitId: root.id });
    expect(o.kpis).toMatchObject({ received: 5, closed: 2, open: 3, decided: 3, reviewRounds: 3, publicationOverdue: 1 });
    expect(o.kpis.overdue).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(o.kpis.decisionLate).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(o.kpis.averageDecisionDays).toBe(83);
    expect(o.kpis.averageClosingDays).toBe(47.5);
    expect(o.kpis.avException).toEqual({ numerator: 1, denominator: 3, rate: 0.3333 });
    expect(o.kpis.avMissingCases).toEqual({ numerator: 1, denominator: 3, rate: 0.3333 });
    expect(o.kpis.reviewReturned).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(o.kpis.averageReviewDays).toBe(1.5);
    expect(o.kpis.publicationOnTime).toEqual({ numerator: 1, denominator: 3, rate: 0.3333 });
    expect(o.kpis.publicationLate).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });

    const counts = (rows: { label: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.label, r.count]));
    expect(counts(o.byStage)).toEqual({ 调查取证: 2, 已送达决定: 1, 已结案: 2 });
    expect(o.byStage.map((s) => s.key)).toEqual(['investigating', 'decision_served', 'closed']);
    expect(counts(o.bySource)).toEqual({ 投诉: 2, 举报: 1, 双随机: 1, 日常巡查: 1 });
    expect(counts(o.byProcedure)).toEqual({ 一般程序: 4, 简易程序: 1 });
    expect(counts(o.decisionDurations)).toEqual({ '30 日以内': 0, '31–60 日': 1, '61–90 日': 0, '超过 90 日': 1 });
    expect(counts(o.returnReasons)).toEqual({ 证据合法充分: 1, 裁量基准运用适当: 1 });
    expect(counts(o.publications)).toEqual({ 按期公开: 1, 逾期公开: 1, 逾期未公开: 1, 未到期限: 0, 不予公开: 1 });

    expect(o.months).toHaveLength(12);
    expect(o.months.map((m) => m.received)).toEqual([1, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(o.months.map((m) => m.reviewRounds)).toEqual([0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1]);
    expect(o.months.find((m) => m.month === '2025-06')?.decisionLate).toEqual({ numerator: 1, denominator: 1, rate: 1 });

    const a = o.byUnit.find((u) => u.id === unitA.id);
    const b = o.byUnit.find((u) => u.id === unitB.id);
    expect(a).toMatchObject({ name: unitA.name, received: 4, open: 2, overdue: { numerator: 1, denominator: 2 } });
    expect(b).toMatchObject({ received: 1, open: 1, overdue: { numerator: 1, denominator: 1, rate: 1 } });
    expect(o.byItem.find((i) => i.id === X)).toMatchObject({ received: 3, avException: { numerator: 1, denominator: 2 } });
  });

  it('ranks as weak spots the units and items worse than the overall figures', async () => {
    const res = await get('supervisor', `/api/stats/weak-spots?${period}&unitId=${root.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const spots = res.json<Pick<StatsOverview, 'weakSpots'>>().weakSpots;
    expect(spots.map((s) => [s.rank, s.kind, s.id, s.indicators.map((i) => i.key)])).toEqual([
      [1, 'item', X, ['overdue', 'avException']],
      [2, 'unit', unitB.id, ['overdue']],
    ]);
    expect(spots[0]?.indicators[0]).toMatchObject({ rate: 1, overallRate: 0.6667, numerator: 2, denominator: 2 });
  });

  it('limits a unit head to their own unit and refuses other units and officers', async () => {
    const own = await overview('headA', period);
    expect(own.filter.unitId).toBe(unitA.id);
    expect(own.kpis).toMatchObject({ received: 4, open: 2, reviewRounds: 2 });
    expect(own.byUnit.map((u) => u.id)).toEqual([unitA.id]);

    const other = await get('headA', `/api/stats/overview?${period}&unitId=${unitB.id}`);
    expect([other.statusCode, other.json<{ code: string }>().code]).toEqual([403, 'stats_unit_out_of_scope']);
    const officer = await get('officer', `/api/stats/overview?${period}`);
    expect([officer.statusCode, officer.json<{ code: string }>().code]).toEqual([403, 'forbidden']);
    expect((await app.inject({ method: 'GET', url: '/api/stats/overview' })).statusCode).toBe(401);
    const export403 = await get('headA', `/api/stats/export.xlsx?${period}&unitId=${unitB.id}`);
    expect(export403.statusCode).toBe(403);
  });

  it('refuses a period that is reversed, malformed or too long', async () => {
    const code = async (query: string) => (await get('leader', `/api/stats/overview?${query}`)).json<{ code: string }>().code;
    expect(await code('from=2025-12-31&to=2025-01-01')).toBe('stats_range_invalid');
    expect(await code('from=2025-02-30&to=2025-03-01')).toBe('stats_date_invalid');
    expect(await code('from=2015-01-01&to=2025-01-01')).toBe('stats_range_too_long');
    expect(await code('unitId=no-such-unit')).toBe('unit_not_found');
  });

  it('exports the workbook with one sheet per indicator group and the figures of the dashboard', async () => {
    const res = await get('leader', `/api/stats/export.xlsx?${period}&unitId=${root.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '核心指标',
      '按办理阶段',
      '按案件来源',
      '按程序',
      '按单位',
      '按执法事项',
      '月度趋势',
      '决定用时',
      '审核退回原因',
      '公开时效',
      '薄弱环节',
      '说明',
    ]);
    const rows = (name: string) => (workbook.getWorksheet(name)?.getSheetValues() ?? []).filter(Array.isArray).map((r) => r.slice(1));
    expect(rows('核心指标')).toContainEqual(expect.arrayContaining(['在办案件逾期率', 0.6667, 2, 3]));
    expect(rows('按单位')[0]?.slice(0, 2)).toEqual(['单位', '受理登记(件)']);
    expect(
      rows('按单位')
        .slice(1)
        .map((r) => [r[0], r[1]]),
    ).toEqual([
      [unitA.name, 4],
      [unitB.name, 1],
    ]);
    expect(rows('月度趋势')[1]?.slice(0, 2)).toEqual(['2025-01', 1]);
    expect(
      rows('薄弱环节')
        .slice(1)
        .map((r) => [r[0], r[1]]),
    ).toEqual([
      [1, '执法事项'],
      [2, '单位'],
    ]);
    expect(rows('说明').flat()).toContain('统计期间:2025-01-01 至 2025-12-31');
  });
});
