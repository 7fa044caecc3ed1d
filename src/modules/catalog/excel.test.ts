import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Session } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { XLSX_TYPE } from '../../platform/excel/index.js';
import { type CatalogEnv, snapshotCatalogCounts, startCatalogEnv, uniqueCode } from './testing.js';

type Rows = Record<string, (string | number)[][]>;

/** A workbook whose sheets hold the given rows (the first row of each is the header). */
async function workbook(sheets: Rows): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = wb.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheetsOf(body: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(body).buffer);
  const out: Record<string, string[][]> = {};
  for (const sheet of wb.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) =>
        values.push(cell.value === null || cell.value === undefined ? '' : String(cell.value)),
      );
      rows.push(values);
    });
    out[sheet.name] = rows;
  }
  return out;
}

const ITEM_HEADER = [
  '事项编码',
  '事项名称',
  '事项类别',
  '实施主体',
  '受理机构',
  '决定机构',
  '办理条件',
  '申请材料',
  '法定办理时限',
  '法定时限单位',
  '承诺办理时限',
  '承诺时限单位',
  '收费标准',
  '监督渠道',
  '投诉渠道',
];
const BASES_HEADER = ['事项编码', '法律法规名称', '条款', '条文内容'];
const STEPS_HEADER = ['事项编码', '环节名称', '承办岗位', '环节时限'];
const REMEDIES_HEADER = ['事项编码', '救济途径', '期限'];

describeEachDialect('catalogue Excel (执法事项 and 裁量基准 import and export)', (ctx) => {
  let env: CatalogEnv;
  let unitName: string;
  beforeAll(async () => {
    env = await startCatalogEnv(ctx.db);
    unitName = (await ctx.db.kysely.selectFrom('units').select('name').where('id', '=', env.unitId).executeTakeFirstOrThrow()).name;
  });
  afterAll(() => env?.app.close());

  const upload = (path: string, body: Buffer, who: Session = env.sessions.reviewer) =>
    env.app.inject({ method: 'POST', url: path, headers: { ...who.headers, 'content-type': XLSX_TYPE }, payload: body });
  const download = (path: string, who: Session = env.sessions.reviewer) =>
    env.app.inject({ method: 'GET', url: path, headers: who.headers });

  const itemRow = (code: string, overrides: Partial<Record<string, string>> = {}) => {
    const base: Record<string, string> = {
      事项编码: code,
      事项名称: '对用人单位未依法订立劳动合同的行政处理',
      事项类别: '行政处罚',
      实施主体: unitName,
      受理机构: '',
      决定机构: '',
      办理条件: '',
      申请材料: '投诉书\n劳动关系证明材料',
      法定办理时限: '90',
      法定时限单位: '日',
      承诺办理时限: '60',
      承诺时限单位: '日',
      收费标准: '不收费',
      监督渠道: '',
      投诉渠道: '12333',
      ...overrides,
    };
    return ITEM_HEADER.map((h) => base[h] ?? '');
  };
  const itemBook = (main: string[][], bases: string[][], steps: string[][], remedies: string[][] = []) =>
    workbook({
      执法事项: [ITEM_HEADER, ...main],
      法律依据: [BASES_HEADER, ...bases],
      办理环节: [STEPS_HEADER, ...steps],
      救济途径: [REMEDIES_HEADER, ...remedies],
    });

  it('downloads a template with the four sheets, a 说明 sheet, and refuses officers', async () => {
    const res = await download('/api/catalog/items/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    const sheets = await sheetsOf(res.rawPayload);
    expect(Object.keys(sheets)).toEqual(['执法事项', '法律依据', '办理环节', '救济途径', '说明']);
    expect(sheets.执法事项?.[0]).toEqual(ITEM_HEADER);
    expect((await download('/api/catalog/items/import-template', env.sessions.officer)).statusCode).toBe(403);
    expect((await upload('/api/catalog/items/import', await itemBook([], [], []), env.sessions.officer)).statusCode).toBe(403);
  });

  it('imports new items as drafts with their steps in row order, and nothing is published', async () => {
    const code = uniqueCode();
    const body = await itemBook(
      [itemRow(code)],
      [[code, '中华人民共和国劳动合同法', '第八十二条', '……']],
      [
        [code, '立案', '劳动保障监察员', '5 个工作日内'],
        [code, '调查', '劳动保障监察员', ''],
        [code, '决定', '局负责人', ''],
      ],
      [[code, '行政复议', '60 日内']],
    );
    const res = await upload('/api/catalog/items/import', body);
    expect(res.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const list = await env.app.inject({ method: 'GET', url: `/api/catalog/items?q=${code}`, headers: env.sessions.reviewer.headers });
    const [entry] = list.json().items;
    expect(entry.latestVersion.status).toBe('draft');
    expect(entry.latestVersion.data.steps.map((s: { name: string }) => s.name)).toEqual(['立案', '调查', '决定']);
    expect(entry.latestVersion.data.materials).toEqual(['投诉书', '劳动关系证明材料']);
    expect((await env.app.inject({ method: 'GET', url: `/api/public/items/${code}` })).statusCode).toBe(404);
    // The same file again changes nothing; an edited row updates the open draft.
    expect((await upload('/api/catalog/items/import', body)).json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('lists every bad cell across sheets (sheet, row, column, reason) and writes nothing', async () => {
    const code = uniqueCode();
    const body = await itemBook(
      [itemRow(code, { 事项类别: '行政罚款' }), itemRow(uniqueCode(), { 法定办理时限: '九十' })],
      [[code, '劳动合同法', '', '']],
      [
        [code, '立案', '监察员', ''],
        ['NO-SUCH', '调查', '监察员', ''],
      ],
    );
    const counts = await snapshotCatalogCounts(ctx.db.kysely);
    const res = await upload('/api/catalog/items/import', body);
    expect(res.statusCode).toBe(400);
    const json = res.json();
    expect(json.code).toBe('import_invalid');
    expect(json.errors).toEqual(
      expect.arrayContaining([
        { sheet: '执法事项', row: 2, column: '事项类别', reason: expect.stringContaining('应为行政许可') },
        { sheet: '执法事项', row: 3, column: '法定办理时限', reason: '应为 0 到 3650 之间的整数' },
        { sheet: '法律依据', row: 2, column: '条款', reason: '必填,不能为空' },
        { sheet: '办理环节', row: 3, column: '事项编码', reason: '「执法事项」工作表中没有编码为「NO-SUCH」的行' },
      ]),
    );
    expect(json.details).toContain('「法律依据」工作表第2行「条款」:必填,不能为空');
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(counts);
  });

  it('reports what the service refuses at the entry’s row and rolls back the entries before it', async () => {
    const good = uniqueCode();
    const bad = uniqueCode();
    const body = await itemBook(
      [itemRow(good), itemRow(bad, { 承诺办理时限: '120' })],
      [
        [good, '劳动合同法', '第八十二条', ''],
        [bad, '劳动合同法', '第八十二条', ''],
      ],
      [
        [good, '立案', '监察员', ''],
        [bad, '立案', '监察员', ''],
      ],
    );
    const counts = await snapshotCatalogCounts(ctx.db.kysely);
    const res = await upload('/api/catalog/items/import', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ sheet: '执法事项', row: 3, column: null, reason: '承诺办理时限不能长于法定办理时限' }]);
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(counts);
  });

  it('exports items and benchmarks in the template format; re-importing the export changes nothing', async () => {
    const code = uniqueCode();
    await upload(
      '/api/catalog/items/import',
      await itemBook([itemRow(code)], [[code, '劳动合同法', '第八十二条', '']], [[code, '立案', '监察员', '']]),
    );
    const exported = await download('/api/catalog/items/export');
    expect(exported.statusCode).toBe(200);
    const sheets = await sheetsOf(exported.rawPayload);
    expect(sheets.执法事项?.some((r) => r[0] === code)).toBe(true);
    const again = await upload('/api/catalog/items/import', exported.rawPayload);
    expect(again.json().created).toBe(0);
    expect(again.json().updated).toBe(0);
  });

  it('imports a benchmark with its bases and tiers; an inverted fine range is named at its row', async () => {
    const code = `RB${uniqueCode().slice(2)}`;
    const main = [
      '基准编码',
      '违法行为',
      '违法行为类别',
      '适用单位',
      '执法事项编码',
      '法定处罚种类和幅度',
      '首违不罚',
      '轻微不罚',
      '不予处罚条件',
      '说明',
    ];
    const bases = ['基准编码', '依据类型', '法律法规名称', '条款', '条文内容'];
    const tiers = ['基准编码', '裁量等级', '适用情形', '处罚内容', '罚款下限', '罚款上限', '计算单位'];
    const book = (tierRows: (string | number)[][]) =>
      workbook({
        裁量基准: [
          main,
          [code, '无理抗拒、阻挠实施劳动保障监察', '抗拒执法', unitName, '', '处 2000 元以上 2 万元以下罚款', '否', '否', '', ''],
        ],
        依据: [bases, [code, '违法依据', '劳动保障监察条例', '第三十条', ''], [code, '处罚依据', '劳动保障监察条例', '第三十条', '']],
        裁量阶次: [tiers, ...tierRows],
      });
    const inverted = await upload('/api/catalog/benchmarks/import', await book([[code, '一般', '情节一般', '罚款', 8000, 2000, '元']]));
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().errors).toEqual([{ sheet: '裁量基准', row: 2, column: null, reason: '第 1 个裁量阶次的罚款下限不能高于上限' }]);
    const ok = await upload(
      '/api/catalog/benchmarks/import',
      await book([
        [code, '一般', '情节一般', '罚款', 2000, 8000, '元'],
        [code, '严重', '暴力阻挠', '罚款', 15000, 20000, ''],
      ]),
    );
    expect(ok.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const list = await env.app.inject({ method: 'GET', url: `/api/catalog/benchmarks?q=${code}`, headers: env.sessions.reviewer.headers });
    const data = list.json().items[0].latestVersion.data;
    expect(data.tiers.map((t: { level: string; fineMax: number; fineUnit: string }) => [t.level, t.fineMax, t.fineUnit])).toEqual([
      ['一般', 8000, '元'],
      ['严重', 20000, '元'],
    ]);
    const exported = await sheetsOf((await download('/api/catalog/benchmarks/export')).rawPayload);
    expect(exported.裁量阶次?.filter((r) => r[0] === code)).toHaveLength(2);
  });
});
