import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { snapshotCounts } from '../../../test/support/factories.js';
import { isUscc } from '../../platform/pii/ids.js';
import { csvRecords, decodeCsv } from './entities-csv.js';
import { STALE_AFTER_MS, startEntityImport } from './entities-import.js';
import { demoEntities, seedDemoEntities } from './entities-seed.js';
import {
  badCheckUscc,
  cellsOf,
  csvText,
  type EntitiesEnv,
  encodeGbk,
  entitiesApi,
  entityRecord,
  HEADERS,
  startEntitiesEnv,
  usccOf,
  xlsxFile,
} from './entities-testing.js';
import type { EntityListView, EntityView, ImportView } from './entities-views.js';

describe('entity CSV reading (pure)', () => {
  it('reads quoted fields with commas, quotes and line breaks, numbering records as Excel rows', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\rlast,';
    expect([...csvRecords(text)]).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['x, y', 'say "hi"'] },
      { row: 3, fields: ['two\nlines', 'z'] },
      { row: 4, fields: ['last', ''] },
    ]);
  });

  it('decodes UTF-8 with and without a BOM, and GBK', () => {
    expect(decodeCsv(Buffer.from('\uFEFF名称', 'utf8'))).toBe('名称');
    expect(decodeCsv(Buffer.from('名称', 'utf8'))).toBe('名称');
    expect(decodeCsv(encodeGbk('住所(地址),宁夏'))).toBe('住所(地址),宁夏');
  });

  it('generates the same valid demo entities every time', () => {
    const a = demoEntities();
    expect(a).toEqual(demoEntities());
    expect(a).toHaveLength(300);
    expect(a.every((e) => isUscc(e.uscc))).toBe(true);
    expect(new Set(a.map((e) => e.uscc)).size).toBe(300);
    expect(new Set(a.map((e) => e.riskClass))).toEqual(new Set(['A', 'B', 'C', 'D']));
  });
});

describeEachDialect('检查对象名录库: import jobs, the directory, edits', (ctx) => {
  let env: EntitiesEnv;
  let api: ReturnType<typeof entitiesApi>;
  beforeAll(async () => {
    env = await startEntitiesEnv(ctx.db);
    api = entitiesApi(env);
  });
  afterAll(() => env?.app.close());

  const records = (from: number, count: number) => Array.from({ length: count }, (_, i) => entityRecord(from + i));
  const counts = () => snapshotCounts(ctx.db.kysely, ['inspection_entities']);
  const importEvents = () =>
    ctx.db.kysely.selectFrom('events').selectAll().where('type', '=', 'inspection.entities_imported').orderBy('seq').execute();
  const entity = async (uscc: string) => (await api.call('GET', `/api/inspections/entities/${uscc}`, 'officer')).json<EntityView>();
  const expectError = (res: { statusCode: number; json: <T>() => T; body: string }, status: number, code: string) =>
    expect([res.statusCode, res.json<{ code: string }>().code], res.body).toEqual([status, code]);

  it('imports a UTF-8 CSV (with BOM) in the background: 202 at once, then done with counts and one event', async () => {
    const body = `\uFEFF${csvText(records(1, 300).map(cellsOf))}`;
    const res = await api.upload(body, '名录 2026.csv');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json<ImportView>()).toMatchObject({ state: 'reading', fileName: '名录 2026.csv', rowsRead: 0, errorCount: 0 });
    const done = await api.waitFor(res.json<ImportView>().id);
    expect(done).toMatchObject({ state: 'done', rowsRead: 300, rowsWritten: 300, errorCount: 0, errors: [] });
    const sha256 = createHash('sha256').update(Buffer.from(body)).digest('hex');
    expect(done.summary).toMatchObject({ created: 300, updated: 0, unchanged: 0, inactive: 0, sha256 });
    const events = await importEvents();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.data ?? '{}')).toMatchObject({ sha256, created: 300, rows: 300, fileName: '名录 2026.csv' });
    expect(await entity(usccOf(7))).toMatchObject({ name: '测试市场主体7有限公司', region: '惠农区', riskClass: 'D', active: true });
  });

  it('imports a GBK CSV (Excel’s default in China), blank risk class as B, lower-case codes upper-cased', async () => {
    const rows = records(1001, 20).map((r, i) =>
      cellsOf({ ...r, riskClass: i === 0 ? '' : r.riskClass, uscc: i === 1 ? r.uscc.toLowerCase() : r.uscc }),
    );
    const done = await api.importFile(encodeGbk(csvText(rows)), '名录-GBK.csv', 'application/vnd.ms-excel');
    expect(done).toMatchObject({ state: 'done', summary: { created: 20 } });
    expect(await entity(usccOf(1001))).toMatchObject({
      name: '测试市场主体1001有限公司',
      address: '某市大武口区朝阳西街 1001 号',
      riskClass: 'B',
    });
    expect((await entity(usccOf(1002))).uscc).toBe(usccOf(1002));
  });

  it('imports an .xlsx with the columns in another order and the optional ones left out', async () => {
    const header = ['名称', '统一社会信用代码*', '行业', '所属区域', '住所(地址)', '法定代表人'];
    const rows = records(2001, 30).map((r) => [r.name, r.uscc, r.industry, r.region, r.address, r.legalRepresentative]);
    const done = await api.importFile(await xlsxFile(rows, header, '企业名单'), '名录.xlsx', 'application/octet-stream');
    expect(done, JSON.stringify(done.errors)).toMatchObject({ state: 'done', rowsRead: 30, summary: { created: 30 } });
    expect(await entity(usccOf(2001))).toMatchObject({ size: '', riskClass: 'B', contact: '', phone: '' });
  });

  it('refuses a file with bad codes: every one listed by row, nothing written, the report as CSV', async () => {
    const before = await counts();
    const rows = records(3001, 50).map(cellsOf);
    rows[4] = cellsOf(entityRecord(3005, { uscc: badCheckUscc(3005) }));
    rows[9] = cellsOf(entityRecord(3010, { uscc: '12345' }));
    rows[19] = cellsOf(entityRecord(3020, { name: '', riskClass: 'E', size: '特大型' }));
    const done = await api.importFile(csvText(rows), '有错误.csv');
    expect(done).toMatchObject({ state: 'failed', rowsRead: 50, rowsWritten: 0, errorCount: 5, summary: null });
    const check = usccOf(3005).slice(-1);
    expect(done.errors).toEqual([
      { row: 6, column: '统一社会信用代码', reason: `「${badCheckUscc(3005)}」校验码错误(按 GB 32100,第 18 位应为「${check}」)` },
      { row: 11, column: '统一社会信用代码', reason: expect.stringContaining('「12345」不是有效的统一社会信用代码') },
      { row: 21, column: '名称', reason: '必填,不能为空' },
      { row: 21, column: '规模', reason: expect.stringContaining('大型、中型、小型、微型') },
      { row: 21, column: '风险等级', reason: expect.stringContaining('A、B、C、D') },
    ]);
    expect(await counts()).toEqual(before);
    const report = await api.call('GET', `/api/inspections/entity-imports/${done.id}/errors.csv`, 'reviewer');
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.headers['content-disposition']).toContain(encodeURIComponent('有错误-错误报告.csv'));
    const lines = report.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('行号,列名,原因');
    expect(lines[1]).toMatch(/^6,统一社会信用代码,/);
    expect(lines).toHaveLength(6);
  });

  it('refuses a file with a code twice, naming the first row; and a file whose header is wrong', async () => {
    const before = await counts();
    const rows = records(4001, 10).map(cellsOf);
    rows.push(cellsOf(entityRecord(4003, { name: '另一个名称' })));
    const dup = await api.importFile(csvText(rows), '重复.csv');
    expect(dup).toMatchObject({ state: 'failed', errorCount: 1 });
    expect(dup.errors).toEqual([{ row: 12, column: '统一社会信用代码', reason: `「${usccOf(4003)}」与第4行重复` }]);
    const header = HEADERS.filter((h) => h !== '行业').concat('备注');
    const wrong = await api.importFile(csvText([['x']], header), '表头.csv');
    expect(wrong.errors).toEqual([
      { row: 1, column: null, reason: '表头与导入模板不一致:缺少必填列:行业;无法识别的列:备注(请删除或改为模板中的列名)' },
    ]);
    const empty = await api.upload('', 'empty.csv');
    expectError(empty, 400, 'import_empty');
    expect(await counts()).toEqual(before);
  });

  it('re-imports: unchanged rows are not written, changed ones updated, new ones created', async () => {
    const first = records(5001, 40);
    await api.importFile(csvText(first.map(cellsOf)), '第一次.csv');
    const second = [
      ...first.slice(0, 30),
      ...first.slice(30).map((r) => ({ ...r, riskClass: 'A', phone: '13900000000' })),
      ...records(5041, 5),
    ];
    const done = await api.importFile(csvText(second.map(cellsOf)), '第二次.csv');
    expect(done).toMatchObject({ state: 'done', rowsRead: 45, rowsWritten: 15, summary: { created: 5, updated: 10, unchanged: 30 } });
    expect(await entity(usccOf(5035))).toMatchObject({ riskClass: 'A', phone: '13900000000', importId: done.id });
    expect((await entity(usccOf(5001))).importId).not.toBe(done.id);
  });

  it('lets only 政策法规科 and unit heads import and edit; officers read', async () => {
    expectError(await api.upload(csvText([cellsOf(entityRecord(6001))]), 'x.csv', 'officer'), 403, 'forbidden');
    expectError(await api.upload(csvText([cellsOf(entityRecord(6001))]), 'x.csv', 'supervisor'), 403, 'forbidden');
    expectError(await api.call('GET', '/api/inspections/entities/template', 'officer'), 403, 'forbidden');
    expectError(
      await api.call('PUT', `/api/inspections/entities/${usccOf(1)}`, 'officer', { ...entityRecord(1), uscc: undefined }),
      403,
      'forbidden',
    );
    expectError(
      await api.call('POST', `/api/inspections/entities/${usccOf(1)}/deactivate`, 'officer', { reason: '注销' }),
      403,
      'forbidden',
    );
    expect((await api.call('GET', '/api/inspections/entities', 'officer')).statusCode).toBe(200);
    expect((await api.call('GET', '/api/inspections/entities', null)).statusCode).toBe(401);
    const byHead = await api.upload(csvText([cellsOf(entityRecord(6001))]), 'x.csv', 'unitHead');
    expect(byHead.statusCode, byHead.body).toBe(202);
    expect((await api.waitFor(byHead.json<ImportView>().id, 'unitHead')).state).toBe('done');
  });

  it('publishes rows_read while reading, then rows_written', async () => {
    const seen: { state: string; rowsRead: number }[] = [];
    const body = Buffer.from(csvText(records(7001, 350).map(cellsOf)));
    const { view, finished } = await startEntityImport(
      ctx.db.kysely,
      env.actors.reviewer,
      { fileName: '进度.csv', body },
      {
        progressEvery: 100,
        onProgress: async () => {
          const res = await api.call('GET', `/api/inspections/entity-imports/${view.id}`, 'reviewer');
          seen.push(res.json<ImportView>());
        },
      },
    );
    await finished;
    expect(seen.map((v) => [v.state, v.rowsRead])).toEqual([
      ['reading', 100],
      ['reading', 200],
      ['reading', 300],
    ]);
    expect(await api.waitFor(view.id)).toMatchObject({ state: 'done', rowsRead: 350, rowsWritten: 350 });
  });

  it('allows one import at a time (409), and reports a reading import left by a restart as failed', async () => {
    const id = 'left-by-a-crash';
    const createdAt = new Date().toISOString();
    const row = {
      id,
      file_name: 'x.csv',
      state: 'reading',
      rows_read: 2000,
      rows_written: 0,
      error_count: 0,
      errors: '[]',
      created_by: 'u',
      created_at: createdAt,
    };
    await ctx.db.kysely.insertInto('inspection_entity_imports').values(row).execute();
    expectError(await api.upload(csvText([cellsOf(entityRecord(8001))]), 'x.csv'), 409, 'import_running');
    const old = new Date(Date.now() - STALE_AFTER_MS - 1000).toISOString();
    await ctx.db.kysely.updateTable('inspection_entity_imports').set({ created_at: old }).where('id', '=', id).execute();
    const view = await api.waitFor(id);
    expect(view).toMatchObject({
      state: 'failed',
      rowsRead: 2000,
      errorCount: 1,
      errors: [{ row: null, reason: expect.stringContaining('中断') }],
    });
    const latest = await api.importFile(csvText([cellsOf(entityRecord(8001))]), 'x.csv');
    expect(latest.state).toBe('done');
    const listed = (await api.call('GET', '/api/inspections/entity-imports?limit=2', 'reviewer')).json<ImportView[]>();
    expect(listed.map((v) => v.id)).toEqual([latest.id, expect.any(String)]);
    expectError(await api.call('GET', '/api/inspections/entity-imports/nope', 'reviewer'), 404, 'import_not_found');
    expectError(await api.call('GET', `/api/inspections/entity-imports/${latest.id}`, 'officer'), 403, 'forbidden');
  });

  it('lists with filters, search and facets', async () => {
    const all = (await api.call('GET', '/api/inspections/entities?pageSize=5', 'officer')).json<EntityListView>();
    expect(all.items).toHaveLength(5);
    expect(all.facets.regions.map((f) => f.value).sort()).toEqual(['大武口区', '平罗县', '惠农区']);
    expect(all.facets.industries.reduce((sum, f) => sum + f.count, 0)).toBe(all.total);
    const q = (await api.call('GET', `/api/inspections/entities?q=${encodeURIComponent('主体700')}`, 'officer')).json<EntityListView>();
    expect(q.items.map((e) => e.name)).toContain('测试市场主体7001有限公司');
    const byCode = (await api.call('GET', `/api/inspections/entities?q=${usccOf(7001).toLowerCase()}`, 'officer')).json<EntityListView>();
    expect(byCode.items.map((e) => e.uscc)).toEqual([usccOf(7001)]);
    const filtered = (
      await api.call('GET', `/api/inspections/entities?region=${encodeURIComponent('惠农区')}&riskClass=D&pageSize=100`, 'officer')
    ).json<EntityListView>();
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.items.every((e) => e.region === '惠农区' && e.riskClass === 'D')).toBe(true);
    expectError(await api.call('GET', '/api/inspections/entities?riskClass=E', 'officer'), 400, 'invalid_input');
  });

  it('edits one entity (codes for bad input, an event per change) and deactivates and reactivates it with a reason', async () => {
    const uscc = usccOf(5);
    const { uscc: _, ...fields } = entityRecord(5);
    const put = (body: Record<string, unknown>) => api.call('PUT', `/api/inspections/entities/${uscc}`, 'reviewer', body);
    expectError(await put({ ...fields, name: ' ' }), 400, 'field_required');
    expectError(await put({ ...fields, riskClass: 'E' }), 400, 'risk_class_invalid');
    expectError(await put({ ...fields, size: '巨型' }), 400, 'size_invalid');
    expectError(await put({ ...fields, phone: 'call me' }), 400, 'phone_invalid');
    expectError(await put({ ...fields, address: '长'.repeat(301) }), 400, 'field_too_long');
    expect((await put({ ...fields, name: '' })).json<{ message: string }>().message).toBe('「名称」必填,不能为空');
    expectError(await api.call('PUT', `/api/inspections/entities/${usccOf(999999)}`, 'reviewer', fields), 404, 'entity_not_found');
    const saved = await put({ ...fields, name: '改名后的公司', riskClass: 'c' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<EntityView>()).toMatchObject({ name: '改名后的公司', riskClass: 'C' });
    const events = () =>
      ctx.db.kysely.selectFrom('events').select(['type', 'data']).where('subject_id', '=', uscc).orderBy('seq').execute();
    expect((await events()).map((e) => e.type)).toEqual(['inspection.entity_updated']);
    expect(JSON.parse((await events())[0]?.data ?? '{}').changes.name).toEqual({ from: '测试市场主体5有限公司', to: '改名后的公司' });
    expect((await put({ ...fields, name: '改名后的公司', riskClass: 'C' })).statusCode).toBe(200);
    expect(await events()).toHaveLength(1);

    const post = (action: string, reason: string) =>
      api.call('POST', `/api/inspections/entities/${uscc}/${action}`, 'unitHead', { reason });
    expectError(await post('deactivate', '  '), 400, 'reason_required');
    expect((await post('deactivate', '已办理注销登记')).json<EntityView>().active).toBe(false);
    expectError(await post('deactivate', '再次'), 409, 'entity_inactive');
    const inactive = (await api.call('GET', '/api/inspections/entities?active=false', 'officer')).json<EntityListView>();
    expect(inactive.items.map((e) => e.uscc)).toEqual([uscc]);
    expect((await post('activate', '注销登记有误,已撤销')).json<EntityView>().active).toBe(true);
    expect((await events()).map((e) => e.type)).toEqual([
      'inspection.entity_updated',
      'inspection.entity_deactivated',
      'inspection.entity_activated',
    ]);
  });

  it('downloads the template: the data sheet with every header, drop-down lists and a 说明 sheet', async () => {
    const res = await api.call('GET', '/api/inspections/entities/template', 'unitHead');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = workbook.getWorksheet('检查对象');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet?.getCell('H2').dataValidation).toMatchObject({ type: 'list', formulae: ['"A,B,C,D"'] });
    expect(workbook.getWorksheet('说明')?.getRow(1).getCell(1).value).toBe('检查对象名录库导入说明');
    const filled = await xlsxFile([cellsOf(entityRecord(9001))]);
    expect((await api.importFile(filled, '模板.xlsx')).state).toBe('done');
  });

  it('seeds the demo directory once (into an empty directory), with a few entities deactivated', async () => {
    await ctx.db.kysely.deleteFrom('inspection_entities').execute();
    await seedDemoEntities(ctx.db.kysely, env.actors.reviewer);
    await seedDemoEntities(ctx.db.kysely, env.actors.reviewer);
    const rows = await ctx.db.kysely.selectFrom('inspection_entities').select(['uscc', 'active']).execute();
    expect(rows).toHaveLength(300);
    expect(rows.filter((r) => Number(r.active) === 0)).toHaveLength(6);
    expect((await importEvents()).at(-1)?.data).toContain('"created":300');
  });
});
