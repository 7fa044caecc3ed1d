import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginAs, type Session, testDeps } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { buildApp } from '../../app.js';
import { seedDemoAgency } from '../../demo-seed.js';
import { actorOfUsername, DEMO_PASSWORD } from '../org/index.js';
import { drawSample, populationHash } from './evaluation-draw.js';
import type { ResultsView } from './evaluation-score-service.js';
import { DEFAULT_SHEET } from './evaluation-sheet.js';
import type { EvaluationView, RoundView, SheetView } from './evaluation-views.js';
import { acceptCaseFile, listPendingCases, previewCaseFile } from './index.js';

// 案卷评查 over HTTP on the demo agency plus its three closed 双随机 inspections accepted as files: the sheet
// and its versions, a round's auditable sample, the demo file's automatic findings, scoring rules, finality,
// results per unit and officer with the Excel export, and who may do what.

describeEachDialect('案卷评查: sheet, rounds, scoring, results', (ctx) => {
  let app: FastifyInstance;
  const sessions = new Map<string, Session>();
  const db = () => ctx.db.kysely;
  let year = 0;
  let fullRound: RoundView;

  beforeAll(async () => {
    const deps = testDeps(ctx.db);
    expect(await seedDemoAgency(db(), deps.blobs, deps.ledger)).toBe(true);
    const archivist = await actorOfUsername(db(), 'archivist');
    if (archivist?.kind !== 'user') throw new Error('demo archivist missing');
    for (const c of await listPendingCases(db(), archivist, {})) {
      const plan = await previewCaseFile(db(), deps, archivist, c.id);
      await acceptCaseFile(db(), deps, archivist, c.id, { pages: plan.suggestedPages });
    }
    year = Number((await db().selectFrom('case_files').select('year').executeTakeFirstOrThrow()).year);
    app = await buildApp(deps, { logger: false });
    await app.ready();
    for (const user of ['reviewer', 'officer1', 'unithead', 'leader', 'supervisor'])
      sessions.set(user, await loginAs(app, user, DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, user: string, payload?: object) =>
    app.inject({ method, url, headers: sessions.get(user)?.headers, ...(payload === undefined ? {} : { payload }) });
  const count = async (table: 'events' | 'evaluation_sheets' | 'evaluation_rounds' | 'case_file_evaluations') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const refused = async (res: { statusCode: number; json: <T>() => T }) => [res.statusCode, res.json<{ code: string }>().code];
  const sheetBody = (change: (items: typeof DEFAULT_SHEET) => object[], note = '调整分值') => ({ items: change(DEFAULT_SHEET), note });

  it('serves the default sheet, refuses bad versions with their codes writing nothing, and saves a new version', async () => {
    const current = await call('GET', '/api/archive/evaluation-sheet', 'leader');
    expect(current.statusCode, current.body).toBe(200);
    expect(current.json<SheetView>()).toMatchObject({ version: 0, total: 100, versions: [] });
    const before = [await count('events'), await count('evaluation_sheets')];
    const over = sheetBody((items) => items.map((i) => (i.code === 'facts' ? { ...i, points: 25 } : i)));
    expect(await refused(await call('PUT', '/api/archive/evaluation-sheet', 'reviewer', over))).toEqual([400, 'sheet_total_not_100']);
    const twice = sheetBody((items) => items.map((i) => (i.code === 'filing' ? { ...i, code: 'facts' } : i)));
    const dup = await call('PUT', '/api/archive/evaluation-sheet', 'reviewer', twice);
    expect(await refused(dup)).toEqual([400, 'sheet_code_duplicate']);
    expect(dup.json<{ details: string[] }>().details.join('')).toContain('代码「facts」重复');
    const fraction = sheetBody((items) =>
      items.map((i) => (i.code === 'facts' ? { ...i, points: 19.5 } : i.code === 'filing' ? { ...i, points: 10.5 } : i)),
    );
    expect(await refused(await call('PUT', '/api/archive/evaluation-sheet', 'reviewer', fraction))).toEqual([400, 'sheet_points_invalid']);
    const valid = sheetBody((items) =>
      items.map((i) => (i.code === 'procedure' ? { ...i, points: 25 } : i.code === 'filing' ? { ...i, points: 5 } : i)),
    );
    expect((await call('PUT', '/api/archive/evaluation-sheet', 'officer1', valid)).statusCode).toBe(403);
    expect((await call('PUT', '/api/archive/evaluation-sheet', 'leader', valid)).statusCode).toBe(403);
    expect([await count('events'), await count('evaluation_sheets')]).toEqual(before);

    const saved = await call('PUT', '/api/archive/evaluation-sheet', 'reviewer', valid);
    expect(saved.statusCode, saved.body).toBe(200);
    const sheet = saved.json<SheetView>();
    expect([sheet.version, sheet.total, sheet.items.find((i) => i.code === 'procedure')?.points]).toEqual([1, 100, 25]);
    expect(sheet.versions.map((v) => v.version)).toEqual([1]);
    const events = await db().selectFrom('events').select('data').where('type', '=', 'evaluation_sheet.saved').execute();
    expect(events.map((e) => JSON.parse(e.data).version)).toEqual([1]);
  });

  it('draws the requested number of archived files of the year, recording seed and sample so the draw can be recomputed', async () => {
    const body = { title: `${year} 年度案卷评查(抽样)`, year, sampleKind: 'count', sampleValue: 3 };
    const before = [await count('events'), await count('evaluation_rounds'), await count('case_file_evaluations')];
    expect((await call('POST', '/api/archive/evaluation-rounds', 'officer1', body)).statusCode).toBe(403);
    expect((await call('POST', '/api/archive/evaluation-rounds', 'unithead', body)).statusCode).toBe(403);
    expect(await refused(await call('POST', '/api/archive/evaluation-rounds', 'reviewer', { ...body, year: 2001 }))).toEqual([
      409,
      'no_files_to_sample',
    ]);
    expect(await refused(await call('POST', '/api/archive/evaluation-rounds', 'reviewer', { ...body, sampleValue: 5 }))).toEqual([
      409,
      'sample_exceeds_population',
    ]);
    expect(await refused(await call('POST', '/api/archive/evaluation-rounds', 'reviewer', { ...body, title: ' ' }))).toEqual([
      400,
      'round_title_required',
    ]);
    expect([await count('events'), await count('evaluation_rounds'), await count('case_file_evaluations')]).toEqual(before);

    const res = await call('POST', '/api/archive/evaluation-rounds', 'reviewer', body);
    expect(res.statusCode, res.body).toBe(200);
    const round = res.json<RoundView>();
    expect([round.population, round.sampled, round.evaluations.length, round.sheetVersion, round.state]).toEqual([4, 3, 3, 1, 'open']);
    expect(new Set(round.evaluations.map((e) => e.caseFileId)).size).toBe(3);
    expect(round.seed).toMatch(/^[0-9a-f]{64}$/);
    const [event] = await db()
      .selectFrom('events')
      .select(['data', 'ledger_index'])
      .where('type', '=', 'evaluation_round.created')
      .execute();
    const data = JSON.parse(event?.data ?? '{}') as { seed: string; populationSha256: string; sampled: { caseFileId: string }[] };
    expect(data.seed).toBe(round.seed);
    expect(data.sampled.map((s) => s.caseFileId)).toEqual(round.evaluations.map((e) => e.caseFileId));
    // Anyone with the archive's list of files of the year recomputes the same sample from the seed.
    const population = await db().selectFrom('case_files').select('id').where('year', '=', year).where('state', '=', 'archived').execute();
    expect(data.populationSha256).toBe(populationHash(population.map((p) => p.id)));
    expect(drawSample(round.seed, population, 3).map((p) => p.id)).toEqual(data.sampled.map((s) => s.caseFileId));
    expect(event?.ledger_index).not.toBeNull();

    const all = await call('POST', '/api/archive/evaluation-rounds', 'reviewer', {
      ...body,
      title: '全部案卷',
      sampleKind: 'ratio',
      sampleValue: 100,
    });
    expect(all.statusCode, all.body).toBe(200);
    fullRound = all.json<RoundView>();
    expect(fullRound.evaluations).toHaveLength(4);
    expect(fullRound.seed).not.toBe(round.seed);
  });

  /** The demo's case numbers: 0001 the closed penalty case, 0007–0009 the closed inspections. */
  const evaluationOf = (caseNoSuffix: string) => {
    const found = fullRound.evaluations.find((e) => e.caseNo.endsWith(caseNoSuffix));
    if (!found) throw new Error(`no evaluation of case …${caseNoSuffix}`);
    return found;
  };

  it('prefills the demo penalty file with its missing documents, and nothing for the party\u2019s late hearing request', async () => {
    const res = await call('GET', `/api/archive/evaluations/${evaluationOf('-0001').id}`, 'reviewer');
    expect(res.statusCode, res.body).toBe(200);
    const evaluation = res.json<EvaluationView>();
    const general = await db()
      .selectFrom('cases')
      .select('id')
      .where('id', '=', evaluation.caseId)
      .where('procedure', '=', 'general')
      .executeTakeFirst();
    expect(general).toBeDefined();
    const messages = evaluation.findings.map((f) => `${f.check}:${f.message}`);
    // Served in person without a 送达回证, investigated without a 询问笔录 on file.
    expect(messages).toEqual(['missing_documents:案卷中缺少询问笔录或现场检查笔录', 'missing_documents:案卷中缺少送达回证']);
    expect(evaluation.scores).toEqual([{ code: 'documents', deduction: 4, note: '案卷中缺少询问笔录或现场检查笔录;案卷中缺少送达回证' }]);
    expect(evaluation.score).toBe(96);
    expect(evaluation.officers.map((o) => o.name).sort()).toEqual(['张明', '李娜'].sort());
    // A 双随机 inspection passed the AV gate by an approved exception: shown for the reviewer, not deducted.
    const inspection = (await call('GET', `/api/archive/evaluations/${evaluationOf('-0007').id}`, 'reviewer')).json<EvaluationView>();
    expect(inspection.findings.map((f) => [f.check, f.deduction])).toEqual([
      ['missing_documents', 2],
      ['missing_av', 0],
    ]);
    expect(inspection.findings[1]?.message).toContain('经批准未录制(理由:演示数据:未附执法记录仪录像)');
    expect(inspection.scores).toEqual([{ code: 'documents', deduction: 2, note: '案卷中缺少现场检查笔录' }]);
  });

  it('refuses a deduction above the points, one without a reason, and scoring by others, changing nothing', async () => {
    const target = evaluationOf('-0007');
    const stored = async () =>
      db().selectFrom('case_file_evaluations').select(['scores', 'comment', 'state']).where('id', '=', target.id).executeTakeFirstOrThrow();
    const before = [await count('events'), await stored()];
    const put = (user: string, scores: object[]) => call('PUT', `/api/archive/evaluations/${target.id}`, user, { scores, comment: '' });
    expect(await refused(await put('reviewer', [{ code: 'av', deduction: 11, note: '未录像' }]))).toEqual([400, 'deduction_over_points']);
    expect(await refused(await put('reviewer', [{ code: 'facts', deduction: 2, note: '' }]))).toEqual([400, 'deduction_note_required']);
    expect(
      await refused(
        await put('reviewer', [
          { code: 'facts', deduction: 2, note: 'x' },
          { code: 'nope', deduction: 1, note: 'x' },
        ]),
      ),
    ).toEqual([400, 'score_item_unknown']);
    expect((await put('officer1', [{ code: 'facts', deduction: 2, note: 'x' }])).statusCode).toBe(403);
    expect((await put('unithead', [{ code: 'facts', deduction: 2, note: 'x' }])).statusCode).toBe(403);
    expect((await call('POST', `/api/archive/evaluations/${target.id}/submit`, 'officer1')).statusCode).toBe(403);
    expect([await count('events'), await stored()]).toEqual(before);
  });

  it('makes a submitted evaluation final, and keeps the round open until every file is submitted', async () => {
    const target = evaluationOf('-0007');
    const saved = await call('PUT', `/api/archive/evaluations/${target.id}`, 'reviewer', {
      scores: [{ code: 'facts', deduction: 2.5, note: '检查笔录未记载检查对象负责人' }],
      comment: '基本规范',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<EvaluationView>()).toMatchObject({ score: 97.5, state: 'draft', comment: '基本规范' });
    const submitted = await call('POST', `/api/archive/evaluations/${target.id}/submit`, 'reviewer');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<EvaluationView>()).toMatchObject({ state: 'submitted', reviewerName: '赵法审', score: 97.5 });
    const before = await count('events');
    expect(await refused(await call('PUT', `/api/archive/evaluations/${target.id}`, 'reviewer', { scores: [], comment: '' }))).toEqual([
      409,
      'evaluation_submitted',
    ]);
    expect(await refused(await call('POST', `/api/archive/evaluations/${target.id}/submit`, 'reviewer'))).toEqual([
      409,
      'evaluation_submitted',
    ]);
    expect(await refused(await call('POST', `/api/archive/evaluation-rounds/${fullRound.id}/close`, 'reviewer'))).toEqual([
      409,
      'evaluations_pending',
    ]);
    expect(await count('events')).toBe(before);
    const [event] = await db().selectFrom('events').select('data').where('type', '=', 'case_file_evaluation.submitted').execute();
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({ score: 97.5, caseFileId: target.caseFileId, sheetVersion: 1 });
  });

  it('aggregates the submitted files per unit and per officer, exports them, and closes the round', async () => {
    // 0001 (张明、李娜) keeps its prefill: 96. 0008 (王建国、张明): 90. 0009 (张明、李娜): 100. 0007 (李娜、王建国): 97.5.
    const plan: Record<string, object[] | null> = {
      '-0001': null,
      '-0008': [{ code: 'procedure', deduction: 10, note: '检查结论未告知被检查单位' }],
      '-0009': [],
    };
    for (const [caseNo, scores] of Object.entries(plan)) {
      const e = evaluationOf(caseNo);
      if (scores !== null)
        expect((await call('PUT', `/api/archive/evaluations/${e.id}`, 'reviewer', { scores, comment: '' })).statusCode).toBe(200);
      const res = await call('POST', `/api/archive/evaluations/${e.id}/submit`, 'reviewer');
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await call('GET', `/api/archive/evaluation-rounds/${fullRound.id}/results`, 'officer1')).statusCode).toBe(403);
    const res = await call('GET', `/api/archive/evaluation-rounds/${fullRound.id}/results`, 'supervisor');
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json<ResultsView>();
    expect([results.count, results.pending, results.average, results.lowest, results.highest]).toEqual([4, 0, 95.9, 90, 100]);
    expect(results.byUnit.map((g) => [g.count, g.average, g.lowest])).toEqual([[4, 95.9, 90]]);
    expect(results.byOfficer.map((g) => [g.name, g.count, g.average, g.lowest])).toEqual([
      ['王建国', 2, 93.8, 90],
      ['张明', 3, 95.3, 90],
      ['李娜', 3, 97.8, 96],
    ]);
    expect(results.byOfficer[0]?.frequent.map((f) => [f.title, f.count, f.points])).toEqual([
      ['程序(时限、告知、送达)', 1, 10],
      ['事实认定与证据', 1, 2.5],
    ]);
    const unitHead = await call('GET', `/api/archive/evaluation-rounds/${fullRound.id}/results`, 'unithead');
    expect(unitHead.json<ResultsView>().count).toBe(4);

    const xlsx = await call('GET', `/api/archive/evaluation-rounds/${fullRound.id}/results.xlsx`, 'leader');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '按单位', '按执法人员', '案卷明细', '说明']);
    const officers = workbook.getWorksheet('按执法人员');
    expect(officers?.getRow(2).values).toEqual([undefined, '王建国', 2, 93.8, 90, 97.5, expect.stringContaining('程序')]);
    expect(workbook.getWorksheet('案卷明细')?.rowCount).toBe(5);
    expect(workbook.getWorksheet('说明')?.getRow(4).getCell(1).text).toContain(fullRound.seed);

    const closed = await call('POST', `/api/archive/evaluation-rounds/${fullRound.id}/close`, 'reviewer');
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<RoundView>()).toMatchObject({ state: 'closed', submitted: 4 });
    expect(await refused(await call('POST', `/api/archive/evaluation-rounds/${fullRound.id}/close`, 'reviewer'))).toEqual([
      409,
      'evaluation_round_closed',
    ]);
  });

  it('keeps the sheet a round started with when a new version is saved', async () => {
    const next = sheetBody(
      (items) => items.map((i) => (i.code === 'facts' ? { ...i, points: 15 } : i.code === 'filing' ? { ...i, points: 15 } : i)),
      '第二次修订',
    );
    const saved = await call('PUT', '/api/archive/evaluation-sheet', 'reviewer', next);
    expect(saved.json<SheetView>().version).toBe(2);
    const round = (await call('GET', `/api/archive/evaluation-rounds/${fullRound.id}`, 'leader')).json<RoundView>();
    expect([
      round.sheetVersion,
      round.sheet.find((i) => i.code === 'facts')?.points,
      round.sheet.find((i) => i.code === 'procedure')?.points,
    ]).toEqual([1, 20, 25]);
    const list = await call('GET', '/api/archive/evaluation-rounds', 'unithead');
    expect(list.json<{ id: string }[]>().map((r) => r.id)).toContain(fullRound.id);
  });
});
