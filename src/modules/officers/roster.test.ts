import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Session } from '../../../test/support/app.js';
import { describeEachDialect } from '../../../test/support/databases.js';
import { loadCalendar, shanghaiToday } from '../../platform/calendar/index.js';
import { officerBody, type RosterEnv, snapshotOfficerCounts, startRosterEnv } from './testing.js';

describeEachDialect('roster workflow (执法人员清单)', (ctx) => {
  let env: RosterEnv;
  beforeAll(async () => {
    env = await startRosterEnv(ctx.db);
  });
  afterAll(() => env?.app.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, who?: Session, payload?: Record<string, unknown>) =>
    env.app.inject({ method, url, headers: who ? (method === 'GET' ? { cookie: who.cookie } : who.headers) : {}, payload });
  const publicRoster = async (query = '') => (await call('GET', `/api/public/roster${query}`)).json();
  const createOfficer = async (overrides: Record<string, unknown> = {}) => {
    const res = await call('POST', '/api/officers', env.sessions.reviewer, officerBody(env.inspectionId, overrides));
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; certificateNo: string }>();
  };
  const eventTypes = async (subjectId: string) =>
    (await ctx.db.kysely.selectFrom('events').select('type').where('subject_id', '=', subjectId).orderBy('seq').execute()).map(
      (e) => e.type,
    );

  it('draft → submit → the supervisor confirms → the public roster shows only the public fields', async () => {
    const a = await createOfficer({
      name: '张明',
      categories: ['劳动保障监察', '劳动关系'],
      legalQualification: { level: 'A', certificateNo: 'A123' },
    });
    const b = await createOfficer({ name: '李娜' });
    const draft = await call('POST', '/api/roster/batches', env.sessions.reviewer, {
      title: '首次公开',
      items: [
        { officerId: a.id, action: 'upsert' },
        { officerId: b.id, action: 'upsert' },
      ],
    });
    expect(draft.statusCode).toBe(201);
    const batch = draft.json<{ id: string; status: string }>();
    expect(batch.status).toBe('draft');
    expect((await publicRoster()).total).toBe(0);

    const submitted = await call('POST', `/api/roster/batches/${batch.id}/submit`, env.sessions.reviewer);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().items[0].entry).toMatchObject({ name: '张明', status: 'active' });
    expect((await publicRoster()).total).toBe(0);

    const queue = await call('GET', '/api/roster/batches?status=submitted', env.sessions.supervisor);
    expect(queue.json().items.map((x: { id: string }) => x.id)).toEqual([batch.id]);

    const confirmed = await call('POST', `/api/roster/batches/${batch.id}/confirm`, env.sessions.supervisor);
    expect(confirmed.statusCode).toBe(200);
    const expectedDeadline = (await loadCalendar(ctx.db.kysely)).addWorkingDays(shanghaiToday(), 5);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', version: 1, publishDeadline: expectedDeadline });

    const roster = await publicRoster();
    expect(roster.total).toBe(2);
    const zhang = roster.items.find((o: { name: string }) => o.name === '张明');
    expect(Object.keys(zhang).sort()).toEqual(['categories', 'certificateNo', 'name', 'position', 'unitName', 'validUntil']);
    expect(zhang).toMatchObject({
      unitName: '劳动保障监察监督局',
      categories: ['劳动保障监察', '劳动关系'],
      certificateNo: a.certificateNo,
    });
    expect(await eventTypes(batch.id)).toEqual(['roster.batch_created', 'roster.submitted', 'roster.confirmed']);
    expect(await eventTypes('1')).toEqual(['roster.published']);
  });

  it('drafting changes never alter the public roster; a return needs a reason and changes nothing public', async () => {
    const before = await publicRoster();
    const officer = before.items[0];
    const id = (
      await ctx.db.kysely.selectFrom('officers').select('id').where('certificate_no', '=', officer.certificateNo).executeTakeFirstOrThrow()
    ).id;
    const patched = await call('PATCH', `/api/officers/${id}`, env.sessions.reviewer, { position: '副大队长' });
    expect(patched.json().position).toBe('副大队长');
    expect(await publicRoster()).toEqual(before);

    const batch = (
      await call('POST', '/api/roster/batches', env.sessions.reviewer, { title: '职务调整', items: [{ officerId: id, action: 'upsert' }] })
    ).json();
    await call('POST', `/api/roster/batches/${batch.id}/submit`, env.sessions.reviewer);

    const counts = await snapshotOfficerCounts(ctx.db.kysely);
    const noReason = await call('POST', `/api/roster/batches/${batch.id}/return`, env.sessions.supervisor, { reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('reason_required');
    expect((await call('POST', `/api/roster/batches/${batch.id}/return`, env.sessions.supervisor, {})).statusCode).toBe(400);
    expect((await call('POST', `/api/roster/batches/${batch.id}/return`, env.sessions.reviewer, { reason: '自己退回' })).statusCode).toBe(
      403,
    );
    expect((await call('POST', `/api/roster/batches/${batch.id}/confirm`, env.sessions.reviewer)).statusCode).toBe(403);
    expect((await call('PATCH', `/api/roster/batches/${batch.id}`, env.sessions.reviewer, { title: '改名' })).statusCode).toBe(409);
    expect(await snapshotOfficerCounts(ctx.db.kysely)).toEqual(counts);

    const returned = await call('POST', `/api/roster/batches/${batch.id}/return`, env.sessions.supervisor, { reason: '请附任职文件' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请附任职文件' });
    expect(await publicRoster()).toEqual(before);

    // A returned batch can be edited and submitted again; a second confirmation publishes version 2.
    const edited = await call('PATCH', `/api/roster/batches/${batch.id}`, env.sessions.reviewer, { note: '已附任职文件' });
    expect(edited.json()).toMatchObject({ status: 'returned', note: '已附任职文件' });
    expect((await call('POST', `/api/roster/batches/${batch.id}/submit`, env.sessions.reviewer)).json()).toMatchObject({
      status: 'submitted',
      returnReason: null,
    });
    expect((await call('POST', `/api/roster/batches/${batch.id}/confirm`, env.sessions.supervisor)).json().version).toBe(2);
    const after = await publicRoster();
    expect(after.items.find((o: { certificateNo: string }) => o.certificateNo === officer.certificateNo).position).toBe('副大队长');
    expect(await eventTypes(batch.id)).toEqual([
      'roster.batch_created',
      'roster.submitted',
      'roster.returned',
      'roster.batch_updated',
      'roster.submitted',
      'roster.confirmed',
    ]);
    const versions = await ctx.db.kysely.selectFrom('roster_versions').select(['version', 'entry_count']).orderBy('version').execute();
    expect(versions.map((v) => [Number(v.version), Number(v.entry_count)])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('removes an officer from the roster, keeping every earlier version', async () => {
    const [first] = (await publicRoster()).items;
    const id = (
      await ctx.db.kysely.selectFrom('officers').select('id').where('certificate_no', '=', first.certificateNo).executeTakeFirstOrThrow()
    ).id;
    const batch = (
      await call('POST', '/api/roster/batches', env.sessions.admin, { title: '调离', items: [{ officerId: id, action: 'remove' }] })
    ).json();
    await call('POST', `/api/roster/batches/${batch.id}/submit`, env.sessions.admin);
    await call('POST', `/api/roster/batches/${batch.id}/confirm`, env.sessions.supervisor);
    expect((await publicRoster()).items.map((o: { certificateNo: string }) => o.certificateNo)).not.toContain(first.certificateNo);
    const kept = await ctx.db.kysely
      .selectFrom('roster_entries')
      .select('version')
      .where('certificate_no', '=', first.certificateNo)
      .execute();
    expect(kept.map((r) => Number(r.version)).sort()).toEqual([1, 2]);
  });

  it('refuses wrong states, unknown ids, empty batches and the wrong people, changing nothing', async () => {
    const o = await createOfficer();
    const draft = (
      await call('POST', '/api/roster/batches', env.sessions.reviewer, { title: '待定', items: [{ officerId: o.id, action: 'upsert' }] })
    ).json();
    const empty = (await call('POST', '/api/roster/batches', env.sessions.reviewer, { title: '空批次', items: [] })).json();
    const counts = await snapshotOfficerCounts(ctx.db.kysely);
    const expectError = async (res: Promise<{ statusCode: number; json: () => { code: string } }>, status: number, code?: string) => {
      const r = await res;
      expect(r.statusCode).toBe(status);
      if (code) expect(r.json().code).toBe(code);
    };
    await expectError(call('POST', `/api/roster/batches/${draft.id}/confirm`, env.sessions.supervisor), 409, 'batch_not_submitted');
    await expectError(
      call('POST', `/api/roster/batches/${draft.id}/return`, env.sessions.supervisor, { reason: 'x' }),
      409,
      'batch_not_submitted',
    );
    await expectError(call('POST', `/api/roster/batches/${empty.id}/submit`, env.sessions.reviewer), 400, 'batch_empty');
    await expectError(call('POST', '/api/roster/batches/nope/submit', env.sessions.reviewer), 404, 'batch_not_found');
    await expectError(call('POST', '/api/roster/batches/nope/confirm', env.sessions.supervisor), 404, 'batch_not_found');
    await expectError(call('POST', `/api/roster/batches/${draft.id}/submit`, env.sessions.supervisor), 403);
    await expectError(call('POST', `/api/roster/batches/${draft.id}/submit`, env.sessions.officer), 403);
    await expectError(call('POST', `/api/roster/batches/${draft.id}/submit`), 401);
    await expectError(call('POST', '/api/roster/batches', env.sessions.supervisor, { title: 'x', items: [] }), 403);
    await expectError(
      call('POST', '/api/roster/batches', env.sessions.reviewer, { title: 'x', items: [{ officerId: 'nope', action: 'upsert' }] }),
      400,
      'officer_not_found',
    );
    await expectError(
      call('POST', '/api/roster/batches', env.sessions.reviewer, { title: 'x', items: [{ officerId: o.id, action: 'delete' }] }),
      400,
      'invalid_input',
    );
    await expectError(call('GET', '/api/roster/batches', env.sessions.officer), 403);
    await expectError(call('GET', '/api/roster/batches?status=nope', env.sessions.supervisor), 400);
    expect(await snapshotOfficerCounts(ctx.db.kysely)).toEqual(counts);
  });

  it('keeps one pending change per officer and only removes officers who are published', async () => {
    const o = await createOfficer();
    const make = async (action: string) =>
      (await call('POST', '/api/roster/batches', env.sessions.reviewer, { title: action, items: [{ officerId: o.id, action }] })).json<{
        id: string;
      }>();
    const remove = await make('remove');
    const counts = await snapshotOfficerCounts(ctx.db.kysely);
    const notPublished = await call('POST', `/api/roster/batches/${remove.id}/submit`, env.sessions.reviewer);
    expect([notPublished.statusCode, notPublished.json().code]).toEqual([409, 'officer_not_published']);
    const first = await make('upsert');
    const second = await make('upsert');
    await call('POST', `/api/roster/batches/${first.id}/submit`, env.sessions.reviewer);
    const clash = await call('POST', `/api/roster/batches/${second.id}/submit`, env.sessions.reviewer);
    expect([clash.statusCode, clash.json().code]).toEqual([409, 'officer_in_pending_batch']);
    expect((await snapshotOfficerCounts(ctx.db.kysely)).roster_versions).toBe(counts.roster_versions);
  });
});
