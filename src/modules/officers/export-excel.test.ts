import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Session } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { makeUnit } from '../../../test/support/factories.js';
import { XLSX_TYPE } from '../../platform/excel/index.js';
import { loadWorkbook, readSheet, TEMPLATE_HEADERS } from './excel-testing.js';
import { officerBody, type RosterEnv, snapshotOfficerCounts, startRosterEnv } from './testing.js';

describeEachDialect('officers Excel export (执法人员导出)', (ctx) => {
  let env: RosterEnv;
  beforeAll(async () => {
    env = await startRosterEnv(ctx.db);
  });
  afterAll(() => env?.app.close());

  const post = (body: Record<string, unknown>) =>
    env.app.inject({ method: 'POST', url: '/api/officers', headers: env.sessions.reviewer.headers, payload: body });
  const exportAs = (who: Session) => env.app.inject({ method: 'GET', url: '/api/officers/export', headers: { cookie: who.cookie } });
  const upload = (body: Buffer) =>
    env.app.inject({
      method: 'POST',
      url: '/api/officers/import',
      headers: { ...env.sessions.reviewer.headers, 'content-type': XLSX_TYPE },
      payload: body,
    });

  it('exports the template columns, and re-importing the export changes nothing', async () => {
    await post(officerBody(env.inspectionId, { name: '马晓东', categories: ['劳动保障监察', '劳动关系'] }));
    await post(
      officerBody(env.otherUnitId, { name: '白雪', status: 'suspended', legalQualification: { level: 'C', certificateNo: 'C2019' } }),
    );
    const res = await exportAs(env.sessions.reviewer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual(TEMPLATE_HEADERS);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get('马晓东')?.slice(1, 4)).toEqual(['劳动保障监察监督局', expect.any(String), '劳动保障监察、劳动关系']);
    expect(byName.get('白雪')?.slice(8)).toEqual(['暂扣', 'C', 'C2019']);

    const counts = await snapshotOfficerCounts(ctx.db.kysely);
    const again = await upload(res.rawPayload);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: rows.length - 1 });
    expect(await snapshotOfficerCounts(ctx.db.kysely)).toEqual(counts);
  });

  it('re-imports an edited export as updates only, one event per changed officer', async () => {
    const officer = (await post(officerBody(env.inspectionId, { name: '待修改' }))).json();
    const workbook = await loadWorkbook((await exportAs(env.sessions.admin)).rawPayload);
    const sheet = workbook.getWorksheet('执法人员');
    const row = sheet?.getRows(2, sheet.rowCount - 1)?.find((r) => r.getCell(1).value === '待修改');
    if (!sheet || !row) throw new Error('exported row missing');
    row.getCell(3).value = '副科长';
    row.getCell(9).value = '注销';
    const counts = await snapshotOfficerCounts(ctx.db.kysely);
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.json()).toEqual({ created: 0, updated: 1, unchanged: sheet.rowCount - 2 });
    expect(await snapshotOfficerCounts(ctx.db.kysely)).toEqual({ ...counts, events: (counts.events ?? 0) + 1 });
    const event = await ctx.db.kysely
      .selectFrom('events')
      .select(['type', 'data'])
      .where('subject_id', '=', officer.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect([event.type, JSON.parse(event.data).after]).toEqual(['officer.updated', { position: '副科长', status: 'revoked' }]);
  });

  it('exports only what the actor may list, naming same-named units by their path', async () => {
    const twin = await makeUnit(ctx.db.kysely, { parentId: env.otherUnitId, name: '劳动保障监察监督局' });
    await post(officerBody(twin.id, { name: '同名机构人员' }));
    const all = await readSheet((await exportAs(env.sessions.reviewer)).rawPayload);
    const unitOf = (name: string) => all.find((r) => r[0] === name)?.[1];
    expect(unitOf('同名机构人员')).toMatch(/^某市人社局-[0-9a-f]+\/工伤科\/劳动保障监察监督局$/);
    expect(unitOf('马晓东')).toMatch(/^某市人社局-[0-9a-f]+\/劳动保障监察监督局$/);
    expect((await upload((await exportAs(env.sessions.reviewer)).rawPayload)).json()).toMatchObject({ created: 0, updated: 0 });

    const mine = await readSheet((await exportAs(env.sessions.otherOfficer)).rawPayload);
    expect(mine.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(['白雪', '同名机构人员']));
    expect(mine.slice(1).map((r) => r[0])).not.toContain('马晓东');
    expect((await env.app.inject({ method: 'GET', url: '/api/officers/export' })).statusCode).toBe(401);
  });
});
