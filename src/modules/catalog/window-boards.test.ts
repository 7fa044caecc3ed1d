import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import {
  type CatalogEnv,
  catalogApi,
  checkErrorCode,
  itemData,
  reviewRuleData,
  snapshotCatalogCounts,
  startCatalogEnv,
  uniqueCode,
  windowBoardData,
} from './testing.js';
import { windowBoardKind } from './window-board-data.js';

describeEachDialect('catalog: 岗位职责公示牌 (window boards)', (ctx) => {
  let env: CatalogEnv;
  let api: ReturnType<typeof catalogApi>;
  let itemCode: string;
  beforeAll(async () => {
    env = await startCatalogEnv(ctx.db);
    api = catalogApi(env);
    itemCode = (await api.createPublished('items', itemData(env.unitId))).code;
  });
  afterAll(() => env?.app.close());

  const post = (data: Record<string, unknown>) => api.call('POST', '/api/catalog/window-boards', undefined, { code: uniqueCode(), data });

  it('creates a board as draft version 1 with trimmed staff, duties without repeats and the items it handles', async () => {
    const res = await post(
      windowBoardData(env.unitId, {
        staff: [{ name: ' 张明 ', post: ' 受理岗 ', certificateNo: ' 640200200002 ' }],
        duties: ['受理投诉', ' 受理投诉 ', '解答咨询'],
        itemCodes: [itemCode, itemCode],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const version = res.json().versions[0];
    expect(version).toMatchObject({ versionNo: 1, status: 'draft' });
    expect(version.data).toMatchObject({
      staff: [{ name: '张明', post: '受理岗', certificateNo: '640200200002' }],
      duties: ['受理投诉', '解答咨询'],
      itemCodes: [itemCode],
    });
  });

  it('refuses each invalid board with its code and changes nothing', async () => {
    const rule = await api.create('review-rules', reviewRuleData(env.unitId));
    const before = await snapshotCatalogCounts(ctx.db.kysely);
    const d = (fields: Record<string, unknown>) => windowBoardData(env.unitId, fields);
    const cases: [string, Record<string, unknown>, RegExp | null][] = [
      ['invalid_input', d({ staff: [] }), null],
      ['invalid_input', d({ duties: [] }), null],
      [
        'staff_name_required',
        d({
          staff: [
            { name: '张明', post: '受理岗', certificateNo: '' },
            { name: ' ', post: '审核岗', certificateNo: '' },
          ],
        }),
        /第 2 位工作人员的姓名/,
      ],
      ['staff_post_required', d({ staff: [{ name: '张明', post: '  ', certificateNo: '' }] }), null],
      ['duties_required', d({ duties: ['  ', ' '] }), /至少一项岗位职责/],
      ['item_not_found', d({ itemCodes: [itemCode, 'NO-SUCH-ITEM'] }), /执法事项「NO-SUCH-ITEM」不存在/],
      ['item_not_found', d({ itemCodes: [rule.code] }), null],
      ['unit_not_found', d({ unitId: 'nope' }), /所属单位不存在/],
      ['name_required', d({ name: ' ' }), null],
      ['window_no_required', d({ windowNo: ' ' }), null],
      ['material_name_required', d({ materials: [{ name: ' ', sample: '' }] }), null],
      ['progress_query_required', d({ progressQuery: ' ' }), null],
      ['complaint_required', d({ complaint: ' ' }), null],
    ];
    for (const [code, data, message] of cases) {
      const res = await post(data);
      expect([res.statusCode, res.json().code], `${code}: ${res.body}`).toEqual([400, code]);
      if (message) expect(res.json().message).toMatch(message);
    }
    expect(await snapshotCatalogCounts(ctx.db.kysely)).toEqual(before);
  });

  it('the check itself refuses a board without staff, for the seed and imports that call it directly', async () => {
    expect(await checkErrorCode(ctx.db.kysely, windowBoardKind, windowBoardData(env.unitId, { staff: [] }))).toBe('staff_required');
    expect(await checkErrorCode(ctx.db.kysely, windowBoardKind, windowBoardData(env.unitId, { duties: [] }))).toBe('duties_required');
  });

  it('publishes boards without staff ids; the window number is the category', async () => {
    const tag = uniqueCode();
    const board = await api.createPublished('window-boards', windowBoardData(env.unitId, { name: `${tag} 窗口`, windowNo: '9 号窗口' }));
    await api.create('window-boards', windowBoardData(env.unitId, { name: `${tag} 草稿窗口` }));
    const list = await api.get(`/api/public/window-boards?q=${tag}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { code: string }) => i.code)).toEqual([board.code]);
    expect(list.json().items[0]).toMatchObject({ windowNo: '9 号窗口', staff: [{ name: '张明', post: '受理岗' }], current: true });
    expect(list.json().items[0]).not.toHaveProperty('unitId');
    const byWindow = await api.get(`/api/public/window-boards?q=${tag}&category=${encodeURIComponent('9 号窗口')}`);
    expect(byWindow.json().total).toBe(1);
    const detail = await api.get(`/api/public/window-boards/${board.code}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ code: board.code, name: `${tag} 窗口`, duties: ['接收投诉和举报'] });
    expect(detail.json()).not.toHaveProperty('unitId');
  });
});
