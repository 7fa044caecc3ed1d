import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/databases.js';
import { type CasesEnv, startCasesEnv } from '../modules/cases/testing.js';
import { insertEntities, inspectionsApi, publishInspectionItem, visitTask } from '../modules/inspections/testing.js';
import { plusDays, shanghaiToday } from '../platform/calendar/index.js';

// The 双随机、一公开 pages, with plans made through the module's HTTP API: drafts are not public, an announced
// plan shows what was fixed before the randomness, a drawn one its result and the re-run form, a cancelled
// one its reason; the three tabs search; people's text is escaped.

const CODE = 'c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc';
const COMMITMENT = createHash('sha256').update(Buffer.from(CODE, 'hex')).digest('hex');
const VALUES = [['3', '7', '12', '19', '25', '31'], ['9']];
const HOSTILE = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

interface PlanJson {
  id: string;
  populationSha256: string;
  announcement: { inspectorsSha256: string; conflictsSha256: string };
  announceLedgerIndex: number;
  drawLedgerIndex: number | null;
}
interface TaskJson {
  id: string;
  uscc: string;
  entityName: string;
  team: { name: string; certificateNo: string }[];
}

describeEachDialect('portal: 双随机、一公开 (/inspections tabs, /draws/:id before and after the draw)', (ctx) => {
  let env: CasesEnv;
  let api: ReturnType<typeof inspectionsApi>;
  const today = shanghaiToday();
  const tag = Math.random().toString(36).slice(2, 8);
  const region = `测试区-${tag}`;
  const bigRegion = `大名录区-${tag}`;
  const plans = { draft: '', announced: '', drawn: '', cancelled: '', big: '' };
  let drawn: PlanJson;
  let announced: PlanJson;
  let tasks: TaskJson[] = [];
  let itemCode = '';

  const json = <T>(res: LightMyRequestResponse, status = 200): T => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };
  const page = async (url: string) => {
    const res = await env.app.inject({ method: 'GET', url, headers: { host: 'gs.example.gov.cn' } });
    if (res.statusCode === 200) expect(res.headers['content-type']).toContain('text/html');
    return res;
  };
  const plan = async (title: string, overrides: Record<string, unknown>) =>
    json<PlanJson>(await api.call('POST', '/api/inspections/plans', 'unitHead', api.planBody(itemCode, today, { title, ...overrides }))).id;
  const announce = async (id: string) => json<PlanJson>(await api.call('POST', `/api/inspections/plans/${id}/announce`, 'unitHead'));

  beforeAll(async () => {
    env = await startCasesEnv(ctx.db);
    api = inspectionsApi(env);
    const entities = await insertEntities(env.db, 30, region);
    // People's text on the page: entity names with markup in them.
    for (const e of entities)
      await env.db
        .updateTable('inspection_entities')
        .set({ name: `${e.name}<b>&</b>` })
        .where('uscc', '=', e.uscc)
        .execute();
    await insertEntities(env.db, 70, bigRegion, (i) => (i % 2 === 0 ? 'A' : 'C'));
    itemCode = json<{ code: string }>(
      await api.call('POST', '/api/inspections/items', 'reviewer', api.itemBody({ content: `工资支付${HOSTILE}` })),
    ).code;
    // Officer a has a conflict with every entity of the region: each time a is drawn for a target, a recusal.
    for (const e of entities)
      json(
        await api.call('POST', '/api/inspections/conflicts', 'unitHead', {
          officerId: env.officers.a.id,
          uscc: e.uscc,
          reason: '亲属任职',
        }),
      );

    plans.draft = await plan(`草稿计划-${tag}`, { regions: [region] });
    const tomorrow = plusDays(today, 1);
    plans.announced = await plan(`待抽取计划-${tag}`, {
      regions: [region],
      drawOn: tomorrow,
      inspectFrom: tomorrow,
      inspectTo: plusDays(today, 30),
      description: `说明${HOSTILE}`,
    });
    announced = await announce(plans.announced);
    plans.drawn = await plan(`已抽取计划-${tag}`, { regions: [region], commitment: COMMITMENT });
    await announce(plans.drawn);
    drawn = json<PlanJson>(
      await api.call('POST', `/api/inspections/plans/${plans.drawn}/draw`, 'unitHead', { values: VALUES, code: CODE }),
    );
    plans.cancelled = await plan(`取消的计划${HOSTILE}-${tag}`, { regions: [region] });
    await announce(plans.cancelled);
    json(await api.call('POST', `/api/inspections/plans/${plans.cancelled}/cancel`, 'unitHead', { reason: `开奖延期${HOSTILE}` }));
    plans.big = await plan(`大名录计划-${tag}`, {
      regions: [bigRegion],
      riskClasses: ['A', 'C'],
      sampling: { mode: 'count', values: { A: 30, C: 30 } },
      algorithm: 'rfc3797',
    });
    await announce(plans.big);
    json(await api.call('POST', `/api/inspections/plans/${plans.big}/draw`, 'reviewer', { values: VALUES }));

    tasks = json<{ items: TaskJson[] }>(
      await api.call('GET', `/api/inspections/tasks?planId=${plans.drawn}&pageSize=100`, 'unitHead'),
    ).items;
    const inspectionItem = await publishInspectionItem(env);
    for (const [task, result] of [
      [tasks[0], '未发现问题'],
      [tasks[1], '发现问题已责令改正'],
    ] as const) {
      if (!task) throw new Error('no task');
      await visitTask(env, task.id, inspectionItem, today);
      json(
        await api.call('POST', `/api/inspections/tasks/${task.id}/inspect`, 'unitHead', {
          inspectedFrom: today,
          inspectedTo: today,
          result,
          findings: result === '未发现问题' ? '' : '未按时足额支付工资,已责令改正',
        }),
      );
      json(await api.call('POST', `/api/inspections/tasks/${task.id}/publish`, 'unitHead'));
    }
  });
  afterAll(() => env?.app.close());

  it('shows the section with its three tabs, in the portal navigation', async () => {
    const res = await page('/inspections');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<a href="/inspections">双随机抽查</a>');
    for (const href of ['/inspections/items', '/inspections/plans', '/inspections/results']) expect(res.body).toContain(`href="${href}"`);
    expect(res.body).toContain('已公示 2 户次');
    expect(res.body).toContain('/static/inspections.css');
    expect(res.body).not.toMatch(/<script[\s>]/);
    const tab = await page('/inspections/plans');
    expect(tab.body).toContain('<a href="/inspections/plans" aria-current="page">抽查计划</a>');
  });

  it('lists the current items with every column of the list, searchable, escaping their text', async () => {
    const res = await page('/inspections/items');
    expect(res.statusCode).toBe(200);
    for (const label of [
      '编码',
      '抽查类别',
      '抽查事项',
      '检查对象',
      '事项类别',
      '检查依据',
      '抽查内容',
      '检查方式',
      '比例及频次',
      '实施层级',
      '实施机构',
    ])
      expect(res.body).toContain(`data-label="${label}"`);
    expect(res.body).toContain(itemCode);
    expect(res.body).toContain('《劳动保障监察条例》第十一条');
    expect(res.body).toContain('不低于 5%;每年不少于 1 次');
    expect(res.body).toContain(`工资支付${ESCAPED}`);
    expect(res.body).not.toContain(HOSTILE);
    expect((await page(`/inspections/items?q=${encodeURIComponent('劳动合同')}`)).body).toContain(itemCode);
    const none = await page(`/inspections/items?q=${encodeURIComponent('不存在的事项')}`);
    expect(none.body).not.toContain(itemCode);
    expect(none.body).toContain('没有含“不存在的事项”的抽查事项');
  });

  it('lists announced, drawn and cancelled plans (never drafts), by title and year', async () => {
    const res = await page('/inspections/plans');
    expect(res.statusCode).toBe(200);
    for (const id of [plans.announced, plans.drawn, plans.cancelled, plans.big]) expect(res.body).toContain(`href="/draws/${id}"`);
    expect(res.body).not.toContain(plans.draft);
    expect(res.body).toContain('已公告(待抽取)');
    expect(res.body).toContain('<td data-label="抽取数">15 个</td>');
    expect(res.body).toContain('<td data-label="检查对象数">30 个</td>');
    expect(res.body).toContain(`取消的计划${ESCAPED}`);
    expect(res.body).not.toContain(HOSTILE);
    const found = await page(`/inspections/plans?q=${encodeURIComponent('已抽取计划')}&year=${today.slice(0, 4)}`);
    expect(found.body).toContain(plans.drawn);
    expect(found.body).not.toContain(plans.announced);
    const otherYear = await page('/inspections/plans?year=2031');
    expect(otherYear.body).toContain('没有符合条件的抽查计划');
    expect(otherYear.body).toContain('<option value="2031" selected>');
    expect((await page('/inspections/plans?year=x&page=abc&q=%00')).statusCode).toBe(200);
  });

  it('answers 404 for a draft plan and for unknown ids', async () => {
    expect((await page(`/draws/${plans.draft}`)).statusCode).toBe(404);
    expect((await page('/draws/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    expect((await page('/draws/%00')).statusCode).toBe(404);
    expect((await page(`/draws/${'x'.repeat(100)}`)).statusCode).toBe(404);
  });

  it('shows an announced plan: what was fixed before the randomness (hashes, commitment, ledger index), when it will be drawn, no result', async () => {
    const res = await page(`/draws/${plans.announced}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('尚未抽取');
    expect(res.body).toContain(`将于 <strong>${plusDays(today, 1)}</strong>`);
    expect(res.body).toContain('双色球开奖号码(红球)');
    for (const hash of [announced.populationSha256, announced.announcement.inspectorsSha256, announced.announcement.conflictsSha256])
      expect(res.body).toContain(hash);
    expect(res.body).toMatch(/<dt>一次性码承诺值<\/dt><dd class="mono hash">[0-9a-f]{64}<\/dd>/);
    expect(res.body).toContain(`记入电子账本第 <span class="mono">${announced.announceLedgerIndex}</span> 号条目`);
    expect(res.body).toContain('随机源尚未开奖');
    expect(res.body).toContain('<td data-label="数量">30 个</td>');
    expect(res.body).toContain('<td data-label="数量">30 项</td>');
    expect(res.body).toContain('排序位置法');
    expect(res.body).toContain(`说明${ESCAPED}`);
    expect(res.body).not.toContain(HOSTILE);
    expect(res.body).not.toContain('id="draw-verify"');
    expect(res.body).not.toContain('id="draw-published"');
    expect(res.body).not.toMatch(/<script[\s>]/);
  });

  it('shows a drawn plan: the numbers, the code, targets with team names and 执法证号, recusals, the bundle and the prefilled re-run form', async () => {
    const res = await page(`/draws/${plans.drawn}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('抽中检查对象 15 个');
    expect(body).toContain('3 7 12 19 25 31');
    expect(body).toContain(`<dt>一次性码</dt><dd class="mono hash">${CODE}</dd>`);
    expect(body).toContain(COMMITMENT);
    expect(body).toContain(`<span class="mono">${drawn.drawLedgerIndex}</span>`);
    expect(body).toMatch(/回避 [1-9]\d* 次/);
    expect(body).toContain(`${env.officers.a.certificateNo} 回避,由 `);
    for (const t of tasks) {
      const members = t.team.map((m) => m.certificateNo).join('、');
      expect(body).toContain(`<tr data-target="${t.uscc}" data-team="${members}">`);
      for (const m of t.team) expect(body).toContain(`<li>${m.name} <span class="mono">${m.certificateNo}</span></li>`);
      expect(t.team.map((m) => m.certificateNo)).not.toContain(env.officers.a.certificateNo);
    }
    expect(body).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(body).not.toContain('<b>&</b>');
    // The bundle, the command line and the form the script reads, prefilled with the published values.
    expect(body).toContain(`<a href="/api/public/draws/${plans.drawn}" download="draw-${plans.drawn}.json">`);
    expect(body).toContain(`sanxiang draw verify draw-${plans.drawn}.json`);
    expect(body).toMatch(new RegExp(`<section id="draw-verify" [^>]*data-bundle-url="/api/public/draws/${plans.drawn}"[^>]* hidden>`));
    expect(body).toMatch(/<textarea id="draw-verify-sources" name="sources"[^>]*>3 7 12 19 25 31\n9<\/textarea>/);
    expect(body).toContain(`name="code" type="text" value="${CODE}"`);
    expect(body).toContain('id="draw-verify-run"');
    expect(body).toContain('id="draw-verify-output"');
    expect(body).toContain('<table class="data stack" id="draw-verify-result">');
    expect(body).toContain('并不是在所有可能的结果中均匀分布');
    expect(body.match(/<script[\s>][^>]*>/g)).toEqual(['<script src="/static/verify-draw.js" defer>']);
    // A small draw is one page, without a search.
    expect(body).not.toContain('检查对象名称或统一社会信用代码');
  });

  it('pages and searches the result of a large draw', async () => {
    const first = await page(`/draws/${plans.big}`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('检查对象名称或统一社会信用代码');
    expect(first.body.match(/<tr data-target=/g)).toHaveLength(50);
    expect(first.body).toContain(`href="/draws/${plans.big}?page=2#draw-targets"`);
    expect(first.body).toContain('RFC 3797 逐个抽取法');
    expect(first.body).toContain('A 类(守信、低风险)');
    const second = await page(`/draws/${plans.big}?page=2`);
    expect(second.body.match(/<tr data-target=/g)).toHaveLength(10);
    const uscc = /<tr data-target="([0-9A-Z]{18})"/.exec(second.body)?.[1] ?? '';
    const found = await page(`/draws/${plans.big}?q=${uscc}`);
    expect(found.body.match(/<tr data-target=/g)).toEqual([`<tr data-target=`]);
    expect(found.body).toContain(`data-target="${uscc}"`);
    const none = await page(`/draws/${plans.big}?q=${encodeURIComponent('没有这个')}`);
    expect(none.body).toContain('没有名称或代码含“没有这个”的检查对象');
  });

  it('shows a cancelled plan with its reason, escaped', async () => {
    const res = await page(`/draws/${plans.cancelled}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('本计划已取消');
    expect(res.body).toContain(`<strong>取消理由:</strong>开奖延期${ESCAPED}`);
    expect(res.body).toContain(`<h1>取消的计划${ESCAPED}-${tag}</h1>`);
    expect(res.body).not.toContain(HOSTILE);
    expect(res.body).not.toContain('id="draw-verify"');
  });

  it('lists the published results with their columns, newest first, searchable by name or code', async () => {
    const res = await page('/inspections/results');
    expect(res.statusCode).toBe(200);
    for (const label of ['企业名称', '统一社会信用代码', '抽查时间', '抽查机构', '检查事项', '检查结果'])
      expect(res.body).toContain(`data-label="${label}"`);
    const [a, b] = tasks as [TaskJson, TaskJson];
    expect(res.body).toContain(a.uscc);
    expect(res.body).toContain(b.uscc);
    expect(res.body.indexOf(b.uscc)).toBeLessThan(res.body.indexOf(a.uscc));
    expect(res.body).toContain('发现问题已责令改正');
    expect(res.body).toContain('用人单位遵守劳动合同制度情况');
    expect(res.body).toContain(`<td data-label="抽查时间">${today}</td>`);
    expect(res.body).toContain(`href="/draws/${plans.drawn}"`);
    expect(res.body).not.toContain('<b>&</b>');
    expect(res.body).not.toMatch(/<script[\s>]/);
    const found = await page(`/inspections/results?q=${a.uscc}`);
    expect(found.body).toContain(a.uscc);
    expect(found.body).not.toContain(b.uscc);
    expect(found.body).toContain('符合条件的抽查结果共 1 条');
    const none = await page(`/inspections/results?q=${encodeURIComponent('不存在的企业')}`);
    expect(none.body).toContain('没有名称或代码含“不存在的企业”的抽查结果');
    expect((await page('/inspections/results?page=9')).statusCode).toBe(200);
  });
});
