import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import { type CasesEnv, startCasesEnv } from '../cases/testing.js';
import { getReport } from './read-service.js';
import { decidedCase, reportsApi } from './testing.js';
import type { PublicReport, ReportView } from './views.js';

// The 行政执法统计年报 workflow on real records: computed from a decided case, confirmed or returned by the
// unit head, compiled only when every unit confirmed the figures as they still are, published, frozen.

const YEAR = 2026;

describeEachDialect('annual reports: compute, confirm, compile, publish', (ctx) => {
  let env: CasesEnv;
  let api: ReturnType<typeof reportsApi>;
  const errorOf = (res: { statusCode: number; json: <T>() => T }) => [res.statusCode, res.json<{ code: string }>().code];

  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = reportsApi(env);
    await decidedCase(env);
  });
  afterAll(() => env?.app.close());

  const unitOf = (view: ReportView) => {
    const unit = view.units.find((u) => u.unitId === env.inspectionId);
    if (!unit) throw new Error('inspection unit missing from the report');
    return unit;
  };

  it('computes the year from the records: the decided case and its fine in its unit and category', async () => {
    const view = api.ok(await api.compute(YEAR), 'compute');
    expect(view).toMatchObject({ year: YEAR, state: 'draft', asOf: shanghaiToday(), partial: true, unitsTotal: 1, unitsConfirmed: 0 });
    expect([view.confirmDueOn, view.publishDueOn, view.nationalDueOn]).toEqual(['2027-01-05', '2027-01-25', '2027-01-31']);
    const unit = unitOf(view);
    expect(unit).toMatchObject({ state: 'pending', canConfirm: false, overdue: false });
    expect(unit.counts).toMatchObject({ received: 1, filed: 1, decisions: 1, fineYuan: 800, hearingsRequested: 0, open: 1 });
    expect(unit.counts.byCategory.行政处罚).toBe(1);
    expect(unit.counts.byCategory.行政许可).toBe(0);
    expect(unit.counts.decisionsByCategory.行政处罚).toBe(1);
    expect([unit.counts.byPenaltyType.罚款, unit.counts.byPenaltyType.警告, unit.counts.byPenaltyType.吊销许可证件]).toEqual([1, 1, 0]);
    expect(view.units.some((u) => u.unitId === env.otherUnitId)).toBe(false);
    expect(view.figures.total.fineYuan).toBe(800);
    expect(view.figures.months.find((m) => m.month === '2026-09')).toMatchObject({ received: 1, decisions: 1, fineYuan: 800 });
    expect(view.figures.notes.some((n) => n.startsWith('行政许可'))).toBe(true);
    expect(view.figuresSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await api.view(YEAR, 'unitHead')).units[0]?.canConfirm).toBe(true);
  });

  it('marks units overdue after 5 January and the report after 25 January of the next year', async () => {
    const on = (today: string) => getReport(env.db, env.adminActor, YEAR, today);
    const early = await on('2027-01-05');
    expect([early.units[0]?.overdue, early.publishOverdue]).toEqual([false, false]);
    const late = await on('2027-01-06');
    expect([late.units[0]?.overdue, late.publishOverdue]).toEqual([true, false]);
    expect((await on('2027-01-26')).publishOverdue).toBe(true);
  });

  it('refuses by role and unit, and answers bad input with a code', async () => {
    const sha = unitOf(await api.view(YEAR)).figuresSha256;
    for (const who of ['officer', 'unitHead', 'leader'] as const) expect(errorOf(await api.compute(YEAR, who))).toEqual([403, 'forbidden']);
    expect(errorOf(await api.get(YEAR, 'officer'))).toEqual([403, 'forbidden']);
    expect((await env.app.inject({ method: 'GET', url: `/api/annual-reports/${YEAR}` })).statusCode).toBe(401);
    expect(errorOf(await api.confirm(YEAR, env.inspectionId, sha, 'otherUnitHead'))).toEqual([403, 'forbidden']);
    expect(errorOf(await api.confirm(YEAR, env.inspectionId, sha, 'reviewer'))).toEqual([403, 'forbidden']);
    expect(errorOf(await api.compile(YEAR, 'unitHead'))).toEqual([403, 'forbidden']);
    expect(errorOf(await api.publish(YEAR, 'unitHead'))).toEqual([403, 'forbidden']);

    const nextYear = Number(shanghaiToday().slice(0, 4)) + 1;
    expect(errorOf(await api.compute(nextYear))).toEqual([400, 'year_in_future']);
    expect(errorOf(await api.compute('abc'))).toEqual([400, 'invalid_input']);
    expect(errorOf(await api.get('20x6'))).toEqual([400, 'invalid_input']);
    expect(errorOf(await api.get(2019))).toEqual([404, 'annual_report_not_found']);
    expect(errorOf(await api.confirm(YEAR, env.inspectionId, 'f'.repeat(64)))).toEqual([409, 'figures_changed']);
    expect(errorOf(await api.confirm(YEAR, env.otherUnitId, sha))).toEqual([404, 'annual_report_unit_not_found']);
    expect(errorOf(await api.giveBack(YEAR, env.inspectionId, '  '))).toEqual([400, 'reason_required']);
    expect(errorOf(await api.publish(YEAR))).toEqual([409, 'annual_report_not_compiled']);
    expect((await env.app.inject({ method: 'GET', url: `/api/public/annual-reports/${YEAR}` })).statusCode).toBe(404);
  });

  it('returns, confirms, refuses to compile figures that changed since, and compiles once confirmed again', async () => {
    expect(errorOf(await api.compile(YEAR))).toEqual([409, 'units_not_confirmed']);
    const returned = api.ok(await api.giveBack(YEAR, env.inspectionId, '本单位 9 月另有一件案件未统计'), 'return');
    expect(unitOf(returned)).toMatchObject({ state: 'returned', returnReason: '本单位 9 月另有一件案件未统计' });
    expect(errorOf(await api.compile(YEAR))).toEqual([409, 'units_not_confirmed']);

    const first = unitOf(returned).figuresSha256;
    const confirmed = api.ok(await api.confirm(YEAR, env.inspectionId, first), 'confirm');
    expect(unitOf(confirmed)).toMatchObject({ state: 'confirmed', note: '已核对', returnReason: null });
    expect(errorOf(await api.confirm(YEAR, env.inspectionId, first))).toEqual([409, 'unit_already_confirmed']);

    // A case decided after the confirmation: the confirmed figures are no longer the records'.
    await decidedCase(env);
    expect(errorOf(await api.compile(YEAR))).toEqual([409, 'figures_changed']);
    const recomputed = api.ok(await api.compute(YEAR), 'recompute');
    expect(unitOf(recomputed)).toMatchObject({ state: 'pending', note: null });
    expect(unitOf(recomputed).counts).toMatchObject({ decisions: 2, fineYuan: 1600 });
    api.ok(await api.confirm(YEAR, env.inspectionId, unitOf(recomputed).figuresSha256), 'confirm again');

    const compiled = api.ok(await api.compile(YEAR), 'compile');
    expect(compiled).toMatchObject({ state: 'compiled', unitsConfirmed: 1, canPublish: true });
    expect(compiled.compiledAt).not.toBeNull();
    expect(errorOf(await api.compute(YEAR))).toEqual([409, 'annual_report_compiled']);
    expect(errorOf(await api.giveBack(YEAR, env.inspectionId, '晚了'))).toEqual([409, 'annual_report_compiled']);
    expect(errorOf(await api.publish(YEAR, 'officer'))).toEqual([403, 'forbidden']);

    const published = api.ok(await api.publish(YEAR, 'leader'), 'publish');
    expect(published).toMatchObject({ state: 'published', canPublish: false, figuresSha256: compiled.figuresSha256 });
    expect(published.ledgerIndex).not.toBeNull();
    expect(errorOf(await api.publish(YEAR))).toEqual([409, 'annual_report_published']);

    const events = await env.db.selectFrom('events').select('type').where('type', 'like', 'annual_report.%').orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual([
      'annual_report.computed',
      'annual_report.unit_returned',
      'annual_report.unit_confirmed',
      'annual_report.computed',
      'annual_report.unit_confirmed',
      'annual_report.compiled',
      'annual_report.published',
    ]);
  });

  it('keeps the published figures frozen when later records appear, and exports them as a workbook', async () => {
    const before = (await env.app.inject({ method: 'GET', url: `/api/public/annual-reports/${YEAR}` })).json<PublicReport>();
    await decidedCase(env);
    const res = await env.app.inject({ method: 'GET', url: `/api/public/annual-reports/${YEAR}` });
    expect(res.statusCode).toBe(200);
    const after = res.json<PublicReport>();
    expect(after).toEqual(before);
    expect(after.figures.total.decisions).toBe(2);
    const list = (await env.app.inject({ method: 'GET', url: '/api/public/annual-reports' })).json<{ year: number; decisions: number }[]>();
    expect(list).toEqual([expect.objectContaining({ year: YEAR, decisions: 2, fineYuan: 1600 })]);

    const xlsx = await env.app.inject({ method: 'GET', url: `/api/public/annual-reports/${YEAR}/xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['总表', '事项类别', '处罚种类', '月度', '说明']);
    const summary = workbook.getWorksheet('总表');
    const rows = new Map<string, unknown[]>();
    summary?.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.set(String(values[0]), values.slice(1));
    });
    expect(rows.get('指标')).toEqual(['合计', '劳动保障监察监督局']);
    expect(rows.get('作出行政处罚(处理)决定(件)')).toEqual([2, 2]);
    expect(rows.get('罚款金额(元)')).toEqual([1600, 1600]);
    const help = workbook.getWorksheet('说明');
    expect(String(help?.getCell('A4').value)).toContain(after.figuresSha256);
    expect((await env.app.inject({ method: 'GET', url: '/api/public/annual-reports/2019/xlsx' })).statusCode).toBe(404);
  });
});
