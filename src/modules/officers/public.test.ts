import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { loadCalendar, seedCalendarFromChineseDays, shanghaiToday } from '../../platform/calendar/index.js';
import { seedDemo } from '../org/index.js';
import { listExpiryAlerts } from './officers-service.js';
import { listPublicRoster, verifyCertificate } from './public-service.js';
import { confirmBatch } from './roster-decisions.js';
import { seedOfficersDemo } from './seed.js';
import { officerBody, prepareCalendar, type RosterEnv, startRosterEnv } from './testing.js';

describeEachDialect('public roster and certificate verification', (ctx) => {
  let env: RosterEnv;
  const certs: Record<string, string> = {};
  let batchId = '';

  beforeAll(async () => {
    env = await startRosterEnv(ctx.db);
    const { reviewer } = env.sessions;
    const ids: string[] = [];
    const plan: [string, Record<string, unknown>][] = [
      ['dated', { name: '有效期人员', validFrom: '2025-03-01', validTo: '2027-02-28' }],
      ['suspended', { name: '暂扣人员', status: 'suspended' }],
      ['revoked', { name: '注销人员', status: 'revoked' }],
      ...Array.from({ length: 23 }, (_, i): [string, Record<string, unknown>] => [`p${i}`, { name: `人员${String(i).padStart(2, '0')}` }]),
      ['fund', { name: '周海涛', unitId: env.otherUnitId, categories: ['社会保险基金监督'] }],
    ];
    for (const [key, overrides] of plan) {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/officers',
        headers: reviewer.headers,
        payload: officerBody(env.inspectionId, overrides),
      });
      certs[key] = res.json().certificateNo;
      ids.push(res.json().id);
    }
    const batch = await env.app.inject({
      method: 'POST',
      url: '/api/roster/batches',
      headers: reviewer.headers,
      payload: { title: '公开', items: ids.map((officerId) => ({ officerId, action: 'upsert' })) },
    });
    batchId = batch.json().id;
    await env.app.inject({ method: 'POST', url: `/api/roster/batches/${batchId}/submit`, headers: reviewer.headers });
  });
  afterAll(() => env?.app.close());

  it('counts the publication deadline in working days (国庆 2026: confirmed 09-30 → 10-13)', async () => {
    const confirmed = await confirmBatch(ctx.db.kysely, env.actors.supervisor, batchId, '2026-09-30');
    expect(confirmed.publishDeadline).toBe('2026-10-13');
  });

  it.each([
    ['dated', '2025-02-28', '未生效'],
    ['dated', '2025-03-01', '有效'],
    ['dated', '2026-06-15', '有效'],
    ['dated', '2027-02-28', '有效'],
    ['dated', '2027-03-01', '已过期'],
    ['suspended', '2026-06-15', '暂扣'],
    ['revoked', '2026-06-15', '注销'],
  ])('verifies %s on %s as %s', async (key, date, status) => {
    const check = await verifyCertificate(ctx.db.kysely, certs[key] ?? '', date);
    expect(check).toMatchObject({ certificateNo: certs[key], status, asOf: date, valid: status === '有效' });
  });

  it('answers the open verify endpoint as of today, without login, with exactly the public fields', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/public/officers/${certs.dated}/verify` });
    expect(res.statusCode).toBe(200);
    const expected = shanghaiToday() <= '2027-02-28' ? '有效' : '已过期';
    expect(res.json()).toEqual({
      name: '有效期人员',
      unit: '劳动保障监察监督局',
      certificateNo: certs.dated,
      validUntil: '2027-02-28',
      status: expected,
    });
    const missing = await env.app.inject({ method: 'GET', url: '/api/public/officers/640200209999/verify' });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'certificate_not_found']);
  });

  it('lists only currently valid officers, paginated and filtered by name, unit and category', async () => {
    const get = async (query: string) => (await env.app.inject({ method: 'GET', url: `/api/public/roster${query}` })).json();
    // 'dated' ends on 2027-02-28: the count must not depend on the day the suite runs.
    const valid = shanghaiToday() <= '2027-02-28' ? 25 : 24;
    const first = await get('?pageSize=10');
    expect(first.total).toBe(valid);
    expect(first.items).toHaveLength(10);
    expect(Object.keys(first).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    expect((await get('?pageSize=10&page=3')).items).toHaveLength(valid - 20);
    const names = (await get('?pageSize=100')).items.map((o: { name: string }) => o.name);
    expect(names).not.toContain('暂扣人员');
    expect(names).not.toContain('注销人员');
    expect((await get(`?name=${encodeURIComponent('人员0')}`)).total).toBe(10);
    expect((await get(`?unit=${encodeURIComponent('工伤')}`)).items.map((o: { name: string }) => o.name)).toEqual(['周海涛']);
    expect((await get(`?category=${encodeURIComponent('基金')}`)).total).toBe(1);
    expect((await get('?name=%25')).total).toBe(0);
    expect((await env.app.inject({ method: 'GET', url: '/api/public/roster?pageSize=1000' })).statusCode).toBe(400);
  });
});

describeEachDialect('demo seed (seedOfficersDemo)', (ctx) => {
  it('seeds 9 officers of the demo bureau, confirmed and published, once', async () => {
    const db = ctx.db.kysely;
    await seedDemo(db);
    const admin = await db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select(['users.id', 'units.path'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    await prepareCalendar(db, {
      kind: 'user',
      userId: admin.id,
      username: 'admin',
      displayName: '系统管理员',
      unitId: 'x',
      unitPath: admin.path,
      roles: ['admin'],
    });
    expect(await seedOfficersDemo(db)).toBe(true);
    expect(await seedOfficersDemo(db)).toBe(false);
    const roster = await listPublicRoster(db, { page: 1, pageSize: 20 });
    expect(roster.version).toMatchObject({ version: 1 });
    expect(roster.version?.publishDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(roster.total).toBe(7);
    expect(roster.items.filter((o) => o.unitName === '劳动保障监察监督局')).toHaveLength(3);
    expect((await verifyCertificate(db, '640200200004')).status).toBe('已过期');
    expect((await verifyCertificate(db, '640200200005')).status).toBe('暂扣');
    const alerts = await listExpiryAlerts(db, {
      kind: 'user',
      userId: admin.id,
      username: 'admin',
      displayName: '',
      unitId: 'x',
      unitPath: admin.path,
      roles: ['admin'],
    });
    expect(alerts.items.map((o) => o.name)).toEqual(['李娜']);
    const linked = await db.selectFrom('officers').select('name').where('user_id', 'is not', null).orderBy('name').execute();
    expect(linked.map((o) => o.name).sort()).toEqual(['张明', '李娜', '王建国', '赵法审'].sort());
  });

  it('still starts near a year end whose next year has no holiday schedule yet: the deadline is the publication day', async () => {
    const db = ctx.db.kysely;
    await seedDemo(db);
    await seedCalendarFromChineseDays(db);
    await db.deleteFrom('roster_entries').execute();
    await db.deleteFrom('roster_versions').execute();
    await db.deleteFrom('roster_batch_items').execute();
    await db.deleteFrom('roster_batches').execute();
    await db.deleteFrom('officer_trainings').execute();
    await db.deleteFrom('officers').execute();
    const years = (await loadCalendar(db)).years;
    const unknown = Math.max(...years) + 1;
    const lateDecember = `${unknown - 1}-12-30`;
    expect(await seedOfficersDemo(db, lateDecember)).toBe(true);
    const roster = await listPublicRoster(db, { page: 1, pageSize: 20 });
    expect(roster.version?.publishDeadline).toBe(lateDecember);
    const batch = await db.selectFrom('roster_batches').select('note').executeTakeFirstOrThrow();
    expect(batch.note).toContain('尚未录入');
  });
});
