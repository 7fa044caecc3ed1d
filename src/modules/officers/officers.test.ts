import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Session } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { shanghaiToday } from '../../platform/calendar/index.js';
import { officerBody, type RosterEnv, snapshotOfficerCounts, startRosterEnv } from './testing.js';
import { addDays } from './validity.js';

describeEachDialect('officers API (执法人员)', (ctx) => {
  let env: RosterEnv;
  beforeAll(async () => {
    env = await startRosterEnv(ctx.db);
  });
  afterAll(() => env?.app.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who?: Session, payload?: Record<string, unknown>) =>
    env.app.inject({ method, url, headers: who ? (method === 'GET' ? { cookie: who.cookie } : who.headers) : {}, payload });
  const today = shanghaiToday();

  it('registers, shows, lists, changes and deletes an officer, recording events', async () => {
    const body = officerBody(env.inspectionId, { name: '马晓东', categories: [' 劳动保障监察 ', '劳动保障监察'] });
    const created = await call('POST', '/api/officers', env.sessions.reviewer, body);
    expect(created.statusCode).toBe(201);
    const officer = created.json();
    expect(officer).toMatchObject({
      name: '马晓东',
      unitName: '劳动保障监察监督局',
      categories: ['劳动保障监察'],
      status: 'active',
      statusLabel: '有效',
      validToday: { valid: true, reason: 'valid' },
      legalQualification: { level: 'none', certificateNo: null },
    });
    expect((await call('GET', `/api/officers/${officer.id}`, env.sessions.officer)).json().certificateNo).toBe(body.certificateNo);
    expect((await call('GET', `/api/officers?q=${encodeURIComponent('马晓')}`, env.sessions.leader)).json().total).toBe(1);

    const suspended = await call('PATCH', `/api/officers/${officer.id}`, env.sessions.admin, { status: 'suspended' });
    expect(suspended.json()).toMatchObject({ status: 'suspended', statusLabel: '暂扣', validToday: { valid: false, reason: 'suspended' } });
    const event = await ctx.db.kysely
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'officer.updated')
      .where('subject_id', '=', officer.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toEqual({ before: { status: 'active' }, after: { status: 'suspended' } });

    expect((await call('DELETE', `/api/officers/${officer.id}`, env.sessions.reviewer)).statusCode).toBe(204);
    expect((await call('GET', `/api/officers/${officer.id}`, env.sessions.reviewer)).statusCode).toBe(404);
    const types = await ctx.db.kysely.selectFrom('events').select('type').where('subject_id', '=', officer.id).orderBy('seq').execute();
    expect(types.map((t) => t.type)).toEqual(['officer.created', 'officer.updated', 'officer.deleted']);
  });

  it('keeps training records (岗前培训/岗位培训)', async () => {
    const officer = (await call('POST', '/api/officers', env.sessions.reviewer, officerBody(env.inspectionId))).json();
    const url = `/api/officers/${officer.id}/training`;
    const added = await call('POST', url, env.sessions.reviewer, {
      kind: 'pre_service',
      date: '2025-05-10',
      hours: 60,
      provider: '自治区司法厅',
    });
    expect(added.statusCode).toBe(201);
    await call('POST', url, env.sessions.reviewer, { kind: 'in_service', date: '2026-04-01', hours: 7.5, provider: '市司法局' });
    const list = (await call('GET', url, env.sessions.officer)).json().items;
    expect(list.map((t: { kindLabel: string; hours: number }) => [t.kindLabel, t.hours])).toEqual([
      ['岗前培训', 60],
      ['岗位培训', 7.5],
    ]);
    const counts = await snapshotOfficerCounts(ctx.db.kysely);
    expect(
      (await call('POST', url, env.sessions.reviewer, { kind: 'pre_service', date: '2025-02-30', hours: 1, provider: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (await call('POST', url, env.sessions.reviewer, { kind: 'pre_service', date: '2025-02-01', hours: 0, provider: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (await call('POST', url, env.sessions.officer, { kind: 'pre_service', date: '2025-02-01', hours: 1, provider: 'x' })).statusCode,
    ).toBe(403);
    expect((await call('DELETE', `${url}/nope`, env.sessions.reviewer)).statusCode).toBe(404);
    expect(await snapshotOfficerCounts(ctx.db.kysely)).toEqual(counts);
    expect((await call('DELETE', `${url}/${added.json().id}`, env.sessions.reviewer)).statusCode).toBe(204);
    expect((await call('GET', url, env.sessions.officer)).json().items).toHaveLength(1);
  });

  it('alerts on active certificates expiring within 30 days, soonest first', async () => {
    const soon = (days: number, status = 'active') =>
      call(
        'POST',
        '/api/officers',
        env.sessions.reviewer,
        officerBody(env.inspectionId, { name: `到期${days}`, validTo: addDays(today, days), status }),
      );
    for (const days of [29, 30, 31, -1, 0]) await soon(days);
    await soon(5, 'revoked');
    const alerts = (await call('GET', '/api/officers/alerts', env.sessions.reviewer)).json();
    expect(alerts).toMatchObject({ today, days: 30 });
    expect(alerts.items.map((o: { name: string }) => o.name)).toEqual(['到期0', '到期29', '到期30']);
    expect((await call('GET', '/api/officers/alerts')).statusCode).toBe(401);
  });

  it('shows an officer only within unit scope (out of scope is 404)', async () => {
    const officer = (await call('POST', '/api/officers', env.sessions.reviewer, officerBody(env.inspectionId))).json();
    expect((await call('GET', `/api/officers/${officer.id}`, env.sessions.otherOfficer)).statusCode).toBe(404);
    const list = (await call('GET', '/api/officers?pageSize=100', env.sessions.otherOfficer)).json();
    expect(list.items.map((o: { id: string }) => o.id)).not.toContain(officer.id);
  });

  it('filters by unit (and sub-units), within the scope of the reader', async () => {
    const here = (await call('POST', '/api/officers', env.sessions.reviewer, officerBody(env.inspectionId))).json();
    const there = (await call('POST', '/api/officers', env.sessions.reviewer, officerBody(env.otherUnitId))).json();
    const ids = async (url: string, who: Session) => (await call('GET', url, who)).json().items.map((o: { id: string }) => o.id);
    const inInspection = await ids(`/api/officers?pageSize=100&unitId=${env.inspectionId}`, env.sessions.reviewer);
    expect(inInspection).toContain(here.id);
    expect(inInspection).not.toContain(there.id);
    expect(await ids(`/api/officers?pageSize=100&unitId=${env.rootId}`, env.sessions.reviewer)).toEqual(
      expect.arrayContaining([here.id, there.id]),
    );
    // An officer of 劳动保障监察监督局 asking for 工伤科 gets nobody: scope and filter are disjoint.
    expect(await ids(`/api/officers?pageSize=100&unitId=${env.otherUnitId}`, env.sessions.officer)).toEqual([]);
    expect((await call('GET', '/api/officers?unitId=nope', env.sessions.reviewer)).json().code).toBe('unit_not_found');
  });

  it('refuses bad input, the wrong people, unknown ids and duplicates, changing nothing', async () => {
    const taken = (await call('POST', '/api/officers', env.sessions.reviewer, officerBody(env.inspectionId))).json();
    const published = (await call('POST', '/api/officers', env.sessions.reviewer, officerBody(env.inspectionId))).json();
    await call('POST', '/api/roster/batches', env.sessions.reviewer, {
      title: '占用',
      items: [{ officerId: published.id, action: 'upsert' }],
    });
    const counts = await snapshotOfficerCounts(ctx.db.kysely);
    const post = (who: Session | undefined, overrides: Record<string, unknown>) =>
      call('POST', '/api/officers', who, officerBody(env.inspectionId, overrides));
    const codeOf = async (res: ReturnType<typeof post>) => {
      const r = await res;
      return [r.statusCode, r.json().code];
    };
    expect(await codeOf(post(env.sessions.reviewer, { certificateNo: taken.certificateNo }))).toEqual([409, 'certificate_taken']);
    expect(await codeOf(post(env.sessions.reviewer, { validFrom: '2026-05-01', validTo: '2026-04-30' }))).toEqual([
      400,
      'invalid_validity_period',
    ]);
    expect(await codeOf(post(env.sessions.reviewer, { validTo: '2026-02-30' }))).toEqual([400, 'invalid_date']);
    expect(await codeOf(post(env.sessions.reviewer, { unitId: 'nope' }))).toEqual([400, 'unit_not_found']);
    expect(await codeOf(post(env.sessions.reviewer, { userId: 'nope' }))).toEqual([400, 'user_not_found']);
    expect(await codeOf(post(env.sessions.reviewer, { name: '  ' }))).toEqual([400, 'name_required']);
    expect(await codeOf(post(env.sessions.reviewer, { categories: [] }))).toEqual([400, 'invalid_input']);
    expect(await codeOf(post(env.sessions.reviewer, { status: 'expired' }))).toEqual([400, 'invalid_input']);
    expect(await codeOf(post(env.sessions.reviewer, { legalQualification: { level: 'none', certificateNo: 'X1' } }))).toEqual([
      400,
      'legal_qualification_level_required',
    ]);
    expect(await codeOf(post(env.sessions.reviewer, { extra: 1 }))).toEqual([400, 'invalid_input']);
    expect(await codeOf(post(env.sessions.supervisor, {}))).toEqual([403, 'forbidden']);
    expect(await codeOf(post(env.sessions.officer, {}))).toEqual([403, 'forbidden']);
    expect(await codeOf(post(undefined, {}))).toEqual([401, 'not_authenticated']);
    const patch = (id: string, body: Record<string, unknown>, who = env.sessions.reviewer) =>
      call('PATCH', `/api/officers/${id}`, who, body);
    expect((await patch('nope', { name: 'x' })).statusCode).toBe(404);
    expect((await patch(published.id, { certificateNo: taken.certificateNo })).statusCode).toBe(409);
    expect((await patch(published.id, {})).statusCode).toBe(400);
    expect((await patch(published.id, { name: 'x' }, env.sessions.supervisor)).statusCode).toBe(403);
    const del = await call('DELETE', `/api/officers/${published.id}`, env.sessions.reviewer);
    expect([del.statusCode, del.json().code]).toEqual([409, 'officer_in_roster']);
    expect((await call('DELETE', '/api/officers/nope', env.sessions.reviewer)).statusCode).toBe(404);
    expect(await snapshotOfficerCounts(ctx.db.kysely)).toEqual(counts);
  });
});
