import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Session } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { XLSX_TYPE } from '../../platform/excel/index.js';
import { buildSheet, loadWorkbook, readSheet, sheetRow, TEMPLATE_HEADERS } from './excel-testing.js';
import { officerBody, type RosterEnv, snapshotOfficerCounts, startRosterEnv, uniqueCertificate } from './testing.js';

describeEachDialect('officers Excel import (执法人员导入)', (ctx) => {
  let env: RosterEnv;
  beforeAll(async () => {
    env = await startRosterEnv(ctx.db);
  });
  afterAll(() => env?.app.close());

  const UNIT = '劳动保障监察监督局';
  const upload = (body: Buffer | string, who: Session | null = env.sessions.reviewer, type = XLSX_TYPE) =>
    env.app.inject({
      method: 'POST',
      url: '/api/officers/import',
      headers: { ...(who?.headers ?? {}), 'content-type': type },
      payload: body,
    });
  const eventCount = async (type: string) => {
    const row = await ctx.db.kysely
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('type', '=', type)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const officerByCertificate = (certificateNo: string) =>
    ctx.db.kysely.selectFrom('officers').selectAll().where('certificate_no', '=', certificateNo).executeTakeFirstOrThrow();
  /** Uploads a file that must be refused, proving nothing was written; answers the error body. */
  const refused = async (body: Buffer | string) => {
    const counts = await snapshotOfficerCounts(ctx.db.kysely);
    const res = await upload(body);
    expect(res.statusCode).toBe(400);
    expect(await snapshotOfficerCounts(ctx.db.kysely)).toEqual(counts);
    return res.json();
  };

  it('downloads the template: header row, drop-down lists, and a 说明 sheet with the example', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/officers/import-template',
      headers: { cookie: env.sessions.reviewer.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('执法人员导入模板.xlsx')}`);
    const rows = await readSheet(res.rawPayload);
    expect(rows).toEqual([TEMPLATE_HEADERS]);
    const help = await readSheet(res.rawPayload, '说明');
    expect(help.at(-2)).toEqual(TEMPLATE_HEADERS);
    expect(help.at(-1)).toContain('640200200001');
    expect(help.some((r) => r.join('').includes('执法证件号码'))).toBe(true);
    const sheet = (await loadWorkbook(res.rawPayload)).getWorksheet('执法人员');
    expect(sheet?.getCell('I2').dataValidation).toMatchObject({ type: 'list', formulae: ['"有效,暂扣,注销"'] });
    expect(sheet?.getCell('J3').dataValidation).toMatchObject({ type: 'list', formulae: ['"无,A,B,C"'] });
    const officer = await env.app.inject({
      method: 'GET',
      url: '/api/officers/import-template',
      headers: { cookie: env.sessions.officer.cookie },
    });
    expect(officer.statusCode).toBe(403);
  });

  it('imports a valid file in one go: creates new officers, updates registered ones, one event per change', async () => {
    const existing = (
      await env.app.inject({
        method: 'POST',
        url: '/api/officers',
        headers: env.sessions.reviewer.headers,
        payload: officerBody(env.inspectionId),
      })
    ).json();
    const [a, b] = [uniqueCertificate(), uniqueCertificate()];
    const [created, updated] = [await eventCount('officer.created'), await eventCount('officer.updated')];
    const body = await buildSheet([
      sheetRow(UNIT, a, { 姓名: '甲', 有效期起: new Date(Date.UTC(2024, 4, 1)), 有效期止: new Date('2029-04-30T00:00:00+08:00') }),
      null,
      sheetRow('工伤科', existing.certificateNo, {
        姓名: existing.name,
        职务: '科长',
        有效期起: existing.validFrom,
        有效期止: existing.validTo,
      }),
      sheetRow(UNIT, b, {
        执法类别: '劳动保障监察、劳动关系,社会保险稽核',
        状态: '暂扣',
        法律职业资格: 'a',
        法律职业资格证书编号: 'A2011',
      }),
    ]);
    const res = await upload(body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 1, unchanged: 0 });
    expect(await eventCount('officer.created')).toBe(created + 2);
    expect(await eventCount('officer.updated')).toBe(updated + 1);
    expect(await officerByCertificate(a)).toMatchObject({ name: '甲', valid_from: '2024-05-01', valid_to: '2029-04-30', status: 'active' });
    expect(await officerByCertificate(b)).toMatchObject({
      categories: JSON.stringify(['劳动保障监察', '劳动关系', '社会保险稽核']),
      status: 'suspended',
      legal_qualification: 'A',
      legal_qualification_no: 'A2011',
    });
    expect(await officerByCertificate(existing.certificateNo)).toMatchObject({ position: '科长', unit_id: env.otherUnitId });
    const event = await ctx.db.kysely
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'officer.updated')
      .where('subject_id', '=', existing.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(JSON.parse(event.data).after).sort()).toEqual(['position', 'unitId']);

    const again = await upload(body);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });

  it('lists all three bad cells (row, column, reason) and changes nothing', async () => {
    const existing = (
      await env.app.inject({
        method: 'POST',
        url: '/api/officers',
        headers: env.sessions.reviewer.headers,
        payload: officerBody(env.inspectionId),
      })
    ).json();
    const json = await refused(
      await buildSheet([
        sheetRow(UNIT, uniqueCertificate()),
        sheetRow(UNIT, uniqueCertificate(), { 有效期止: '2030/12/31' }),
        sheetRow(UNIT, existing.certificateNo, { 职务: '改了也不写入', 状态: '过期' }),
        sheetRow(UNIT, uniqueCertificate()),
        sheetRow(UNIT, 'AB 1'),
      ]),
    );
    expect(json.code).toBe('import_invalid');
    expect(json.message).toBe('导入文件有 3 处错误,未写入任何数据');
    expect(json.errors).toEqual([
      { sheet: null, row: 3, column: '有效期止', reason: '日期格式应为 YYYY-MM-DD' },
      { sheet: null, row: 4, column: '状态', reason: '应为 有效、暂扣 或 注销' },
      { sheet: null, row: 6, column: '执法证件号码', reason: '应为最多 32 位,只能包含字母、数字和连字符「-」' },
    ]);
    expect(json.details).toEqual([
      '第3行「有效期止」:日期格式应为 YYYY-MM-DD',
      '第4行「状态」:应为 有效、暂扣 或 注销',
      '第6行「执法证件号码」:应为最多 32 位,只能包含字母、数字和连字符「-」',
    ]);
    expect((await officerByCertificate(existing.certificateNo)).position).toBe(existing.position);
  });

  it('refuses duplicates within the file, unknown units, missing cells and impossible dates', async () => {
    const twice = uniqueCertificate();
    const json = await refused(
      await buildSheet([
        sheetRow(UNIT, twice),
        sheetRow(UNIT, twice),
        sheetRow('不存在的局', uniqueCertificate(), { 姓名: '', 有效期起: '2026-02-30' }),
        sheetRow(UNIT, uniqueCertificate(), {
          有效期起: '2026-05-02',
          有效期止: '2026-05-01',
          法律职业资格: '无',
          法律职业资格证书编号: 'X1',
        }),
      ]),
    );
    expect(json.details).toEqual([
      '第3行「执法证件号码」:与第2行的执法证件号码重复',
      '第4行「姓名」:必填,不能为空',
      '第4行「所属单位」:系统中没有名为「不存在的局」的机构',
      '第4行「有效期起」:「2026-02-30」不是有效的日期',
      '第5行「有效期止」:有效期止不能早于有效期起',
      '第5行「法律职业资格证书编号」:填写证书编号时须选择法律职业资格类别(A、B 或 C)',
    ]);
  });

  it('refuses a header that differs from the template, an empty file and too many rows', async () => {
    const headers = [...TEMPLATE_HEADERS.filter((h) => h !== '状态'), '备注'];
    const header = await refused(await buildSheet([sheetRow(UNIT, uniqueCertificate())], headers));
    expect(header.errors).toEqual([{ sheet: null, row: 1, column: null, reason: '表头与导入模板不一致(缺少列:状态;无法识别的列:备注)' }]);
    expect((await refused(await buildSheet([]))).details).toEqual(['文件中没有数据行(第 2 行起每行填写一名执法人员)']);
    expect((await refused(await buildSheet([], []))).code).toBe('import_invalid');
    const many = Array.from({ length: 5001 }, (_, i) => sheetRow(UNIT, `ROW${String(i).padStart(6, '0')}`));
    expect((await refused(await buildSheet(many))).details).toEqual(['数据超过 5000 行,请分批导入']);
  });

  it('answers import_unreadable for a body that is no .xlsx, and checks who may import', async () => {
    expect((await refused('this is not a spreadsheet')).code).toBe('import_unreadable');
    expect((await refused(Buffer.from('PK\u0003\u0004 truncated zip'))).code).toBe('import_unreadable');
    const octet = await upload('still not a spreadsheet', env.sessions.reviewer, 'application/octet-stream');
    expect([octet.statusCode, octet.json().code]).toEqual([400, 'import_unreadable']);
    const body = await buildSheet([sheetRow(UNIT, uniqueCertificate())]);
    const counts = await snapshotOfficerCounts(ctx.db.kysely);
    expect((await upload(body, env.sessions.officer)).statusCode).toBe(403);
    expect((await upload(body, env.sessions.supervisor)).statusCode).toBe(403);
    expect((await upload(body, null)).statusCode).toBe(401);
    const noCsrf = await env.app.inject({
      method: 'POST',
      url: '/api/officers/import',
      headers: { cookie: env.sessions.reviewer.cookie, 'content-type': XLSX_TYPE },
      payload: body,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await snapshotOfficerCounts(ctx.db.kysely)).toEqual(counts);
  });
});
