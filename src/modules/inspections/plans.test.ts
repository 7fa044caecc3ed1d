import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import { type DrawBundle, verifyBundle } from '../../platform/draw/index.js';
import { type CasesEnv, startCasesEnv } from '../cases/testing.js';
import { insertEntities, inspectionsApi, publishInspectionItem } from './testing.js';
import type { PlanView, TaskView } from './views.js';

const CODE = 'c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc';
const COMMITMENT = createHash('sha256').update(Buffer.from(CODE, 'hex')).digest('hex');
const VALUES = [['3', '7', '12', '19', '25', '31'], ['9']];

describeEachDialect('双随机: item list, announced plans, draws with recusal, tasks and public results', (ctx) => {
  let env: CasesEnv;
  let api: ReturnType<typeof inspectionsApi>;
  let itemCode = '';
  let entities: { uscc: string; name: string }[] = [];
  let plan: PlanView;
  const today = shanghaiToday();
  const region = `测试区-${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = inspectionsApi(env);
    entities = await insertEntities(env.db, 40, region);
  });
  afterAll(() => env?.app.close());

  const expectError = (res: { statusCode: number; json: <T>() => T; body: string }, status: number, code: string) =>
    expect([res.statusCode, res.json<{ code: string }>().code], res.body).toEqual([status, code]);
  const json = <T>(res: { statusCode: number; json: <U>() => U; body: string }, status = 200): T => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };

  it('keeps the item list in versions: 政策法规科 publishes, a revision needs a reason, the public sees the current one', async () => {
    expectError(await api.call('POST', '/api/inspections/items', 'officer', api.itemBody()), 403, 'forbidden');
    expectError(await api.call('POST', '/api/inspections/items', 'reviewer', api.itemBody({ percent: 0 })), 400, 'item_percent_invalid');
    const item = json<{ code: string; versionNo: number }>(await api.call('POST', '/api/inspections/items', 'reviewer', api.itemBody()));
    itemCode = item.code;
    expect(item.versionNo).toBe(1);
    expectError(
      await api.call('PUT', `/api/inspections/items/${itemCode}`, 'reviewer', api.itemBody({ percent: 8 })),
      400,
      'change_note_required',
    );
    const revised = json<{ versionNo: number; percent: number }>(
      await api.call('PUT', `/api/inspections/items/${itemCode}`, 'reviewer', api.itemBody({ percent: 8, changeNote: '提高比例' })),
    );
    expect(revised).toMatchObject({ versionNo: 2, percent: 8 });
    const pub = json<{ code: string; versionNo: number }[]>(await api.call('GET', '/api/public/inspection-items', null));
    expect(pub.filter((i) => i.code === itemCode).map((i) => i.versionNo)).toEqual([2]);
  });

  it('records declared conflicts once, by a planner for any officer', async () => {
    const declared = await api.call('POST', '/api/inspections/conflicts', 'reviewer', {
      officerId: env.officers.a.id,
      uscc: entities[0]?.uscc,
      reason: '配偶在该单位任职',
    });
    expect(json<{ certificateNo: string }>(declared).certificateNo).toBe(env.officers.a.certificateNo);
    expectError(
      await api.call('POST', '/api/inspections/conflicts', 'reviewer', {
        officerId: env.officers.a.id,
        uscc: entities[0]?.uscc,
        reason: '重复',
      }),
      409,
      'conflict_exists',
    );
    expectError(
      await api.call('POST', '/api/inspections/conflicts', 'reviewer', {
        officerId: env.officers.a.id,
        uscc: '914403001922038217',
        reason: 'x',
      }),
      400,
      'entity_not_found',
    );
    // Officer a declares a conflict with every entity: a must never be on a team, and must be recused.
    for (const e of entities.slice(1)) {
      json(
        await api.call('POST', '/api/inspections/conflicts', 'unitHead', {
          officerId: env.officers.a.id,
          uscc: e.uscc,
          reason: '曾任该单位顾问',
        }),
      );
    }
  });

  it('drafts a plan and previews what announcing would freeze: valid certificates only', async () => {
    expectError(
      await api.call('POST', '/api/inspections/plans', 'unitHead', api.planBody(itemCode, today, { teamSize: 1 })),
      400,
      'team_too_small',
    );
    expectError(await api.call('POST', '/api/inspections/plans', 'officer', api.planBody(itemCode, today)), 403, 'forbidden');
    plan = json<PlanView>(
      await api.call(
        'POST',
        '/api/inspections/plans',
        'unitHead',
        api.planBody(itemCode, today, { regions: [region], commitment: COMMITMENT }),
      ),
    );
    expect(plan).toMatchObject({ state: 'draft', items: [{ code: itemCode, versionNo: 2 }] });
    const preview = json<{
      populationCount: number;
      quotas: unknown[];
      inspectors: { certificateNo: string }[];
      conflictCount: number;
      problems: string[];
    }>(await api.call('GET', `/api/inspections/plans/${plan.id}/preview`, 'unitHead'));
    expect(preview.populationCount).toBe(40);
    expect(preview.quotas).toEqual([{ stratum: '全部', size: 40, count: 20 }]);
    expect(preview.inspectors.map((i) => i.certificateNo).sort()).toEqual(
      [env.officers.a, env.officers.b, env.officers.c, env.officers.d].map((o) => o.certificateNo).sort(),
    );
    expect(preview.conflictCount).toBe(40);
    expect(preview.problems).toEqual([]);
    expect((await api.call('GET', `/api/public/draws/${plan.id}/plan`, null)).statusCode).toBe(404);
    expectError(
      await api.call('POST', `/api/inspections/plans/${plan.id}/draw`, 'unitHead', { values: VALUES, code: CODE }),
      409,
      'plan_not_announced',
    );
  });

  it('announces the plan: population, inspectors and conflicts frozen and hashed in the ledger before the draw', async () => {
    expectError(await api.call('POST', `/api/inspections/plans/${plan.id}/announce`, 'reviewer'), 403, 'forbidden');
    plan = json<PlanView>(await api.call('POST', `/api/inspections/plans/${plan.id}/announce`, 'unitHead'));
    expect(plan).toMatchObject({ state: 'announced', commitment: COMMITMENT, populationCount: 40, code: null });
    const event = await env.db
      .selectFrom('events')
      .select(['data', 'ledger_index'])
      .where('subject_id', '=', plan.id)
      .where('type', '=', 'inspection.plan_announced')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toMatchObject({ populationSha256: plan.populationSha256, populationCount: 40, commitment: COMMITMENT });
    expect(Number(event.ledger_index)).toBe(plan.announceLedgerIndex);
    expectError(
      await api.call('PUT', `/api/inspections/plans/${plan.id}`, 'unitHead', api.planBody(itemCode, today)),
      409,
      'plan_not_draft',
    );
    expectError(await api.call('GET', `/api/public/draws/${plan.id}`, null), 409, 'draw_pending');
    const listed = json<{ items: { id: string }[] }>(await api.call('GET', '/api/public/draws', null));
    expect(listed.items.map((p) => p.id)).toContain(plan.id);
  });

  it('draws once from the published values: wrong input changes nothing, teams skip the conflicted officer, recusals are in the ledger', async () => {
    const url = `/api/inspections/plans/${plan.id}/draw`;
    expectError(await api.call('POST', url, 'unitHead', { values: [VALUES[0]], code: CODE }), 400, 'source_values_mismatch');
    expectError(await api.call('POST', url, 'unitHead', { values: [['3', 'x'], ['9']], code: CODE }), 400, 'source_value_invalid');
    expectError(await api.call('POST', url, 'unitHead', { values: VALUES, code: `${CODE.slice(0, -2)}00` }), 400, 'draw_inputs_invalid');
    expect((await env.db.selectFrom('inspection_tasks').select('id').where('plan_id', '=', plan.id).execute()).length).toBe(0);
    plan = json<PlanView>(await api.call('POST', url, 'unitHead', { values: VALUES, code: CODE }));
    expect(plan).toMatchObject({ state: 'drawn', targetCount: 20, code: CODE });
    expectError(await api.call('POST', url, 'unitHead', { values: VALUES, code: CODE }), 409, 'plan_already_drawn');

    const bundle = json<DrawBundle>(await api.call('GET', `/api/public/draws/${plan.id}`, null));
    expect(verifyBundle(bundle).ok).toBe(true);
    expect(bundle.result.targets).toHaveLength(20);
    const a = env.officers.a.certificateNo;
    expect(bundle.result.targets.every((t) => t.team.length === 2 && !t.team.includes(a))).toBe(true);
    expect(bundle.result.recusals.length).toBeGreaterThan(0);
    const recusals = await env.db.selectFrom('events').select(['data', 'subject_id']).where('type', '=', 'inspection.recusal').execute();
    const mine = recusals
      .map((r) => JSON.parse(r.data) as { planId: string; inspector: string; substitute: string })
      .filter((d) => d.planId === plan.id);
    expect(mine).toHaveLength(bundle.result.recusals.length);
    expect(mine.every((d) => d.inspector === a && d.substitute !== null && d.substitute !== a)).toBe(true);

    const tampered = structuredClone(bundle);
    (tampered.result.targets[0] as { team: string[] }).team = [a, env.officers.b.certificateNo];
    expect(verifyBundle(tampered).ok).toBe(false);
    const otherValue = structuredClone(bundle);
    (otherValue.inputs.sources[1] as { values: string[] }).values = ['10'];
    expect(verifyBundle(otherValue).ok).toBe(false);
  });

  let inspectionItem = '';

  it('keeps 行政检查 items in the catalogue for the visits', async () => {
    inspectionItem = await publishInspectionItem(env);
    expect(inspectionItem).toMatch(/^JC-/);
  });

  it('turns each target into a task: the result is recorded, due in 20 working days, published, and a problem opens a 双随机 case', async () => {
    const tasks = json<{ items: TaskView[]; total: number }>(
      await api.call('GET', `/api/inspections/tasks?planId=${plan.id}&pageSize=100`, 'unitHead'),
    );
    expect(tasks.total).toBe(20);
    const [first, second] = tasks.items as [TaskView, TaskView];
    expect(first.team).toHaveLength(2);
    // The visit is a 行政检查 case: started from the task with the team as officers, 现场检查, then 检查结论.
    expectError(
      await api.call('POST', `/api/inspections/tasks/${first.id}/start`, 'unitHead', { itemCode: env.item.code }),
      400,
      'item_not_inspection',
    );
    const started = json<TaskView>(
      await api.call('POST', `/api/inspections/tasks/${first.id}/start`, 'unitHead', { itemCode: inspectionItem }),
    );
    const caseId = started.inspectionCaseId as string;
    const registered = await env.db
      .selectFrom('cases')
      .select(['procedure', 'source', 'stage'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(registered).toEqual({ procedure: 'inspection', source: '双随机', stage: 'registered' });
    expectError(
      await api.call('POST', `/api/inspections/tasks/${first.id}/start`, 'unitHead', { itemCode: inspectionItem }),
      409,
      'inspection_started',
    );
    const officerIds = await env.db.selectFrom('case_officers').select('officer_id').where('case_id', '=', caseId).execute();
    expect(officerIds.map((o) => o.officer_id).sort()).toEqual(first.team.map((m) => m.officerId).sort());
    expectError(
      await api.call('POST', `/api/inspections/tasks/${first.id}/inspect`, 'unitHead', {
        inspectedFrom: today,
        inspectedTo: today,
        result: '未发现问题',
        findings: '',
      }),
      409,
      'inspection_not_concluded',
    );
    const step = (action: string, body: Record<string, unknown>) =>
      api.call('POST', `/api/cases/${caseId}/actions/${action}`, 'unitHead', { performedOn: today, ...body });
    expectError(await step('inspect', { note: '检查劳动合同台账', officerIds: [first.team[0]?.officerId] }), 400, 'officers_required');
    json(await step('inspect', { note: '检查劳动合同台账、工资支付记录', officerIds: first.team.map((m) => m.officerId) }));
    json(await step('conclude_inspection', { note: '未发现违法行为' }));
    const inspect = (task: TaskView, body: Record<string, unknown>, who: 'unitHead' | 'officer' = 'unitHead') =>
      api.call('POST', `/api/inspections/tasks/${task.id}/inspect`, who, {
        inspectedFrom: today,
        inspectedTo: today,
        findings: '',
        ...body,
      });
    expectError(await inspect(first, { result: '未发现问题' }, 'officer'), 403, 'forbidden');
    expectError(await inspect(first, { result: '发现问题已责令改正' }), 400, 'findings_required');
    expectError(await inspect(first, { result: '立案查处', findings: '未签订劳动合同' }), 400, 'case_required');
    const done = json<TaskView>(await inspect(first, { result: '未发现问题' }));
    expect(done.state).toBe('inspected');
    expect(done.publishDue !== null && done.publishDue > today).toBe(true);
    expectError(await api.call('POST', `/api/inspections/tasks/${second.id}/publish`, 'unitHead'), 409, 'task_not_inspected');
    json(await api.call('POST', `/api/inspections/tasks/${first.id}/publish`, 'unitHead'));
    const results = json<{ items: { uscc: string; result: string }[] }>(await api.call('GET', '/api/public/inspection-results', null));
    expect(results.items.find((r) => r.uscc === first.uscc)?.result).toBe('未发现问题');
    expectError(await inspect(first, { result: '未发现问题' }), 409, 'task_published');

    const opened = json<{ caseId: string }>(
      await api.call('POST', `/api/inspections/tasks/${second.id}/case`, 'unitHead', {
        itemCode: env.item.code,
        title: `${second.entityName}未签订劳动合同案`,
        summary: '双随机检查发现未与 3 名劳动者签订书面劳动合同',
        leadOfficerId: env.officers.b.id,
        assistOfficerId: env.officers.c.id,
      }),
    );
    const caseRow = await env.db.selectFrom('cases').select(['source']).where('id', '=', opened.caseId).executeTakeFirstOrThrow();
    expect(caseRow.source).toBe('双随机');
    const secondCase = json<TaskView>(
      await api.call('POST', `/api/inspections/tasks/${second.id}/start`, 'unitHead', { itemCode: inspectionItem }),
    ).inspectionCaseId;
    for (const [action, note] of [
      ['inspect', '检查劳动合同签订情况'],
      ['conclude_inspection', '发现未签订书面劳动合同,已移交立案'],
    ]) {
      json(
        await api.call('POST', `/api/cases/${secondCase}/actions/${action}`, 'unitHead', {
          performedOn: today,
          note,
          ...(action === 'inspect' ? { officerIds: second.team.map((m) => m.officerId) } : {}),
        }),
      );
    }
    expect(json<TaskView>(await inspect(second, { result: '立案查处', findings: '未签订劳动合同,已立案' })).caseId).toBe(opened.caseId);
  });

  it('selects per risk class at its own rate, and never draws a plan twice or a plan cancelled', async () => {
    const tiered = `${region}-分级`;
    await insertEntities(env.db, 30, tiered, (i) => (i < 10 ? 'A' : i < 20 ? 'C' : 'D'));
    const body = api.planBody(itemCode, today, {
      regions: [tiered],
      riskClasses: ['A', 'C', 'D'],
      sampling: { mode: 'percent', values: { A: 10, C: 20, D: 100 } },
      algorithm: 'rfc3797',
    });
    const draft = json<PlanView>(await api.call('POST', '/api/inspections/plans', 'unitHead', body));
    const announced = json<PlanView>(await api.call('POST', `/api/inspections/plans/${draft.id}/announce`, 'unitHead'));
    expect(announced.announcement?.quotas).toEqual([
      { stratum: 'A', size: 10, count: 1 },
      { stratum: 'C', size: 10, count: 2 },
      { stratum: 'D', size: 10, count: 10 },
    ]);
    const drawn = json<PlanView>(await api.call('POST', `/api/inspections/plans/${draft.id}/draw`, 'reviewer', { values: VALUES }));
    expect(drawn.targetCount).toBe(13);
    const bundle = json<DrawBundle>(await api.call('GET', `/api/public/draws/${draft.id}`, null));
    expect(bundle.result.targets.map((t) => t.stratum)).toEqual(['A', 'C', 'C', ...Array(10).fill('D')]);
    expect(verifyBundle(bundle).ok).toBe(true);

    const other = json<PlanView>(await api.call('POST', '/api/inspections/plans', 'unitHead', body));
    json(await api.call('POST', `/api/inspections/plans/${other.id}/announce`, 'unitHead'));
    expectError(await api.call('POST', `/api/inspections/plans/${other.id}/cancel`, 'unitHead', { reason: ' ' }), 400, 'reason_required');
    const cancelled = json<PlanView>(
      await api.call('POST', `/api/inspections/plans/${other.id}/cancel`, 'unitHead', { reason: '开奖延期' }),
    );
    expect(cancelled.state).toBe('cancelled');
    expectError(
      await api.call('POST', `/api/inspections/plans/${other.id}/draw`, 'unitHead', { values: VALUES }),
      409,
      'plan_not_announced',
    );
  });
});
